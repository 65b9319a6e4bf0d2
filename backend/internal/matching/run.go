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

// readCap is how many candidates a pool reads at once to order them in Go
// (their ranking fields only). A larger pool is read tier by tier.
const readCap = 300

// tierBatch is how many tiers one request of a large pool reads.
const tierBatch = 6

// run reads one page of a pool:
//
//  1. one multi-search: the whole pool's facets and size and, for up to
//     readCap of its candidates, the few fields the rule needs (rank.go);
//     the pinned candidates beside it;
//  2. a pool of at most readCap is ordered by the rule in Go; a larger one
//     is read tier by tier (each tier a filter whose hits Meilisearch sorts
//     by availability), tierBatch tiers a request, until the page is full;
//  3. the page's documents are read by id.
//
// Pinned candidates are left out of the ranking; they come first on page 1
// and are counted on every page.
func (s *Service) run(ctx context.Context, q Query, pins []string, page int) (runResult, error) {
	uid := s.Search.UID(candidate.IndexName)
	where := q.Where
	if len(pins) > 0 {
		where += " AND NOT id IN " + quote(pins)
	}
	window := int64(readCap)
	if s.ReadCap > 0 {
		window = int64(s.ReadCap)
	}
	queries := []*meilisearch.SearchRequest{{IndexUID: uid, Filter: where, Facets: q.Request.Facets, AttributesToRetrieve: rankedFields,
		HitsPerPage: &window, Page: 1}}
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
	out.total = int(first.Results[0].TotalHits)
	var ids []string
	if out.total <= int(window) {
		var pool []ranked
		if err := first.Results[0].Hits.DecodeInto(&pool); err != nil {
			return runResult{}, err
		}
		q.rule.sortByRule(pool)
		from := min((page-1)*PageSize, len(pool))
		for _, c := range pool[from:min(from+PageSize, len(pool))] {
			ids = append(ids, c.ID)
		}
	} else if ids, err = s.readTiers(ctx, uid, where, q.rule.tiers(), page); err != nil {
		return runResult{}, err
	}
	if len(ids) == 0 {
		return out, nil
	}
	res, err := s.search(ctx, []*meilisearch.SearchRequest{{IndexUID: uid, Filter: "id IN " + quote(ids), Limit: int64(len(ids))}})
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

// readTiers reads the ids of a large pool's page: the tiers in order, as
// many of each as the page still needs, tierBatch tiers a request.
func (s *Service) readTiers(ctx context.Context, uid, where string, tiers []Tier, page int) ([]string, error) {
	need := page * PageSize
	var ordered []string
	for i := 0; i < len(tiers) && len(ordered) < need; i += tierBatch {
		limit := int64(need - len(ordered))
		var batch []*meilisearch.SearchRequest
		for _, t := range tiers[i:min(i+tierBatch, len(tiers))] {
			batch = append(batch, &meilisearch.SearchRequest{IndexUID: uid, Filter: where + " AND " + t.Filter, Sort: tierSort,
				AttributesToRetrieve: []string{"id"}, Limit: limit})
		}
		res, err := s.search(ctx, batch)
		if err != nil {
			return nil, err
		}
		for _, r := range res.Results {
			var hits []struct {
				ID string `json:"id"`
			}
			if err := r.Hits.DecodeInto(&hits); err != nil {
				return nil, err
			}
			for _, h := range hits {
				if len(ordered) < need {
					ordered = append(ordered, h.ID)
				}
			}
		}
	}
	from := min((page-1)*PageSize, len(ordered))
	return ordered[from:], nil
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
