package subsidy

// The LKS application: a workflow of the services desk that is not a paid
// booking. The werkgever applies from a placement (its contract and hours
// are copied onto the application), the loonwaardebepaling booked for that
// placement is linked, and the accountmanager (or an admin) records the
// assessed loonwaarde and decides with a motivation.
//
// Invariants:
//   - Every step is a transition of the rule table below, made in one
//     transaction with its event (lks_application_events, append-only), its
//     notifications and, for decisions, its audit entry.
//   - A placement has at most one open application (applied, assessed,
//     granted); only an employment contract and an LKS-indicated candidate
//     can apply.
//   - A granted amount is LKSMonthly of the application's hours, full time
//     and loonwaarde for the minimum-wage period valid when computed; that
//     period is stored, and a later period re-indexes the amount once
//     (jobs.go), with the old and the new amount in the log.

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
	"github.com/werkhaven/werkhaven/backend/internal/platform/statemachine"
)

// AppState is the state of an LKS application.
type AppState string

// The states.
const (
	Applied   AppState = "applied"   // aangevraagd
	Assessed  AppState = "assessed"  // loonwaarde vastgesteld
	Granted   AppState = "granted"   // toegekend
	Refused   AppState = "refused"   // afgewezen
	Withdrawn AppState = "withdrawn" // ingetrokken by the werkgever before a decision
	Ended     AppState = "ended"     // the placement of a granted application ended
)

// AppStates lists every state in journey order.
var AppStates = []AppState{Applied, Assessed, Granted, Refused, Withdrawn, Ended}

// OpenStates are the states a placement has at most one application in.
var OpenStates = []AppState{Applied, Assessed, Granted}

// Actor is who moves an application.
type Actor string

// The actors.
const (
	ByOrganisation   Actor = "organisation"
	ByAccountmanager Actor = "accountmanager"
	ByAdmin          Actor = "admin"
	BySystem         Actor = "system"
)

// ErrTransition is a step the rule table does not allow (409).
var ErrTransition = errors.New("lks application transition not allowed")

var appStateNL = map[AppState]string{Applied: "aangevraagd", Assessed: "loonwaarde vastgesteld", Granted: "toegekend", Refused: "afgewezen",
	Withdrawn: "ingetrokken", Ended: "beëindigd"}

type appRule = statemachine.Rule[AppState, Actor]

var staff = []Actor{ByAccountmanager, ByAdmin}

var appMachine = statemachine.Machine[AppState, Actor]{Noun: "An LKS application", Err: ErrTransition, NamesNL: appStateNL,
	Rules: map[AppState]appRule{
		// A loonwaarde may be corrected until the decision.
		Assessed: {From: []AppState{Applied, Assessed}, Actors: staff},
		// From applied it is refused as notAssessed (Decide), which says why.
		Granted:   {From: []AppState{Applied, Assessed}, Actors: staff},
		Refused:   {From: []AppState{Applied, Assessed}, Actors: staff},
		Withdrawn: {From: []AppState{Applied, Assessed}, Actors: []Actor{ByOrganisation}},
		Ended:     {From: []AppState{Granted}, Actors: []Actor{BySystem}},
	},
	Conflict: func(from AppState) *apperr.ConflictError {
		if from == Granted || from == Refused {
			return &apperr.ConflictError{Code: "alreadyDecided", Msg: msg.M("lks.alreadyDecided", appStateNL[from])}
		}
		if from == Withdrawn || from == Ended {
			return &apperr.ConflictError{Code: "applicationClosed", Msg: msg.M("lks.applicationClosed", appStateNL[from])}
		}
		return nil
	}}

// CheckStep reports whether actor may move an application from one state to another.
func CheckStep(from, to AppState, actor Actor) error { return appMachine.Check(from, to, actor) }

// The codes of the log: a transition's target state, or a note that
// changes no state.
const (
	CodeBookingLinked   = "bookingLinked"
	CodeReindexed       = "reindexed"
	CodeReassessmentDue = "reassessmentDue"
)

// DefaultFullTime is the full working week an application counts with
// unless it carries the sector's own.
const DefaultFullTime = 36

