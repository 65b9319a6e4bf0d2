package booking

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/identity"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/eventlog"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// The kandidaat's agreement to share with a provider (issue 23). A
// person-bound service (Offering.PersonBound) of an outside provider, booked
// for a kandidaat (through a placement or an introduction), asks the
// kandidaat — in the app (Mijn gegevens, the start page) and by a
// single-use mailed link — whether that provider may see their name, phone
// and workplace for that booking. Until they agree, the provider cannot
// read the booking, confirm, start, complete, record hours or ask for more
// (403 awaitingCandidateConsent); after a no or a revocation likewise
// (403 candidateConsentDeclined / candidateConsentRevoked), at once. Approval
// and payment go on meanwhile: they are between the organisation, the
// gemeente and the provider and share nothing about the kandidaat. A
// booking the kandidaat said no to is cancelled free of charge.
// The municipality's own services ask nothing: the gemeente already holds
// the kandidaat's details for its own task.

// ConsentState is where a kandidaat's agreement stands.
type ConsentState string

// The consent states.
const (
	ConsentAsked    ConsentState = "asked"
	ConsentGranted  ConsentState = "granted"
	ConsentDeclined ConsentState = "declined"
	ConsentRevoked  ConsentState = "revoked"
)

// How the kandidaat answered.
const (
	ViaMailLink = "mail_link"
	ViaInApp    = "in_app"
)

// ConsentLinkDays is how long a mailed consent link works; afterwards the
// kandidaat answers in the app.
const ConsentLinkDays = 14

// The booking notes of the kandidaat's agreement (see Notes).
const (
	NoteConsentAsked    = "consentAsked"
	NoteConsentGranted  = "consentGranted"
	NoteConsentDeclined = "consentDeclined"
	NoteConsentRevoked  = "consentRevoked"
)

// Kandidaat is the actor of a consent note.
const Kandidaat Actor = "kandidaat"

// ConsentMail is the template of the mail that asks the kandidaat.
const ConsentMail = "booking_consent"

type consentRow struct {
	BookingID   string `gorm:"primaryKey"`
	CandidateID string
	ProviderID  string
	State       string
	AskedAt     time.Time
	DecidedAt   *time.Time
	DecidedVia  *string
	RevokedAt   *time.Time
}

func (consentRow) TableName() string { return "booking_consents" }

type consentTokenRow struct {
	Hash      []byte `gorm:"primaryKey"`
	BookingID string
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    *time.Time
}

func (consentTokenRow) TableName() string { return "booking_consent_tokens" }

// Consent is the agreement as a booking's readers see it: no personal data.
type Consent struct {
	State      ConsentState
	AskedAt    time.Time
	DecidedAt  *time.Time
	DecidedVia string
	RevokedAt  *time.Time
}

func (r consentRow) toConsent() Consent {
	c := Consent{State: ConsentState(r.State), AskedAt: r.AskedAt.UTC(), DecidedAt: r.DecidedAt, RevokedAt: r.RevokedAt}
	if r.DecidedVia != nil {
		c.DecidedVia = *r.DecidedVia
	}
	return c
}

// Shared is what the kandidaat agreed to share with the provider of one
// booking: name, phone and workplace; after the provider confirms, also the
// workplace's postcode and the organisation's contact person.
type Shared struct {
	Name, Phone                             string
	OrganisationName                        string
	WorkplaceTitle, WorkplacePlace          string
	WorkplacePostcode                       string
	ContactName, ContactEmail, ContactPhone string
}

// ConsentRequest is one request as the kandidaat sees it.
type ConsentRequest struct {
	BookingID                      string
	ServiceTitleNL, ServiceTitleEN string
	ServiceKind                    string
	ProviderName                   string
	OrganisationName               string
	BookingState                   State
	Consent
}

// needsConsent: a person-bound service of an outside provider, booked for a kandidaat.
func needsConsent(svc Offering, candidateID string) bool {
	return svc.PersonBound && svc.ProviderID != "" && candidateID != ""
}

