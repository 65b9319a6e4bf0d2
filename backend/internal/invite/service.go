package invite

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/identity"
	"github.com/werkhaven/werkhaven/backend/internal/matching"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/eventlog"
	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// Openings is what invites need of the openings domain.
type Openings interface {
	Get(ctx context.Context, p authz.Principal, id string) (opening.Opening, error)
	Lock(ctx context.Context, tx *gorm.DB, id string) error
	Offer(ctx context.Context, db *gorm.DB, id string) (opening.Offer, error)
	FillIfFull(ctx context.Context, tx *gorm.DB, p authz.Principal, id string, placed int, ip string) (bool, error)
}

// Candidates is what invites need of the candidates domain.
type Candidates interface {
	Reach(ctx context.Context, tx *gorm.DB, regionID string, ids []string) (map[string]candidate.Reach, error)
	Disclose(ctx context.Context, candidateID, inviteID, ip string) (candidate.Identity, error)
	MarkPlaced(ctx context.Context, tx *gorm.DB, id string) error
	InCaseload(ctx context.Context, p authz.Principal, id string) error
	MineID(ctx context.Context, p authz.Principal) (string, error)
	UserID(ctx context.Context, db *gorm.DB, id string) (string, error)
	Language(ctx context.Context, db *gorm.DB, userID string) string
	ToConfirm(ctx context.Context, db *gorm.DB, regionID, klantmanagerID string) (int, error)
}

// Pools tells the kandidaat how often they appeared in pools (package
// matching, which records pool views).
type Pools interface {
	Appearances(ctx context.Context, regionID, candidateID string, since time.Time) ([]matching.Week, error)
}

// Organisations is what invites need of the organisations (package
// identity), in the caller's transaction.
type Organisations interface {
	OrganisationUsers(ctx context.Context, db *gorm.DB, orgID string) ([]string, error)
	Accountmanager(ctx context.Context, db *gorm.DB, orgID string) (string, error)
	LockOrganisation(ctx context.Context, tx *gorm.DB, id string) error
}

// Regions gives the region's settings (package identity); invites read
// their own key.
type Regions interface {
	RegionSettings(ctx context.Context, db *gorm.DB, regionID string) (identity.RegionSettings, error)
}