// Application is an LKS application as its readers see it.
type Application struct {
	ID, RegionID, OrganisationID, PlacementID, InviteID, CandidateID string
	OrganisationName, CandidateCode, OpeningTitle                    string
	ContractType                                                     string
	Hours                                                            int
	FullTimeHours                                                    float64
	PlacementStart                                                   time.Time
	State                                                            AppState
	BookingID                                                        string
	WageValuePercent                                                 *float64
	AssessedOn                                                       *time.Time
	Decision                                                         string
	Motivation                                                       string
	MonthlyCents                                                     *int64
	WMLValidFrom                                                     *time.Time
	ReassessOn                                                       *time.Time
	Note                                                             string
	CreatedBy                                                        string
	DecidedAt                                                        *time.Time
	CreatedAt, UpdatedAt                                             time.Time
	Events                                                           []AppEvent
}

// AppEvent is one entry of an application's log.
type AppEvent struct {
	At            time.Time
	Actor         Actor
	ActorUserID   string
	From, To      AppState
	Code          string
	AmountCents   *int64
	PreviousCents *int64
	Note          string
}

// ApplyInput is a new application.
type ApplyInput struct {
	PlacementID   string
	FullTimeHours *float64 // the sector's full working week; nil: DefaultFullTime
	Note          string
}

// Assessment is the loonwaarde the assessment found.
type Assessment struct {
	WageValuePercent float64
	AssessedOn       time.Time
}

// Decision decides an application.
type Decision struct {
	Decision   string // granted or refused
	Motivation string
	ReassessOn *time.Time // granted: nil is the region's lks_reassess_months after the start
}

func actorFor(p authz.Principal) Actor {
	switch {
	case p.Role.IsOrganisationRole():
		return ByOrganisation
	case p.Role == authz.Accountmanager:
		return ByAccountmanager
	case p.Role == authz.Admin:
		return ByAdmin
	}
	return BySystem
}

// Apply stores a new application for a placement p may see: its contract
// must be an employment contract (409 noEmploymentContract) and its
// candidate LKS-indicated (409 noLksIndicatie); a placement with an open
// application is 409 applicationExists, another organisation's 404.
func (s *Service) Apply(ctx context.Context, p authz.Principal, in ApplyInput, ip string) (Application, error) {
	if !p.Has(authz.Werkgever, authz.Zorgaanbieder, authz.Accountmanager, authz.Admin) {
		return Application{}, fmt.Errorf("apply for lks: %w", apperr.ErrForbidden)
	}
	var fields apperr.Fields
	if utf8.RuneCountInString(in.Note) > 1000 {
		fields.Add("note", "maxLength", msg.M("field.maxLength1000"))
	}
	fullTime := float64(DefaultFullTime)
	if in.FullTimeHours != nil {
		fullTime = *in.FullTimeHours
		if fullTime < 20 || fullTime > 40 || math.Abs(fullTime*10-math.Round(fullTime*10)) > 1e-9 {
			fields.Add("fullTimeHours", "range", msg.M("lks.fullTimeHoursRange"))
		}
	}
	if len(fields) > 0 {
		return Application{}, &apperr.InvalidError{Fields: fields}
	}
	var id string
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		c, err := s.Invites.PlacementCase(ctx, tx, p, in.PlacementID)
		if err != nil {
			return err
		}
		pl := c.Placement
		if pl == nil {
			return fmt.Errorf("placement %s: %w", in.PlacementID, apperr.ErrNotFound)
		}
		if pl.EndedOn != nil {
			return &apperr.ConflictError{Code: "placementEnded", Msg: msg.M("lks.placementEnded")}
		}
		if !IsEmployment(pl.ContractType) {
			return &apperr.ConflictError{Code: "noEmploymentContract", Msg: msg.M("lks.noEmploymentContract", pl.ContractType)}
		}
		ind, err := s.Candidates.Indications(ctx, tx, c.CandidateID)
		if err != nil {
			return err
		}
		if !ind.LKSIndicatie {
			return &apperr.ConflictError{Code: "noLksIndicatie", Msg: msg.M("lks.noLksIndicatie")}
		}
		var open int64
		if err := tx.Model(&ApplicationRow{}).Where("placement_id = ? AND state IN ?", pl.ID, stateStrings(OpenStates)).Count(&open).Error; err != nil {
			return err
		}
		if open > 0 {
			return applicationExists()
		}
		bookingID, _, err := s.Bookings.LoonwaardeBooking(ctx, tx, pl.ID)
		if err != nil {
			return err
		}
		now := s.now()
		r := ApplicationRow{RegionID: c.RegionID, OrganisationID: c.OrganisationID, PlacementID: pl.ID, InviteID: c.InviteID, CandidateID: c.CandidateID,
			OpeningID: c.OpeningID, StartDate: pl.StartDate, ContractType: pl.ContractType, Hours: pl.Hours, FullTimeHours: fullTime, State: string(Applied), BookingID: database.NullIfEmpty(bookingID),
			Note: strings.TrimSpace(in.Note), CreatedBy: p.UserID, CreatedAt: now, UpdatedAt: now}
		if err := tx.Create(&r).Error; err != nil {
			if database.IsCode(err, database.CodeUniqueViolation) {
				return applicationExists()
			}
			return database.Translate(err, "store lks application")
		}
		id = r.ID
		if err := s.appendEvent(ctx, tx, r.ID, AppEvent{Actor: actorFor(p), ActorUserID: p.UserID, To: Applied, Code: string(Applied), Note: r.Note}); err != nil {
			return err
		}
		nl, en := both(msg.M("lks.noticeApplied", c.CandidateCode, c.OrganisationName))
		if err := s.tell(ctx, tx, r.OrganisationID, true, true, "/loonkostensubsidie/"+r.ID, nl, en, p.UserID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "lks.applied", IP: ip, SubjectType: "lks_application", SubjectID: r.ID,
			Details: map[string]any{"placementId": pl.ID}}))
	})
	if err != nil {
		return Application{}, err
	}
	return s.GetApplication(ctx, p, id)
}