// askConsent records the request of booking v (made in tx) and mails the
// kandidaat a single-use link, in their language.
func (s *Service) askConsent(ctx context.Context, tx *gorm.DB, v *view, svc Offering, candidateID string) error {
	now := s.now()
	if err := tx.Create(&consentRow{BookingID: v.ID, CandidateID: candidateID, ProviderID: svc.ProviderID, State: string(ConsentAsked), AskedAt: now}).Error; err != nil {
		return database.Translate(err, "ask consent")
	}
	st := string(ConsentAsked)
	v.ConsentState = &st
	if err := s.note(ctx, tx, v.ID, State(v.State), System, NoteConsentAsked, ""); err != nil {
		return err
	}
	user, err := s.Candidates.UserID(ctx, tx, candidateID)
	if err != nil {
		return err
	}
	if user == "" {
		return nil // no account: the klantmanager asks (the booking page says it waits)
	}
	secret, hash := identity.NewSecret()
	expires := now.AddDate(0, 0, ConsentLinkDays)
	if err := tx.Create(&consentTokenRow{Hash: hash, BookingID: v.ID, CreatedAt: now, ExpiresAt: expires}).Error; err != nil {
		return err
	}
	return s.Outbox.Enqueue(ctx, tx, user, ConsentMail, consentMail{Token: secret, ExpiresAt: expires, ServiceNL: svc.TitleNL, ServiceEN: svc.TitleEN,
		Provider: svc.ProviderName, Organisation: v.OrganisationName, Language: s.Candidates.Language(ctx, tx, user)})
}

// loadConsent reads booking id's request, locked when lock; ok is false when
// the booking asks none.
func loadConsent(ctx context.Context, db *gorm.DB, id string, lock bool) (consentRow, bool, error) {
	q := db.WithContext(ctx).Where("booking_id = ?", id)
	if lock {
		q = q.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	var rows []consentRow
	if err := q.Limit(1).Find(&rows).Error; err != nil || len(rows) == 0 {
		return consentRow{}, false, err
	}
	return rows[0], true, nil
}

// isProviderOf: p reads or acts on v as its outside provider (not as the
// booking organisation, not as staff).
func isProviderOf(p authz.Principal, v view) bool {
	return v.ProviderID != nil && p.Role.IsOrganisationRole() && p.OrganisationID == *v.ProviderID && p.OrganisationID != v.OrganisationID
}

// consentGate refuses the provider of a booking whose kandidaat has not
// agreed (yet): 403 with the reason. Others, and bookings that ask none, pass.
func consentGate(p authz.Principal, v view) error {
	if !isProviderOf(p, v) || v.ConsentState == nil {
		return nil
	}
	switch ConsentState(*v.ConsentState) {
	case ConsentGranted:
		return nil
	case ConsentDeclined:
		return &apperr.ForbiddenError{Code: "candidateConsentDeclined", Msg: msg.M("booking.consentDeclined")}
	case ConsentRevoked:
		return &apperr.ForbiddenError{Code: "candidateConsentRevoked", Msg: msg.M("booking.consentRevoked")}
	}
	return &apperr.ForbiddenError{Code: "awaitingCandidateConsent", Msg: msg.M("booking.awaitingConsent")}
}

// shared reads what the provider of v may see (the read of the kandidaat's
// details is audited by package candidate, one entry per read).
func (s *Service) shared(ctx context.Context, v view, ip string) (*Shared, error) {
	c, ok, err := loadConsent(ctx, s.DB, v.ID, false)
	if err != nil || !ok || ConsentState(c.State) != ConsentGranted {
		return nil, err
	}
	ident, err := s.Candidates.ShareWithProvider(ctx, c.CandidateID, v.ID, ip)
	if err != nil {
		return nil, err
	}
	out := &Shared{Name: ident.Name, Phone: ident.Phone, OrganisationName: v.OrganisationName}
	openingID := ""
	if v.OpeningID != nil {
		openingID = *v.OpeningID
	} else if v.PlacementID != nil {
		if openingID, err = s.Invites.PlacementOpening(ctx, s.DB, *v.PlacementID); err != nil {
			return nil, err
		}
	}
	confirmed := slices.Contains([]State{Confirmed, InProgress, Completed}, State(v.State))
	if openingID != "" {
		w, err := s.Openings.Workplace(ctx, s.DB, openingID)
		if err != nil {
			return nil, err
		}
		out.WorkplaceTitle, out.WorkplacePlace = w.Title, w.Place
		if confirmed {
			out.WorkplacePostcode = w.Postcode
		}
	}
	if confirmed {
		org, err := s.Organisations.Organisation(ctx, s.DB, v.RegionID, v.OrganisationID)
		if err != nil {
			return nil, err
		}
		out.ContactName, out.ContactEmail, out.ContactPhone = org.ContactName, org.ContactEmail, org.ContactPhone
		if out.WorkplacePostcode == "" {
			out.WorkplacePostcode = org.Postcode
		}
	}
	return out, audit.Record(ctx, s.DB, audit.FromPrincipal(ctx, audit.Event{Action: "booking.shared_read", IP: ip, SubjectType: "booking", SubjectID: v.ID,
		Details: map[string]any{"candidateId": c.CandidateID, "contact": confirmed}}))
}

// consentRequests lists the kandidaat's requests, newest first.
func (s *Service) consentRequests(ctx context.Context, db *gorm.DB, candidateID, bookingID string) ([]ConsentRequest, error) {
	var rows []struct {
		BookingID, CandidateID, ProviderID, State string
		AskedAt                                   time.Time
		DecidedAt, RevokedAt                      *time.Time
		DecidedVia                                *string
		ServiceTitleNL                            string `gorm:"column:service_title_nl"`
		ServiceTitleEN                            string `gorm:"column:service_title_en"`
		ServiceKind                               string
		ProviderName                              string
		OrganisationName                          string
		BookingState                              string
	}
	q := db.WithContext(ctx).Table("booking_consents bc").Select(`bc.*, s.title_nl AS service_title_nl, s.title_en AS service_title_en, s.kind AS service_kind,
		prov.name AS provider_name, org.name AS organisation_name, b.state AS booking_state`).
		Joins("JOIN bookings b ON b.id = bc.booking_id").Joins("JOIN services s ON s.id = b.service_id").
		Joins("JOIN organisation_directory org ON org.id = b.organisation_id").Joins("JOIN organisation_directory prov ON prov.id = bc.provider_id").
		Where("bc.candidate_id = ?", candidateID)
	if bookingID != "" {
		q = q.Where("bc.booking_id = ?", bookingID)
	}
	if err := q.Order("bc.asked_at DESC, bc.booking_id").Limit(200).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]ConsentRequest, len(rows))
	for i, r := range rows {
		out[i] = ConsentRequest{BookingID: r.BookingID, ServiceTitleNL: r.ServiceTitleNL, ServiceTitleEN: r.ServiceTitleEN, ServiceKind: r.ServiceKind,
			ProviderName: r.ProviderName, OrganisationName: r.OrganisationName, BookingState: State(r.BookingState),
			Consent: consentRow{State: r.State, AskedAt: r.AskedAt, DecidedAt: r.DecidedAt, DecidedVia: r.DecidedVia, RevokedAt: r.RevokedAt}.toConsent()}
	}
	return out, nil
}

