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
	var bands, wholePool answer[rankedWithFacets]
	var pinned answer[candidate.Document]
	asks := []ask{{read, &bands}}
	whole := &bands // the answer that counts the whole pool (and its facets)
	zero := int64(0)
	if q.rule.anyOccupation {
		asks = append(asks, ask{&meilisearch.SearchRequest{Filter: where, Facets: q.Request.Facets, HitsPerPage: &zero, Page: 1}, &wholePool})
		whole = &wholePool
	}
	if len(pins) > 0 {
		perPage := int64(0)
		if page == 1 {
			perPage = int64(len(pins))
		}
		asks = append(asks, ask{&meilisearch.SearchRequest{Filter: "id IN " + quote(pins) + " AND " + q.Base, Facets: q.Request.Facets,
			HitsPerPage: &perPage, Page: 1}, &pinned})
	}
	if err := s.search(ctx, asks...); err != nil {
		return runResult{}, err
	}
	out := runResult{total: whole.total()}
	if wantFacets {
		out.facets = map[string]map[string]int{}
	}
	out.addFacets(whole.FacetDistribution)
	if len(pins) > 0 {
		out.pinned, out.pinnedTotal = pinned.Hits, pinned.total()
		out.addFacets(pinned.FacetDistribution)
	}
	need := page * PageSize
	var ordered []string
	// The tiers of one band, built only when a band is read tier by tier
	// (their filters name every combination of wishes).
	tiers := func(band Band) []Tier {
		return slices.DeleteFunc(q.rule.tiers(), func(t Tier) bool { return t.Band != band })
	}
	if bands.total() <= int(window) {
		pool := make([]ranked, len(bands.Hits))
		for i, h := range bands.Hits {
			pool[i] = h.ranked
		}
		ordered = orderInGo(pool, q.rule, need)
		if goFacets {
			out.countFacets(bands.Hits)
		}
	} else {
		// The pool's facets beside the first band's read.
		var facetsDone chan error
		if goFacets {
			facetsDone = make(chan error, 1)
			go func() {
				var res answer[struct{}]
				err := s.search(ctx, ask{&meilisearch.SearchRequest{Filter: where, Facets: q.Request.Facets, HitsPerPage: &zero, Page: 1}, &res})
				if err == nil {
					out.addFacets(res.FacetDistribution)
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
			var res answer[ranked]
			if err := s.search(ctx, ask{&meilisearch.SearchRequest{Filter: "(" + band + ") AND " + where,
				AttributesToRetrieve: rankedFields, HitsPerPage: &window, Page: 1}, &res}); err != nil {
				return runResult{}, err
			}
			var more []string
			var err error
			if res.total() <= int(window) {
				more = orderInGo(res.Hits, q.rule, need-len(ordered))
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
	var res answer[candidate.Document]
	if err := s.search(ctx, ask{&meilisearch.SearchRequest{Filter: "id IN " + quote(ids), Limit: int64(len(ids))}, &res}); err != nil {
		return runResult{}, err
	}
	docs := res.Hits
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
		batch := tiers[i:min(i+n, len(tiers))]
		res := make([]answer[struct {
			ID string `json:"id"`
		}], len(batch))
		asks := make([]ask, len(batch))
		for j, t := range batch {
			asks[j] = ask{&meilisearch.SearchRequest{Filter: t.Filter + " AND " + where, Sort: tierSort,
				AttributesToRetrieve: []string{"id"}, Limit: limit}, &res[j]}
		}
		if err := s.search(ctx, asks...); err != nil {
			return nil, err
		}
		for _, r := range res {
			for _, h := range r.Hits {
				if len(ordered) < need {
					ordered = append(ordered, h.ID)
				}
			}
		}
	}
	return ordered, nil
}

// answer is one answer of the candidates index, its hits decoded as T
// (the fields asked for).
type answer[T any] struct {
	Hits               []T             `json:"hits"`
	TotalHits          int             `json:"totalHits"`          // page/hitsPerPage
	EstimatedTotalHits int             `json:"estimatedTotalHits"` // limit/offset
	FacetDistribution  json.RawMessage `json:"facetDistribution"`
}

func (a *answer[T]) total() int { return max(a.TotalHits, a.EstimatedTotalHits) }

// ask is one query and the answer (an *answer[T]) to decode it into.
type ask struct {
	req  *meilisearch.SearchRequest
	into any
}

// search sends queries to the candidates index side by side, each its own
// request: Meilisearch answers a multi-search's queries one after another,
// separate requests on its threads at once (docs/benchmarks.md). Each
// answer is decoded once, straight into the fields asked for
// (search.Client.SearchInto).
func (s *Service) search(ctx context.Context, asks ...ask) error {
	if s.trace != nil {
		queries := make([]*meilisearch.SearchRequest, len(asks))
		for i, a := range asks {
			queries[i] = a.req
		}
		s.trace(queries)
	}
	errs := make([]error, len(asks))
	one := func(i int) { errs[i] = s.Search.SearchInto(ctx, candidate.IndexName, asks[i].req, asks[i].into) }
	if len(asks) == 1 {
		one(0)
	} else {
		var wg sync.WaitGroup
		for i := range asks {
			wg.Add(1)
			go func() { defer wg.Done(); one(i) }()
		}
		wg.Wait()
	}
	if err := errors.Join(errs...); err != nil {
		return apperr.Unavailable(apperr.Search, fmt.Errorf("pool query: %w", err))
	}
	return nil
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