func applicationExists() error {
	return &apperr.ConflictError{Code: "applicationExists", Msg: msg.M("lks.applicationExists")}
}

// Assess records the assessed loonwaarde (staff), linking the placement's
// loonwaardebepaling booking if the application has none yet.
func (s *Service) Assess(ctx context.Context, p authz.Principal, id string, a Assessment, ip string) (Application, error) {
	if a.WageValuePercent < 0 || a.WageValuePercent > 100 || math.Abs(a.WageValuePercent*100-math.Round(a.WageValuePercent*100)) > 1e-6 {
		return Application{}, apperr.Invalid("wageValuePercent", "range", msg.M("lks.wageValueRange"))
	}
	if a.AssessedOn.After(s.now()) {
		return Application{}, apperr.Invalid("assessedOn", "future", msg.M("lks.assessedOnFuture"))
	}
	err := s.step(ctx, p, id, Assessed, func(tx *gorm.DB, v *appView) (map[string]any, AppEvent, error) {
		set := map[string]any{"wage_value_percent": a.WageValuePercent, "assessed_on": a.AssessedOn}
		if v.BookingID == nil {
			if b, _, err := s.Bookings.LoonwaardeBooking(ctx, tx, v.PlacementID); err != nil {
				return nil, AppEvent{}, err
			} else if b != "" {
				set["booking_id"] = b
			}
		}
		note := fmt.Sprintf("%s%% (%s)", percent(a.WageValuePercent), a.AssessedOn.Format(time.DateOnly))
		return set, AppEvent{Code: string(Assessed), Note: note}, nil
	}, func(v *appView) (string, string) {
		return both(msg.M("lks.noticeAssessed", v.CandidateCode, percent(a.WageValuePercent)))
	}, ip)
	if err != nil {
		return Application{}, err
	}
	return s.GetApplication(ctx, p, id)
}