// MyConsents are the signed-in kandidaat's requests to share with a provider.
func (s *Service) MyConsents(ctx context.Context, p authz.Principal) ([]ConsentRequest, error) {
	if p.Role != authz.Kandidaat {
		return nil, fmt.Errorf("my consents: %w", apperr.ErrForbidden)
	}
	cid, err := s.Candidates.MineID(ctx, p)
	if err != nil {
		return nil, err
	}
	return s.consentRequests(ctx, s.DB, cid, "")
}

// ConsentAnswer is what the kandidaat decides: to share (Agree), not to,
// or to stop sharing (Revoke).
type ConsentAnswer string

// The answers.
const (
	Agree   ConsentAnswer = "agree"
	Decline ConsentAnswer = "decline"
	Revoke  ConsentAnswer = "revoke"
)

// DecideMyConsent records the signed-in kandidaat's answer for booking id
// (in the app). Another kandidaat's booking is 404.
func (s *Service) DecideMyConsent(ctx context.Context, p authz.Principal, id string, a ConsentAnswer, ip string) (ConsentRequest, error) {
	if p.Role != authz.Kandidaat {
		return ConsentRequest{}, fmt.Errorf("decide consent: %w", apperr.ErrForbidden)
	}
	cid, err := s.Candidates.MineID(ctx, p)
	if err != nil {
		return ConsentRequest{}, err
	}
	err = s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		c, ok, err := loadConsent(ctx, tx, id, true)
		if err != nil {
			return err
		}
		if !ok || c.CandidateID != cid {
			return fmt.Errorf("consent of booking %s: %w", id, apperr.ErrNotFound)
		}
		return s.answer(ctx, tx, &c, a, ViaInApp, p.UserID, ip)
	})
	if err != nil {
		return ConsentRequest{}, err
	}
	return s.oneRequest(ctx, cid, id)
}

