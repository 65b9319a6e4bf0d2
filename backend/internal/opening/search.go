package opening

import (
	"context"
	"fmt"
	"time"

	"github.com/lib/pq"
	"github.com/meilisearch/meilisearch-go"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/skill"
)

// IndexName is the openings index (without the prefix).
const IndexName = "openings"

// Document is the search projection of an open opening. It holds what a
// klantmanager searches and filters on and nothing about people: no
// description (free text may name a contact person), no contact details.
type Document struct {
	ID                  string   `json:"id"`
	RegionID            string   `json:"regionId"`
	OrganisationID      string   `json:"organisationId"`
	Kind                string   `json:"kind"`
	Title               string   `json:"title"`
	OccupationID        string   `json:"occupationId"`
	OccupationLabel     string   `json:"occupationLabel"`
	OccupationAltLabels []string `json:"occupationAltLabels"`
	ISCOGroup           string   `json:"iscoGroup"`
	RequiredSkills      []string `json:"requiredSkills"`
	RequiredSkillLabels []string `json:"requiredSkillLabels"`
	NiceSkills          []string `json:"niceSkills"`
	MandatorySkills     []string `json:"mandatorySkills"`
	// AcceptableOccupations: "ook passend" (the reverse direction finds
	// an opening through them as through its main occupation).
	AcceptableOccupations []string       `json:"acceptableOccupations"`
	NiceSkillLabels       []string       `json:"niceSkillLabels"`
	PC4                   string         `json:"pc4"`
	Place                 string         `json:"place"`
	Geo                   map[string]any `json:"_geo"`
	MaxTravelKm           int            `json:"maxTravelKm"`
	HoursMin              int            `json:"hoursMin"`
	HoursMax              int            `json:"hoursMax"`
	Days                  []string       `json:"days"`
	DayParts              []string       `json:"dayParts"`
	ContractType          string         `json:"contractType"`
	// StartDate in Unix seconds; 0 is "as soon as possible".
	StartDate     int64    `json:"startDate"`
	Places        int      `json:"places"`
	Support       []string `json:"support"`
	Banenafspraak bool     `json:"banenafspraak"`
	PublishedAt   int64    `json:"publishedAt"`
}

// ProjectionVersion changes when the document shape or the index settings
// do; `werkhaven migrate` then queues a rebuild (app.Migrate). 2:
// mandatorySkills and acceptableOccupations (Matching v2).
const ProjectionVersion = "openings-projection:2"

// Index is the definition of the openings index: settings are applied
// before any document arrives (search.Bootstrap, Reindex).
var Index = search.Index{
	Name:       IndexName,
	PrimaryKey: "id",
	Settings: &meilisearch.Settings{
		SearchableAttributes: []string{"occupationLabel", "title", "occupationAltLabels", "requiredSkillLabels", "niceSkillLabels"},
		FilterableAttributes: []string{"regionId", "organisationId", "kind", "occupationId", "iscoGroup", "requiredSkills", "niceSkills",
			"mandatorySkills", "acceptableOccupations", "pc4", "maxTravelKm", "hoursMin", "hoursMax", "days", "dayParts", "contractType", "startDate", "support", "banenafspraak", "_geo"},
		SortableAttributes:  []string{"_geo", "startDate", "publishedAt"},
		RankingRules:        []string{"words", "typo", "proximity", "attribute", "sort", "exactness"},
		LocalizedAttributes: []*meilisearch.LocalizedAttributes{{Locales: []string{"nld"}, AttributePatterns: []string{"*"}}},
	},
}

// documentRow is what a document is built from (flat, see viewRow).
type documentRow struct {
	Row                 `gorm:"embedded"`
	OccupationLabel     string
	OccupationAltLabels pq.StringArray `gorm:"type:text[]"`
	ISCOGroup           string         `gorm:"column:isco_group"`
}

const documentSelect = `o.*, oc.label AS occupation_label, oc.alt_labels AS occupation_alt_labels, oc.isco_group`

