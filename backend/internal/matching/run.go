package matching

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

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

// readCap is the most candidates one read returns (Meilisearch's
// pagination.maxTotalHits), and so the most a pool can page through.
const readCap = 1000

// run reads one page of a pool:
//
//  1. one multi-search: the whole pool's facets and, for up to readCap of
//     its candidates, the few fields the rule needs (rank.go), sorted most
//     recently confirmed first; the pinned candidates beside it;
//  2. only when the pool is larger than readCap: the same per band, so that
//     each band is ranked over its readCap most recently confirmed members
//     and the bands keep their order;
//  3. the rule orders them in Go, and the page's documents are read by id.
//
// Pinned candidates are left out of the ranking; they come first on page 1
// and are counted on every page.
func (s *Service) run(ctx context.Context, q Query, pins []string, page int) (runResult, error) {
	uid := s.Search.UID(candidate.IndexName)
	where := q.Where
	if len(pins) > 0 {
		where += " AND NOT id IN " + quote(pins)
	}
	capped := int64(readCap)
	if s.ReadCap > 0 {
		capped = int64(s.ReadCap)
	}
	read := func(filter string, facets []string) *meilisearch.SearchRequest {
		return &meilisearch.SearchRequest{IndexUID: uid, Filter: filter, Facets: facets, AttributesToRetrieve: rankedFields,
			Sort: []string{"confirmedAt:desc"}, HitsPerPage: &capped, Page: 1}
	}
	queries := []*meilisearch.SearchRequest{read(where, q.Request.Facets)}
	if len(pins) > 0 {
		perPage := int64(0)
		if page == 1 {
			perPage = int64(len(pins))
		}
		queries = append(queries, &meilisearch.SearchRequest{IndexUID: uid, Filter: q.Base + " AND id IN " + quote(pins), Facets: facets,
			HitsPerPage: &perPage, Page: 1})
	}
	first, err := s.search(ctx, queries)
	if err != nil {
		return runResult{}, err
	}
	out := runResult{facets: map[string]map[string]int{}}
	out.addFacets(first.Results[0].FacetDistribution)
	if len(pins) > 0 {
		pr := first.Results[1]
		if err := pr.Hits.DecodeInto(&out.pinned); err != nil {
			return runResult{}, err
		}
		out.pinnedTotal = int(pr.TotalHits)
		out.addFacets(pr.FacetDistribution)
	}
	var pool []ranked
	if err := first.Results[0].Hits.DecodeInto(&pool); err != nil {
		return runResult{}, err
	}
	out.total = int(first.Results[0].TotalHits)
	q.rule.sortByRule(pool)
	if out.total > len(pool) {
		// Too large to rank in one read: rank each band over its own
		// most recently confirmed readCap, bands in order.
		var perBand []*meilisearch.SearchRequest
		for _, b := range q.rule.bandFilters() {
			perBand = append(perBand, read(where+" AND ("+b+")", nil))
		}
		res, err := s.search(ctx, perBand)
		if err != nil {
			return runResult{}, err
		}
		pool = pool[:0]
		for _, r := range res.Results {
			var band []ranked
			if err := r.Hits.DecodeInto(&band); err != nil {
				return runResult{}, err
			}
			q.rule.sortByRule(band)
			pool = append(pool, band...)
		}
	}
	from := min((page-1)*PageSize, len(pool))
	ids := make([]string, 0, PageSize)
	for _, c := range pool[from:min(from+PageSize, len(pool))] {
		ids = append(ids, c.ID)
	}
	if len(ids) == 0 {
		return out, nil
	}
	limit := int64(len(ids))
	res, err := s.search(ctx, []*meilisearch.SearchRequest{{IndexUID: uid, Filter: "id IN " + quote(ids), Limit: limit}})
	if err != nil {
		return runResult{}, err
	}
	var docs []candidate.Document
	if err := res.Results[0].Hits.DecodeInto(&docs); err != nil {
		return runResult{}, err
	}
	// In the rule's order; a candidate gone from the index meanwhile is
	// left out of this page.
	for _, id := range ids {
		if i := slices.IndexFunc(docs, func(d candidate.Document) bool { return d.ID == id }); i >= 0 {
			out.docs = append(out.docs, docs[i])
		}
	}
	return out, nil
}

func (s *Service) search(ctx context.Context, queries []*meilisearch.SearchRequest) (*meilisearch.MultiSearchResponse, error) {
	res, err := s.Search.Service().MultiSearchWithContext(ctx, &meilisearch.MultiSearchRequest{Queries: queries})
	if err != nil {
		return nil, apperr.Unavailable(apperr.Search, fmt.Errorf("pool query: %w", err))
	}
	return res, nil
}

func (r *runResult) addFacets(raw json.RawMessage) {
	var f map[string]map[string]int
	if len(raw) == 0 || json.Unmarshal(raw, &f) != nil {
		return
	}
	for facet, counts := range f {
		if r.facets[facet] == nil {
			r.facets[facet] = map[string]int{}
		}
		for v, n := range counts {
			r.facets[facet][v] += n
		}
	}
}
