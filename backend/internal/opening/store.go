package opening

import (
	"context"
	"time"

	"github.com/lib/pq"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/identity"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/geo"
)

// Row is the openings table.
type Row struct {
	ID              string `gorm:"primaryKey;default:gen_random_uuid()"`
	RegionID        string
	OrganisationID  string
	Kind            string
	State           string
	Title           string
	Description     string
	OccupationID    string
	RequiredSkills  pq.StringArray `gorm:"type:text[]"`
	NiceSkills      pq.StringArray `gorm:"type:text[]"`
	MandatorySkills pq.StringArray `gorm:"type:text[]"`
	// AcceptableOccupations: "ook passend", in the organisation's order.
	AcceptableOccupations pq.StringArray `gorm:"type:text[]"`
	Postcode              string
	PC4                   string `gorm:"column:pc4"`
	Place                 string
	Lat, Lon              float64
	MaxTravelKm           int
	HoursMin              int
	HoursMax              int
	Days                  pq.StringArray `gorm:"type:text[]"`
	DayParts              pq.StringArray `gorm:"type:text[]"`
	ContractType          string
	StartDate             *time.Time
	WageMinCents          int64
	WageMaxCents          int64
	Places                int
	FilledCount           *int
	Support               pq.StringArray `gorm:"type:text[]"`
	Banenafspraak         bool
	ReviewRequestedAt     *time.Time
	CreatedBy             string
	CreatedAt             time.Time
	UpdatedAt             time.Time
	PublishedAt           *time.Time
}

func (Row) TableName() string { return "openings" }

// viewRow is a Row with what the read joins add. Row is exported because
// GORM only fills embedded structs of exported types.
const viewSelect = `o.*, org.name AS organisation_name, oc.label AS occupation_label, oc.isco_group,
	ARRAY(SELECT a.label FROM occupation_labels a WHERE a.id = ANY (o.acceptable_occupations)
	      ORDER BY array_position(o.acceptable_occupations, a.id)) AS acceptable_labels`

type viewRow struct {
	Row              `gorm:"embedded"`
	OrganisationName string
	OccupationLabel  string
	ISCOGroup        string         `gorm:"column:isco_group"`
	AcceptableLabels pq.StringArray `gorm:"type:text[]"`
}

func (v viewRow) toOpening() Opening {
	r := v.Row
	o := Opening{ID: r.ID, RegionID: r.RegionID, OrganisationID: r.OrganisationID, OrganisationName: v.OrganisationName,
		State: State(r.State), OccupationLabel: v.OccupationLabel, ISCOGroup: v.ISCOGroup, PC4: r.PC4, Place: r.Place,
		Lat: r.Lat, Lon: r.Lon, FilledCount: r.FilledCount, ReviewRequestedAt: r.ReviewRequestedAt,
		CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(), PublishedAt: r.PublishedAt,
		Fields: Fields{Kind: Kind(r.Kind), Title: r.Title, Description: r.Description, OccupationID: r.OccupationID,
			RequiredSkills: nonNil(r.RequiredSkills), NiceSkills: nonNil(r.NiceSkills), MandatorySkills: nonNil(r.MandatorySkills),
			AcceptableOccupations: nonNil(r.AcceptableOccupations), Postcode: r.Postcode, MaxTravelKm: r.MaxTravelKm,
			HoursMin: r.HoursMin, HoursMax: r.HoursMax, Days: nonNil(r.Days), DayParts: nonNil(r.DayParts), ContractType: r.ContractType,
			StartDate: r.StartDate, WageMinCents: r.WageMinCents, WageMaxCents: r.WageMaxCents, Places: r.Places,
			Support: nonNil(r.Support), Banenafspraak: r.Banenafspraak}}
	o.AcceptableLabels = nonNil(v.AcceptableLabels)
	o.Fairness = CheckFairness(o.Title, o.Description)
	return o
}

func nonNil(a []string) []string {
	if a == nil {
		return []string{}
	}
	return a
}