func (s *Service) oneRequest(ctx context.Context, candidateID, bookingID string) (ConsentRequest, error) {
	rs, err := s.consentRequests(ctx, s.DB, candidateID, bookingID)
	if err != nil {
		return ConsentRequest{}, err
	}
	if len(rs) == 0 {
		return ConsentRequest{}, fmt.Errorf("consent of booking %s: %w", bookingID, apperr.ErrNotFound)
	}
	return rs[0], nil
}

// linkedConsent finds the request of a mailed link: unknown is
// apperr.ErrNotFound; used, expired or of an erased kandidaat apperr.ErrGone.
func (s *Service) linkedConsent(ctx context.Context, tx *gorm.DB, token string) (consentRow, string, error) {
	var t consentTokenRow
	if err := tx.WithContext(ctx).Where("hash = ?", identity.HashSecret(token)).Take(&t).Error; err != nil {
		return consentRow{}, "", database.Translate(err, "consent link")
	}
	if t.UsedAt != nil || !s.now().Before(t.ExpiresAt) {
		return consentRow{}, "", fmt.Errorf("consent link: %w", apperr.ErrGone)
	}
	c, ok, err := loadConsent(ctx, tx, t.BookingID, true)
	if err != nil {
		return consentRow{}, "", err
	}
	if !ok {
		return consentRow{}, "", fmt.Errorf("consent link: %w", apperr.ErrNotFound)
	}
	user, err := s.Candidates.UserID(ctx, tx, c.CandidateID)
	if errors.Is(err, apperr.ErrNotFound) || (err == nil && user == "") {
		return consentRow{}, "", fmt.Errorf("consent link of an erased candidate: %w", apperr.ErrGone)
	}
	return c, user, err
}

// ConsentByLink opens the request of a mailed link (no sign-in).
func (s *Service) ConsentByLink(ctx context.Context, token string) (ConsentRequest, error) {
	c, _, err := s.linkedConsent(ctx, s.DB, token)
	if err != nil {
		return ConsentRequest{}, err
	}
	return s.oneRequest(ctx, c.CandidateID, c.BookingID)
}

// DecideConsentByLink records the kandidaat's answer (agree or decline)
// given through the mailed link; the link then stops working (410).
func (s *Service) DecideConsentByLink(ctx context.Context, token string, a ConsentAnswer, ip string) (ConsentRequest, error) {
	if a == Revoke {
		return ConsentRequest{}, apperr.Invalid("decision", "enum", msg.M("booking.consentDecisionEnum"))
	}
	var c consentRow
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var user string
		var err error
		if c, user, err = s.linkedConsent(ctx, tx, token); err != nil {
			return err
		}
		if err := tx.Model(&consentTokenRow{}).Where("booking_id = ? AND used_at IS NULL", c.BookingID).Update("used_at", s.now()).Error; err != nil {
			return err
		}
		return s.answer(ctx, tx, &c, a, ViaMailLink, user, ip)
	})
	if err != nil {
		return ConsentRequest{}, err
	}
	return s.oneRequest(ctx, c.CandidateID, c.BookingID)
}