// Service is the invites' domain logic.
type Service struct {
	DB            *gorm.DB
	Outbox        *mail.Outbox
	Notify        *notification.Service
	Openings      Openings
	Candidates    Candidates
	Organisations Organisations
	Regions       Regions
	Pools         Pools
	Wages         MinimumWage
	Now           func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// MaxBatch is the most candidates one request invites.
const MaxBatch = 25

// Create invites candidates to an opening with a personal message, all or
// none: every candidate must be in the pool and reachable by mail, none
// invited already, and the region's limits hold. Organisation users invite
// for their own openings, accountmanagers and admins for any of the region.
func (s *Service) Create(ctx context.Context, p authz.Principal, openingID string, candidateIDs []string, message, ip string) ([]Invite, error) {
	if !p.Has(authz.Werkgever, authz.Zorgaanbieder, authz.Accountmanager, authz.Admin) {
		return nil, fmt.Errorf("invite: %w", apperr.ErrForbidden)
	}
	var bad apperr.Fields
	message = strings.TrimSpace(message)
	if message == "" {
		bad.Add("message", "required", msg.M("invite.messageRequired"))
	} else if utf8.RuneCountInString(message) > 1000 {
		bad.Add("message", "maxLength", msg.M("field.maxLength1000"))
	}
	if len(candidateIDs) == 0 {
		bad.Add("candidateIds", "required", msg.M("invite.candidateIdsRequired"))
	}
	bad.List("candidateIds", candidateIDs, func(id string) bool { _, err := uuid.Parse(id); return err == nil }, MaxBatch)
	if len(bad) > 0 {
		return nil, &apperr.InvalidError{Fields: bad}
	}
	o, err := s.Openings.Get(ctx, p, openingID)
	if err != nil {
		return nil, err
	}
	if o.State != opening.Open {
		return nil, &apperr.ConflictError{Code: "openingNotOpen", Msg: msg.M("invite.openingNotOpen")}
	}
	var out []string
	err = s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		// Lock the opening, then the organisation: invites for one opening,
		// and one organisation's daily count, are decided one at a time.
		if err := s.Openings.Lock(ctx, tx, o.ID); err != nil {
			return err
		}
		if err := s.Organisations.LockOrganisation(ctx, tx, o.OrganisationID); err != nil {
			return err
		}
		cfg := s.settings(ctx, tx, o.RegionID)
		now := s.now()
		var open, today int64
		if err := tx.Raw(`SELECT count(*) FROM invites WHERE opening_id = ? AND state IN ?`, o.ID, states(Open)).Scan(&open).Error; err != nil {
			return err
		}
		if int(open)+len(candidateIDs) > cfg.PerOpening {
			return &apperr.LimitError{Code: "invitesPerOpening", Limit: cfg.PerOpening, Msg: msg.M("invite.invitesPerOpening", open, cfg.PerOpening)}
		}
		var oldest *time.Time
		if err := tx.Raw(`SELECT count(*) FROM invites WHERE organisation_id = ? AND created_at > ?`, o.OrganisationID, now.Add(-24*time.Hour)).Scan(&today).Error; err != nil {
			return err
		}
		if int(today)+len(candidateIDs) > cfg.PerOrganisationPerDay {
			_ = tx.Raw(`SELECT min(created_at) FROM invites WHERE organisation_id = ? AND created_at > ?`, o.OrganisationID, now.Add(-24*time.Hour)).Row().Scan(&oldest)
			retry := time.Hour
			if oldest != nil {
				retry = oldest.Add(24 * time.Hour).Sub(now)
			}
			return &apperr.LimitError{Code: "invitesPerDay", Limit: cfg.PerOrganisationPerDay, RetryAfter: retry, Msg: msg.M("invite.invitesPerDay", cfg.PerOrganisationPerDay)}
		}
		reach, err := s.Candidates.Reach(ctx, tx, o.RegionID, candidateIDs)
		if err != nil {
			return err
		}
		var taken []string
		if err := tx.Raw(`SELECT candidate_id::text FROM invites WHERE opening_id = ? AND candidate_id IN ? AND state NOT IN ?`,
			o.ID, candidateIDs, states([]State{Expired, Withdrawn})).Scan(&taken).Error; err != nil {
			return err
		}
		var conflicts apperr.Fields
		for i, id := range candidateIDs {
			name := fmt.Sprintf("candidateIds[%d]", i)
			r, ok := reach[id]
			switch {
			case !ok:
				conflicts.Add(name, "unknown", msg.M("invite.unknown"))
			case !r.InPool:
				conflicts.Add(name, "notInPool", msg.M("invite.codeNotInPool", r.Code))
			case r.UserID == nil:
				conflicts.Add(name, "unreachable", msg.M("invite.codeUnreachable", r.Code))
			case slices.Contains(taken, id):
				conflicts.Add(name, "alreadyInvited", msg.M("invite.codeAlreadyInvited", r.Code))
			}
		}
		if len(conflicts) > 0 {
			if len(conflicts) == 1 && conflicts[0].Code == "unknown" {
				return &apperr.InvalidError{Fields: conflicts}
			}
			return &apperr.ConflictError{Code: "notInvitable", Msg: msg.M("invite.notInvitable"), Fields: conflicts}
		}
		state := Invited
		if cfg.Approval && !p.Has(authz.Accountmanager, authz.Admin) {
			state = AwaitingApproval
		}
		for _, id := range candidateIDs {
			r := Row{RegionID: o.RegionID, OpeningID: o.ID, OrganisationID: o.OrganisationID, CandidateID: id, State: string(state),
				Message: message, InvitedBy: p.UserID, CreatedAt: now, UpdatedAt: now}
			expires := now.Add(cfg.TTL)
			if state == Invited {
				r.SentAt, r.ExpiresAt = &now, &expires
			}
			if err := tx.Create(&r).Error; err != nil {
				if database.IsCode(err, database.CodeUniqueViolation) {
					return &apperr.ConflictError{Code: "alreadyInvited", Msg: msg.M("invite.alreadyInvited")}
				}
				return err
			}
			if err := s.event(ctx, tx, r.ID, "", state, ActorOf(p), p.UserID, ""); err != nil {
				return err
			}
			if state == Invited {
				if err := s.send(ctx, tx, r.ID, o, reach[id], expires, now); err != nil {
					return err
				}
			}
			out = append(out, r.ID)
		}
		if state == AwaitingApproval {
			am, err := s.Organisations.Accountmanager(ctx, tx, o.OrganisationID)
			if err != nil {
				return err
			}
			if err := s.Notify.Notify(ctx, tx, notification.Notice{Kind: notification.InviteApproval,
				TitleNL: fmt.Sprintf("%s wil %d kandidaat/kandidaten uitnodigen voor %s: keur het goed.", o.OrganisationName, len(candidateIDs), o.Title),
				TitleEN: fmt.Sprintf("%s wants to invite %d candidate(s) for %s: please approve.", o.OrganisationName, len(candidateIDs), o.Title),
				Link:    "/vacatures/" + o.ID + "/uitnodigingen"}, am); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "invite.created", IP: ip, SubjectType: "opening", SubjectID: o.ID,
			Details: map[string]any{"invites": out, "state": string(state)}}))
	})
	if err != nil {
		return nil, err
	}
	return s.ListByIDs(ctx, p, out)
}

