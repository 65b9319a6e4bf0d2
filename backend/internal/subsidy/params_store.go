package subsidy

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

func (r parameterRow) period() Period {
	return Period{ID: r.ID, Value: r.value(), UpdatedAt: r.UpdatedAt}
}

// periods reads every national period and regionID's own, by key and day.
func periods(ctx context.Context, db *gorm.DB, regionID string) ([]Period, error) {
	var rows []parameterRow
	if err := db.WithContext(ctx).Where("region_id IS NULL OR region_id = ?", regionID).Order("key, valid_from").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read subsidy parameters: %w", err)
	}
	out := make([]Period, len(rows))
	for i, r := range rows {
		out[i] = r.period()
	}
	return out, nil
}

// insertPeriod stores n for regionID ("" national); the same key, region
// and day twice is a conflict.
func insertPeriod(ctx context.Context, tx *gorm.DB, regionID string, n NewPeriod, by string) (parameterRow, error) {
	row := parameterRow{Key: string(n.Key), ValidFrom: n.ValidFrom, Value: n.Value, Source: n.Source, CheckedOn: n.CheckedOn, UpdatedBy: &by}
	if regionID != "" {
		row.RegionID = &regionID
	}
	res := tx.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&row)
	if res.Error != nil {
		return row, fmt.Errorf("store subsidy parameter: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return row, &apperr.ConflictError{Code: "duplicatePeriod", Msg: msg.M("subsidy.duplicatePeriod", n.ValidFrom.Format(time.DateOnly)),
			Fields: []apperr.Field{{Name: "validFrom", Code: "duplicatePeriod", Msg: msg.M("subsidy.duplicatePeriod", n.ValidFrom.Format(time.DateOnly))}}}
	}
	return row, nil
}

// lockPeriod reads period id for update if it is national or regionID's.
func lockPeriod(ctx context.Context, tx *gorm.DB, regionID, id string) (parameterRow, error) {
	var row parameterRow
	err := tx.WithContext(ctx).Clauses(clause.Locking{Strength: "UPDATE"}).
		Where("id = ? AND (region_id IS NULL OR region_id = ?)", id, regionID).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return row, fmt.Errorf("subsidy parameter %s: %w", id, apperr.ErrNotFound)
	}
	if err != nil {
		return row, fmt.Errorf("read subsidy parameter: %w", err)
	}
	return row, nil
}

func savePeriod(ctx context.Context, tx *gorm.DB, row *parameterRow, by string) error {
	row.UpdatedBy = &by
	row.UpdatedAt = time.Now().UTC()
	if err := tx.WithContext(ctx).Model(row).Select("value", "source", "checked_on", "updated_by", "updated_at").Updates(row).Error; err != nil {
		return fmt.Errorf("update subsidy parameter: %w", err)
	}
	return nil
}

// countPeriods counts the periods of row's key in row's scope (national,
// or its region), locking them so two deletions cannot both leave none.
func countPeriods(ctx context.Context, tx *gorm.DB, row parameterRow) (int, error) {
	var ids []string
	q := tx.WithContext(ctx).Model(&parameterRow{}).Clauses(clause.Locking{Strength: "UPDATE"}).Where("key = ?", row.Key)
	if row.RegionID == nil {
		q = q.Where("region_id IS NULL")
	} else {
		q = q.Where("region_id = ?", *row.RegionID)
	}
	if err := q.Pluck("id", &ids).Error; err != nil {
		return 0, fmt.Errorf("count subsidy parameters: %w", err)
	}
	return len(ids), nil
}

// StoreRegional stores values as regionID's own periods, leaving a period
// that exists (same key and day) as it is: the demo seed's regional policy.
func StoreRegional(ctx context.Context, db *gorm.DB, regionID string, values []Value) error {
	for _, v := range values {
		if d, ok := DefinitionOf(v.Key); !ok || d.Scope != Regional {
			return fmt.Errorf("store regional subsidy parameter: %s is not a regional key", v.Key)
		}
		if err := db.WithContext(ctx).Exec(`INSERT INTO subsidy_parameters (key, region_id, valid_from, value, source, checked_on)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (key, coalesce(region_id, '00000000-0000-0000-0000-000000000000'::uuid), valid_from) DO NOTHING`,
			string(v.Key), regionID, v.ValidFrom, v.Value, v.Source, v.CheckedOn).Error; err != nil {
			return fmt.Errorf("store regional subsidy parameter %s: %w", v.Key, err)
		}
	}
	return nil
}
