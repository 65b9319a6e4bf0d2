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
// (their ranking fields only). A larger pool is read tier by tier.
const readCap = 300

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
//     (rank.go), and the facets; with anyOccupation the whole pool's facets
//     and size beside it; the pinned candidates beside that;
//  2. bands 1–3 of at most readCap are ordered by the rule in Go; more are
//     read tier by tier (each tier a filter whose hits Meilisearch sorts by
//     availability), in growing batches, as far as the page needs; band 4
//     (anyOccupation: every other occupation) is always read tier by tier,
//     and only when the page reaches it;
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
	accepted := where
	if q.rule.anyOccupation {
		accepted += " AND " + q.rule.occupationIn(occupation.Related)
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
		queries = append(queries, &meilisearch.SearchRequest{IndexUID: uid, Filter: q.Base + " AND id IN " + quote(pins), Facets: q.Request.Facets,
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
	// The tiers of bands 1–3 or of band 4, built only when a pool is read
	// tier by tier (their filters name every combination of wishes).
	tiers := func(other bool) []Tier {
		return slices.DeleteFunc(q.rule.tiers(), func(t Tier) bool { return (t.Band == BandOther) != other })
	}
	if int(first.Results[0].TotalHits) <= int(window) {
		var pool []ranked
		if err := first.Results[0].Hits.DecodeInto(&pool); err != nil {
			return runResult{}, err
		}
		q.rule.sortByRule(pool)
		for _, c := range pool[:min(need, len(pool))] {
			ordered = append(ordered, c.ID)
		}
	} else if ordered, err = s.readTiers(ctx, uid, where, tiers(false), need); err != nil {
		return runResult{}, err
	}
	if len(ordered) < need && q.rule.anyOccupation {
		more, err := s.readTiers(ctx, uid, where, tiers(true), need-len(ordered))
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

// readTiers reads the first need ids of the tiers in order, as many of
// each as still needed, in growing batches.
func (s *Service) readTiers(ctx context.Context, uid, where string, tiers []Tier, need int) ([]string, error) {
	var ordered []string
	for i, n := 0, tierBatch; i < len(tiers) && len(ordered) < need; i, n = i+n, min(2*n, maxTierBatch) {
		limit := int64(need - len(ordered))
		var batch []*meilisearch.SearchRequest
		for _, t := range tiers[i:min(i+n, len(tiers))] {
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
