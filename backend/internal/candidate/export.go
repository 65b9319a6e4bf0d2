package candidate

import (
	"context"
	"database/sql"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/identity"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
)

// The kandidaat's export (AVG art. 15) is everything Werkhaven holds about
// them. Much of it is kept by other domains; each fills records of the
// types below through the small interfaces the export declares, in the
// export's read-only transaction, so the document is one snapshot.

// InviteRecord is one of the kandidaat's invites with its history, the
// disclosure an accept made and the placement that came of it (package
// invite).
type InviteRecord struct {
	ID, OrganisationName, OpeningTitle, State string
	Message, Advice                           string
	CreatedAt                                 time.Time
	SentAt, ExpiresAt, RemindedAt             *time.Time
	DeclineReason, DeclineNote                string
	IntakeAt                                  *time.Time
	IntakeMode, IntakePlace, OutcomeNote      string
	Events                                    []EventRecord
	Disclosure                                *DisclosureRecord
	Placement                                 *PlacementRecord
}

// EventRecord is one step of an invite's history: who (the actor kind and,
// when a person acted, their user), when, to which state and why.
type EventRecord struct {
	At                 time.Time
	Actor, ActorUserID string
	From, To, Reason   string
}

// DisclosureRecord is what an accept shared with the organisation: name and
// e-mail, the phone number unless unticked, from GrantedAt until the
// kandidaat withdrew it (WithdrawnAt; nil while it holds).
type DisclosureRecord struct {
	SharePhone  bool
	GrantedAt   time.Time
	WithdrawnAt *time.Time
}

// PlacementRecord is the work an invite led to, with its follow-ups.
type PlacementRecord struct {
	StartDate         time.Time
	ContractType      string
	Hours             int
	HourlyWageCents   int64
	TrialPeriodMonths int
	EndedOn           *time.Time
	EndReason         string
	Durable           *bool
	CreatedBy         string
	CreatedAt         time.Time
	FollowUps         []FollowUpRecord
	// ThankYous are the kandidaat's own thank-yous for the placement.
	ThankYous []ThankYouRecord
}

// ThankYouRecord is a thank-you the kandidaat sent their klantmanager.
type ThankYouRecord struct {
	Message   string
	CreatedAt time.Time
}

// FollowUpRecord is one "nog in dienst?" question about a placement.
type FollowUpRecord struct {
	Week                    int
	DueOn                   time.Time
	AnsweredAt, CancelledAt *time.Time
	StillEmployed           *bool
}

// PoolRecords are the kandidaat's recommendations (pins) and how often they
// appeared in pools, per ISO week (package matching).
type PoolRecords struct {
	Pins  []PinRecord
	Weeks []WeekRecord
}

// PinRecord is an accountmanager's recommendation for an opening.
type PinRecord struct {
	OpeningTitle, OrganisationName, Note, PinnedBy string
	PinnedAt                                       time.Time
}

// WeekRecord is how many openings' pools showed the kandidaat in one week.
type WeekRecord struct {
	Week     string
	Openings int
}

// BookingRecord is a service booked for the kandidaat (package booking).
type BookingRecord struct {
	ServiceTitle, ProviderName, OrganisationName, State, Note, RequestedBy string
	StartsAt, EndsAt                                                       *time.Time
	CreatedAt                                                              time.Time
	// Hours are the deliveries the provider recorded (date, hours, note).
	Hours []BookingHoursRecord
	// Consent is the kandidaat's answer to sharing their name, phone and
	// workplace with the provider (a person-bound service); nil when none
	// was asked.
	Consent *BookingConsentRecord
}

// BookingConsentRecord is whether the kandidaat shares their details with a
// booking's provider: asked, granted, declined or revoked, when and how.
type BookingConsentRecord struct {
	State      string
	AskedAt    time.Time
	DecidedAt  *time.Time
	DecidedVia string // mail_link, in_app
	RevokedAt  *time.Time
}

// BookingHoursRecord is one delivery of a booked service: the provider's
// note may be about the kandidaat, so it is theirs to see.
type BookingHoursRecord struct {
	WorkedOn time.Time
	Hours    float64
	Note     string
}

// LKSRecord is a loonkostensubsidie application for the kandidaat's
// placement (package subsidy): the loonwaarde assessed and the decision.
type LKSRecord struct {
	OrganisationName, OpeningTitle, State, Motivation string
	WageValuePercent                                  *float64
	AssessedOn, ReassessOn                            *time.Time
	MonthlyCents                                      *int64
	CreatedBy, DecidedBy                              string
	CreatedAt                                         time.Time
	DecidedAt                                         *time.Time
}

// ConfirmationLink is a mailed link to confirm availability (its hash left out).
type ConfirmationLink struct {
	SentAt, ExpiresAt time.Time
	UsedAt            *time.Time
}

