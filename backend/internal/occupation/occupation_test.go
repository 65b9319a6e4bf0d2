package occupation_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/platform/config"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
	"github.com/werkhaven/werkhaven/backend/internal/platform/jobs"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// Loading the bundled occupations queues one index rebuild in the same
// transaction; a worker then fills Meilisearch, and the typeahead finds
// occupations by Dutch label and synonym.
func TestLoadIndexAndFind(t *testing.T) {
	db := testkit.DB(t)
	sc := testkit.Search(t)
	ctx := testkit.Context(t)

	workers := river.NewWorkers()
	river.AddWorker(workers, &search.ReindexWorker{Client: sc, Sources: map[string]search.Source{
		occupation.IndexName: occupation.Source{DB: db.Gorm},
	}})
	q, err := jobs.New(db, jobs.Options{Workers: workers, Work: true, Logger: testkit.Logger()})
	if err != nil {
		t.Fatal(err)
	}

	n, err := occupation.Load(ctx, db.Gorm, q)
	if err != nil || n != 3039 {
		t.Fatalf("load: n=%d err=%v", n, err)
	}
	n, err = occupation.Load(ctx, db.Gorm, q)
	if err != nil || n != 0 {
		t.Fatalf("second load must be a no-op: n=%d err=%v", n, err)
	}
	var queued int64
	db.Gorm.Raw(`SELECT count(*) FROM river_job WHERE kind = 'search_reindex'`).Scan(&queued)
	if queued != 1 {
		t.Fatalf("want exactly one queued reindex, got %d", queued)
	}
	var withGroup int64
	db.Gorm.Raw(`SELECT count(*) FROM occupations o JOIN isco_groups g ON g.code = o.isco_group`).Scan(&withGroup)
	if withGroup != 3039 {
		t.Fatalf("every occupation has its ISCO unit group: %d", withGroup)
	}

	if err := q.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = q.Stop(context.Background()) })
	waitForDocuments(t, sc, 3039)

	app := newApp(t, sc)
	// A typo finds the occupation; its unit group adds the generic near match.
	items := find(t, app, "/api/v1/occupations?q=orderpikker&limit=5", http.StatusOK)
	if len(items) < 2 || items[0].Label != "orderpicker" || items[0].Match != "direct" {
		t.Fatalf("orderpikker: %+v", items)
	}
	if !hasNear(items, "magazijnmedewerker") {
		t.Fatalf("orderpikker: magazijnmedewerker should follow as a near match: %+v", items)
	}
	if items := find(t, app, "/api/v1/occupations?q=kok&limit=5", http.StatusOK); items[0].Label != "kok" {
		t.Fatalf("kok first: %+v", items)
	}
	// While typing, no near matches; generic titles before specialised ones.
	items = find(t, app, "/api/v1/occupations?q=magazijn&limit=5", http.StatusOK)
	generic, specialised := -1, -1
	for i, it := range items {
		if it.Match != "direct" {
			t.Fatalf("a prefix gets no near matches: %+v", items)
		}
		if it.Label == "magazijnmedewerker" {
			generic = i
		} else if strings.HasPrefix(it.Label, "magazijnmedewerker ") && specialised < 0 {
			specialised = i
		}
	}
	if generic < 0 || (specialised >= 0 && specialised < generic) {
		t.Fatalf("magazijnmedewerker before its specialisations: %+v", items)
	}
	if len(items[0].ISCOGroup) != 4 || items[0].ISCOLabel == "" {
		t.Fatalf("occupations carry their ISCO unit group: %+v", items[0])
	}
	// Everyday titles (data/titles.csv) find the occupation ESCO files
	// them under, first: words ESCO lacks, and words ESCO gives to an
	// unrelated occupation as well or that other labels merely contain.
	for q, want := range map[string]string{
		"afwasser":             "medewerker keuken",
		"pakketbezorger":       "auto- en bestelwagenkoerier",
		"barmedewerker":        "barman/barvrouw",
		"agrarisch medewerker": "tuinbouwmedewerker",
		"tuinman":              "hovenier",
		"programmeur":          "software ontwikkelaar",
	} {
		items := find(t, app, "/api/v1/occupations?q="+url.QueryEscape(q)+"&limit=5", http.StatusOK)
		if len(items) == 0 || items[0].Label != want {
			t.Errorf("%s: want %s first, got %+v", q, want, items)
		}
	}
	// A title that names several occupations shows them before the
	// specialised labels that contain the word.
	items = find(t, app, "/api/v1/occupations?q=chauffeur&limit=4", http.StatusOK)
	for _, it := range items {
		if !slices.Contains([]string{"vrachtwagenchauffeur", "buschauffeur", "taxichauffeur", "auto- en bestelwagenkoerier"}, it.Label) {
			t.Errorf("chauffeur: the common driving jobs first, got %+v", items)
			break
		}
	}
	if items := find(t, app, "/api/v1/occupations?q=kok", http.StatusOK); len(items) == 0 || len(items) > 10 {
		t.Fatalf("kok: default limit 10, got %d", len(items))
	}
	for _, bad := range []string{"?limit=0", "?limit=51", "?limit=veel", "?q=" + strings.Repeat("a", 101), "?zoek=kok"} {
		find(t, app, "/api/v1/occupations"+bad, http.StatusBadRequest)
	}
}

