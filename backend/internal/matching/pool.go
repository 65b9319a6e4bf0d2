// Package matching computes an opening's anonymous candidate pool over the
// candidates index, filtered by region, consent, status, freshness,
// participatieladder rung, each candidate's own travel distance, the
// opening's verplicht skills and the occupations it accepts (its own, its
// "ook passend" and the related ones, package occupation), and ordered by
// one ranking rule (rank.go) read tier by tier (run.go); each card is
// explained per criterion in Go. It never reads candidate_identities.
package matching

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/meilisearch/meilisearch-go"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/skill"
)

// Service answers pool queries.
type Service struct {
	DB       *gorm.DB
	Search   *search.Client
	Openings Openings
	Skills   *skill.Vocabulary
	Now      func() time.Time
	// Views records which candidates each organisation saw (may be nil).
	Views *Recorder
	// Candidates scopes the reverse direction to a klantmanager's caseload
	// and answers whether a candidate to pin consented.
	Candidates Candidates
	// Regions gives the region's settings and Organisations their names
	// (package identity).
	Regions       Regions
	Organisations Organisations
	// Relatedness gives the related occupations (package occupation).
	Relatedness Relatedness
	// ReadCap, when set, lowers how many candidates a pool orders in Go
	// (default readCap): tests use it to read a small pool tier by tier.
	ReadCap int
	// trace, when set, sees every multi-search sent (benchmarks only).
	trace func([]*meilisearch.SearchRequest)
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// Filters narrow or widen an opening's defaults; nil/zero is the default.
type Filters struct {
	RadiusKm        int // default: the opening's max travel distance; at most 200
	HoursMin        int
	HoursMax        int
	AvailableBefore *time.Time
	MinEducation    string
	Languages       []string // language codes
	DrivingLicence  bool
	RungMin         int
	RungMax         int
	Flags           []string // doelgroepregister, praktijkroute, lksIndicatie
	OfferedSupport  bool     // only candidates whose support needs the opening all offers
	FreshOnly       bool     // leave out profiles not confirmed in 90 days
	// AnyOccupation drops the occupation and skill text: the whole region
	// on the rungs, ordered by fresh profiles and earliest availability.
	AnyOccupation bool
	Page          int // 1-based
	// SkipFacets leaves out the counts per filter value: a next page of
	// the same filters needs none (the client keeps page 1's).
	SkipFacets bool
}

// PageSize and MaxPage bound what a pool reaches: 20 per page, 1,000 in all.
const (
	PageSize = 20
	MaxPage  = 1000 / PageSize
	MaxKm    = 200
)

// Pool is one page of an opening's pool.
type Pool struct {
	Cards      []Card
	Total      int
	Page       int
	TotalPages int
	Facets     map[string]map[string]int
	Query      Query
}

// Get answers one page of the pool of opening id for p: the opening's
// organisation users and the region's accountmanagers and admins.
func (s *Service) Get(ctx context.Context, p authz.Principal, id string, f Filters) (Pool, error) {
	if !p.Has(authz.Admin, authz.Accountmanager, authz.Werkgever, authz.Zorgaanbieder) {
		return Pool{}, fmt.Errorf("pool: %w", apperr.ErrForbidden)
	}
	// The opening (with its tenancy check) and then the occupations it
	// accepts, its pins and the region are read side by side: the
	// longest of them is two round trips. Pins are only used, and the
	// relatedness only read, once the opening is known to be the caller's.
	var (
		o                opening.Opening
		acceptable       map[string]occupation.Strength
		pins             map[string]string
		region           poolRegion
		errO, errP, errR error
		wait             sync.WaitGroup
	)
	wait.Add(3)
	go func() {
		defer wait.Done()
		if o, errO = s.Openings.Get(ctx, p, id); errO == nil && o.State != opening.Closed && o.State != opening.Filled {
			acceptable, errO = s.acceptable(ctx, o)
		}
	}()
	go func() { defer wait.Done(); pins, errP = s.pins(ctx, id) }()
	go func() { defer wait.Done(); region, errR = s.region(ctx, p.RegionID) }()
	wait.Wait()
	if err := errors.Join(errO, errP, errR); err != nil {
		if errO != nil {
			return Pool{}, errO
		}
		return Pool{}, err
	}
	if o.State == opening.Closed || o.State == opening.Filled {
		return Pool{}, &apperr.ConflictError{Code: "openingFinished", Msg: msg.M("matching.noPoolAnyMore")}
	}
	if f.Page == 0 {
		f.Page = 1
	}
	q, err := s.buildQuery(ctx, o, f, region, acceptable)
	if err != nil {
		return Pool{}, err
	}
	var pinIDs []string
	for id := range pins {
		pinIDs = append(pinIDs, id)
	}
	slices.Sort(pinIDs)
	res, err := s.run(ctx, q, pinIDs, f.Page)
	if err != nil {
		return Pool{}, err
	}
	rule := q.rule
	out := Pool{Total: res.total + res.pinnedTotal, Page: f.Page, TotalPages: min(MaxPage, (res.total+PageSize-1)/PageSize),
		Query: q, Facets: res.facets}
	for _, d := range res.pinned {
		c := s.card(o, d, rule)
		c.Pinned, c.PinNote = true, pins[d.ID]
		out.Cards = append(out.Cards, c)
	}
	for _, d := range res.docs {
		out.Cards = append(out.Cards, s.card(o, d, rule))
	}
	views := make([]View, len(out.Cards))
	for i, c := range out.Cards {
		views[i] = View{RegionID: o.RegionID, OpeningID: o.ID, OrganisationID: o.OrganisationID, CandidateID: c.ID, ViewerRole: string(p.Role), ViewedAt: s.now()}
	}
	s.Views.Record(views...)
	return out, nil
}
