package subsidy

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
)

// ApplicationRow is the lks_applications table (exported: embedded in appView).
type ApplicationRow struct {
	ID               string `gorm:"primaryKey;default:gen_random_uuid()"`
	RegionID         string
	OrganisationID   string
	PlacementID      string
	InviteID         string
	OpeningID        string
	CandidateID      string
	StartDate        time.Time `gorm:"type:date"`
	ContractType     string
	Hours            int
	FullTimeHours    float64
	State            string
	BookingID        *string
	WageValuePercent *float64
	AssessedOn       *time.Time `gorm:"type:date"`
	Decision         *string
	Motivation       string
	MonthlyCents     *int64
	WMLValidFrom     *time.Time `gorm:"column:wml_valid_from;type:date"`
	ReassessOn       *time.Time `gorm:"type:date"`
	Note             string
	CreatedBy        string
	DecidedBy        *string
	DecidedAt        *time.Time
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

func (ApplicationRow) TableName() string { return "lks_applications" }

// appView is an application with the names its readers see, from the
// read views of the packages that own them (migrations/00016).
type appView struct {
	ApplicationRow
	OrganisationName string
	CandidateCode    string
	OpeningTitle     string
}

func applications(db *gorm.DB) *gorm.DB {
	return db.Table("lks_applications a").
		Select("a.*, org.name AS organisation_name, cc.public_code AS candidate_code, ot.title AS opening_title").
		Joins("JOIN organisation_directory org ON org.id = a.organisation_id").
		Joins("JOIN candidate_codes cc ON cc.id = a.candidate_id").
		Joins("JOIN opening_titles ot ON ot.id = a.opening_id")
}

// system is the principal of the sweeps: no scope.
var system = authz.Principal{Role: "system"}

// scopeApplications limits applications to p's: organisation users their
// organisation's, staff the region's, the sweeps every one.
func scopeApplications(q *gorm.DB, p authz.Principal) *gorm.DB {
	switch {
	case p.Role == system.Role:
		return q
	case p.Role.IsOrganisationRole():
		return q.Where("a.region_id = ? AND a.organisation_id = ?", p.RegionID, p.OrganisationID)
	case p.Has(authz.Admin, authz.Accountmanager):
		return q.Where("a.region_id = ?", p.RegionID)
	}
	return q.Where("false")
}

// loadApplication reads one application p may see; lock holds its row
// until tx ends, so two decisions queue and the second finds it decided.
func loadApplication(ctx context.Context, db *gorm.DB, p authz.Principal, id string, lock bool) (appView, error) {
	q := scopeApplications(applications(db.WithContext(ctx)), p).Where("a.id = ?", id)
	if lock {
		q = q.Clauses(clause.Locking{Strength: "UPDATE", Table: clause.Table{Name: "a"}})
	}
	var v appView
	err := q.Take(&v).Error
	return v, database.Translate(err, "load lks application")
}

func (v appView) toApplication() Application {
	a := Application{ID: v.ID, RegionID: v.RegionID, OrganisationID: v.OrganisationID, PlacementID: v.PlacementID, InviteID: v.InviteID,
		CandidateID: v.CandidateID, OrganisationName: v.OrganisationName, CandidateCode: v.CandidateCode, OpeningTitle: v.OpeningTitle,
		ContractType: v.ContractType, Hours: v.Hours, FullTimeHours: v.FullTimeHours, PlacementStart: v.StartDate, State: AppState(v.State),
		WageValuePercent: v.WageValuePercent, AssessedOn: v.AssessedOn, Motivation: v.Motivation, MonthlyCents: v.MonthlyCents,
		WMLValidFrom: v.WMLValidFrom, ReassessOn: v.ReassessOn, Note: v.Note, CreatedBy: v.CreatedBy, DecidedAt: v.DecidedAt,
		CreatedAt: v.CreatedAt, UpdatedAt: v.UpdatedAt}
	if v.BookingID != nil {
		a.BookingID = *v.BookingID
	}
	if v.Decision != nil {
		a.Decision = *v.Decision
	}
	return a
}

// appendEvent writes one entry of application id's log in tx.
func (s *Service) appendEvent(ctx context.Context, tx *gorm.DB, id string, e AppEvent) error {
	var from, user any
	if e.From != "" {
		from = string(e.From)
	}
	if e.ActorUserID != "" {
		user = e.ActorUserID
	}
	return tx.WithContext(ctx).Exec(`INSERT INTO lks_application_events
		(application_id, occurred_at, actor_user_id, actor, from_state, to_state, code, amount_cents, previous_cents, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id, s.now(), user, string(e.Actor), from, string(e.To), e.Code, e.AmountCents, e.PreviousCents, e.Note).Error
}

// listEvents is application id's log, oldest first.
func listEvents(ctx context.Context, db *gorm.DB, id string) ([]AppEvent, error) {
	var rows []struct {
		OccurredAt    time.Time
		ActorUserID   *string
		Actor         string
		FromState     *string
		ToState       string
		Code          string
		AmountCents   *int64
		PreviousCents *int64
		Note          string
	}
	if err := db.WithContext(ctx).Raw(`SELECT occurred_at, actor_user_id::text, actor, from_state, to_state, code, amount_cents, previous_cents, note
		FROM lks_application_events WHERE application_id = ? ORDER BY id`, id).Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]AppEvent, len(rows))
	for i, r := range rows {
		out[i] = AppEvent{At: r.OccurredAt, Actor: Actor(r.Actor), To: AppState(r.ToState), Code: r.Code, AmountCents: r.AmountCents,
			PreviousCents: r.PreviousCents, Note: r.Note}
		if r.FromState != nil {
			out[i].From = AppState(*r.FromState)
		}
		if r.ActorUserID != nil {
			out[i].ActorUserID = *r.ActorUserID
		}
	}
	return out, nil
}

// remindOnce stores reminder key in tx; false when it was sent before (or
// another replica is sending it now).
func remindOnce(ctx context.Context, tx *gorm.DB, key, regionID string, at time.Time) (bool, error) {
	res := tx.WithContext(ctx).Exec(`INSERT INTO subsidy_reminders (key, region_id, sent_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING`, key, regionID, at)
	return res.RowsAffected == 1, res.Error
}

// CandidateLKSApplications are the LKS applications for candidateID's
// placements, newest first, read in db: the kandidaat's export (AVG art. 15).
func (s *Service) CandidateLKSApplications(ctx context.Context, db *gorm.DB, candidateID string) ([]candidate.LKSRecord, error) {
	var rows []appView
	if err := applications(db.WithContext(ctx)).Where("a.candidate_id = ?", candidateID).Order("a.created_at DESC, a.id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]candidate.LKSRecord, len(rows))
	for i, v := range rows {
		out[i] = candidate.LKSRecord{OrganisationName: v.OrganisationName, OpeningTitle: v.OpeningTitle, State: v.State, Motivation: v.Motivation,
			WageValuePercent: v.WageValuePercent, AssessedOn: v.AssessedOn, ReassessOn: v.ReassessOn, MonthlyCents: v.MonthlyCents,
			CreatedBy: v.CreatedBy, CreatedAt: v.CreatedAt.UTC(), DecidedAt: v.DecidedAt}
		if v.DecidedBy != nil {
			out[i].DecidedBy = *v.DecidedBy
		}
	}
	return out, nil
}
