package matching

import (
	"context"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/identity"
)

// Regions gives a region's settings (package identity): pools read the
// participatieladder range.
type Regions interface {
	RegionSettings(ctx context.Context, db *gorm.DB, regionID string) (identity.RegionSettings, error)
}

// Organisations names organisations (package identity): the index holds
// their ids only.
type Organisations interface {
	OrganisationNames(ctx context.Context, ids []string) (map[string]string, error)
}
