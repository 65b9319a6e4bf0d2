package candidate

import (
	"context"
	"fmt"
	"time"

	"github.com/lib/pq"
	"github.com/meilisearch/meilisearch-go"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/skill"
)

// IndexName is the candidates index (without the prefix).
const IndexName = "candidates"

// ProjectionVersion changes when the document shape or the index settings
// do; `werkhaven migrate` then queues a rebuild (app.Migrate). 2: the
// driving licence is derived into skills (Matching v2).
const ProjectionVersion = "candidates-projection:2"

// Document is the anonymous search projection of a candidate who gave
// consent: public code and the fields a pool matches on, plus ids for
// filtering. Nothing typed by a person (no experience text), no identity.
type Document struct {
	ID                  string         `json:"id"`
	Code                string         `json:"code"`
	RegionID            string         `json:"regionId"`
	Status              string         `json:"status"`
	Occupations         []string       `json:"occupations"`
	OccupationLabels    []string       `json:"occupationLabels"`
	OccupationAltLabels []string       `json:"occupationAltLabels"`
	ISCOGroups          []string       `json:"iscoGroups"`
	Skills              []string       `json:"skills"`
	SkillLabels         []string       `json:"skillLabels"`
	Education           string         `json:"education"`
	EducationRank       int            `json:"educationRank"`
	Languages           []string       `json:"languages"` // "nl:B1"
	LanguageCodes       []string       `json:"languageCodes"`
	DrivingLicence      bool           `json:"drivingLicence"`
	OwnTransport        bool           `json:"ownTransport"`
	PC4                 string         `json:"pc4,omitempty"`
	Geo                 map[string]any `json:"_geo,omitempty"`
	MaxTravelKm         int            `json:"maxTravelKm"`
	HoursMin            int            `json:"hoursMin"`
	HoursMax            int            `json:"hoursMax"`
	Days                []string       `json:"days"`
	DayParts            []string       `json:"dayParts"`
	AvailableFrom       int64          `json:"availableFrom"` // Unix seconds; 0: now
	Rung                int            `json:"rung"`
	SupportNeeds        []string       `json:"supportNeeds"`
	Doelgroepregister   bool           `json:"doelgroepregister"`
	Praktijkroute       bool           `json:"praktijkroute"`
	LKSIndicatie        bool           `json:"lksIndicatie"`
	Consent             bool           `json:"consent"`
	ConfirmedAt         int64          `json:"confirmedAt"` // Unix seconds
	// HoursFit holds a word per step of weekly hours the candidate can
	// work (HoursFitWords): the pool's query names the opening's minimum,
	// so Meilisearch's word ranking favours candidates who can work it.
	HoursFit []string `json:"hoursFit"`
}

// hoursSteps are the weekly hours HoursFit words stand for: every two hours
// up to a full-time week, then every four.
var hoursSteps = []int{4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 44, 48, 52, 56, 60}

func hoursWord(h int) string { return fmt.Sprintf("urenvanaf%02d", h) }

// HoursFitWords are the words of a candidate who can work at most hoursMax
// hours a week: one per step up to it. Letters and two digits, so the pool
// query's last (prefix-matched) word cannot match a longer one, and typo
// tolerance is off for the attribute.
func HoursFitWords(hoursMax int) []string {
	out := []string{}
	for _, h := range hoursSteps {
		if h <= hoursMax {
			out = append(out, hoursWord(h))
		}
	}
	return out
}

// HoursFitQuery is the word an opening asking at least hoursMin hours adds
// to its pool query: the largest step at or below hoursMin ("" for none).
func HoursFitQuery(hoursMin int) string {
	w := ""
	for _, h := range hoursSteps {
		if h <= hoursMin {
			w = hoursWord(h)
		}
	}
	return w
}

// Index is the candidates index; its settings go in before any document.
var Index = search.Index{
	Name:       IndexName,
	PrimaryKey: "id",
	Settings: &meilisearch.Settings{
		SearchableAttributes: []string{"iscoGroups", "occupationLabels", "occupationAltLabels", "skillLabels", "hoursFit"},
		TypoTolerance: &meilisearch.TypoTolerance{Enabled: true, MinWordSizeForTypos: meilisearch.MinWordSizeForTypos{OneTypo: 5, TwoTypos: 9},
			DisableOnAttributes: []string{"hoursFit"}},
		FilterableAttributes: []string{"id", "regionId", "status", "consent", "occupations", "iscoGroups", "skills", "hoursMin", "hoursMax",
			"availableFrom", "rung", "educationRank", "languages", "languageCodes", "drivingLicence", "ownTransport", "doelgroepregister",
			"praktijkroute", "lksIndicatie", "supportNeeds", "confirmedAt", "pc4", "maxTravelKm", "days", "dayParts", "_geo"},
		SortableAttributes:  []string{"_geo", "availableFrom", "confirmedAt"},
		DisplayedAttributes: []string{"*"},
		RankingRules:        []string{"words", "typo", "proximity", "attribute", "sort", "exactness"},
		LocalizedAttributes: []*meilisearch.LocalizedAttributes{{Locales: []string{"nld"}, AttributePatterns: []string{"*"}}},
	},
}

type occupationInfo struct {
	ID        string
	Label     string
	AltLabels pq.StringArray `gorm:"type:text[]"`
	ISCOGroup string         `gorm:"column:isco_group"`
}

// Source feeds the candidates index from Postgres.
type Source struct {
	DB     *gorm.DB
	Skills *skill.Vocabulary
}

// Index satisfies search.Source.
func (Source) Index() search.Index { return Index }

// indexable are the candidates that belong in the index.
const indexable = "consent AND status <> 'erased'"

