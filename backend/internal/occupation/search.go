package occupation

import (
	"context"
	"fmt"
	"strings"

	"github.com/lib/pq"
	"github.com/meilisearch/meilisearch-go"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
)

// document is the search projection of an occupation.
type document struct {
	ID        string   `json:"id"`
	Label     string   `json:"label"`
	AltLabels []string `json:"altLabels"`
	ISCOGroup string   `json:"iscoGroup"`
	ISCOLabel string   `json:"iscoLabel"`
	ESCOCode  string   `json:"escoCode"`
	// Titles are Werkhaven's everyday job titles for the occupation
	// (titles.go), searched before the labels.
	Titles []string `json:"titles,omitempty"`
	// LabelWords ranks generic occupations ("magazijnmedewerker") before
	// specialised ones ("magazijnmedewerker schoenfabriek").
	LabelWords int `json:"labelWords"`
	// AltLabelCount: common occupations gather many alternative labels, so
	// it picks the well-known members of a unit group as near matches.
	AltLabelCount int `json:"altLabelCount"`
}

// projectionVersion changes when the document shape or index settings do;
// it is part of the loaded data's checksum, so migrate queues a rebuild.
const projectionVersion = "occupations-projection:5"

// Index is the definition of the occupations index.
var Index = search.Index{
	Name:       IndexName,
	PrimaryKey: "id",
	Settings: &meilisearch.Settings{
		// The everyday titles first: the attribute rule then puts the
		// occupations a title names before those whose label merely
		// contains the word ("programmeur": software ontwikkelaar before
		// CNC-programmeur).
		SearchableAttributes: []string{"titles", "label", "altLabels"},
		FilterableAttributes: []string{"iscoGroup"},
		SortableAttributes:   []string{"labelWords", "altLabelCount"},
		DisplayedAttributes:  []string{"id", "label", "altLabels", "iscoGroup", "iscoLabel", "escoCode"},
		RankingRules:         []string{"words", "typo", "proximity", "attribute", "labelWords:asc", "exactness", "sort"},
		LocalizedAttributes:  []*meilisearch.LocalizedAttributes{{Locales: []string{"nld"}, AttributePatterns: []string{"*"}}},
	},
}

// Source feeds the occupations index from Postgres.
type Source struct{ DB *gorm.DB }

// Index satisfies search.Source.
func (Source) Index() search.Index { return Index }

// Documents satisfies search.Source.
func (s Source) Documents(ctx context.Context, batch int, emit func([]any) error) error {
	type row struct {
		ID        string
		ESCOCode  string `gorm:"column:esco_code"`
		ISCOGroup string `gorm:"column:isco_group"`
		Label     string
		AltLabels pq.StringArray `gorm:"type:text[]"`
		ISCOLabel string         `gorm:"column:isco_label"`
	}
	// Keyset pagination: each batch starts after the last id of the previous.
	after := ""
	for {
		var rows []row
		err := s.DB.WithContext(ctx).Raw(`SELECT o.id, o.esco_code, o.isco_group, o.label, o.alt_labels, g.label AS isco_label
			FROM occupations o JOIN isco_groups g ON g.code = o.isco_group
			WHERE o.id > ? ORDER BY o.id LIMIT ?`, after, batch).Scan(&rows).Error
		if err != nil {
			return fmt.Errorf("read occupations: %w", err)
		}
		if len(rows) == 0 {
			return nil
		}
		docs := make([]any, len(rows))
		for i, r := range rows {
			docs[i] = document{ID: r.ID, Label: r.Label, AltLabels: r.AltLabels, ISCOGroup: r.ISCOGroup, ISCOLabel: r.ISCOLabel, ESCOCode: r.ESCOCode,
				Titles: TitlesOf(r.ID), LabelWords: len(strings.Fields(r.Label)), AltLabelCount: len(r.AltLabels)}
		}
		if err := emit(docs); err != nil {
			return err
		}
		after = rows[len(rows)-1].ID
	}
}
