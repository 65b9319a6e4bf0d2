package matching

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/meilisearch/meilisearch-go"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/geo"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// EstimateQuery asks how many candidates each occupation would bring into
// a pool at a place.
type EstimateQuery struct {
	OccupationIDs []string
	Postcode      string
	MaxTravelKm   int
	Kind          opening.Kind
}

// Estimate is how many candidates hold one occupation.
type Estimate struct {
	OccupationID string
	Count        int
}

// Estimate counts, per occupation, the candidates of p's region a pool at
// the postcode would hold with that occupation as its own: the pool's
// filters (consent, status, not expired, the kind's ladder rungs, both
// travel distances), one count per occupation in one multi-search. For the
// occupation picker, so nobody publishes into an empty pool unknowingly.
func (s *Service) Estimate(ctx context.Context, p authz.Principal, q EstimateQuery) ([]Estimate, error) {
	var bad apperr.Fields
	place, err := estimatePlace(q.Postcode)
	if err != nil {
		bad.Add("postcode", "pattern", msg.M(msg.FieldPostcodePattern))
	}
	if q.MaxTravelKm < 1 || q.MaxTravelKm > 150 {
		bad.Add("maxTravelKm", "range", msg.M("field.travelRange"))
	}
	ids := slices.Compact(slices.Sorted(slices.Values(q.OccupationIDs)))
	if len(ids) == 0 || len(ids) > 20 {
		bad.Add("occupationIds", "range", msg.M("matching.occupationIdsRange", 20))
	}
	if len(bad) > 0 {
		return nil, &apperr.InvalidError{Fields: bad}
	}
	n, err := s.Relatedness.Known(ctx, ids)
	if err != nil {
		return nil, err
	}
	if n != len(ids) {
		return nil, apperr.Invalid("occupationIds", "unknown", msg.M("matching.occupationIdsUnknown"))
	}
	region, err := s.region(ctx, p.RegionID)
	if err != nil {
		return nil, err
	}
	travel, err := s.travelFilter(ctx, p.RegionID, region.areas, place.Lat, place.Lon, q.MaxTravelKm)
	if err != nil {
		return nil, err
	}
	lo, hi := region.rungs(q.Kind)
	// In buildQuery's order: the occupation first, the ranges and travel last.
	found := findable(p.RegionID, s.now())
	base := strings.Join(append(found[:len(found)-1], fmt.Sprintf("rung %d TO %d", lo, hi), travel, found[len(found)-1]), " AND ")
	uid, zero := s.Search.UID(candidate.IndexName), int64(0)
	queries := make([]*meilisearch.SearchRequest, len(ids))
	for i, id := range ids {
		queries[i] = &meilisearch.SearchRequest{IndexUID: uid, Filter: fmt.Sprintf("occupations = %q AND %s", id, base), HitsPerPage: &zero, Page: 1}
	}
	res, err := s.Search.Service().MultiSearchWithContext(ctx, &meilisearch.MultiSearchRequest{Queries: queries})
	if err != nil {
		return nil, apperr.Unavailable(apperr.Search, fmt.Errorf("pool estimates: %w", err))
	}
	counts := map[string]int{}
	for i, id := range ids {
		counts[id] = int(res.Results[i].TotalHits)
	}
	// In the order asked, once each.
	out := make([]Estimate, 0, len(ids))
	seen := map[string]bool{}
	for _, id := range q.OccupationIDs {
		if !seen[id] {
			out = append(out, Estimate{OccupationID: id, Count: counts[id]})
			seen[id] = true
		}
	}
	return out, nil
}

// estimatePlace geocodes a full postcode or a PC4 area.
func estimatePlace(postcode string) (geo.Place, error) {
	_, pc4, err := geo.ParsePostcode(postcode)
	if err != nil {
		return geo.Place{}, err
	}
	return geo.Lookup(pc4)
}
