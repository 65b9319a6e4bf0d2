package matching

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/meilisearch/meilisearch-go"

	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
)

// runResult is one page of a pool as Meilisearch answered it.
type runResult struct {
	docs, pinned       []candidate.Document
	total, pinnedTotal int
	facets             map[string]map[string]int
}

// run asks Meilisearch for one page in two requests: first the facets of
// the whole pool, the number of candidates in each tier and the pinned
// candidates; then the page's slice of the tiers, in ranking order. Pinned
// candidates are left out of the tiers; they come first on page 1 and are
// counted on every page.
func (s *Service) run(ctx context.Context, q Query, pins []string, page int) (runResult, error) {
	uid := s.Search.UID(candidate.IndexName)
	where := q.Where
	if len(pins) > 0 {
		where += " AND NOT id IN " + quote(pins)
	}
	zero := int64(0)
	facetReq := *q.Request
	facetReq.IndexUID, facetReq.Filter = uid, where
	queries := []*meilisearch.SearchRequest{&facetReq}
	for _, t := range q.Tiers {
		queries = append(queries, &meilisearch.SearchRequest{IndexUID: uid, Filter: where + " AND " + t.Filter, HitsPerPage: &zero, Page: 1})
	}
	if len(pins) > 0 {
		perPage := int64(0)
		if page == 1 {
			perPage = int64(len(pins))
		}
		queries = append(queries, &meilisearch.SearchRequest{IndexUID: uid, Filter: q.Base + " AND id IN " + quote(pins), Facets: facets,
			HitsPerPage: &perPage, Page: 1})
	}
	first, err := s.Search.Service().MultiSearchWithContext(ctx, &meilisearch.MultiSearchRequest{Queries: queries})
	if err != nil {
		return runResult{}, apperr.Unavailable(apperr.Search, fmt.Errorf("pool query: %w", err))
	}
	var out runResult
	out.facets = map[string]map[string]int{}
	addFacets := func(raw json.RawMessage) {
		var f map[string]map[string]int
		if len(raw) == 0 || json.Unmarshal(raw, &f) != nil {
			return
		}
		for facet, counts := range f {
			if out.facets[facet] == nil {
				out.facets[facet] = map[string]int{}
			}
			for v, n := range counts {
				out.facets[facet][v] += n
			}
		}
	}
	addFacets(first.Results[0].FacetDistribution)
	counts := make([]int, len(q.Tiers))
	for i := range q.Tiers {
		counts[i] = int(first.Results[1+i].TotalHits)
		out.total += counts[i]
	}
	if len(pins) > 0 {
		pr := first.Results[len(first.Results)-1]
		if err := pr.Hits.DecodeInto(&out.pinned); err != nil {
			return runResult{}, err
		}
		out.pinnedTotal = int(pr.TotalHits)
		addFacets(pr.FacetDistribution)
	}
	// The page's slice: skip whole tiers before it, then take from as many
	// tiers as fill it.
	offset, need := (page-1)*PageSize, PageSize
	var slice []*meilisearch.SearchRequest
	for i, t := range q.Tiers {
		if need == 0 {
			break
		}
		if offset >= counts[i] {
			offset -= counts[i]
			continue
		}
		take := min(need, counts[i]-offset)
		slice = append(slice, &meilisearch.SearchRequest{IndexUID: uid, Filter: where + " AND " + t.Filter, Sort: tierSort,
			Offset: int64(offset), Limit: int64(take)})
		need -= take
		offset = 0
	}
	if len(slice) == 0 {
		return out, nil
	}
	second, err := s.Search.Service().MultiSearchWithContext(ctx, &meilisearch.MultiSearchRequest{Queries: slice})
	if err != nil {
		return runResult{}, apperr.Unavailable(apperr.Search, fmt.Errorf("pool query: %w", err))
	}
	for _, r := range second.Results {
		var docs []candidate.Document
		if err := r.Hits.DecodeInto(&docs); err != nil {
			return runResult{}, err
		}
		out.docs = append(out.docs, docs...)
	}
	return out, nil
}
