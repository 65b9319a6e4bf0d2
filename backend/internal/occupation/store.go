package occupation

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/lib/pq"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/jobs"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
)

//go:embed data/esco_occupations_nl.csv
var occupationsCSV []byte

//go:embed data/isco_groups_nl.csv
var iscoGroupsCSV []byte

type iscoGroupRow struct {
	Code  string `gorm:"primaryKey"`
	Label string
}

func (iscoGroupRow) TableName() string { return "isco_groups" }

type occupationRow struct {
	ID          string `gorm:"primaryKey"`
	ESCOCode    string `gorm:"column:esco_code"`
	ISCOGroup   string `gorm:"column:isco_group"`
	Label       string
	AltLabels   pq.StringArray `gorm:"type:text[]"`
	Description string
}

func (occupationRow) TableName() string { return "occupations" }

const dataSetName = "esco-occupations-nl"

// Load puts the bundled occupations into Postgres when they changed since the
// last load, and in the same transaction asks for the search index to be
// rebuilt. It returns the number of occupations loaded (0: already current).
func Load(ctx context.Context, db *gorm.DB, q *jobs.Client) (int, error) {
	groups, err := parseGroups(iscoGroupsCSV)
	if err != nil {
		return 0, err
	}
	occs, err := parseOccupations(occupationsCSV)
	if err != nil {
		return 0, err
	}
	loaded, err := database.LoadReference(ctx, db, dataSetName, [][]byte{occupationsCSV, iscoGroupsCSV, titlesCSV, []byte(projectionVersion)}, len(occs), func(tx *gorm.DB) error {
		if err := tx.Clauses(clause.OnConflict{UpdateAll: true}).CreateInBatches(groups, 500).Error; err != nil {
			return fmt.Errorf("isco groups: %w", err)
		}
		if err := tx.Clauses(clause.OnConflict{UpdateAll: true}).CreateInBatches(occs, 500).Error; err != nil {
			return fmt.Errorf("occupations: %w", err)
		}
		return q.InsertTx(ctx, tx, search.ReindexArgs{Index: IndexName}, nil)
	})
	if err != nil || !loaded {
		return 0, err
	}
	return len(occs), nil
}

// csvReader reads one of the package's CSV files: the header wanted first,
// then rows of as many fields. Lines starting with '#' are comments (the
// reviewed files, families.csv and titles.csv, explain themselves in them;
// no ESCO row starts with '#').
func csvReader(data []byte, header string) (*csv.Reader, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comment = '#'
	r.FieldsPerRecord = strings.Count(header, ",") + 1
	got, err := r.Read()
	if err != nil {
		return nil, err
	}
	if g := strings.Join(got, ","); g != header {
		return nil, fmt.Errorf("unexpected csv header %q", g)
	}
	return r, nil
}

// readCSV is every row of a CSV file after its header (csvReader).
func readCSV(data []byte, header string) ([][]string, error) {
	r, err := csvReader(data, header)
	if err != nil {
		return nil, err
	}
	return r.ReadAll()
}

func parseGroups(data []byte) ([]iscoGroupRow, error) {
	recs, err := readCSV(data, "isco_code,label_nl")
	if err != nil {
		return nil, fmt.Errorf("isco groups: %w", err)
	}
	rows := make([]iscoGroupRow, 0, len(recs))
	for _, r := range recs {
		rows = append(rows, iscoGroupRow{Code: r[0], Label: r[1]})
	}
	return rows, nil
}

func parseOccupations(data []byte) ([]occupationRow, error) {
	recs, err := readCSV(data, "esco_uri,isco_group,code,label_nl,alt_labels_nl,description_nl")
	if err != nil {
		return nil, fmt.Errorf("occupations: %w", err)
	}
	rows := make([]occupationRow, 0, len(recs))
	for _, r := range recs {
		alts := pq.StringArray{}
		for _, a := range strings.Split(r[4], "|") {
			if a = strings.TrimSpace(a); a != "" {
				alts = append(alts, a)
			}
		}
		rows = append(rows, occupationRow{ID: r[0], ISCOGroup: r[1], ESCOCode: r[2], Label: r[3], AltLabels: alts, Description: r[5]})
	}
	return rows, nil
}
