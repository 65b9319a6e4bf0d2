package invite

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
)

// Row is the invites table (exported: GORM reads embedded structs of exported types only).
type Row struct {
	ID             string `gorm:"primaryKey;default:gen_random_uuid()"`
	RegionID       string
	OpeningID      string
	OrganisationID string
	CandidateID    string
	State          string
	Message        string
	InvitedBy      string
	Advice         string
	SentAt         *time.Time
	ExpiresAt      *time.Time
	RemindedAt     *time.Time
	DeclineReason  *string
	DeclineNote    string
	IntakeAt       *time.Time
	DecidedAt      *time.Time // the kandidaat's decision, the time of its event
	IntakeMode     *string
	IntakePlace    string
	OutcomeNote    string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

func (Row) TableName() string { return "invites" }

type tokenRow struct {
	Hash      []byte `gorm:"primaryKey"`
	InviteID  string
	CreatedAt time.Time
	UsedAt    *time.Time
}

func (tokenRow) TableName() string { return "invite_tokens" }

type placementRow struct {
	ID              string `gorm:"primaryKey;default:gen_random_uuid()"`
	InviteID        string
	RegionID        string
	OrganisationID  string
	OpeningID       string
	CandidateID     string
	StartDate       time.Time
	ContractType    string
	Hours           int
	HourlyWageCents int64
	// BelowMinimumWageReason: jeugdloon or loondispensatie, or nil.
	BelowMinimumWageReason *string
	TrialPeriodMonths      int
	EndedOn                *time.Time
	EndReason              *string
	Durable                *bool
	CreatedBy              string
	CreatedAt              time.Time
	// KlantmanagerID and AccountmanagerID: who held the caseload and the
	// portfolio when the placement was recorded (credited for it).
	KlantmanagerID   *string
	AccountmanagerID *string
}

func (placementRow) TableName() string { return "placements" }

// viewRow is an invite with what its readers see around it: the opening's
// title, the organisation's name and the candidate's code come from the
// views their packages define (migrations/00016_read_views.sql).
type viewRow struct {
	Row
	OpeningTitle     string
	OrganisationName string
	CandidateCode    string
	KlantmanagerID   string
	Disclosed        bool
	SharePhone       bool
}

const viewSelect = `i.*, o.title AS opening_title, org.name AS organisation_name, c.public_code AS candidate_code, c.klantmanager_id,
	(d.invite_id IS NOT NULL AND d.withdrawn_at IS NULL) AS disclosed, COALESCE(d.share_phone, false) AS share_phone`

func view(db *gorm.DB) *gorm.DB {
	return db.Table("invites i").Select(viewSelect).
		Joins("JOIN opening_titles o ON o.id = i.opening_id").
		Joins("JOIN organisation_directory org ON org.id = i.organisation_id").
		Joins("JOIN candidate_codes c ON c.id = i.candidate_id").
		Joins("LEFT JOIN disclosures d ON d.invite_id = i.id")
}

// scope limits invites (aliased i, candidate_codes c) to what p may see: the
// region; organisation users their organisation's; klantmanagers those of
// their caseload; kandidaten their own.
func scope(q *gorm.DB, p authz.Principal) *gorm.DB {
	q = q.Where("i.region_id = ?", p.RegionID)
	switch {
	case p.Role.IsOrganisationRole():
		return q.Where("i.organisation_id = ?", p.OrganisationID)
	case p.Role == authz.Klantmanager:
		return q.Where("c.klantmanager_id = ?", p.UserID)
	case p.Role == authz.Kandidaat:
		return q.Where("c.user_id = ? AND c.status <> 'erased'", p.UserID)
	case p.Has(authz.Admin, authz.Accountmanager):
		return q
	}
	return q.Where("false")
}

// load reads one invite p may see; lock holds its row until tx ends, so
// concurrent transitions on one invite queue and exactly one wins.
func load(ctx context.Context, db *gorm.DB, p authz.Principal, id string, lock bool) (viewRow, error) {
	q := scope(view(db.WithContext(ctx)), p).Where("i.id = ?", id)
	if lock {
		q = q.Clauses(clause.Locking{Strength: "UPDATE", Table: clause.Table{Name: "i"}})
	}
	var v viewRow
	if err := q.Take(&v).Error; err != nil {
		return viewRow{}, database.Translate(err, "load invite")
	}
	return v, nil
}

func (v viewRow) toInvite() Invite {
	in := Invite{ID: v.ID, RegionID: v.RegionID, OpeningID: v.OpeningID, OrganisationID: v.OrganisationID, CandidateID: v.CandidateID,
		OpeningTitle: v.OpeningTitle, OrganisationName: v.OrganisationName, CandidateCode: v.CandidateCode, State: State(v.State),
		Message: v.Message, Advice: v.Advice, InvitedBy: v.InvitedBy, SentAt: v.SentAt, ExpiresAt: v.ExpiresAt, DeclineNote: v.DeclineNote,
		IntakeAt: v.IntakeAt, IntakePlace: v.IntakePlace, OutcomeNote: v.OutcomeNote, CreatedAt: v.CreatedAt, UpdatedAt: v.UpdatedAt,
		Disclosed: v.Disclosed, SharePhone: v.SharePhone}
	if v.DeclineReason != nil {
		in.DeclineReason = *v.DeclineReason
	}
	if v.IntakeMode != nil {
		in.IntakeMode = *v.IntakeMode
	}
	return in
}

// settings are the region's invite rules over the defaults.
func (s *Service) settings(ctx context.Context, db *gorm.DB, regionID string) Settings {
	cfg := DefaultSettings
	if rs, err := s.Regions.RegionSettings(ctx, db, regionID); err == nil && rs.Invites != nil {
		r := rs.Invites
		if r.PerOpening > 0 {
			cfg.PerOpening = r.PerOpening
		}
		if r.PerOrganisationPerDay > 0 {
			cfg.PerOrganisationPerDay = r.PerOrganisationPerDay
		}
		if r.TTLDays > 0 {
			cfg.TTLDays = r.TTLDays
		}
		if r.RemindAfterDays > 0 {
			cfg.RemindAfterDays = r.RemindAfterDays
		}
		cfg.Approval = r.Approval
	}
	cfg.TTL = time.Duration(cfg.TTLDays) * 24 * time.Hour
	cfg.RemindAfter = time.Duration(cfg.RemindAfterDays) * 24 * time.Hour
	return cfg
}
