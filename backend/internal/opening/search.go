package opening

import (
	"context"
	"fmt"
	"time"

	"github.com/lib/pq"
	"github.com/meilisearch/meilisearch-go"
	"github.com/riverqueue/river"
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
	ID                  string         `json:"id"`
	RegionID            string         `json:"regionId"`
	OrganisationID      string         `json:"organisationId"`
	Kind                string         `json:"kind"`
	Title               string         `json:"title"`
	OccupationID        string         `json:"occupationId"`
	OccupationLabel     string         `json:"occupationLabel"`
	OccupationAltLabels []string       `json:"occupationAltLabels"`
	ISCOGroup           string         `json:"iscoGroup"`
	RequiredSkills      []string       `json:"requiredSkills"`
	RequiredSkillLabels []string       `json:"requiredSkillLabels"`
	NiceSkills          []string       `json:"niceSkills"`
	NiceSkillLabels     []string       `json:"niceSkillLabels"`
	PC4                 string         `json:"pc4"`
	Place               string         `json:"place"`
	Geo                 map[string]any `json:"_geo"`
	MaxTravelKm         int            `json:"maxTravelKm"`
	HoursMin            int            `json:"hoursMin"`
	HoursMax            int            `json:"hoursMax"`
	Days                []string       `json:"days"`
	DayParts            []string       `json:"dayParts"`
	ContractType        string         `json:"contractType"`
	// StartDate in Unix seconds; 0 is "as soon as possible".
	StartDate     int64    `json:"startDate"`
	Places        int      `json:"places"`
	Support       []string `json:"support"`
	Banenafspraak bool     `json:"banenafspraak"`
	PublishedAt   int64    `json:"publishedAt"`
}

// Index is the definition of the openings index: settings are applied
// before any document arrives (search.Bootstrap, Reindex).
var Index = search.Index{
	Name:       IndexName,
	PrimaryKey: "id",
	Settings: &meilisearch.Settings{
		SearchableAttributes: []string{"occupationLabel", "title", "occupationAltLabels", "requiredSkillLabels", "niceSkillLabels"},
		FilterableAttributes: []string{"regionId", "organisationId", "kind", "occupationId", "iscoGroup", "requiredSkills", "niceSkills",
			"pc4", "hoursMin", "hoursMax", "days", "dayParts", "contractType", "startDate", "support", "banenafspraak", "_geo"},
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
		NiceSkills: nonNil(r.NiceSkills), NiceSkillLabels: labels(r.NiceSkills), PC4: r.PC4, Place: r.Place,
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
			Joins("JOIN occupations oc ON oc.id = o.occupation_id").
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

// SyncArgs asks a worker to bring one opening's document up to date. It
// carries the id only; the worker reads the current state, so jobs that run
// late or twice are harmless.
type SyncArgs struct {
	OpeningID string `json:"openingId"`
}

// Kind is River's name for the job.
func (SyncArgs) Kind() string { return "opening_index" }

// enqueueSync queues the sync in the transaction that changes the opening:
// the change and its index update commit together or not at all.
func (s *Service) enqueueSync(ctx context.Context, tx *gorm.DB, r Row) error {
	if s.Jobs == nil {
		return fmt.Errorf("opening service has no job client")
	}
	return s.Jobs.InsertTx(ctx, tx, SyncArgs{OpeningID: r.ID}, nil)
}

// SyncWorker runs SyncArgs: an open opening is put into the index, any other
// state (or a deleted opening) is removed from it. While Meilisearch is down
// the job fails and River retries it with backoff.
type SyncWorker struct {
	river.WorkerDefaults[SyncArgs]
	DB     *gorm.DB
	Search *search.Client
	Skills *skill.Vocabulary
}

// Timeout bounds one sync.
func (w *SyncWorker) Timeout(*river.Job[SyncArgs]) time.Duration { return time.Minute }

// Work syncs the opening. A transaction-scoped advisory lock per opening
// orders concurrent jobs for the same opening: each reads the state and
// hands its task to Meilisearch (which applies tasks in order) before the
// next one reads, so an older state never overwrites a newer one.
func (w *SyncWorker) Work(ctx context.Context, job *river.Job[SyncArgs]) error {
	return w.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`SELECT pg_advisory_xact_lock(hashtextextended('opening_index:' || ?, 0))`, job.Args.OpeningID).Error; err != nil {
			return err
		}
		var rows []documentRow
		err := tx.Table("openings o").Select(documentSelect).Joins("JOIN occupations oc ON oc.id = o.occupation_id").
			Where("o.id = ?", job.Args.OpeningID).Limit(1).Find(&rows).Error
		if err != nil {
			return err
		}
		if len(rows) == 0 || State(rows[0].State) != Open {
			return w.Search.Remove(ctx, Index, job.Args.OpeningID)
		}
		return w.Search.Put(ctx, Index, toDocument(rows[0], w.Skills))
	})
}
