package matching_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
)

// costRow is one line of the cost table: a pool request with one thing
// changed, sent COST times one after another (nothing else running).
type costRow struct {
	name     string
	p50, p99 time.Duration
}

// measureCost sends each variant of the pool's Meilisearch requests n
// times in turn and keeps p50 and p99: where a pool's milliseconds go.
// typical and broad are the requests the two pools sent (traced).
func measureCost(b *testing.B, sc *search.Client, typical, broad [][]*meilisearch.SearchRequest, n int) []costRow {
	ctx := context.Background()
	var rows []costRow
	run := func(name string, qs ...*meilisearch.SearchRequest) {
		lat := make([]time.Duration, 0, n)
		for range n {
			start := time.Now()
			if err := replay(ctx, sc, qs); err != nil {
				b.Fatalf("cost %s: %v", name, err)
			}
			lat = append(lat, time.Since(start))
		}
		slices.Sort(lat)
		rows = append(rows, costRow{name: name, p50: lat[len(lat)/2], p99: lat[len(lat)*99/100]})
	}
	with := func(q *meilisearch.SearchRequest, change func(*meilisearch.SearchRequest)) *meilisearch.SearchRequest {
		c := *q
		change(&c)
		return &c
	}
	zero, twenty := int64(0), int64(20)
	first := typical[0][0]
	b.Logf("typical first request's filter (%d bytes): %.300s…", len(fmt.Sprint(first.Filter)), first.Filter)
	facets := []string{"drivingLicence", "ownTransport", "languageCodes", "educationRank", "rung", "supportNeeds", "doelgroepregister", "praktijkroute", "lksIndicatie"}
	ranked := []string{"id", "occupations", "skills", "hoursMax", "confirmedAt", "availableFrom"}
	run("typical: first request as sent (facets counted in Go)", first)
	run("  Meilisearch's facets instead of the facet fields", with(first, func(q *meilisearch.SearchRequest) {
		q.Facets, q.AttributesToRetrieve = facets, ranked
	}))
	run("  ranking fields only, no facets", with(first, func(q *meilisearch.SearchRequest) { q.AttributesToRetrieve = ranked }))
	run("  20 hits instead of all", with(first, func(q *meilisearch.SearchRequest) { q.HitsPerPage = &twenty }))
	run("  every attribute", with(first, func(q *meilisearch.SearchRequest) { q.AttributesToRetrieve = nil }))
	run("  Meilisearch's facets only (no hits)", with(first, func(q *meilisearch.SearchRequest) { q.HitsPerPage, q.Facets = &zero, facets }))
	count := with(first, func(q *meilisearch.SearchRequest) { q.HitsPerPage, q.Facets = &zero, nil })
	run("  filter only (no hits, no facets)", count)
	for _, f := range facets {
		run("  filter + facet "+f, with(count, func(q *meilisearch.SearchRequest) { q.Facets = []string{f} }))
	}
	parts := splitAnd(first.Filter.(string))
	for i, part := range parts {
		rest := slices.Delete(slices.Clone(parts), i, i+1)
		run("  without filter "+label(part), with(first, func(q *meilisearch.SearchRequest) { q.Filter = strings.Join(rest, " AND ") }))
	}
	run("  no filter at all", with(first, func(q *meilisearch.SearchRequest) { q.Filter = nil }))
	// The order of the same parts: the occupations last, the ranges before the travel filter (as before).
	var old []string
	for _, name := range []string{"regionId", "consent", "status", "confirmedDay", "rung", "travel (PC4 lists)", "occupations"} {
		for _, p := range parts {
			if label(p) == name {
				old = append(old, p)
			}
		}
	}
	run("  the same filter, occupations last (the order before)", with(count, func(q *meilisearch.SearchRequest) { q.Filter = strings.Join(old, " AND ") }))
	for _, words := range []string{"orderpicker", "orderpicker heftruck vca urenvanaf24"} {
		for _, strategy := range []meilisearch.MatchingStrategy{meilisearch.Last, meilisearch.All} {
			run(fmt.Sprintf("  with query words %q, matchingStrategy %s", words, strategy), with(first, func(q *meilisearch.SearchRequest) {
				q.Query, q.MatchingStrategy = words, strategy
			}))
		}
	}
	for i, qs := range typical[1:] {
		run(fmt.Sprintf("typical: request %d as sent (%d queries)", i+2, len(qs)), qs...)
	}
	for i, qs := range broad {
		run(fmt.Sprintf("broad: request %d as sent (%d queries)", i+1, len(qs)), qs...)
		if slices.ContainsFunc(qs, func(q *meilisearch.SearchRequest) bool { return len(q.Sort) > 0 }) {
			unsorted := make([]*meilisearch.SearchRequest, len(qs))
			for j, q := range qs {
				unsorted[j] = with(q, func(q *meilisearch.SearchRequest) { q.Sort = nil })
			}
			run("  the same without sort", unsorted...)
		}
	}
	return rows
}

func logCost(b *testing.B, rows []costRow) {
	if len(rows) == 0 {
		return
	}
	b.Logf("%-62s %8s %8s", "cost table (each row sent alone, one after another)", "p50 ms", "p99 ms")
	for _, r := range rows {
		b.Logf("%-62s %8.1f %8.1f", r.name, ms(r.p50), ms(r.p99))
	}
}

// splitAnd splits a filter at its top-level ANDs (outside brackets).
func splitAnd(f string) []string {
	var parts []string
	depth, last := 0, 0
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case '"':
			for i++; i < len(f) && f[i] != '"'; i++ {
				if f[i] == '\\' {
					i++
				}
			}
		}
		if depth == 0 && strings.HasPrefix(f[i:], " AND ") {
			parts = append(parts, f[last:i])
			last = i + len(" AND ")
			i += len(" AND ") - 1
		}
	}
	return append(parts, f[last:])
}

// label names a filter part by its first attribute.
func label(part string) string {
	if strings.Contains(part, "maxTravelKm") {
		return "travel (PC4 lists)"
	}
	w := strings.Fields(strings.TrimLeft(part, "( "))
	if len(w) == 0 {
		return part
	}
	return w[0]
}