// send makes the invite's link, queues the kandidaat's mail and tells the
// klantmanager, in tx.
func (s *Service) send(ctx context.Context, tx *gorm.DB, inviteID string, o opening.Opening, r candidate.Reach, expires, now time.Time) error {
	if err := s.mailLink(ctx, tx, inviteID, *r.UserID, InviteMail, o, expires, now); err != nil {
		return err
	}
	return s.Notify.Notify(ctx, tx, notification.Notice{Kind: notification.InviteCreated,
		TitleNL: fmt.Sprintf("%s is uitgenodigd door %s voor %s.", r.Code, o.OrganisationName, o.Title),
		TitleEN: fmt.Sprintf("%s was invited by %s for %s.", r.Code, o.OrganisationName, o.Title),
		Link:    "/kandidaten/" + r.ID}, r.KlantmanagerID)
}

// mailLink stores a new link secret for the invite and queues the mail
// carrying it (sealed in the outbox; the job argument is only its id).
func (s *Service) mailLink(ctx context.Context, tx *gorm.DB, inviteID, userID, template string, o opening.Opening, expires, now time.Time) error {
	secret, hash := identity.NewSecret()
	if err := tx.Create(&tokenRow{Hash: hash, InviteID: inviteID, CreatedAt: now}).Error; err != nil {
		return err
	}
	var msg string
	if err := tx.Raw(`SELECT message FROM invites WHERE id = ?`, inviteID).Row().Scan(&msg); err != nil {
		return err
	}
	// The kandidaat's language (not personal data by itself) picks the mail's first language.
	lang := s.Candidates.Language(ctx, tx, userID)
	return s.Outbox.Enqueue(ctx, tx, userID, template, inviteMail{Token: secret, ExpiresAt: expires, Organisation: o.OrganisationName,
		Title: o.Title, Place: o.Place, HoursMin: o.HoursMin, HoursMax: o.HoursMax, StartDate: o.StartDate, Support: o.Support, Message: msg, Language: lang,
		Days: o.Days, DayParts: o.DayParts})
}

// events is the invites' append-only log.
var events = eventlog.Log{Table: "invite_events", Subject: "invite_id"}

// event appends one transition to the invite's log.
func (s *Service) event(ctx context.Context, tx *gorm.DB, inviteID string, from, to State, actor Actor, userID, reason string) error {
	return events.Append(ctx, tx, inviteID, eventlog.Entry{At: s.now(), ActorUserID: userID, Actor: string(actor), From: string(from), To: string(to), Reason: reason})
}

