package candidate

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	gojson "github.com/goccy/go-json"
	"github.com/lib/pq"
)

// languages is the jsonb column of a candidate's languages.
type languages []Language

// Value satisfies driver.Valuer.
func (l languages) Value() (driver.Value, error) {
	if l == nil {
		l = languages{}
	}
	b, err := json.Marshal(l)
	return string(b), err
}

// Scan satisfies sql.Scanner. It decodes with goccy/go-json (as
// search.Client does Meilisearch's answers): a rebuild scans a million of
// these, and encoding/json took 0.8 s of CPU doing so.
func (l *languages) Scan(v any) error {
	switch b := v.(type) {
	case []byte:
		return gojson.Unmarshal(b, l)
	case string:
		return gojson.Unmarshal([]byte(b), l)
	case nil:
		*l = nil
		return nil
	}
	return fmt.Errorf("languages: cannot scan %T", v)
}

// Row is the candidates table (exported: GORM fills embedded structs of
// exported types only).
type Row struct {
	ID                string `gorm:"primaryKey;default:gen_random_uuid()"`
	RegionID          string
	PublicCode        string
	KlantmanagerID    string
	UserID            *string
	Occupations       pq.StringArray `gorm:"type:text[]"`
	Skills            pq.StringArray `gorm:"type:text[]"`
	Experience        string
	Education         string
	Languages         languages `gorm:"type:jsonb"`
	DrivingLicence    bool
	OwnTransport      bool
	PC4               *string `gorm:"column:pc4"`
	Lat, Lon          *float64
	MaxTravelKm       *int
	HoursMin          *int
	HoursMax          *int
	Days              pq.StringArray `gorm:"type:text[]"`
	DayParts          pq.StringArray `gorm:"type:text[]"`
	AvailableFrom     *time.Time
	Rung              *int
	SupportNeeds      pq.StringArray `gorm:"type:text[]"`
	Doelgroepregister bool
	Praktijkroute     bool
	LKSIndicatie      bool `gorm:"column:lks_indicatie"`
	Status            string
	Consent           bool
	ConsentAt         *time.Time
	ConfirmedAt       time.Time
	ConfirmedVia      *string
	RemindedAt        *time.Time
	ErasedAt          *time.Time
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

// TableName is the table.
func (Row) TableName() string { return "candidates" }

type identityRow struct {
	CandidateID string `gorm:"primaryKey"`
	Name        string
	Email       string
	Phone       string
	Street      string
	Postcode    string
	Place       string
	Language    string
	UpdatedAt   time.Time
}

func (identityRow) TableName() string { return "candidate_identities" }

type consentRow struct {
	ID          string `gorm:"primaryKey;default:gen_random_uuid()"`
	CandidateID string
	Given       bool
	Method      string
	RecordedBy  *string
	Note        string
	RecordedAt  time.Time
}

func (consentRow) TableName() string { return "candidate_consents" }

type tokenRow struct {
	Hash        []byte `gorm:"primaryKey"`
	CandidateID string
	Purpose     string
	ExpiresAt   time.Time
	UsedAt      *time.Time
	CreatedAt   time.Time
}

func (tokenRow) TableName() string { return "candidate_tokens" }

func strs(a []string) []string {
	if a == nil {
		return []string{}
	}
	return a
}

// LicenceSkill is the skill that stands for a driving licence B. The
// licence is one fact: the candidate's DrivingLicence flag is stored, and
// this skill is derived from it in every answer and search document, so the
// two cannot disagree.
const LicenceSkill = "rijbewijs-b"

// withLicence is a candidate's stored skills with LicenceSkill added when
// the flag says they hold the licence.
func withLicence(skills []string, licence bool) []string {
	out := slices.DeleteFunc(slices.Clone(strs(skills)), func(id string) bool { return id == LicenceSkill })
	if licence {
		out = append(out, LicenceSkill)
	}
	return out
}

func (r Row) profile() Profile {
	p := Profile{Occupations: strs(r.Occupations), Skills: withLicence(r.Skills, r.DrivingLicence), Experience: r.Experience, Education: r.Education,
		Languages: []Language(r.Languages), DrivingLicence: r.DrivingLicence, OwnTransport: r.OwnTransport, MaxTravelKm: r.MaxTravelKm,
		HoursMin: r.HoursMin, HoursMax: r.HoursMax, Days: strs(r.Days), DayParts: strs(r.DayParts), AvailableFrom: r.AvailableFrom,
		Rung: r.Rung, SupportNeeds: strs(r.SupportNeeds), Doelgroepregister: r.Doelgroepregister, Praktijkroute: r.Praktijkroute,
		LKSIndicatie: r.LKSIndicatie}
	if p.Languages == nil {
		p.Languages = []Language{}
	}
	if r.PC4 != nil {
		p.PC4 = *r.PC4
	}
	return p
}