func toDocument(r documentRow, skills *skill.Vocabulary) Document {
	labels := func(ids []string) []string {
		out := make([]string, 0, len(ids))
		for _, id := range ids {
			if s, ok := skills.Get(id); ok {
				out = append(out, s.LabelNL)
				out = append(out, s.Synonyms...)
			}
		}
		return out
	}
	d := Document{ID: r.ID, RegionID: r.RegionID, OrganisationID: r.OrganisationID, Kind: r.Kind, Title: r.Title,
		OccupationID: r.OccupationID, OccupationLabel: r.OccupationLabel, OccupationAltLabels: nonNil(r.OccupationAltLabels),
		ISCOGroup: r.ISCOGroup, RequiredSkills: nonNil(r.RequiredSkills), RequiredSkillLabels: labels(r.RequiredSkills),
		NiceSkills: nonNil(r.NiceSkills), NiceSkillLabels: labels(r.NiceSkills), MandatorySkills: nonNil(r.MandatorySkills),
		AcceptableOccupations: nonNil(r.AcceptableOccupations), PC4: r.PC4, Place: r.Place,
		Geo: map[string]any{"lat": r.Lat, "lng": r.Lon}, MaxTravelKm: r.MaxTravelKm, HoursMin: r.HoursMin, HoursMax: r.HoursMax,
		Days: nonNil(r.Days), DayParts: nonNil(r.DayParts), ContractType: r.ContractType, Places: r.Places,
		Support: nonNil(r.Support), Banenafspraak: r.Banenafspraak}
	if r.StartDate != nil {
		d.StartDate = r.StartDate.Unix()
	}
	if r.PublishedAt != nil {
		d.PublishedAt = r.PublishedAt.Unix()
	}
	return d
}

// Source feeds the openings index from Postgres: open openings only.
type Source struct {
	DB     *gorm.DB
	Skills *skill.Vocabulary
}

// Index satisfies search.Source.
func (Source) Index() search.Index { return Index }

// Documents satisfies search.Source, in keyset-paginated batches.
func (s Source) Documents(ctx context.Context, batch int, emit func([]any) error) error {
	after := "00000000-0000-0000-0000-000000000000"
	for {
		var rows []documentRow
		err := s.DB.WithContext(ctx).Table("openings o").Select(documentSelect).
			Joins("JOIN occupation_labels oc ON oc.id = o.occupation_id").
			Where("o.state = ? AND o.id > ?", string(Open), after).Order("o.id").Limit(batch).Find(&rows).Error
		if err != nil {
			return fmt.Errorf("read openings: %w", err)
		}
		if len(rows) == 0 {
			return nil
		}
		docs := make([]any, len(rows))
		for i, r := range rows {
			docs[i] = toDocument(r, s.Skills)
		}
		if err := emit(docs); err != nil {
			return err
		}
		after = rows[len(rows)-1].ID
	}
}

// Load satisfies search.Syncer: the documents of the ids that are open
// (every other id, paused, closed or gone, leaves the index).
func (s Source) Load(ctx context.Context, db *gorm.DB, ids []string) (map[string]any, error) {
	var rows []documentRow
	err := db.WithContext(ctx).Table("openings o").Select(documentSelect).Joins("JOIN occupation_labels oc ON oc.id = o.occupation_id").
		Where("o.id IN ? AND o.state = ?", ids, string(Open)).Find(&rows).Error
	if err != nil {
		return nil, err
	}
	docs := make(map[string]any, len(rows))
	for _, r := range rows {
		docs[r.ID] = toDocument(r, s.Skills)
	}
	return docs, nil
}

// ChangedSince satisfies search.Syncer.
func (s Source) ChangedSince(ctx context.Context, db *gorm.DB, t time.Time) ([]string, error) {
	var ids []string
	err := db.WithContext(ctx).Table("openings").Where("updated_at >= ?", t).Pluck("id::text", &ids).Error
	return ids, err
}

// enqueueSync marks the opening for the openings index in the transaction
// that changes it: the change and its index update commit together or not
// at all.
func (s *Service) enqueueSync(ctx context.Context, tx *gorm.DB, r Row) error {
	if s.Jobs == nil {
		return fmt.Errorf("opening service has no job client")
	}
	return search.Enqueue(ctx, tx, s.Jobs, IndexName, r.ID)
}
