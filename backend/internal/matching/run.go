package matching

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"

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
	where := q.Where
	if len(pins) > 0 {
		where += " AND NOT id IN " + quote(pins)
	}
	window := int64(readCap)
	if s.ReadCap > 0 {
		window = int64(s.ReadCap)
	}
	wantFacets := len(q.Request.Facets) > 0
	accepted := where
	if q.rule.anyOccupation {
		accepted = q.rule.occupationIn(occupation.Related) + " AND " + where // selective first (buildQuery)
	}
	// Without anyOccupation the read of bands 1–3 is the whole pool: when
	// it fits the window its facets are counted in Go from the hits
	// (cheaper than Meilisearch's facet distribution, docs/benchmarks.md).
	goFacets := wantFacets && !q.rule.anyOccupation
	read := &meilisearch.SearchRequest{Filter: accepted, AttributesToRetrieve: rankedFields, HitsPerPage: &window, Page: 1}
	if goFacets {
		read.AttributesToRetrieve = rankedWithFacetFields
	}
	queries := []*meilisearch.SearchRequest{read}
	whole := 0 // the answer that counts the whole pool (and its facets)
	zero := int64(0)
	if q.rule.anyOccupation {
		queries = append(queries, &meilisearch.SearchRequest{Filter: where, Facets: q.Request.Facets, HitsPerPage: &zero, Page: 1})
		whole = 1
	}
	if len(pins) > 0 {
		perPage := int64(0)
		if page == 1 {
			perPage = int64(len(pins))
		}
		queries = append(queries, &meilisearch.SearchRequest{Filter: "id IN " + quote(pins) + " AND " + q.Base, Facets: q.Request.Facets,
			HitsPerPage: &perPage, Page: 1})
	}
	first, err := s.search(ctx, queries)
	if err != nil {
		return runResult{}, err
	}
	out := runResult{total: first[whole].TotalHits}
	if wantFacets {
		out.facets = map[string]map[string]int{}
	}
	out.addFacets(first[whole].FacetDistribution)
	if len(pins) > 0 {
		pr := first[len(first)-1]
		if err := json.Unmarshal(pr.Hits, &out.pinned); err != nil {
			return runResult{}, err
		}
		out.pinnedTotal = pr.TotalHits
		out.addFacets(pr.FacetDistribution)
	}
	need := page * PageSize
	var ordered []string
	// The tiers of one band, built only when a band is read tier by tier
	// (their filters name every combination of wishes).
	tiers := func(band Band) []Tier {
		return slices.DeleteFunc(q.rule.tiers(), func(t Tier) bool { return t.Band != band })
	}
	if first[0].TotalHits <= int(window) {
		var hits []rankedWithFacets
		if err := json.Unmarshal(first[0].Hits, &hits); err != nil {
			return runResult{}, err
		}
		pool := make([]ranked, len(hits))
		for i, h := range hits {
			pool[i] = h.ranked
		}
		ordered = orderInGo(pool, q.rule, need)
		if goFacets {
			out.countFacets(hits)
		}
	} else {
		// The pool's facets beside the first band's read.
		var facetsDone chan error
		if goFacets {
			facetsDone = make(chan error, 1)
			go func() {
				res, err := s.search(ctx, []*meilisearch.SearchRequest{{Filter: where, Facets: q.Request.Facets, HitsPerPage: &zero, Page: 1}})
				if err == nil {
					out.addFacets(res[0].FacetDistribution)
				}
				facetsDone <- err
			}()
		}
		// Band by band: a band small enough is read at once and ordered
		// in Go, a larger one tier by tier; only as far as the page needs.
		for i, band := range q.rule.bandFilters()[:3] {
			if len(ordered) >= need {
				break
			}
			res, err := s.search(ctx, []*meilisearch.SearchRequest{{Filter: "(" + band + ") AND " + where,
				AttributesToRetrieve: rankedFields, HitsPerPage: &window, Page: 1}})
			if err != nil {
				return runResult{}, err
			}
			var more []string
			if res[0].TotalHits <= int(window) {
				var pool []ranked
				if err := json.Unmarshal(res[0].Hits, &pool); err != nil {
					return runResult{}, err
				}
				more = orderInGo(pool, q.rule, need-len(ordered))
			} else if more, err = s.readTiers(ctx, where, tiers(Band(i+1)), need-len(ordered)); err != nil {
				return runResult{}, err
			}
			ordered = append(ordered, more...)
		}
		if facetsDone != nil {
			if err := <-facetsDone; err != nil {
				return runResult{}, err
			}
		}
	}
	if len(ordered) < need && q.rule.anyOccupation {
		more, err := s.readTiers(ctx, where, tiers(BandOther), need-len(ordered))
		if err != nil {
			return runResult{}, err
		}
		ordered = append(ordered, more...)
	}
	ids := ordered[min((page-1)*PageSize, len(ordered)):]
	if len(ids) == 0 {
		return out, nil
	}
	res, err := s.search(ctx, []*meilisearch.SearchRequest{{Filter: "id IN " + quote(ids), Limit: int64(len(ids))}})
	if err != nil {
		return runResult{}, err
	}
	var docs []candidate.Document
	if err := json.Unmarshal(res[0].Hits, &docs); err != nil {
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

// orderInGo orders candidates by the rule and keeps the first need ids.
func orderInGo(pool []ranked, rule rankRule, need int) []string {
	rule.sortByRule(pool)
	ids := make([]string, 0, min(need, len(pool)))
	for _, c := range pool[:min(need, len(pool))] {
		ids = append(ids, c.ID)
	}
	return ids
}

// readTiers reads the first need ids of the tiers in order, as many of
// each as still needed, in growing batches (a batch's tiers side by side).
func (s *Service) readTiers(ctx context.Context, where string, tiers []Tier, need int) ([]string, error) {
	var ordered []string
	for i, n := 0, tierBatch; i < len(tiers) && len(ordered) < need; i, n = i+n, min(2*n, maxTierBatch) {
		limit := int64(need - len(ordered))
		var batch []*meilisearch.SearchRequest
		for _, t := range tiers[i:min(i+n, len(tiers))] {
			batch = append(batch, &meilisearch.SearchRequest{Filter: t.Filter + " AND " + where, Sort: tierSort,
				AttributesToRetrieve: []string{"id"}, Limit: limit})
		}
		res, err := s.search(ctx, batch)
		if err != nil {
			return nil, err
		}
		for _, r := range res {
			var hits []struct {
				ID string `json:"id"`
			}
			if err := json.Unmarshal(r.Hits, &hits); err != nil {
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

// searchResult is one answer of the candidates index, its hits left raw
// for decoding into the fields asked for.
type searchResult struct {
	Hits              json.RawMessage `json:"hits"`
	TotalHits         int             `json:"totalHits"`
	EstimatedHits     int             `json:"estimatedTotalHits"`
	FacetDistribution json.RawMessage `json:"facetDistribution"`
}

// search sends queries to the candidates index side by side, each its own
// request: Meilisearch answers a multi-search's queries one after another,
// separate requests on its threads at once (docs/benchmarks.md). The
// answers come back in order, each decoded once, straight into the fields
// asked for.
func (s *Service) search(ctx context.Context, queries []*meilisearch.SearchRequest) ([]searchResult, error) {
	if s.trace != nil {
		s.trace(queries)
	}
	idx := s.Search.SearchIndex(candidate.IndexName)
	out := make([]searchResult, len(queries))
	errs := make([]error, len(queries))
	one := func(i int) {
		raw, err := idx.SearchRawWithContext(ctx, "", queries[i])
		if err != nil {
			errs[i] = err
			return
		}
		errs[i] = json.Unmarshal(*raw, &out[i])
		if out[i].TotalHits == 0 && out[i].EstimatedHits > 0 {
			out[i].TotalHits = out[i].EstimatedHits // limit/offset answers estimate
		}
	}
	if len(queries) == 1 {
		one(0)
	} else {
		var wg sync.WaitGroup
		for i := range queries {
			wg.Add(1)
			go func() { defer wg.Done(); one(i) }()
		}
		wg.Wait()
	}
	if err := errors.Join(errs...); err != nil {
		return nil, apperr.Unavailable(apperr.Search, fmt.Errorf("pool query: %w", err))
	}
	return out, nil
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

// countFacets counts the facets of a whole pool read at once, as
// Meilisearch's facet distribution would: per value, the candidates that
// hold it (booleans "true"/"false", numbers as written).
func (r *runResult) countFacets(hits []rankedWithFacets) {
	add := func(facet, value string) {
		if r.facets[facet] == nil {
			r.facets[facet] = map[string]int{}
		}
		r.facets[facet][value]++
	}
	for _, h := range hits {
		add("drivingLicence", strconv.FormatBool(h.DrivingLicence))
		add("ownTransport", strconv.FormatBool(h.OwnTransport))
		add("doelgroepregister", strconv.FormatBool(h.Doelgroepregister))
		add("praktijkroute", strconv.FormatBool(h.Praktijkroute))
		add("lksIndicatie", strconv.FormatBool(h.LKSIndicatie))
		add("educationRank", strconv.Itoa(h.EducationRank))
		add("rung", strconv.Itoa(h.Rung))
		for _, l := range distinct(h.LanguageCodes) {
			add("languageCodes", l)
		}
		for _, n := range distinct(h.SupportNeeds) {
			add("supportNeeds", n)
		}
	}
}

func distinct(ss []string) []string {
	out := slices.Clone(ss)
	slices.Sort(out)
	return slices.Compact(out)
}