// answer applies a kandidaat's answer to a locked request: agree from any
// state but granted (they may change their mind in the app), decline only
// while asked, revoke only a grant; the same answer twice changes nothing.
// It notes the step on the booking, tells those it concerns and audits it.
func (s *Service) answer(ctx context.Context, tx *gorm.DB, c *consentRow, a ConsentAnswer, via, userID, ip string) error {
	from := ConsentState(c.State)
	to := map[ConsentAnswer]ConsentState{Agree: ConsentGranted, Decline: ConsentDeclined, Revoke: ConsentRevoked}[a]
	if to == "" {
		return apperr.Invalid("decision", "enum", msg.M("booking.consentDecisionEnum"))
	}
	if from == to {
		return nil
	}
	switch {
	case to == ConsentDeclined && from != ConsentAsked, to == ConsentRevoked && from != ConsentGranted:
		return &apperr.ConflictError{Code: "nothingShared", Msg: msg.M("booking.consentNothingShared")}
	}
	v, err := loadByID(ctx, tx, c.BookingID)
	if err != nil {
		return err
	}
	if to == ConsentGranted && !slices.Contains([]State{Requested, AwaitingApproval, Approved, AwaitingPayment, Paid, Confirmed, InProgress}, State(v.State)) {
		return &apperr.ConflictError{Code: "bookingClosed", Msg: msg.M("booking.consentBookingClosed")}
	}
	now := s.now()
	updates := map[string]any{"state": string(to)}
	switch to {
	case ConsentRevoked:
		updates["revoked_at"] = now
	default:
		updates["decided_at"], updates["decided_via"], updates["revoked_at"] = now, via, nil
	}
	if err := tx.Model(&consentRow{}).Where("booking_id = ?", c.BookingID).Updates(updates).Error; err != nil {
		return database.Translate(err, "answer consent")
	}
	c.State = string(to)
	note := map[ConsentState]string{ConsentGranted: NoteConsentGranted, ConsentDeclined: NoteConsentDeclined, ConsentRevoked: NoteConsentRevoked}[to]
	if err := events.Append(ctx, tx, v.ID, eventlog.Entry{At: now, ActorUserID: userID, Actor: string(Kandidaat), From: v.State, To: v.State, Reason: via, Code: note}); err != nil {
		return err
	}
	if err := s.tellConsent(ctx, tx, &v, to); err != nil {
		return err
	}
	return audit.Record(ctx, tx, audit.Event{RegionID: v.RegionID, ActorUserID: userID, ActorRole: string(authz.Kandidaat), Action: "booking.consent_" + string(to),
		IP: ip, SubjectType: "booking", SubjectID: v.ID, Details: map[string]any{"via": via, "providerId": c.ProviderID}})
}

// tellConsent tells the provider, the booking organisation and (after a no)
// its accountmanager what the kandidaat decided.
func (s *Service) tellConsent(ctx context.Context, tx *gorm.DB, v *view, to ConsentState) error {
	provider := ""
	if v.ProviderName != nil {
		provider = *v.ProviderName
	}
	var nl, en string
	switch to {
	case ConsentGranted:
		nl = fmt.Sprintf("De kandidaat deelt de gegevens met %s voor %s (%s).", provider, v.ServiceTitle, v.OrganisationName)
		en = fmt.Sprintf("The candidate shares their details with %s for %s (%s).", provider, v.ServiceTitle, v.OrganisationName)
	case ConsentDeclined:
		nl = fmt.Sprintf("De kandidaat deelt de gegevens niet met %s: %s voor %s kan niet doorgaan.", provider, v.ServiceTitle, v.OrganisationName)
		en = fmt.Sprintf("The candidate does not share their details with %s: %s for %s cannot go ahead.", provider, v.ServiceTitle, v.OrganisationName)
	default:
		nl = fmt.Sprintf("De kandidaat deelt de gegevens niet meer met %s (%s voor %s).", provider, v.ServiceTitle, v.OrganisationName)
		en = fmt.Sprintf("The candidate no longer shares their details with %s (%s for %s).", provider, v.ServiceTitle, v.OrganisationName)
	}
	if err := s.tellOrganisation(ctx, tx, v, notification.BookingConsent, nl, en); err != nil {
		return err
	}
	if err := s.tellProvider(ctx, tx, v, notification.BookingConsent, nl, en); err != nil {
		return err
	}
	if to == ConsentGranted {
		return nil
	}
	am, err := s.Organisations.Accountmanager(ctx, tx, v.OrganisationID)
	if err != nil {
		return err
	}
	return s.Notify.Notify(ctx, tx, notification.Notice{Kind: notification.BookingConsent, TitleNL: nl, TitleEN: en, Link: "/boekingen/" + v.ID}, am)
}

// candidateConsent are the agreements of bookingIDs, by booking, for the
// kandidaat's export (a booking that asked none is absent).
func candidateConsent(ctx context.Context, db *gorm.DB, bookingIDs []string) (map[string]candidate.BookingConsentRecord, error) {
	out := map[string]candidate.BookingConsentRecord{}
	if len(bookingIDs) == 0 {
		return out, nil
	}
	var rows []consentRow
	if err := db.WithContext(ctx).Where("booking_id IN ?", bookingIDs).Find(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		c := r.toConsent()
		out[r.BookingID] = candidate.BookingConsentRecord{State: string(c.State), AskedAt: c.AskedAt, DecidedAt: c.DecidedAt, DecidedVia: c.DecidedVia, RevokedAt: c.RevokedAt}
	}
	return out, nil
}
