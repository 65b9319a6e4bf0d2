package candidate_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/meilisearch/meilisearch-go"
	"github.com/riverqueue/river"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/identity"
	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/platform/jobs"
	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/skill"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// 500 profile updates while Meilisearch cannot be reached, then more while
// the index is rebuilt: afterwards every consenting candidate's document
// equals Postgres (hours, rung, status), nothing missing, nothing stale.
func TestIndexFollowsPostgres(t *testing.T) {
	db := testkit.DB(t)
	sc := testkit.Search(t)
	ctx := testkit.Context(t)
	g := db.Gorm
	skills, err := skill.Load()
	if err != nil {
		t.Fatal(err)
	}
	src := candidate.Source{DB: g}
	live := &search.SyncWorker{DB: g, Client: sc, Sources: map[string]search.Syncer{candidate.IndexName: src}}
	workers := river.NewWorkers()
	river.AddWorker(workers, live)
	river.AddWorker(workers, &search.ReindexWorker{Client: sc, Sync: live, Sources: map[string]search.Source{occupation.IndexName: occupation.Source{DB: g}}})
	river.AddWorker(workers, &mail.SendWorker{})
	q, err := jobs.New(db, jobs.Options{Workers: workers, Logger: testkit.Logger()}) // not working yet: "Meilisearch is down"
	if err != nil {
		t.Fatal(err)
	}
	if _, err := occupation.Load(ctx, g, q); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	var regionID, kmID string
	must(g.Raw(`INSERT INTO regions (slug, name) VALUES ('sync', 'Sync') RETURNING id::text`).Row().Scan(&regionID))
	must(g.Raw(`INSERT INTO users (region_id, email, display_name, role) VALUES (?, 'km@sync.test', 'KM', 'klantmanager') RETURNING id::text`, regionID).Row().Scan(&kmID))
	var occ string
	must(g.Raw(`SELECT id FROM occupations WHERE label = 'orderpicker'`).Row().Scan(&occ))
	svc := &candidate.Service{DB: g, Jobs: q, Skills: skills, Outbox: mail.NewOutbox(q, "test-secret-test-secret-test-secret"),
		Occupations: &occupation.Service{DB: g}, Accounts: &identity.Service{DB: g}}
	p := authz.Principal{UserID: kmID, RegionID: regionID, Role: authz.Klantmanager}
	pctx := authz.WithPrincipal(ctx, p)

	const n = 50
	ids := make([]string, n)
	for i := range ids {
		h := 10 + i%20
		c, err := svc.Create(pctx, p, candidate.Profile{Occupations: []string{occ}, Skills: []string{"haccp"}, PC4: "3511", HoursMin: &h, HoursMax: &h},
			candidate.Identity{Name: fmt.Sprintf("Kandidaat %d", i)}, "")
		must(err)
		ids[i] = c.ID
		if i%5 != 0 { // every fifth candidate never consents
			_, err = svc.SetConsent(pctx, p, c.ID, true, "klantmanager_gesprek", "", "")
			must(err)
		}
	}
	update := func() {
		id := ids[rand.IntN(n)]
		h, rung := 1+rand.IntN(40), 1+rand.IntN(6)
		hmax := h + rand.IntN(10)
		status := []candidate.Status{candidate.Available, candidate.InProcess, candidate.Paused}[rand.IntN(3)]
		_, err := svc.UpdateProfile(pctx, p, id, candidate.Profile{Occupations: []string{occ}, Skills: []string{"haccp"}, PC4: "3511",
			HoursMin: &h, HoursMax: &hmax, Rung: &rung}, status, "")
		if err != nil {
			t.Error(err)
		}
	}
	parallel := func(count int) {
		var wg sync.WaitGroup
		for w := 0; w < 5; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < count/5; i++ {
					update()
				}
			}()
		}
		wg.Wait()
	}

	// 500 updates while nothing can reach Meilisearch.
	parallel(500)
	dead := &search.SyncWorker{DB: g, Client: search.New(search.Options{URL: "http://127.0.0.1:1", MasterKey: "x", Prefix: "x_"}), Sources: live.Sources}
	short, cancel := context.WithTimeout(ctx, 3*time.Second)
	if _, err := dead.Drain(short, src); err == nil {
		t.Fatal("a drain against an unreachable Meilisearch must fail")
	}
	cancel()

	// Meilisearch is back: the workers run; updates continue through a rebuild.
	must(sc.Bootstrap(ctx, candidate.Index))
	q2, err := jobs.New(db, jobs.Options{Workers: workers, Work: true, Logger: testkit.Logger()})
	must(err)
	must(q2.Start(ctx))
	t.Cleanup(func() { _ = q2.Stop(context.Background()) })
	done := make(chan struct{})
	go func() { defer close(done); parallel(200) }()
	if _, err := live.Rebuild(ctx, src, nil); err != nil {
		t.Fatal(err)
	}
	<-done

	type want struct {
		HoursMin, HoursMax, Rung int
		Status                   string
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		expected := map[string]want{}
		var rows []struct {
			ID                       string
			HoursMin, HoursMax, Rung *int
			Status                   string
		}
		must(g.Raw(`SELECT id, hours_min, hours_max, rung, status FROM candidates WHERE consent AND status <> 'erased'`).Scan(&rows).Error)
		for _, r := range rows {
			w := want{Status: r.Status}
			if r.HoursMin != nil {
				w.HoursMin, w.HoursMax = *r.HoursMin, *r.HoursMax
			}
			if r.Rung != nil {
				w.Rung = *r.Rung
			}
			expected[r.ID] = w
		}
		var res meilisearch.DocumentsResult
		var docs []struct {
			ID       string `json:"id"`
			HoursMin int    `json:"hoursMin"`
			HoursMax int    `json:"hoursMax"`
			Rung     int    `json:"rung"`
			Status   string `json:"status"`
		}
		if err := testkit.Meili(t).Index(sc.UID(candidate.IndexName)).GetDocumentsWithContext(ctx, &meilisearch.DocumentsQuery{Limit: 1000}, &res); err == nil {
			_ = res.Results.DecodeInto(&docs)
		}
		same := len(docs) == len(expected)
		for _, d := range docs {
			if e, ok := expected[d.ID]; !ok || e != (want{d.HoursMin, d.HoursMax, d.Rung, d.Status}) {
				same = false
			}
		}
		if same {
			t.Logf("index equals Postgres: %d consenting candidates after 700 updates", len(docs))
			return
		}
		if time.Now().After(deadline) {
			for _, d := range docs {
				if e := expected[d.ID]; e != (want{d.HoursMin, d.HoursMax, d.Rung, d.Status}) {
					var left int64
					g.Raw(`SELECT count(*) FROM search_outbox`).Scan(&left)
					t.Logf("%s: indexed %+v, Postgres %+v (outbox rows %d)", d.ID, d, e, left)
					break
				}
			}
			t.Fatalf("index differs from Postgres: %d documents, %d expected", len(docs), len(expected))
		}
		time.Sleep(100 * time.Millisecond)
	}
}