// With Meilisearch unreachable the typeahead answers 503 problem+json.
func TestFindWhenSearchIsDown(t *testing.T) {
	down := search.New(search.Options{URL: "http://127.0.0.1:1", MasterKey: "x", Prefix: "p_"})
	app := newApp(t, down)
	find(t, app, "/api/v1/occupations?q=kok", http.StatusServiceUnavailable)
}

func hasNear(items []item, label string) bool {
	for _, it := range items {
		if it.Label == label && it.Match == "near" {
			return true
		}
	}
	return false
}

type item struct {
	Match     string `json:"match"`
	ID        string `json:"id"`
	Label     string `json:"label"`
	ISCOGroup string `json:"iscoGroup"`
	ISCOLabel string `json:"iscoLabel"`
}

func newApp(t *testing.T, sc *search.Client) *httpapi.Server {
	cfg, err := config.LoadFrom(nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httpapi.New(httpapi.Deps{Config: cfg, Logger: testkit.Logger()})
	occupation.Register(srv.API, &occupation.Service{Search: sc})
	srv.Finish()
	return srv
}

func find(t *testing.T, srv *httpapi.Server, path string, want int) []item {
	t.Helper()
	resp, err := srv.App.Test(httptest.NewRequest(http.MethodGet, path, nil), -1)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		t.Fatalf("GET %s: %d, want %d: %s", path, resp.StatusCode, want, body)
	}
	if want != http.StatusOK {
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, httpapi.ProblemContentType) {
			t.Fatalf("GET %s: content type %q", path, ct)
		}
		return nil
	}
	var out struct {
		Items []item `json:"items"`
	}
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatal(err)
	}
	return out.Items
}

func waitForDocuments(t *testing.T, sc *search.Client, n int64) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		st, err := testkit.Meili(t).Index(sc.UID(occupation.IndexName)).GetStatsWithContext(context.Background(), nil)
		if err == nil && st.NumberOfDocuments == n && !st.IsIndexing {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("the occupations index did not reach %d documents within 60 s", n)
}

// BenchmarkFind is the typeahead's server time (two Meilisearch queries:
// the search and the unit group's near matches) over all 3,039 occupations.
func BenchmarkFind(b *testing.B) {
	db := testkit.DB(b)
	sc := testkit.Search(b)
	ctx := testkit.Context(b)
	q, err := jobs.New(db, jobs.Options{Logger: testkit.Logger()})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := occupation.Load(ctx, db.Gorm, q); err != nil {
		b.Fatal(err)
	}
	if _, err := sc.Reindex(ctx, occupation.Source{DB: db.Gorm}); err != nil {
		b.Fatal(err)
	}
	svc := &occupation.Service{Search: sc}
	queries := []string{"orderpikker", "kok", "magazijn", "schoonmaker", "heftruckchauffeur", "verzorgende", "kassa"}
	i := 0
	for b.Loop() {
		if _, err := svc.Find(ctx, queries[i%len(queries)], 10); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
