package matching_test

import (
	"math"
	"net/http"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// judgements are hand-judged relevance grades for the seeded demo
// population: 2 = a good fit (the occupation, nearby, the right rung),
// 1 = a reasonable fit (a related occupation, or further away). Candidates
// without consent or beyond their own travel distance are judged too, so
// their absence from the pool counts against recall, never for precision.
var judgements = map[string]map[string]int{
	"Medewerker bakkerij (ochtend)": {"Sanne de Boer": 2, "Fenna Visser": 2, "Lieke Smits": 2, "Joost Mulder": 1, "Rachid Ouali": 1, "Daan Hoekstra": 1, "Sem de Wit": 1},
	"Orderpicker":                   {"Mohamed Amrani": 2, "Kofi Mensah": 2, "Peter van Dijk": 1, "Anna Kowalska": 1},
	"Keukenhulp":                    {"Tim Verhoeven": 2, "Mariam Tesfay": 1},
}

// dcg is the discounted cumulative gain of grades in ranked order.
func dcg(grades []int) float64 {
	sum := 0.0
	for i, g := range grades {
		sum += (math.Pow(2, float64(g)) - 1) / math.Log2(float64(i)+2)
	}
	return sum
}

// The relevance evaluation: for each judged demo opening the pool's
// precision@10 and nDCG@20 against the judgements, reported and held to a floor.
func TestPoolRelevance(t *testing.T) {
	f := apptest.New(t)
	ctx := testkit.Context(t)
	f.BootstrapCandidates()
	g := f.DB.Gorm
	apptest.Must(t, g.Exec(`DELETE FROM candidates`).Error)
	_, err := seed.DemoCandidates(ctx, g, f.Candidates, f.RegionA)
	apptest.Must(t, err)
	_, err = seed.DemoOpenings(ctx, g, f.Openings, f.RegionA)
	apptest.Must(t, err)
	_, err = f.Search.Reindex(ctx, candidate.Source{DB: g, Skills: f.Skills})
	apptest.Must(t, err)
	var names []struct{ CandidateID, Name string }
	apptest.Must(t, g.Raw(`SELECT candidate_id, name FROM candidate_identities`).Scan(&names).Error)
	nameOf := map[string]string{}
	for _, n := range names {
		nameOf[n.CandidateID] = n.Name
	}
	am := f.Browser().SignIn(apptest.AdminA)
	totalP, totalN := 0.0, 0.0
	for title, judged := range judgements {
		var id string
		apptest.Must(t, g.Raw(`SELECT id FROM openings WHERE title = ? AND region_id = ?`, title, f.RegionA).Row().Scan(&id))
		var pool apptest.Pool
		am.Call("GET", "/api/v1/openings/"+id+"/pool", "", http.StatusOK, &pool)
		var grades []int
		relevantIn10 := 0
		for i, c := range pool.Items {
			grade := judged[nameOf[c.ID]]
			grades = append(grades, grade)
			if i < 10 && grade > 0 {
				relevantIn10++
			}
			if grade == 0 {
				t.Errorf("%s: %s is in the pool but not judged relevant", title, nameOf[c.ID])
			}
		}
		var ideal []int
		for _, gr := range judged {
			ideal = append(ideal, gr)
		}
		// Ideal order: highest grades first.
		for i := range ideal {
			for j := i + 1; j < len(ideal); j++ {
				if ideal[j] > ideal[i] {
					ideal[i], ideal[j] = ideal[j], ideal[i]
				}
			}
		}
		p10 := float64(relevantIn10) / 10
		ndcg := dcg(grades) / dcg(ideal)
		totalP += p10
		totalN += ndcg
		t.Logf("%-30s retrieved %d of %d judged; precision@10 %.2f; nDCG@20 %.2f", title, len(pool.Items), len(judged), p10, ndcg)
	}
	n := float64(len(judgements))
	t.Logf("mean precision@10 %.2f, mean nDCG@20 %.2f (small demo pools: at most 7 relevant candidates each, so precision@10 ≤ 0.7)", totalP/n, totalN/n)
	if totalN/n < 0.6 {
		t.Errorf("mean nDCG@20 %.2f below 0.6", totalN/n)
	}
}
