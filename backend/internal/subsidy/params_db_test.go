package subsidy

import (
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// A new version of the defaults reaches the default periods no admin has
// touched, and leaves the ones an admin changed alone.
func TestLoadDefaultsKeepsAdminChanges(t *testing.T) {
	db := testkit.DB(t).Gorm
	ctx := testkit.Context(t)
	if _, err := LoadDefaults(ctx, db); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// An installation from before the check, and an admin's own source.
	must(db.Exec(`UPDATE subsidy_parameters SET source = 'oude bron', checked_on = NULL WHERE key = 'employer_costs'`).Error)
	must(db.Exec(`UPDATE subsidy_parameters SET source = 'Beheerder: eigen bron', updated_by = gen_random_uuid() WHERE key = 'lks_cap'`).Error)
	must(db.Exec(`DELETE FROM reference_data WHERE name = 'subsidy-parameters'`).Error)
	if loaded, err := LoadDefaults(ctx, db); err != nil || !loaded {
		t.Fatalf("loaded %v, %v", loaded, err)
	}
	var rows []parameterRow
	must(db.Where("key IN ('employer_costs', 'lks_cap')").Order("key").Find(&rows).Error)
	if len(rows) != 2 || rows[0].CheckedOn == nil || rows[0].Source == "oude bron" || rows[1].Source != "Beheerder: eigen bron" {
		t.Errorf("after reloading the defaults: %+v", rows)
	}
}