func (s Source) documents(ctx context.Context, db *gorm.DB, rows []Row) ([]any, error) {
	var occIDs []string
	for _, r := range rows {
		occIDs = append(occIDs, r.Occupations...)
	}
	occ := map[string]occupationInfo{}
	if len(occIDs) > 0 {
		var infos []occupationInfo
		if err := db.WithContext(ctx).Table("occupation_labels").Select("id, label, alt_labels, isco_group").Where("id IN ?", occIDs).Find(&infos).Error; err != nil {
			return nil, err
		}
		for _, o := range infos {
			occ[o.ID] = o
		}
	}
	docs := make([]any, len(rows))
	for i, r := range rows {
		docs[i] = s.document(r, occ)
	}
	return docs, nil
}

func (s Source) document(r Row, occ map[string]occupationInfo) Document {
	d := Document{ID: r.ID, Code: r.PublicCode, RegionID: r.RegionID, Status: r.Status, Occupations: strs(r.Occupations),
		Skills: withLicence(r.Skills, r.DrivingLicence), Education: r.Education, EducationRank: EducationRank(r.Education), DrivingLicence: r.DrivingLicence,
		OwnTransport: r.OwnTransport, Days: strs(r.Days), DayParts: strs(r.DayParts), SupportNeeds: strs(r.SupportNeeds),
		Doelgroepregister: r.Doelgroepregister, Praktijkroute: r.Praktijkroute, LKSIndicatie: r.LKSIndicatie, Consent: r.Consent,
		ConfirmedAt: r.ConfirmedAt.Unix(), OccupationLabels: []string{}, OccupationAltLabels: []string{}, ISCOGroups: []string{},
		SkillLabels: []string{}, Languages: []string{}, LanguageCodes: []string{}}
	for _, id := range r.Occupations {
		if o, ok := occ[id]; ok {
			d.OccupationLabels = append(d.OccupationLabels, o.Label)
			d.OccupationAltLabels = append(d.OccupationAltLabels, o.AltLabels...)
			d.ISCOGroups = append(d.ISCOGroups, o.ISCOGroup)
		}
	}
	for _, id := range d.Skills {
		if sk, ok := s.Skills.Get(id); ok {
			d.SkillLabels = append(d.SkillLabels, sk.LabelNL)
			d.SkillLabels = append(d.SkillLabels, sk.Synonyms...)
		}
	}
	for _, l := range r.Languages {
		d.Languages = append(d.Languages, l.Code+":"+l.Level)
		d.LanguageCodes = append(d.LanguageCodes, l.Code)
	}
	if r.PC4 != nil && r.Lat != nil && r.Lon != nil {
		d.PC4, d.Geo = *r.PC4, map[string]any{"lat": *r.Lat, "lng": *r.Lon}
	}
	if r.MaxTravelKm != nil {
		d.MaxTravelKm = *r.MaxTravelKm
	}
	if r.HoursMin != nil {
		d.HoursMin = *r.HoursMin
	}
	if r.HoursMax != nil {
		d.HoursMax = *r.HoursMax
	}
	d.HoursFit = HoursFitWords(d.HoursMax)
	if r.AvailableFrom != nil {
		d.AvailableFrom = r.AvailableFrom.Unix()
	}
	if r.Rung != nil {
		d.Rung = *r.Rung
	}
	return d
}

// Documents satisfies search.Source: consenting, not erased candidates, in
// keyset-paginated batches.
func (s Source) Documents(ctx context.Context, batch int, emit func([]any) error) error {
	after := "00000000-0000-0000-0000-000000000000"
	for {
		var rows []Row
		if err := s.DB.WithContext(ctx).Where(indexable+" AND id > ?", after).Order("id").Limit(batch).Find(&rows).Error; err != nil {
			return fmt.Errorf("read candidates: %w", err)
		}
		if len(rows) == 0 {
			return nil
		}
		docs, err := s.documents(ctx, s.DB, rows)
		if err != nil {
			return err
		}
		if err := emit(docs); err != nil {
			return err
		}
		after = rows[len(rows)-1].ID
	}
}

// Count satisfies the reindex progress (documents expected).
func (s Source) Count(ctx context.Context) (int, error) {
	var n int64
	err := s.DB.WithContext(ctx).Model(&Row{}).Where(indexable).Count(&n).Error
	return int(n), err
}

// Load satisfies search.Syncer: consenting, not erased candidates only.
func (s Source) Load(ctx context.Context, db *gorm.DB, ids []string) (map[string]any, error) {
	var rows []Row
	if err := db.WithContext(ctx).Where(indexable+" AND id IN ?", ids).Find(&rows).Error; err != nil {
		return nil, err
	}
	docs, err := s.documents(ctx, db, rows)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]any, len(rows))
	for i, r := range rows {
		byID[r.ID] = docs[i]
	}
	return byID, nil
}

// ChangedSince satisfies search.Syncer.
func (s Source) ChangedSince(ctx context.Context, db *gorm.DB, t time.Time) ([]string, error) {
	var ids []string
	err := db.WithContext(ctx).Model(&Row{}).Where("updated_at >= ?", t).Pluck("id::text", &ids).Error
	return ids, err
}

// Project is the search projection of one candidate of the region, whether
// or not it is in the index (a klantmanager looking for openings that fit).
func (s Source) Project(ctx context.Context, db *gorm.DB, regionID, id string) (Document, error) {
	var rows []Row
	if err := db.WithContext(ctx).Where("id = ? AND region_id = ? AND status <> 'erased'", id, regionID).Find(&rows).Error; err != nil {
		return Document{}, err
	}
	if len(rows) == 0 {
		return Document{}, fmt.Errorf("project candidate: %w", apperr.ErrNotFound)
	}
	docs, err := s.documents(ctx, db, rows)
	if err != nil {
		return Document{}, err
	}
	return docs[0].(Document), nil
}
