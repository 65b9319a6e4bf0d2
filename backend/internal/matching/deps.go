package matching

import (
	"context"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/identity"
	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
)

// Openings gives an opening with its tenancy check (package opening).
type Openings interface {
	Get(ctx context.Context, p authz.Principal, id string) (opening.Opening, error)
}

// Candidates gives a candidate with its caseload check, and whether a
// candidate consented to be found (package candidate).
type Candidates interface {
	Get(ctx context.Context, p authz.Principal, id string) (candidate.Candidate, error)
	Consent(ctx context.Context, regionID, id string) (bool, error)
}

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

// Relatedness says which occupations count as the same or related work in
// a region, and which ids are occupations (package occupation).
type Relatedness interface {
	Related(ctx context.Context, regionID string, ids []string) (map[string]occupation.Relation, error)
	Known(ctx context.Context, ids []string) (int, error)
}
