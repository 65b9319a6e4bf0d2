package search_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/meilisearch/meilisearch-go"

	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// candidateDoc is a synthetic anonymous candidate, shaped like the pool
// index measured in docs/benchmarks.md (~780 bytes each): no personal data
// exists here.
type candidateDoc struct {
	ID          string             `json:"id"`
	Code        string             `json:"code"`
	Region      string             `json:"region"`
	Consent     bool               `json:"consent"`
	Status      string             `json:"status"`
	Rung        int                `json:"rung"`
	HoursMin    int                `json:"hoursMin"`
	HoursMax    int                `json:"hoursMax"`
	Occupations []string           `json:"occupations"`
	ISCOGroups  []string           `json:"iscoGroups"`
	Skills      []string           `json:"skills"`
	Summary     string             `json:"summary"`
	PC4         string             `json:"pc4"`
	Geo         map[string]float64 `json:"_geo"`
	MaxTravelKm int                `json:"maxTravelKm"`
	Licence     bool               `json:"drivingLicence"`
	Education   string             `json:"education"`
}

var benchOccupations = []string{"orderpicker", "magazijnmedewerker", "kok", "schoonmaker", "verkoopmedewerker", "heftruckchauffeur", "productiemedewerker", "helpende zorg", "postbezorger", "hovenier"}

func syntheticCandidates(n int) []any {
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]any, n)
	for i := range out {
		occ := benchOccupations[r.IntN(len(benchOccupations))]
		out[i] = candidateDoc{
			ID: fmt.Sprintf("c%07d", i), Code: fmt.Sprintf("K-%05X", i), Region: "demo", Consent: r.IntN(10) > 0,
			Status: []string{"available", "available", "in_process", "paused"}[r.IntN(4)], Rung: 1 + r.IntN(6),
			HoursMin: 8 + r.IntN(16), HoursMax: 24 + r.IntN(16), Occupations: []string{occ}, ISCOGroups: []string{fmt.Sprint(9000 + r.IntN(400))},
			Skills:  []string{fmt.Sprintf("skill-%d", r.IntN(200)), fmt.Sprintf("skill-%d", r.IntN(200))},
			Summary: "Ervaring in " + occ + " en in een team werken, betrouwbaar en op tijd, wil graag leren met begeleiding op de werkvloer.",
			PC4:     fmt.Sprint(1000 + r.IntN(8999)), Geo: map[string]float64{"lat": 51.5 + r.Float64()*1.5, "lng": 4 + r.Float64()*2.5},
			MaxTravelKm: []int{5, 10, 15, 25, 50}[r.IntN(5)], Licence: r.IntN(2) == 0, Education: []string{"vmbo", "mbo2", "mbo3", "havo"}[r.IntN(4)],
		}
	}
	return out
}

var poolIndex = search.Index{
	Name: "bench_candidates", PrimaryKey: "id",
	Settings: &meilisearch.Settings{
		SearchableAttributes: []string{"occupations", "skills", "summary"},
		FilterableAttributes: []string{"region", "consent", "status", "rung", "hoursMin", "hoursMax", "pc4", "_geo", "maxTravelKm", "drivingLicence", "education", "iscoGroups"},
		SortableAttributes:   []string{"_geo"},
	},
}

type benchSource struct{ docs []any }

func (s benchSource) Index() search.Index { return poolIndex }
func (s benchSource) Documents(_ context.Context, batch int, emit func([]any) error) error {
	for i := 0; i < len(s.docs); i += batch {
		if err := emit(s.docs[i:min(i+batch, len(s.docs))]); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkPoolQuery measures a typical pool query (occupation text, the
// pool filters, a 25 km radius, six facets, 20 hits) at 20,000 candidates,
// through Go's default transport (which asks for gzip) and through
// search.NewHTTPClient (compression off). The gap is the ~40 ms stall of
// docs/benchmarks.md; keep this benchmark so it stays fixed.
func BenchmarkPoolQuery(b *testing.B) {
	c := testkit.Search(b)
	ctx := testkit.Context(b)
	if _, err := c.Reindex(ctx, benchSource{docs: syntheticCandidates(20000)}); err != nil {
		b.Fatal(err)
	}
	req := &meilisearch.SearchRequest{
		Filter: "region = demo AND consent = true AND status IN [available, in_process] AND rung >= 4 AND hoursMax >= 24 AND _geoRadius(52.09, 5.12, 25000)",
		Facets: []string{"drivingLicence", "education", "rung", "status", "maxTravelKm", "iscoGroups"},
		Limit:  20,
	}
	clients := map[string]meilisearch.ServiceManager{
		"default-transport": meilisearch.New(testkit.MeiliURL(b), meilisearch.WithAPIKey(testkit.MeiliMasterKey(b))),
		"no-compression":    meilisearch.New(testkit.MeiliURL(b), meilisearch.WithAPIKey(testkit.MeiliMasterKey(b)), meilisearch.WithCustomClient(search.NewHTTPClient())),
	}
	for _, name := range []string{"default-transport", "no-compression"} {
		sm := clients[name]
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				res, err := sm.Index(c.UID(poolIndex.Name)).SearchWithContext(ctx, "orderpicker", req)
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Hits) == 0 {
					b.Fatal("no hits")
				}
			}
		})
	}
}