// scope limits a query on openings (aliased o) to what p may see: the
// region; organisation users their own organisation; klantmanagers only
// published openings.
func scope(q *gorm.DB, p authz.Principal) *gorm.DB {
	q = q.Where("o.region_id = ?", p.RegionID)
	switch {
	case p.Role.IsOrganisationRole():
		q = q.Where("o.organisation_id = ?", p.OrganisationID)
	case p.Role == authz.Klantmanager:
		q = q.Where("o.state = ?", string(Open))
	case p.Has(authz.Admin, authz.Accountmanager):
	default:
		q = q.Where("false")
	}
	return q
}

func (s *Service) view(db *gorm.DB) *gorm.DB {
	return db.Table("openings o").Select(viewSelect).
		Joins("JOIN organisation_directory org ON org.id = o.organisation_id").
		Joins("JOIN occupation_labels oc ON oc.id = o.occupation_id")
}

func (f Fields) toRow(r *Row, place geo.Place) {
	r.Kind, r.Title, r.Description, r.OccupationID = string(f.Kind), f.Title, f.Description, f.OccupationID
	r.RequiredSkills, r.NiceSkills, r.MandatorySkills = nonNil(f.RequiredSkills), nonNil(f.NiceSkills), nonNil(f.MandatorySkills)
	r.AcceptableOccupations = nonNil(f.AcceptableOccupations)
	r.Postcode, r.PC4, r.Place, r.Lat, r.Lon = f.Postcode, place.PC4, place.Name, place.Lat, place.Lon
	r.MaxTravelKm, r.HoursMin, r.HoursMax = f.MaxTravelKm, f.HoursMin, f.HoursMax
	r.Days, r.DayParts, r.Support = sortedBy(f.Days, Days), sortedBy(f.DayParts, DayParts), nonNil(f.Support)
	r.ContractType, r.StartDate, r.WageMinCents, r.WageMaxCents = f.ContractType, f.StartDate, f.WageMinCents, f.WageMaxCents
	r.Places, r.Banenafspraak = f.Places, f.Banenafspraak
}

// lockForWrite loads an opening p may change, locked until tx ends.
func (s *Service) lockForWrite(ctx context.Context, tx *gorm.DB, p authz.Principal, id string) (Row, identity.Organisation, error) {
	var r Row
	err := scope(tx.WithContext(ctx).Table("openings o").Select("o.*"), p).Where("o.id = ?", id).
		Clauses(clause.Locking{Strength: "UPDATE", Table: clause.Table{Name: "o"}}).Take(&r).Error
	if err != nil {
		return Row{}, identity.Organisation{}, database.Translate(err, "load opening")
	}
	org, err := s.writableOrganisation(ctx, tx, p, r.OrganisationID)
	return r, org, err
}

func (r Row) fields() Fields {
	return viewRow{Row: r}.toOpening().Fields
}

type hitRow struct {
	ID             string `gorm:"primaryKey;default:gen_random_uuid()"`
	OpeningID      string
	RegionID       string
	OrganisationID string
	ActorUserID    string
	Rule           string
	Category       string
	Field          string
	Match          string
	Outcome        string
	OverrideReason string
	CreatedAt      time.Time
}

func (hitRow) TableName() string { return "fairness_hits" }

// Event kinds of the openings' append-only log (opening_events).
const (
	eventCreated         = "created"
	eventStateChanged    = "state_changed"
	eventReviewRequested = "review_requested"
)

// appendEvent writes one entry of r's event log in tx, the transaction of
// the change it records: kind, from → to, at, and who acted.
func appendEvent(ctx context.Context, tx *gorm.DB, r Row, p authz.Principal, kind string, from, to State, at time.Time) error {
	var fromState, user any
	if from != "" {
		fromState = string(from)
	}
	if p.UserID != "" {
		user = p.UserID
	}
	actor := string(actorOf(p))
	if actor == "" {
		actor = "system"
	}
	return database.Translate(tx.WithContext(ctx).Exec(`INSERT INTO opening_events (opening_id, region_id, organisation_id, occurred_at, actor_user_id, actor, kind, from_state, to_state)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, r.RegionID, r.OrganisationID, at, user, actor, kind, fromState, string(to)).Error, "record opening event")
}