// InviteRecords reads the kandidaat's invites (package invite).
type InviteRecords interface {
	CandidateInvites(ctx context.Context, db *gorm.DB, candidateID string) ([]InviteRecord, error)
}

// PoolRecordsReader reads pins and pool appearances (package matching).
type PoolRecordsReader interface {
	CandidatePools(ctx context.Context, db *gorm.DB, regionID, candidateID string) (PoolRecords, error)
}

// BookingRecords reads the services booked for the kandidaat (package booking).
type BookingRecords interface {
	CandidateBookings(ctx context.Context, db *gorm.DB, candidateID string) ([]BookingRecord, error)
}

// LKSRecords reads the LKS applications for the kandidaat (package subsidy).
type LKSRecords interface {
	CandidateLKSApplications(ctx context.Context, db *gorm.DB, candidateID string) ([]LKSRecord, error)
}

// People names who acted and reads the kandidaat's account (package identity).
type People interface {
	People(ctx context.Context, db *gorm.DB, ids []string) (map[string]identity.Person, error)
	KandidaatAccount(ctx context.Context, db *gorm.DB, userID string) (identity.Account, error)
}

// Notices reads a user's notifications (package notification).
type Notices interface {
	All(ctx context.Context, db *gorm.DB, userID string) ([]notification.Item, error)
}

// ExportSources are the other domains the export reads (app.New sets them).
type ExportSources struct {
	Invites  InviteRecords
	Pools    PoolRecordsReader
	Bookings BookingRecords
	LKS      LKSRecords
	People   People
	Notices  Notices
}

// ExportCoverage names, for every table that holds a candidate's data (a
// candidate_id column, or a reference to such a table), the section of the
// export that shows it, or why it is left out ("-" and the reason).
// TestExportCoversCandidateTables (package app) holds it to the migrations:
// a new table with candidate data fails that test until it is listed here.
var ExportCoverage = map[string]string{
	"candidates":           "profile",
	"candidate_identities": "contact",
	"candidate_consents":   "consents",
	"candidate_tokens":     "confirmationLinks",
	"invites":              "invites",
	"invite_events":        "invites",
	"invite_tokens":        "- the hashes of the mailed invite links: secrets, not data about the kandidaat; the mails are in invites (sentAt, remindedAt) and mails",
	"disclosures":          "disclosures",
	"placements":           "placements",
	"follow_ups":           "placements",
	// The kandidaat's own thank-yous; an organisation's thanks to staff is about the staff's work.
	"thank_yous":     "placements",
	"pool_pins":      "recommendations",
	"pool_views":     "poolAppearances",
	"bookings":       "services",
	"booking_events": "- a booking's steps between organisation and provider (payment, approval); the booking itself is in services",
	"booking_hours":  "services",
	// The kandidaat's answer to sharing with a booking's provider, and who
	// read what they shared (reads).
	"booking_consents":       "services",
	"booking_consent_tokens": "- the hashes of the mailed consent links: secrets, not data about the kandidaat; the mail is in mails and the answer in services",
	"booking_extensions":     "- more hours a provider asks and the organisation approves and pays: money and hours between organisations; the hours delivered are in services",
	"booking_periods":        "- what a booking charges the organisation, period by period: money between organisations, not the kandidaat's data",
	"payments":               "- Stripe payments between organisation and provider: not the kandidaat's data",
	"lks_applications":       "lksApplications",
	"lks_application_events": "- an LKS application's steps between organisation and gemeente; the application, its loonwaarde and decision are in lksApplications",
	"placement_outcomes":     "- the follow-ups' answers per placement, kept by a trigger for the figures (they are in placements) and removed with the placement",
	"invoices":               "- invoices between supplier and paying organisation: they name the service and the booking, never the kandidaat",
	"payment_issues":         "- payments that did not match what a booking period owed (amount, currency, a second payment): money between organisations, for the admin, not the kandidaat's data",
}

// Export is everything Werkhaven holds about the signed-in kandidaat.
type Export struct {
	GeneratedAt       time.Time
	UserID            string // the kandidaat's own account: "u zelf" wherever it acted
	Candidate         Candidate
	Identity          Identity
	Account           identity.Account
	Consents          []Consent
	Invites           []InviteRecord
	Pools             PoolRecords
	Bookings          []BookingRecord
	LKSApplications   []LKSRecord
	ConfirmationLinks []ConfirmationLink
	Mails             []mail.Record
	Notifications     []notification.Item
	// History: audit entries about the candidate and their account, except reads.
	History []audit.Entry
	// Reads: who read the personal data (candidate.identity_read), the
	// kandidaat's own reads left out.
	Reads []audit.Entry
	// People are the users named anywhere above, by id.
	People map[string]identity.Person
}