// move changes a locked invite's state after Check, and logs the event.
func (s *Service) move(ctx context.Context, tx *gorm.DB, v *viewRow, to State, actor Actor, userID, reason string, extra map[string]any) error {
	from := State(v.State)
	if err := Check(from, to, actor); err != nil {
		return err
	}
	now := s.now()
	updates := map[string]any{"state": string(to), "updated_at": now}
	if to == Accepted || to == Declined {
		// The decision's time on the row, for the figures: the event's instant.
		updates["decided_at"] = now
	}
	for k, val := range extra {
		updates[k] = val
	}
	if err := tx.Model(&Row{}).Where("id = ?", v.ID).Updates(updates).Error; err != nil {
		return database.Translate(err, "move invite")
	}
	v.State = string(to)
	return events.Append(ctx, tx, v.ID, eventlog.Entry{At: now, ActorUserID: userID, Actor: string(actor), From: string(from), To: string(to), Reason: reason})
}

// StateChange is a transition asked by an organisation user or staff.
type StateChange struct {
	To     State
	Reason string
}

// Move makes a transition for an organisation user or staff member:
// approving (accountmanagers), withdrawing, recording the introduction or
// that it did not lead to a placement. Intakes and placements have their own
// operations, with their data.
func (s *Service) Move(ctx context.Context, p authz.Principal, id string, sc StateChange, ip string) (Invite, error) {
	if !slices.Contains([]State{Invited, Withdrawn, Introduced, NotPlaced}, sc.To) {
		return Invite{}, apperr.Invalid("state", "enum", msg.M("invite.stateEnum"))
	}
	if utf8.RuneCountInString(sc.Reason) > 1000 {
		return Invite{}, apperr.Invalid("reason", "maxLength", msg.M("field.maxLength1000"))
	}
	if !p.Has(authz.Werkgever, authz.Zorgaanbieder, authz.Accountmanager, authz.Admin) {
		return Invite{}, fmt.Errorf("move invite: %w", apperr.ErrForbidden)
	}
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := load(ctx, tx, p, id, true)
		if err != nil {
			return err
		}
		now := s.now()
		expires := now.Add(s.settings(ctx, tx, v.RegionID).TTL)
		extra := map[string]any{}
		switch sc.To {
		case NotPlaced:
			extra["outcome_note"] = strings.TrimSpace(sc.Reason)
		case Invited:
			extra["sent_at"], extra["expires_at"] = now, expires
		}
		if err := s.move(ctx, tx, &v, sc.To, ActorOf(p), p.UserID, strings.TrimSpace(sc.Reason), extra); err != nil {
			return err
		}
		if sc.To == Invited {
			o, err := s.Openings.Get(ctx, p, v.OpeningID)
			if err != nil {
				return err
			}
			reach, err := s.Candidates.Reach(ctx, tx, v.RegionID, []string{v.CandidateID})
			if err != nil {
				return err
			}
			r, ok := reach[v.CandidateID]
			if !ok || !r.InPool || r.UserID == nil {
				return &apperr.ConflictError{Code: "notInPool", Msg: msg.M("invite.notInPool")}
			}
			if err := s.send(ctx, tx, v.ID, o, r, expires, now); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "invite." + string(sc.To), IP: ip, SubjectType: "invite", SubjectID: id}))
	})
	if err != nil {
		return Invite{}, err
	}
	return s.Get(ctx, p, id)
}

// Get is one invite with its log and placement.
func (s *Service) Get(ctx context.Context, p authz.Principal, id string) (Invite, error) {
	v, err := load(ctx, s.DB, p, id, false)
	if err != nil {
		return Invite{}, err
	}
	in := v.toInvite()
	log, err := events.List(ctx, s.DB, id)
	if err != nil {
		return Invite{}, err
	}
	for _, e := range log {
		in.Events = append(in.Events, Event{At: e.At, Actor: Actor(e.Actor), From: State(e.From), To: State(e.To), Reason: e.Reason})
	}
	var pl []placementRow
	if err := s.DB.WithContext(ctx).Where("invite_id = ?", id).Find(&pl).Error; err != nil {
		return Invite{}, err
	}
	if len(pl) == 1 {
		in.Placement = toPlacement(pl[0])
		if p.Role.IsOrganisationRole() {
			if err := s.DB.WithContext(ctx).Raw(`SELECT recipient_role FROM thank_yous WHERE placement_id = ? AND sender_id = ? ORDER BY recipient_role`,
				pl[0].ID, p.UserID).Scan(&in.Placement.Thanked).Error; err != nil {
				return Invite{}, err
			}
		}
	}
	return in, nil
}