// Decide grants (with the monthly amount LKSMonthly gives for the minimum
// wage valid now) or refuses an application, with a motivation (staff).
// Deciding twice is 409 alreadyDecided; granting before the loonwaarde is
// assessed is 409 notAssessed.
func (s *Service) Decide(ctx context.Context, p authz.Principal, id string, d Decision, ip string) (Application, error) {
	var fields apperr.Fields
	motivation := strings.TrimSpace(d.Motivation)
	if d.Decision != string(Granted) && d.Decision != string(Refused) {
		fields.Add("decision", "enum", msg.M("lks.decisionEnum"))
	}
	if motivation == "" {
		fields.Add("motivation", "required", msg.M("lks.motivationRequired"))
	} else if utf8.RuneCountInString(motivation) > 2000 {
		fields.Add("motivation", "maxLength", msg.M("lks.motivationMaxLength"))
	}
	if len(fields) > 0 {
		return Application{}, &apperr.InvalidError{Fields: fields}
	}
	to := AppState(d.Decision)
	now := s.now()
	var amount int64
	err := s.step(ctx, p, id, to, func(tx *gorm.DB, v *appView) (map[string]any, AppEvent, error) {
		set := map[string]any{"decision": d.Decision, "motivation": motivation, "decided_by": p.UserID, "decided_at": now}
		ev := AppEvent{Code: d.Decision, Note: motivation}
		if to == Refused {
			return set, ev, nil
		}
		if v.WageValuePercent == nil {
			return nil, ev, &apperr.ConflictError{Code: "notAssessed", Msg: msg.M("lks.notAssessed")}
		}
		params, err := s.Params(ctx, tx, v.RegionID, now, "decision")
		if err != nil {
			return nil, ev, err
		}
		amount = LKSMonthly(params, Decimal(float64(v.Hours)), Decimal(v.FullTimeHours), Decimal(*v.WageValuePercent))
		set["monthly_cents"], set["wml_valid_from"] = amount, params.Values[WMLMonth].ValidFrom
		reassess := d.ReassessOn
		if reassess != nil && !reassess.After(now) {
			return nil, ev, apperr.Invalid("reassessOn", "past", msg.M("lks.reassessOnPast"))
		}
		if m, ok := params.Get(LKSReassessMonths); reassess == nil && ok {
			// The region's term after the start, unless that has passed already.
			if r := v.StartDate.AddDate(0, int(m), 0); r.After(now) {
				reassess = &r
			}
		}
		if reassess != nil {
			set["reassess_on"] = *reassess
		}
		ev.AmountCents = &amount
		return set, ev, nil
	}, func(v *appView) (string, string) {
		if to == Refused {
			return both(msg.M("lks.noticeRefused", v.CandidateCode))
		}
		return both(msg.M("lks.noticeGranted", v.CandidateCode, msg.Cents(amount)))
	}, ip)
	if err != nil {
		return Application{}, err
	}
	return s.GetApplication(ctx, p, id)
}

// Withdraw withdraws an application before its decision (the werkgever).
func (s *Service) Withdraw(ctx context.Context, p authz.Principal, id, ip string) (Application, error) {
	err := s.step(ctx, p, id, Withdrawn, func(*gorm.DB, *appView) (map[string]any, AppEvent, error) {
		return map[string]any{}, AppEvent{Code: string(Withdrawn)}, nil
	}, func(v *appView) (string, string) {
		return both(msg.M("lks.noticeWithdrawn", v.OrganisationName, v.CandidateCode))
	}, ip)
	if err != nil {
		return Application{}, err
	}
	return s.GetApplication(ctx, p, id)
}

// step moves application id to state to as p in one transaction: the
// rule table, change's columns, the event, the notices (the organisation's
// users and its accountmanager, but not p) and the audit entry.
func (s *Service) step(ctx context.Context, p authz.Principal, id string, to AppState,
	change func(*gorm.DB, *appView) (map[string]any, AppEvent, error), titles func(*appView) (string, string), ip string) error {
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := loadApplication(ctx, tx, p, id, true)
		if err != nil {
			return err
		}
		from := AppState(v.State)
		actor := actorFor(p)
		if err := CheckStep(from, to, actor); err != nil {
			return err
		}
		set, ev, err := change(tx, &v)
		if err != nil {
			return err
		}
		set["state"], set["updated_at"] = string(to), s.now()
		if err := tx.Model(&ApplicationRow{}).Where("id = ?", id).Updates(set).Error; err != nil {
			return database.Translate(err, "update lks application")
		}
		if b, ok := set["booking_id"].(string); ok {
			if err := s.appendEvent(ctx, tx, id, AppEvent{Actor: actor, ActorUserID: p.UserID, From: from, To: from, Code: CodeBookingLinked, Note: b}); err != nil {
				return err
			}
		}
		ev.Actor, ev.ActorUserID, ev.From, ev.To = actor, p.UserID, from, to
		if err := s.appendEvent(ctx, tx, id, ev); err != nil {
			return err
		}
		nl, en := titles(&v)
		if err := s.tell(ctx, tx, v.OrganisationID, true, true, "/loonkostensubsidie/"+id, nl, en, p.UserID); err != nil {
			return err
		}
		details := map[string]any{"from": string(from)}
		if ev.AmountCents != nil {
			details["monthlyCents"] = *ev.AmountCents
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "lks." + string(to), IP: ip, SubjectType: "lks_application", SubjectID: id,
			Details: details}))
	})
}