// auditLimit bounds each audit list of the export.
const auditLimit = 5000

// ExportMine gathers the kandidaat's data in one read-only snapshot; reading
// it is audited (candidate.identity_read and candidate.data_exported).
func (s *Service) ExportMine(ctx context.Context, p authz.Principal, ip string) (Export, error) {
	c, id, err := s.Mine(ctx, p, ip)
	if err != nil {
		return Export{}, err
	}
	e := Export{GeneratedAt: s.now(), UserID: p.UserID, Candidate: c, Identity: id}
	err = s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return s.gather(ctx, tx, p, &e)
	}, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return Export{}, err
	}
	if err := audit.Record(ctx, s.DB, audit.FromPrincipal(ctx, audit.Event{Action: "candidate.data_exported", IP: ip, SubjectType: "candidate", SubjectID: c.ID})); err != nil {
		return Export{}, err
	}
	return e, nil
}

// gather reads every part of e in tx.
func (s *Service) gather(ctx context.Context, tx *gorm.DB, p authz.Principal, e *Export) error {
	src, cid := s.Export, e.Candidate.ID
	var err error
	if e.Account, err = src.People.KandidaatAccount(ctx, tx, p.UserID); err != nil {
		return err
	}
	if e.Consents, err = s.consents(ctx, tx, cid); err != nil {
		return err
	}
	if e.Invites, err = src.Invites.CandidateInvites(ctx, tx, cid); err != nil {
		return err
	}
	if e.Pools, err = src.Pools.CandidatePools(ctx, tx, p.RegionID, cid); err != nil {
		return err
	}
	if e.Bookings, err = src.Bookings.CandidateBookings(ctx, tx, cid); err != nil {
		return err
	}
	if e.LKSApplications, err = src.LKS.CandidateLKSApplications(ctx, tx, cid); err != nil {
		return err
	}
	if e.ConfirmationLinks, err = confirmationLinks(ctx, tx, cid); err != nil {
		return err
	}
	if e.Mails, err = mail.Records(ctx, tx, p.UserID); err != nil {
		return err
	}
	if e.Notifications, err = src.Notices.All(ctx, tx, p.UserID); err != nil {
		return err
	}
	about, _, err := audit.List(ctx, tx, p.RegionID, audit.Filter{SubjectType: "candidate", SubjectID: cid, ListedIn: "candidates", Limit: auditLimit})
	if err != nil {
		return err
	}
	account, _, err := audit.List(ctx, tx, p.RegionID, audit.Filter{SubjectType: "user", SubjectID: p.UserID, Limit: auditLimit})
	if err != nil {
		return err
	}
	for _, a := range append(about, account...) {
		switch {
		case a.Action != "candidate.identity_read":
			e.History = append(e.History, a)
		case a.ActorUserID != p.UserID && a.Details["via"] != "self":
			e.Reads = append(e.Reads, a)
		}
	}
	slices.SortStableFunc(e.History, func(a, b audit.Entry) int { return b.OccurredAt.Compare(a.OccurredAt) })
	e.People, err = src.People.People(ctx, tx, e.userIDs())
	return err
}

// userIDs are the users who acted anywhere in e.
func (e *Export) userIDs() []string {
	seen := map[string]bool{}
	var ids []string
	add := func(id string) {
		if id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	add(e.Candidate.KlantmanagerID)
	for _, c := range e.Consents {
		add(c.RecordedBy)
	}
	for _, in := range e.Invites {
		for _, ev := range in.Events {
			add(ev.ActorUserID)
		}
		if in.Placement != nil {
			add(in.Placement.CreatedBy)
		}
	}
	for _, pin := range e.Pools.Pins {
		add(pin.PinnedBy)
	}
	for _, b := range e.Bookings {
		add(b.RequestedBy)
	}
	for _, a := range e.LKSApplications {
		add(a.CreatedBy)
		add(a.DecidedBy)
	}
	for _, a := range append(e.History, e.Reads...) {
		add(a.ActorUserID)
	}
	return ids
}

// confirmationLinks are the candidate's mailed confirmation links, newest first.
func confirmationLinks(ctx context.Context, db *gorm.DB, candidateID string) ([]ConfirmationLink, error) {
	var rows []tokenRow
	if err := db.WithContext(ctx).Select("created_at, expires_at, used_at").Where("candidate_id = ?", candidateID).Order("created_at DESC").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]ConfirmationLink, len(rows))
	for i, r := range rows {
		out[i] = ConfirmationLink{SentAt: r.CreatedAt.UTC(), ExpiresAt: r.ExpiresAt.UTC(), UsedAt: r.UsedAt}
	}
	return out, nil
}
