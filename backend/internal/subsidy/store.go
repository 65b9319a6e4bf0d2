package subsidy

import (
	"context"
	"crypto/sha256"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
)

// parameterRow is a subsidy_parameters row.
type parameterRow struct {
	ID        string     `gorm:"column:id;primaryKey;default:gen_random_uuid()"`
	Key       string     `gorm:"column:key"`
	RegionID  *string    `gorm:"column:region_id"`
	ValidFrom time.Time  `gorm:"column:valid_from;type:date"`
	Value     int64      `gorm:"column:value"`
	Source    string     `gorm:"column:source"`
	CheckedOn *time.Time `gorm:"column:checked_on;type:date"`
	UpdatedBy *string    `gorm:"column:updated_by"`
	UpdatedAt time.Time  `gorm:"column:updated_at;default:now()"`
}

func (parameterRow) TableName() string { return "subsidy_parameters" }

func (r parameterRow) value() Value {
	v := Value{Key: Key(r.Key), Value: r.Value, ValidFrom: r.ValidFrom.UTC(), Source: r.Source, CheckedOn: r.CheckedOn}
	if r.RegionID != nil {
		v.RegionID = *r.RegionID
	}
	return v
}

// values reads every national parameter and regionID's own, in period order.
func values(ctx context.Context, db *gorm.DB, regionID string) ([]Value, error) {
	var rows []parameterRow
	q := db.WithContext(ctx).Where("region_id IS NULL")
	if regionID != "" {
		q = db.WithContext(ctx).Where("region_id IS NULL OR region_id = ?", regionID)
	}
	if err := q.Order("key, valid_from").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read subsidy parameters: %w", err)
	}
	out := make([]Value, len(rows))
	for i, r := range rows {
		out[i] = r.value()
	}
	return out, nil
}

// LoadDefaults stores the national defaults missing from the table and
// brings the default periods no admin has touched (updated_by NULL) up to
// date: a newly checked source reaches existing installations, while a
// period an admin changed keeps the admin's value. It runs once per version
// of Defaults, when `werkhaven migrate` runs.
func LoadDefaults(ctx context.Context, db *gorm.DB) (bool, error) {
	defs := Defaults()
	h := sha256.New()
	for _, v := range defs {
		fmt.Fprintf(h, "%s|%s|%d|%s\n", v.Key, v.ValidFrom.Format(time.DateOnly), v.Value, v.Source)
	}
	return database.LoadReference(ctx, db, "subsidy-parameters", [][]byte{h.Sum(nil)}, len(defs), func(tx *gorm.DB) error {
		for _, v := range defs {
			if err := tx.Exec(`INSERT INTO subsidy_parameters (key, region_id, valid_from, value, source, checked_on)
				VALUES (?, NULL, ?, ?, ?, ?)
				ON CONFLICT (key, coalesce(region_id, '00000000-0000-0000-0000-000000000000'::uuid), valid_from)
				DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source, checked_on = EXCLUDED.checked_on, updated_at = now()
				WHERE subsidy_parameters.updated_by IS NULL
				  AND (subsidy_parameters.value, subsidy_parameters.source, subsidy_parameters.checked_on)
				      IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.source, EXCLUDED.checked_on)`,
				string(v.Key), v.ValidFrom, v.Value, v.Source, v.CheckedOn).Error; err != nil {
				return fmt.Errorf("store default %s: %w", v.Key, err)
			}
		}
		return nil
	})
}

// DemoRegional are the demo region's municipal policy values: examples, to
// be set from a gemeente's own beleidsregels.
var DemoRegional = map[Key]int64{LKSApplyMonths: 6, LKSReassessMonths: 12, ProefMonths: 2, ProefExtendMonths: 1}

// DemoSource is the source note of DemoRegional.
const DemoSource = "Demo-regio: voorbeeldwaarde — stel in volgens de beleidsregels van uw gemeente"
