package faults_test

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// Graceful shutdown with a real signal: the werkhaven binary, built into
// the test's directory, runs `serve -mode all` on a PostgreSQL and a
// Meilisearch of the test's own and gets SIGTERM (as from systemd or
// Kubernetes) while 50 booking requests are on their way and their mail
// jobs run. Every request gets its 201 (the booking stored once) or a clean
// 503 or is refused before the server read it (nothing stored in either
// case); none is cut off half-way. The process exits 0 with no job left
// running; the next start sends every booking's mail, each job run at most
// twice (finished, or retried once).
func TestGracefulShutdown(t *testing.T) {
	pg := testkit.StartPostgres(t)
	meili := testkit.StartMeili(t)
	db := pg.DB(t, 20)
	ctx := testkit.Context(t)
	_, err := seed.Demo(ctx, db.Gorm)
	apptest.Must(t, err)
	inbox := testkit.SMTP(t)
	testkit.Stripe(t) // stripe-mock is up

	dir := t.TempDir()
	bin := filepath.Join(dir, "werkhaven")
	build := exec.Command("go", "build", "-o", bin, "./backend/cmd/werkhaven")
	build.Dir = testkit.RepoRoot()
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	port := testkit.FreePort(t)
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	env := []string{"PATH=" + os.Getenv("PATH"), "APP_ENV=development", "LOG_LEVEL=warn", "DATABASE_URL=" + pg.URL(db), "DATABASE_MAX_CONNS=20",
		"MEILI_URL=" + meili.URL, "MEILI_MASTER_KEY=" + meili.MasterKey, "SMTP_URL=" + inbox.URL,
		"STRIPE_API_BASE=" + testkit.Env("STRIPE_API_BASE"), "STRIPE_SECRET_KEY=" + testkit.Env("STRIPE_SECRET_KEY"),
		"BASE_URL=https://werkhaven.test", "PROXY_HEADER=X-Forwarded-For", "LISTEN_ADDR=127.0.0.1:" + strconv.Itoa(port),
		"SHUTDOWN_TIMEOUT=10s", "READ_LIMIT_PER_MINUTE=0", "WEB_DIR=" + dir}
	start := func(name string) (*exec.Cmd, chan error) {
		cmd := exec.Command(bin, "serve", "-mode", "all")
		cmd.Env = env
		logFile, err := os.Create(filepath.Join(dir, name+".log"))
		apptest.Must(t, err)
		cmd.Stdout, cmd.Stderr = logFile, logFile
		apptest.Must(t, cmd.Start())
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait(); logFile.Close() }()
		t.Cleanup(func() {
			if cmd.ProcessState == nil {
				_ = cmd.Process.Kill()
				<-exited
			}
			if t.Failed() {
				out, _ := os.ReadFile(logFile.Name())
				t.Logf("%s's log:\n%s", name, out)
			}
		})
		for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(50 * time.Millisecond) {
			if resp, err := http.Get(base + "/healthz"); err == nil {
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					return cmd, exited
				}
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s did not answer /healthz within 60 s", name)
			}
		}
	}
	cmd, exited := start("first serve")
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

	// 50 requests, each on a connection of its own; SIGTERM comes as the
	// first answer arrives, with the others on their way.
	const n = 50
	fresh := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	type outcome struct {
		status      int
		id, problem string
		err         error
	}
	outcomes := make([]outcome, n)
	first := make(chan struct{})
	var once sync.Once
	var wait sync.WaitGroup
	for i := range n {
		wait.Add(1)
		go func() {
			defer wait.Done()
			defer once.Do(func() { close(first) })
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
				return
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			outcomes[i] = outcome{status: resp.StatusCode, id: field(body, "id"), problem: resp.Header.Get("Content-Type") + " " + field(body, "code"), err: err}
		}()
	}
	<-first
	apptest.Must(t, cmd.Process.Signal(syscall.SIGTERM))
	stopped := time.Now()
	wait.Wait()
	if err := <-exited; err != nil {
		t.Errorf("serve exited with %v after SIGTERM, want 0", err)
	}
	took := time.Since(stopped)
	running := count(t, db.Gorm, `SELECT count(*) FROM river_job WHERE state = 'running'`)
	mailed := count(t, db.Gorm, `SELECT count(*) FROM river_job WHERE kind = 'mail_send' AND state = 'completed'`)

	var created, unavailable, refused int
	for i, o := range outcomes {
		var ids []string
		apptest.Must(t, db.Gorm.Raw(`SELECT id::text FROM bookings WHERE note = ?`, fmt.Sprintf("gs-%d", i)).Scan(&ids).Error)
		switch {
		case o.err == nil && o.status == http.StatusCreated && len(ids) == 1 && ids[0] == o.id:
			created++
		case o.err == nil && o.status == http.StatusServiceUnavailable && strings.HasPrefix(o.problem, "application/problem+json") && len(ids) == 0:
			unavailable++
		case o.err != nil && len(ids) == 0:
			refused++ // refused or closed before the server read it
		default:
			t.Errorf("request %d: %d %s %v; bookings %v", i, o.status, o.problem, o.err, ids)
		}
	}
	if running != 0 {
		t.Errorf("%d jobs left running after serve exited", running)
	}
	if half := count(t, db.Gorm, `SELECT count(*) FROM bookings b WHERE NOT EXISTS (SELECT 1 FROM booking_events e WHERE e.booking_id = b.id)`); half != 0 {
		t.Errorf("%d bookings without their events", half)
	}
	// The next start sends every booking's mail, once.
	cmd, exited = start("second serve")
	defer func() { _ = cmd.Process.Signal(syscall.SIGTERM); <-exited }()
	bookings := count(t, db.Gorm, `SELECT count(*) FROM bookings`)
	for deadline := time.Now().Add(30 * time.Second); int64(inbox.Count(apptest.AmA)) < bookings; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d mails to the accountmanager for %d bookings after the restart", inbox.Count(apptest.AmA), bookings)
		}
	}
	time.Sleep(500 * time.Millisecond)
	if got := inbox.Count(apptest.AmA); int64(got) != bookings {
		t.Errorf("%d mails for %d bookings", got, bookings)
	}
	retried := count(t, db.Gorm, `SELECT count(*) FROM river_job WHERE kind = 'mail_send' AND attempt = 2`)
	if more := count(t, db.Gorm, `SELECT count(*) FROM river_job WHERE kind = 'mail_send' AND attempt > 2`); more != 0 {
		t.Errorf("%d mail jobs ran more than twice", more)
	}
	t.Logf("graceful shutdown (SIGTERM to the werkhaven binary): %d requests in flight: %d × 201 (each booked once), %d × 503, %d refused before being read (nothing written), %d other; "+
		"the process exited 0 in %v with 0 jobs running and %d mail jobs done; after the next start %d mails for %d bookings, %d mail jobs retried once",
		n, created, unavailable, refused, n-created-unavailable-refused, took.Round(10*time.Millisecond), mailed, inbox.Count(apptest.AmA), bookings, retried)
}

func count(t *testing.T, db *gorm.DB, sql string) int64 {
	t.Helper()
	var n int64
	apptest.Must(t, db.Raw(sql).Row().Scan(&n))
	return n
}