// tell notifies an organisation's users (org) and its accountmanager (am),
// leaving out the users in except (who made the change).
func (s *Service) tell(ctx context.Context, tx *gorm.DB, orgID string, org, am bool, link, nl, en string, except ...string) error {
	return s.tellKind(ctx, tx, notification.LKSUpdate, orgID, org, am, link, nl, en, except...)
}

func (s *Service) tellKind(ctx context.Context, tx *gorm.DB, kind notification.Kind, orgID string, org, am bool, link, nl, en string, except ...string) error {
	var to []string
	if org {
		users, err := s.Organisations.OrganisationUsers(ctx, tx, orgID)
		if err != nil {
			return err
		}
		to = append(to, users...)
	}
	if am {
		id, err := s.Organisations.Accountmanager(ctx, tx, orgID)
		if err != nil {
			return err
		}
		to = append(to, id)
	}
	var out []string
	for _, u := range to {
		if !containsString(except, u) {
			out = append(out, u)
		}
	}
	return s.Notify.Notify(ctx, tx, notification.Notice{Kind: kind, Link: link, TitleNL: nl, TitleEN: en}, out...)
}

// GetApplication is one application p may see, with its log. An open
// application without a loonwaardebepaling links the placement's once one
// is booked.
func (s *Service) GetApplication(ctx context.Context, p authz.Principal, id string) (Application, error) {
	v, err := loadApplication(ctx, s.DB, p, id, false)
	if err != nil {
		return Application{}, err
	}
	if v.BookingID == nil && (v.State == string(Applied) || v.State == string(Assessed)) {
		if err := s.linkBooking(ctx, id); err != nil {
			return Application{}, err
		}
		if v, err = loadApplication(ctx, s.DB, p, id, false); err != nil {
			return Application{}, err
		}
	}
	a := v.toApplication()
	if a.Events, err = listEvents(ctx, s.DB, id); err != nil {
		return Application{}, err
	}
	return a, nil
}

// linkBooking links the placement's loonwaardebepaling to application id
// if it still has none (the system, noted in the log).
func (s *Service) linkBooking(ctx context.Context, id string) error {
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := loadApplication(ctx, tx, system, id, true)
		if err != nil || v.BookingID != nil {
			return err
		}
		b, _, err := s.Bookings.LoonwaardeBooking(ctx, tx, v.PlacementID)
		if err != nil || b == "" {
			return err
		}
		if err := tx.Model(&ApplicationRow{}).Where("id = ?", id).Updates(map[string]any{"booking_id": b, "updated_at": s.now()}).Error; err != nil {
			return err
		}
		st := AppState(v.State)
		return s.appendEvent(ctx, tx, id, AppEvent{Actor: BySystem, From: st, To: st, Code: CodeBookingLinked, Note: b})
	})
}

// ApplicationFilter narrows ListApplications.
type ApplicationFilter struct {
	States      []AppState
	PlacementID string
}

// ListApplications returns the applications p may see (organisation users
// their own, staff the region's), newest first, at most 500.
func (s *Service) ListApplications(ctx context.Context, p authz.Principal, f ApplicationFilter) ([]Application, error) {
	q := scopeApplications(applications(s.DB.WithContext(ctx)), p)
	if len(f.States) > 0 {
		q = q.Where("a.state IN ?", stateStrings(f.States))
	}
	if f.PlacementID != "" {
		q = q.Where("a.placement_id = ?", f.PlacementID)
	}
	var rows []appView
	if err := q.Order("a.created_at DESC, a.id").Limit(500).Find(&rows).Error; err != nil {
		return nil, database.Translate(err, "list lks applications")
	}
	out := make([]Application, len(rows))
	for i, r := range rows {
		out[i] = r.toApplication()
	}
	return out, nil
}

func stateStrings(list []AppState) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = string(s)
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// both is m in Dutch and in English (a notice's titles).
func both(m msg.Message) (string, string) { return m.In(msg.NL), m.In(msg.EN) }

// percent prints a loonwaarde without trailing zeros (62.5, 60).
func percent(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
