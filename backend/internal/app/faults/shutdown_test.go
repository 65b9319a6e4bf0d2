package faults_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/app"
	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/platform/config"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// Graceful shutdown: serve is told to stop (its context ends, as SIGTERM
// ends it in cmd/werkhaven) while 50 booking requests are on their way and
// their mail jobs run. Every request gets its 201 or is refused before the
// server read it (nothing written); none is cut off half-way; Serve returns
// without error and leaves no job running; the next start sends every
// booking's mail once.
func TestGracefulShutdown(t *testing.T) {
	db := testkit.DB(t)
	ctx := testkit.Context(t)
	_, err := seed.Demo(ctx, db.Gorm)
	apptest.Must(t, err)
	inbox := testkit.SMTP(t)
	port := testkit.FreePort(t)
	cfg, err := config.LoadFrom([]string{"SMTP_URL=" + inbox.URL, "BASE_URL=https://werkhaven.test", "PROXY_HEADER=X-Forwarded-For",
		"LISTEN_ADDR=127.0.0.1:" + strconv.Itoa(port), "SHUTDOWN_TIMEOUT=10s", "READ_LIMIT_PER_MINUTE=0", "WEB_DIR="})
	apptest.Must(t, err)
	sc := testkit.Search(t)
	start := func() (*app.App, context.CancelFunc, chan error) {
		// One context for the process, as cmd/werkhaven's signal context.
		serveCtx, term := context.WithCancel(ctx)
		a, err := app.New(serveCtx, cfg, app.Options{DB: db, Search: sc, Stripe: testkit.Stripe(t), Logger: testkit.Logger(), Work: true, NoSchedule: true})
		apptest.Must(t, err)
		done := make(chan error, 1)
		go func() { done <- a.Serve(serveCtx, app.ServeOptions{Web: true, Mode: "all"}) }()
		return a, term, done
	}
	_, term, done := start()
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("serve did not listen within 60 s")
		}
	}
	admin := &client{t: t, ip: "203.0.113.1", cookies: map[string]string{}}
	if status, raw := admin.signIn(base, apptest.AdminA, seed.DemoPassword); status != http.StatusCreated {
		t.Fatalf("sign in: %d %s", status, raw)
	}
	status, raw := admin.do(base, http.MethodPost, "/api/v1/services", coachingJSON)
	if status != http.StatusCreated {
		t.Fatalf("service: %d %s", status, raw)
	}
	coaching := field(raw, "id")
	wg := &client{t: t, ip: "203.0.113.2", cookies: map[string]string{}}
	wg.signIn(base, apptest.WerkgeverA, seed.DemoPassword)

	// 50 requests, each on a connection of its own; the stop comes as the
	// first answer arrives, with the others on their way.
	const n = 50
	fresh := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	type outcome struct {
		status int
		id     string
		err    error
	}
	outcomes := make([]outcome, n)
	first := make(chan struct{})
	var once sync.Once
	var wait sync.WaitGroup
	for i := range n {
		wait.Add(1)
		go func() {
			defer wait.Done()
			req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/bookings", strings.NewReader(fmt.Sprintf(`{"serviceId":%q,"quantity":4,"note":"gs-%d"}`, coaching, i)))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("X-CSRF-Token", wg.csrf)
			req.Header.Set("X-Forwarded-For", wg.ip)
			for k, v := range wg.cookies {
				req.AddCookie(&http.Cookie{Name: k, Value: v})
			}
			resp, err := fresh.Do(req)
			if err != nil {
				outcomes[i].err = err
				once.Do(func() { close(first) })
				return
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			outcomes[i] = outcome{status: resp.StatusCode, id: field(body, "id"), err: err}
			once.Do(func() { close(first) })
		}()
	}
	<-first
	term()
	stopped := time.Now()
	wait.Wait()
	if err := <-done; err != nil {
		t.Errorf("serve returned %v", err)
	}
	took := time.Since(stopped)
	running := count(t, db.Gorm, `SELECT count(*) FROM river_job WHERE state = 'running'`)

	var created, refused int
	for i, o := range outcomes {
		var ids []string
		apptest.Must(t, db.Gorm.Raw(`SELECT id::text FROM bookings WHERE note = ?`, fmt.Sprintf("gs-%d", i)).Scan(&ids).Error)
		switch {
		case o.err == nil && o.status == http.StatusCreated && len(ids) == 1 && ids[0] == o.id:
			created++
		case o.err != nil && isRefused(o.err) && len(ids) == 0:
			refused++
		default:
			t.Errorf("request %d: %d %v; bookings %v", i, o.status, o.err, ids)
		}
	}
	if running != 0 {
		t.Errorf("%d jobs left running after serve returned", running)
	}
	// The next start sends every booking's mail, once.
	_, term, done = start()
	defer func() { term(); <-done }()
	bookings := count(t, db.Gorm, `SELECT count(*) FROM bookings`)
	for deadline := time.Now().Add(30 * time.Second); int64(inbox.Count(apptest.AmA)) < bookings; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d mails to the accountmanager for %d bookings after the restart", inbox.Count(apptest.AmA), bookings)
		}
	}
	time.Sleep(500 * time.Millisecond)
	if got := inbox.Count(apptest.AmA); int64(got) != bookings {
		t.Errorf("%d mails for %d bookings", got, bookings)
		var jobs []struct {
			State   string
			Attempt int
			Errors  string
		}
		db.Gorm.Raw(`SELECT state, attempt, coalesce(errors::text, '') AS errors FROM river_job WHERE kind = 'mail_send' AND attempt <> 1`).Scan(&jobs)
		t.Logf("jobs %+v", jobs)
		for range got {
			m := inbox.Next(t, apptest.AmA, time.Second)
			i := strings.Index(m.Data, "boekingen/")
			t.Logf("mail %s", m.Data[i:i+50])
		}
	}
	t.Logf("graceful shutdown: %d requests in flight at the stop: %d × 201 (each booked once), %d refused before being read (nothing written), %d other; "+
		"serve stopped in %v with 0 jobs running; after the next start %d mails for %d bookings", n, created, refused, n-created-refused,
		took.Round(10*time.Millisecond), inbox.Count(apptest.AmA), bookings)
}

func count(t *testing.T, db *gorm.DB, sql string) int64 {
	t.Helper()
	var n int64
	apptest.Must(t, db.Raw(sql).Row().Scan(&n))
	return n
}

// isRefused: the connection was refused, so the server never read the request.
func isRefused(err error) bool {
	return err != nil && strings.Contains(err.Error(), "connection refused")
}
