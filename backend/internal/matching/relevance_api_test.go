package matching_test

import (
	"fmt"
	"maps"
	"math"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// dcg is the discounted cumulative gain of grades in ranked order.
func dcg(grades []int) float64 {
	sum := 0.0
	for i, g := range grades {
		sum += (math.Pow(2, float64(g)) - 1) / math.Log2(float64(i)+2)
	}
	return sum
}

// ndcg20 is nDCG@20 of the ranked grades against every judged grade.
func ndcg20(ranked []int, judged map[string]int) float64 {
	var ideal []int
	for _, g := range judged {
		ideal = append(ideal, g)
	}
	slices.SortFunc(ideal, func(a, b int) int { return b - a })
	ideal, ranked = ideal[:min(20, len(ideal))], ranked[:min(20, len(ranked))]
	if dcg(ideal) == 0 {
		return 1
	}
	return dcg(ranked) / dcg(ideal)
}

// The relevance evaluation over the blind relevance set
// (backend/internal/seed/data/relevance.json: 33 openings whose grades were
// written by hand as a werkgever would accept people, before the ranking
// was run). For each opening it reports precision@10 and nDCG@20, and it
// holds mean nDCG@20 ≥ 0.95 with no must-not-appear candidate anywhere in
// the pool. docs/ranking.md shows the report.
func TestPoolRelevance(t *testing.T) {
	f := apptest.New(t)
	ctx := testkit.Context(t)
	f.BootstrapCandidates()
	g := f.DB.Gorm
	set, err := seed.RelevanceSet(ctx, g, f.Candidates, f.Openings, f.RegionA)
	apptest.Must(t, err)
	_, err = f.Search.Reindex(ctx, candidate.Source{DB: g})
	apptest.Must(t, err)
	var names []struct{ CandidateID, Name string }
	apptest.Must(t, g.Raw(`SELECT candidate_id, name FROM candidate_identities`).Scan(&names).Error)
	nameOf := map[string]string{}
	for _, n := range names {
		nameOf[n.CandidateID] = n.Name
	}
	// What each candidate looks for, to read a miss in the report.
	var looks []struct{ Name, Labels string }
	apptest.Must(t, g.Raw(`SELECT i.name, string_agg(o.label, '+') AS labels FROM candidate_identities i JOIN candidates c ON c.id = i.candidate_id
		JOIN occupations o ON o.id = ANY (c.occupations) GROUP BY i.name`).Scan(&looks).Error)
	looksFor := map[string]string{}
	for _, l := range looks {
		looksFor[l.Name] = l.Labels
	}
	am := f.Browser().SignIn(apptest.AmA)
	var report strings.Builder
	totalP, totalN, firstN, mustNots := 0.0, 0.0, 0.0, 0
	for _, o := range set.Openings {
		// Every judgement: the first judge's, the pooled ones, the
		// corrected ones (seed/data/README.md).
		judged := maps.Clone(o.Grades)
		maps.Copy(judged, o.PooledGrades)
		maps.Copy(judged, o.Corrected)
		var ranked []string
		bands := map[string]int{}
		for page := 1; page <= 3; page++ {
			var pool apptest.Pool
			am.Call("GET", fmt.Sprintf("/api/v1/openings/%s/pool?page=%d", o.ID, page), "", http.StatusOK, &pool)
			for _, c := range pool.Items {
				ranked = append(ranked, nameOf[c.ID])
				bands[nameOf[c.ID]] = c.Band
			}
			if page >= pool.TotalPages {
				break
			}
		}
		// A pool read tier by tier (as pools larger than one read are) comes
		// out in the same order.
		f.Pools.ReadCap = 1
		var tiered apptest.Pool
		am.Call("GET", fmt.Sprintf("/api/v1/openings/%s/pool", o.ID), "", http.StatusOK, &tiered)
		f.Pools.ReadCap = 0
		for i, c := range tiered.Items {
			if i >= len(ranked) || nameOf[c.ID] != ranked[i] {
				t.Errorf("%s: read tier by tier, place %d is %s; in one read %v", o.Title, i+1, nameOf[c.ID], ranked[:min(20, len(ranked))])
				break
			}
		}
		var grades []int
		relevantIn10 := 0
		var firstGrades []int
		for i, name := range ranked {
			grades = append(grades, judged[name])
			firstGrades = append(firstGrades, o.Grades[name])
			if i < 10 && judged[name] > 0 {
				relevantIn10++
			}
			if slices.Contains(o.MustNot, name) {
				mustNots++
				t.Errorf("%s: %s is in the pool (at %d) but must not be", o.Title, name, i+1)
			}
		}
		p10 := float64(relevantIn10) / float64(min(10, max(1, countPositive(judged))))
		n := ndcg20(grades, judged)
		totalP += p10
		totalN += n
		firstN += ndcg20(firstGrades, o.Grades)
		fmt.Fprintf(&report, "%-40s pool %3d  relevant %2d  precision@10 %.2f  nDCG@20 %.2f\n", o.Title, len(ranked), countPositive(judged), p10, n)
		if n < 0.95 {
			fmt.Fprintf(&report, "    ranked: %s\n", strings.Join(describe(ranked[:min(12, len(ranked))], judged, bands, looksFor), ", "))
			var missing []string
			for name, gr := range judged {
				if gr > 0 && !slices.Contains(ranked, name) {
					missing = append(missing, fmt.Sprintf("%s(%d %s)", name, gr, looksFor[name]))
				}
			}
			slices.Sort(missing)
			fmt.Fprintf(&report, "    not in the pool: %s\n", strings.Join(missing, ", "))
		}
	}
	n := float64(len(set.Openings))
	fmt.Fprintf(&report, "%d openings: mean precision@10 %.3f, mean nDCG@20 %.3f, must-not-appear candidates shown: %d\n", len(set.Openings), totalP/n, totalN/n, mustNots)
	fmt.Fprintf(&report, "(the first judge's grades alone, unjudged counted as 0: mean nDCG@20 %.3f)\n", firstN/n)
	t.Log("\n" + report.String())
	if totalN/n < 0.95 {
		t.Errorf("mean nDCG@20 %.3f below 0.95", totalN/n)
	}
}

func countPositive(grades map[string]int) int {
	n := 0
	for _, g := range grades {
		if g > 0 {
			n++
		}
	}
	return n
}

// describe is "name(grade band occupation)" per ranked candidate.
func describe(names []string, grades, bands map[string]int, looksFor map[string]string) []string {
	out := make([]string, len(names))
	for i, name := range names {
		out[i] = fmt.Sprintf("%s(%d b%d %s)", name, grades[name], bands[name], looksFor[name])
	}
	return out
}