func toPlacement(r placementRow) *Placement {
	p := &Placement{ID: r.ID, StartDate: r.StartDate, ContractType: r.ContractType, Hours: r.Hours, HourlyWageCents: r.HourlyWageCents,
		TrialPeriodMonths: r.TrialPeriodMonths, EndedOn: r.EndedOn, Durable: r.Durable}
	if r.EndReason != nil {
		p.EndReason = *r.EndReason
	}
	if r.BelowMinimumWageReason != nil {
		p.BelowMinimumWageReason = *r.BelowMinimumWageReason
	}
	return p
}

// ListFilter narrows List.
type ListFilter struct {
	OpeningID   string
	CandidateID string
	States      []State
}

// List returns the invites p may see, newest first (at most 500).
func (s *Service) List(ctx context.Context, p authz.Principal, f ListFilter) ([]Invite, error) {
	q := scope(view(s.DB.WithContext(ctx)), p)
	if f.OpeningID != "" {
		if _, err := s.Openings.Get(ctx, p, f.OpeningID); err != nil {
			return nil, err
		}
		q = q.Where("i.opening_id = ?", f.OpeningID)
	}
	if f.CandidateID != "" {
		if err := s.Candidates.InCaseload(ctx, p, f.CandidateID); err != nil {
			return nil, err
		}
		q = q.Where("i.candidate_id = ?", f.CandidateID)
	}
	if len(f.States) > 0 {
		q = q.Where("i.state IN ?", states(f.States))
	}
	return s.list(q.Order("i.created_at DESC, i.id").Limit(500))
}

// ListByIDs returns the invites among ids that p may see.
func (s *Service) ListByIDs(ctx context.Context, p authz.Principal, ids []string) ([]Invite, error) {
	return s.list(scope(view(s.DB.WithContext(ctx)), p).Where("i.id IN ?", ids).Order("i.created_at, i.id"))
}

func (s *Service) list(q *gorm.DB) ([]Invite, error) {
	var rows []viewRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, database.Translate(err, "list invites")
	}
	out := make([]Invite, len(rows))
	for i, r := range rows {
		out[i] = r.toInvite()
	}
	return out, nil
}

// Advise stores the klantmanager's advice to the kandidaat on an invite of
// their caseload; the kandidaat sees it on the invite page.
func (s *Service) Advise(ctx context.Context, p authz.Principal, id, advice, ip string) (Invite, error) {
	if !p.Has(authz.Klantmanager) {
		return Invite{}, fmt.Errorf("advise: %w", apperr.ErrForbidden)
	}
	advice = strings.TrimSpace(advice)
	if utf8.RuneCountInString(advice) > 1000 {
		return Invite{}, apperr.Invalid("advice", "maxLength", msg.M("field.maxLength1000"))
	}
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := load(ctx, tx, p, id, true)
		if err != nil {
			return err
		}
		if !slices.Contains([]State{Invited, Viewed}, State(v.State)) {
			return &apperr.ConflictError{Code: "inviteDecided", Msg: msg.M("invite.decided")}
		}
		if err := tx.Model(&Row{}).Where("id = ?", id).Updates(map[string]any{"advice": advice, "updated_at": s.now()}).Error; err != nil {
			return err
		}
		// An erased candidate has no account (and nobody to tell).
		user, err := s.Candidates.UserID(ctx, tx, v.CandidateID)
		if err != nil && !errors.Is(err, apperr.ErrNotFound) {
			return err
		}
		if user != "" {
			if err := s.Notify.Notify(ctx, tx, notification.Notice{Kind: notification.AdviceAdded,
				TitleNL: "Uw klantmanager gaf advies over de uitnodiging van " + v.OrganisationName + ".",
				TitleEN: "Your klantmanager gave advice on the invite from " + v.OrganisationName + ".",
				Link:    "/mijn-uitnodigingen/" + id}, user); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "invite.advised", IP: ip, SubjectType: "invite", SubjectID: id}))
	})
	if err != nil {
		return Invite{}, err
	}
	return s.Get(ctx, p, id)
}

func states(list []State) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = string(s)
	}
	return out
}
