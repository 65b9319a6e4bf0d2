package faults_test

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// R2: PostgreSQL restarted (fast shutdown, start) while 200 booking
// requests run. Every booking answered 2xx exists exactly once with its
// events, notification and mail; every other request got a clean 503
// databaseUnavailable (never a 500, never a half-written booking) and
// succeeded when retried; the server answers again within 5 s of the
// database's start, without a restart of its own.
func TestDatabaseRestart(t *testing.T) {
	pg := testkit.StartPostgres(t)
	f := apptest.NewWith(t, apptest.Options{DB: pg.DB(t, 20)})
	coaching := f.Service(coachingJSON)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	base := listen(t, f)
	var okMu sync.Mutex
	var answered []time.Time // when each 201 arrived
	firstAfter := func(t0 time.Time) time.Time {
		okMu.Lock()
		defer okMu.Unlock()
		first := t0.Add(time.Hour)
		for _, at := range answered {
			if at.After(t0) && at.Before(first) {
				first = at
			}
		}
		return first
	}
	book := func(note string) (int, string, string) {
		body := fmt.Sprintf(`{"serviceId":%q,"quantity":4,"note":%q}`, coaching, note)
		req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/bookings", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-CSRF-Token", wg.CSRF)
		req.Header.Set("X-Forwarded-For", wg.IP)
		for k, v := range wg.Cookies {
			req.AddCookie(&http.Cookie{Name: k, Value: v})
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, "", err.Error()
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		var out struct{ ID, Code string }
		_ = json.Unmarshal(raw, &out)
		if resp.StatusCode == http.StatusCreated {
			okMu.Lock()
			answered = append(answered, time.Now())
			okMu.Unlock()
			return resp.StatusCode, out.ID, ""
		}
		return resp.StatusCode, "", out.Code + " " + string(raw)
	}
	// What one booking writes: its events, notifications and mails (each
	// with its send job, checked below).
	type footprint struct{ Events, Notices, Mails int64 }
	count := func() footprint {
		return footprint{f.Count(`SELECT count(*) FROM booking_events`), f.Count(`SELECT count(*) FROM notifications WHERE link LIKE '/boekingen/%'`),
			f.Count(`SELECT count(*) FROM mail_outbox`)}
	}
	before := count()
	if status, _, problem := book("r2-voor"); status != http.StatusCreated {
		t.Fatalf("a booking before the restart: %d %s", status, problem)
	}
	after := count()
	one := footprint{after.Events - before.Events, after.Notices - before.Notices, after.Mails - before.Mails}
	if one.Events == 0 || one.Notices == 0 || one.Mails == 0 {
		t.Fatalf("one booking wrote %+v", one)
	}

	const n = 200
	type result struct {
		first, final int // status of the first attempt and of the last
		id           string
		tries        int
		problems     []string
	}
	results := make([]result, n)
	var wait sync.WaitGroup
	start := time.Now()
	for i := range n {
		wait.Add(1)
		go func() {
			defer wait.Done()
			// Spread over 2 s, around the restart below.
			time.Sleep(time.Duration(rand.IntN(2000)) * time.Millisecond)
			r := &results[i]
			for r.tries < 20 {
				r.tries++
				status, id, problem := book(fmt.Sprintf("r2-%d", i))
				if r.first == 0 {
					r.first = status
				}
				r.final, r.id = status, id
				if status != http.StatusServiceUnavailable {
					if status != http.StatusCreated {
						r.problems = append(r.problems, fmt.Sprintf("%d %s", status, problem))
					}
					return
				}
				if !strings.HasPrefix(problem, "databaseUnavailable ") {
					r.problems = append(r.problems, "503 "+problem)
				}
				time.Sleep(500 * time.Millisecond)
			}
		}()
	}
	time.Sleep(700 * time.Millisecond)
	pg.Stop("fast")
	stopped := time.Now()
	time.Sleep(time.Second)
	pg.Start()
	started := time.Now()
	// The server serves again: the first booking after the start (the
	// retries of the requests above, or this one) is answered.
	if status, _, problem := book("r2-terug"); status != http.StatusCreated {
		t.Errorf("a booking after the database's start: %d %s", status, problem)
	}
	wait.Wait()
	back := firstAfter(started).Sub(started)
	if back > 5*time.Second {
		t.Errorf("the first booking after the database's start took until %v after it; want within 5 s", back)
	}

	var created, unavailable, retried, other int
	for i, r := range results {
		if r.first == http.StatusCreated {
			created++
		}
		if r.first == http.StatusServiceUnavailable {
			unavailable++
			if r.final == http.StatusCreated {
				retried++
			}
		}
		if r.final != http.StatusCreated || len(r.problems) > 0 {
			other++
			t.Errorf("request %d: first %d, last %d after %d tries: %v", i, r.first, r.final, r.tries, r.problems)
		}
		var rows []struct{ ID string }
		apptest.Must(t, f.DB.Gorm.Raw(`SELECT id::text FROM bookings WHERE note = ?`, fmt.Sprintf("r2-%d", i)).Scan(&rows).Error)
		if r.final == http.StatusCreated && (len(rows) != 1 || rows[0].ID != r.id) {
			t.Errorf("request %d answered 201 with booking %s; Postgres holds %v", i, r.id, rows)
		}
	}
	bookings := f.Count(`SELECT count(*) FROM bookings`)
	end := count()
	want := footprint{before.Events + one.Events*bookings, before.Notices + one.Notices*bookings, before.Mails + one.Mails*bookings}
	if end != want {
		t.Errorf("%d bookings wrote %+v; want %+v (one booking: %+v)", bookings, end, want, one)
	}
	// Every mail has its one send job.
	if odd := f.Count(`SELECT count(*) FROM mail_outbox m WHERE (SELECT count(*) FROM river_job j WHERE j.kind = 'mail_send' AND j.args->>'outboxId' = m.id::text) <> 1`); odd != 0 {
		t.Errorf("%d mails without exactly one mail_send job", odd)
	}
	// Every booking has its own events: no booking without them, none with more.
	if odd := f.Count(`SELECT count(*) FROM bookings b WHERE (SELECT count(*) FROM booking_events e WHERE e.booking_id = b.id) <> ?`, one.Events); odd != 0 {
		t.Errorf("%d bookings without exactly %d events", odd, one.Events)
	}
	if lost := int64(n+2) - bookings; lost != 0 || other != 0 {
		t.Errorf("lost %d bookings; %d requests without a clean answer", lost, other)
	}
	t.Logf("R2: %d booking requests over 2 s; PostgreSQL stopped (fast) at +%v for 1 s; first answers: %d × 201, %d × 503 databaseUnavailable, %d other; "+
		"%d of the 503s booked on retry; %d bookings in Postgres for %d × 201 (lost 0, duplicates 0); first 201 %v after the database's start",
		n, stopped.Sub(start).Round(10*time.Millisecond), created, unavailable, n-created-unavailable, retried, bookings, n+2, back.Round(10*time.Millisecond))
}

// listen serves f's HTTP API on a loopback port until the test ends and
// returns its base URL.
func listen(t *testing.T, f *apptest.Fixture) string { return serveOn(t, f.HTTP) }
