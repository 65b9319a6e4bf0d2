package matching

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/meilisearch/meilisearch-go"

	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
)

// runResult is one page of a pool as Meilisearch answered it.
type runResult struct {
	docs, pinned       []candidate.Document
	total, pinnedTotal int
	facets             map[string]map[string]int
}

// readCap is how many candidates a pool reads at once to order them in Go
// (their ranking fields only): as many as a pool shows (MaxPage pages). A
// larger pool is read band by band, a larger band tier by tier.
const readCap = 1000

// tierBatch is how many tiers the first request of a large pool reads;
// each next request reads twice as many, up to maxTierBatch: the first
// tiers usually fill a page, and empty tiers cost a request each.
const (
	tierBatch    = 2
	maxTierBatch = 8
)

// run reads one page of a pool:
//
//  1. one multi-search: the candidates of bands 1–3 (the accepted
//     occupations), up to readCap of them with the few fields the rule needs
//     (rank.go), and the facets (unless the caller skips them); with
//     anyOccupation the whole pool's facets and size beside it; the pinned
//     candidates beside that;
//  2. bands 1–3 of at most readCap are ordered by the rule in Go; more are
//     read band by band as far as the page needs: a band of at most readCap
//     at once (ordered in Go), a larger one tier by tier (each tier a filter
//     whose hits Meilisearch sorts by availability) in growing batches;
//     band 4 (anyOccupation: every other occupation) is always read tier by
//     tier, and only when the page reaches it;
//  3. the page's documents are read by id.
//
// Every request re-evaluates the pool's filter, so the number of requests
// and of tiers is what a large pool costs (docs/benchmarks.md).
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
	accepted := where
	if q.rule.anyOccupation {
		accepted = q.rule.occupationIn(occupation.Related) + " AND " + where // selective first (buildQuery)
	}
	queries := []*meilisearch.SearchRequest{{IndexUID: uid, Filter: accepted, AttributesToRetrieve: rankedFields, HitsPerPage: &window, Page: 1}}
	whole := 0 // the query that counts the whole pool and its facets
	if q.rule.anyOccupation {
		zero := int64(0)
		queries = append(queries, &meilisearch.SearchRequest{IndexUID: uid, Filter: where, Facets: q.Request.Facets, HitsPerPage: &zero, Page: 1})
		whole = 1
	} else {
		queries[0].Facets = q.Request.Facets
	}
	if len(pins) > 0 {
		perPage := int64(0)
		if page == 1 {
			perPage = int64(len(pins))
		}
		queries = append(queries, &meilisearch.SearchRequest{IndexUID: uid, Filter: "id IN " + quote(pins) + " AND " + q.Base, Facets: q.Request.Facets,
			HitsPerPage: &perPage, Page: 1})
	}
	first, err := s.search(ctx, queries)
	if err != nil {
		return runResult{}, err
	}
	out := runResult{total: int(first.Results[whole].TotalHits)}
	if len(q.Request.Facets) > 0 {
		out.facets = map[string]map[string]int{}
	}
	out.addFacets(first.Results[whole].FacetDistribution)
	if len(pins) > 0 {
		pr := first.Results[len(first.Results)-1]
		if err := pr.Hits.DecodeInto(&out.pinned); err != nil {
			return runResult{}, err
		}
		out.pinnedTotal = int(pr.TotalHits)
		out.addFacets(pr.FacetDistribution)
	}
	need := page * PageSize
	var ordered []string
	// The tiers of one band, built only when a band is read tier by tier
	// (their filters name every combination of wishes).
	tiers := func(band Band) []Tier {
		return slices.DeleteFunc(q.rule.tiers(), func(t Tier) bool { return t.Band != band })
	}
	if int(first.Results[0].TotalHits) <= int(window) {
		if ordered, err = orderInGo(first.Results[0], q.rule, need); err != nil {
			return runResult{}, err
		}
	} else {
		// Band by band: a band small enough is read at once and ordered
		// in Go, a larger one tier by tier; only as far as the page needs.
		for i, band := range q.rule.bandFilters()[:3] {
			if len(ordered) >= need {
				break
			}
			res, err := s.search(ctx, []*meilisearch.SearchRequest{{IndexUID: uid, Filter: "(" + band + ") AND " + where,
				AttributesToRetrieve: rankedFields, HitsPerPage: &window, Page: 1}})
			if err != nil {
				return runResult{}, err
			}
			var more []string
			if int(res.Results[0].TotalHits) <= int(window) {
				more, err = orderInGo(res.Results[0], q.rule, need-len(ordered))
			} else {
				more, err = s.readTiers(ctx, uid, where, tiers(Band(i+1)), need-len(ordered))
			}
			if err != nil {
				return runResult{}, err
			}
			ordered = append(ordered, more...)
		}
	}
	if len(ordered) < need && q.rule.anyOccupation {
		more, err := s.readTiers(ctx, uid, where, tiers(BandOther), need-len(ordered))
		if err != nil {
			return runResult{}, err
		}
		ordered = append(ordered, more...)
	}
	ids := ordered[min((page-1)*PageSize, len(ordered)):]
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

// orderInGo orders one read of ranked fields by the rule and keeps the
// first need ids.
func orderInGo(r meilisearch.SearchResponse, rule rankRule, need int) ([]string, error) {
	var pool []ranked
	if err := r.Hits.DecodeInto(&pool); err != nil {
		return nil, err
	}
	rule.sortByRule(pool)
	ids := make([]string, 0, min(need, len(pool)))
	for _, c := range pool[:min(need, len(pool))] {
		ids = append(ids, c.ID)
	}
	return ids, nil
}

// readTiers reads the first need ids of the tiers in order, as many of
// each as still needed, in growing batches.
func (s *Service) readTiers(ctx context.Context, uid, where string, tiers []Tier, need int) ([]string, error) {
	var ordered []string
	for i, n := 0, tierBatch; i < len(tiers) && len(ordered) < need; i, n = i+n, min(2*n, maxTierBatch) {
		limit := int64(need - len(ordered))
		var batch []*meilisearch.SearchRequest
		for _, t := range tiers[i:min(i+n, len(tiers))] {
			batch = append(batch, &meilisearch.SearchRequest{IndexUID: uid, Filter: t.Filter + " AND " + where, Sort: tierSort,
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
	return ordered, nil
}

func (s *Service) search(ctx context.Context, queries []*meilisearch.SearchRequest) (*meilisearch.MultiSearchResponse, error) {
	if s.trace != nil {
		s.trace(queries)
	}
	res, err := s.Search.Service().MultiSearchWithContext(ctx, &meilisearch.MultiSearchRequest{Queries: queries})
	if err != nil {
		return nil, apperr.Unavailable(apperr.Search, fmt.Errorf("pool query: %w", err))
	}
	return res, nil
}

func (r *runResult) addFacets(raw json.RawMessage) {
	var f map[string]map[string]int
	if r.facets == nil || len(raw) == 0 || json.Unmarshal(raw, &f) != nil {
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
