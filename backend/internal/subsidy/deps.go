package subsidy

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/invite"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
)

// What subsidies ask of other domains; app.New passes their services in.
// Reads take the caller's db so they belong to its transaction.

// Invites: the invite a kandidaat accepted and its placement (invite.Service).
type Invites interface {
	CaseOf(ctx context.Context, db *gorm.DB, p authz.Principal, inviteID string) (invite.Case, error)
	PlacementCase(ctx context.Context, db *gorm.DB, p authz.Principal, placementID string) (invite.Case, error)
	RunningPlacements(ctx context.Context, db *gorm.DB, since time.Time) ([]invite.Case, error)
}

// Candidates: a candidate's indications (candidate.Service).
type Candidates interface {
	Indications(ctx context.Context, db *gorm.DB, id string) (candidate.Indications, error)
}

// Openings: what an opening offers, for its hours before the placement
// (opening.Service).
type Openings interface {
	Offer(ctx context.Context, db *gorm.DB, id string) (opening.Offer, error)
}

// Organisations: whom to tell about an application (identity.Service).
type Organisations interface {
	OrganisationUsers(ctx context.Context, db *gorm.DB, orgID string) ([]string, error)
	Accountmanager(ctx context.Context, db *gorm.DB, orgID string) (string, error)
}

// Bookings: the loonwaardebepaling booked for a placement, its id and
// state ("" when there is none) (booking.Service).
type Bookings interface {
	LoonwaardeBooking(ctx context.Context, db *gorm.DB, placementID string) (string, string, error)
}
