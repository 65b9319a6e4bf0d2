package faults_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/config"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// freezeFor is how long R10 keeps Meilisearch stopped.
const freezeFor = 30 * time.Second

// R10: Meilisearch frozen (SIGSTOP) for 30 s. Pool requests fail fast
// (within 2 s) with 503 searchUnavailable; bookings, invites, sign-in, the
// openings list and candidate changes keep working; after SIGCONT the
// index catches up with Postgres within 10 s, nothing missing.
func TestSearchFrozen(t *testing.T) {
	meili := testkit.StartMeili(t)
	cfg, err := config.LoadFrom(nil)
	apptest.Must(t, err)
	const prefix = "r10_"
	meili.Search(t, prefix) // the app key, made with the master key as migrate does
	sc := search.New(search.Options{URL: meili.URL, APIKey: search.AppKey(meili.MasterKey, prefix), Prefix: prefix, QueryTimeout: cfg.MeiliQueryTimeout})
	f := apptest.NewWith(t, apptest.Options{Search: sc})
	f.BootstrapCandidates()
	for i := 0; i < 5; i++ {
		f.Inviteable(fmt.Sprintf("Kandidaat Voor %d", i))
	}
	openingID := f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	outboxEmpty := func() bool { return f.Count(`SELECT count(*) FROM search_outbox`) == 0 }
	// A Meilisearch just started on a busy machine may take a while over
	// its first tasks; the 10 s bound is for the catch-up only.
	for deadline := time.Now().Add(90 * time.Second); !outboxEmpty(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the index did not take the first candidates within 90 s")
		}
	}
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	var pool apptest.Pool
	wg.Call("GET", "/api/v1/openings/"+openingID+"/pool", "", http.StatusOK, &pool)
	if pool.Total == 0 {
		t.Fatal("the pool is empty before the freeze")
	}
	coaching := f.Service(coachingJSON)
	km := f.Browser().SignIn(apptest.KmA)

	meili.Freeze()
	frozenAt := time.Now()
	var pools, slowest time.Duration
	var poolCount, bookings, invites, signIns, lists, changes int
	for time.Since(frozenAt) < freezeFor {
		start := time.Now()
		resp, body := wg.Do("GET", "/api/v1/openings/"+openingID+"/pool", "")
		took := time.Since(start)
		pools += took
		poolCount++
		slowest = max(slowest, took)
		var p apptest.Problem
		_ = json.Unmarshal(body, &p)
		if resp.StatusCode != http.StatusServiceUnavailable || p.Code != "searchUnavailable" {
			t.Fatalf("pool while search is frozen: %d %s", resp.StatusCode, body)
		}
		if took > 2*time.Second {
			t.Errorf("pool took %v to fail while search is frozen; want at most 2 s", took)
		}
		// A new candidate with consent (two changes to the index) …
		var c struct{ ID string }
		km.Call("POST", "/api/v1/candidates", f.CandidateJSON(fmt.Sprintf("Kandidaat Tijdens %d", poolCount), fmt.Sprintf("tijdens%d@example.org", apptest.Uniq())), http.StatusCreated, &c)
		km.Call("POST", "/api/v1/candidates/"+c.ID+"/consents", `{"given":true,"method":"klantmanager_gesprek"}`, http.StatusCreated, nil)
		changes += 2
		// … invited by the werkgever,
		wg.Invite(openingID, http.StatusCreated, c.ID)
		invites++
		// a booking, a sign-in and the openings list.
		wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":4}`, coaching), http.StatusCreated, nil)
		bookings++
		f.Browser().SignIn(apptest.AmA)
		signIns++
		wg.Call("GET", "/api/v1/openings", "", http.StatusOK, nil)
		lists++
	}
	meili.Thaw()
	thawedAt := time.Now()
	catchUp := waitIndexEqualsPostgres(t, f, meili, 10*time.Second)
	t.Logf("R10: frozen %v; %d pool requests, all 503 searchUnavailable (mean %v, slowest %v); meanwhile %d bookings, %d invites, %d sign-ins, %d openings lists, %d candidate changes, all 2xx; index equal to Postgres (lost 0) %v after SIGCONT",
		thawedAt.Sub(frozenAt).Round(time.Second), poolCount, (pools / time.Duration(poolCount)).Round(time.Millisecond), slowest.Round(time.Millisecond),
		bookings, invites, signIns, lists, changes, catchUp.Round(10*time.Millisecond))
	wg.Call("GET", "/api/v1/openings/"+openingID+"/pool", "", http.StatusOK, &pool)
}

// waitIndexEqualsPostgres waits until the candidates index holds exactly the
// consenting, not erased candidates of Postgres with their current hours,
// rung and status, and the outbox is empty; it returns how long that took
// and fails the test after within.
func waitIndexEqualsPostgres(t *testing.T, f *apptest.Fixture, meili *testkit.MeiliServer, within time.Duration) time.Duration {
	t.Helper()
	type doc struct {
		ID                       string
		HoursMin, HoursMax, Rung int
		Status                   string
	}
	start := time.Now()
	master := meilisearch.New(meili.URL, meilisearch.WithCustomClient(search.NewHTTPClient()), meilisearch.WithAPIKey(meili.MasterKey))
	for {
		var rows []doc
		apptest.Must(t, f.DB.Gorm.Raw(`SELECT id, coalesce(hours_min, 0) AS hours_min, coalesce(hours_max, 0) AS hours_max, coalesce(rung, 0) AS rung, status
			FROM candidates WHERE consent AND status <> 'erased'`).Scan(&rows).Error)
		want := map[string]doc{}
		for _, r := range rows {
			want[r.ID] = r
		}
		var res meilisearch.DocumentsResult
		var docs []struct {
			ID       string `json:"id"`
			HoursMin int    `json:"hoursMin"`
			HoursMax int    `json:"hoursMax"`
			Rung     int    `json:"rung"`
			Status   string `json:"status"`
		}
		if err := master.Index(f.Search.UID(candidate.IndexName)).GetDocumentsWithContext(testkit.Context(t), &meilisearch.DocumentsQuery{Limit: 10000}, &res); err == nil {
			_ = res.Results.DecodeInto(&docs)
		}
		same := len(docs) == len(want) && f.Count(`SELECT count(*) FROM search_outbox`) == 0
		for _, d := range docs {
			if want[d.ID] != (doc{d.ID, d.HoursMin, d.HoursMax, d.Rung, d.Status}) {
				same = false
			}
		}
		if same {
			return time.Since(start)
		}
		if time.Since(start) > within {
			t.Fatalf("the index has %d documents after %v, Postgres %d consenting candidates (outbox rows %d)", len(docs), within, len(want),
				f.Count(`SELECT count(*) FROM search_outbox`))
		}
		time.Sleep(50 * time.Millisecond)
	}
}
