package testkit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
)

// Fault tests restart, stop and freeze their servers. They do that to
// servers of their own — a PostgreSQL cluster initialised into a temporary
// folder and a Meilisearch with a data folder of its own, each on a free
// loopback port — so no other test package notices, and it works where the
// machine's PostgreSQL may not be restarted. Both stop when the test ends.
// A missing binary fails the test, saying how to install it.

// Postgres is a private PostgreSQL server of one test.
type Postgres struct {
	t       testing.TB
	bin     string
	dir     string // the cluster
	logFile string
	Port    int
	// AdminURL reaches the server's postgres database as superuser.
	AdminURL string

	once     sync.Once
	template string
	err      error
}

// PostgresBinDir is the newest /usr/lib/postgresql/<version>/bin (the
// Debian layout scripts/stack.sh uses), or PG_BINDIR.
func PostgresBinDir() string {
	if d := os.Getenv("PG_BINDIR"); d != "" {
		return d
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return pgVersion(dirs[i]) < pgVersion(dirs[j]) })
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "initdb")); err == nil {
			return dirs[i]
		}
	}
	return ""
}

func pgVersion(bindir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(bindir)))
	return v
}

// StartPostgres initialises a cluster in a temporary folder and starts it
// on a free port (fsync off: the tests stop it cleanly or not at all).
func StartPostgres(t testing.TB) *Postgres {
	t.Helper()
	bin := PostgresBinDir()
	if bin == "" {
		t.Fatal("fault tests start a PostgreSQL server of their own, but no PostgreSQL binaries were found under /usr/lib/postgresql/*/bin: " +
			"install them (Debian: apt-get install postgresql) or set PG_BINDIR to the folder holding initdb, pg_ctl and postgres")
	}
	dir, err := os.MkdirTemp("", "werkhaven-pg-")
	if err != nil {
		t.Fatal(err)
	}
	p := &Postgres{t: t, bin: bin, dir: filepath.Join(dir, "data"), logFile: filepath.Join(dir, "postgres.log"), Port: FreePort(t)}
	p.AdminURL = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", p.Port)
	t.Cleanup(func() {
		_ = p.pgctl("stop", "-m", "immediate", "-w", "-t", "30")
		_ = os.RemoveAll(dir)
	})
	if err := chownToPostgres(dir); err != nil {
		t.Fatal(err)
	}
	if out, err := p.asPostgres(filepath.Join(bin, "initdb"), "-D", p.dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync").CombinedOutput(); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	p.Start()
	return p
}

// asPostgres runs a PostgreSQL binary; as root (which initdb and postgres
// refuse) it runs as the postgres user, like scripts/stack.sh.
func (p *Postgres) asPostgres(name string, args ...string) *exec.Cmd {
	if os.Geteuid() == 0 {
		return exec.Command("runuser", append([]string{"-u", "postgres", "--", name}, args...)...)
	}
	return exec.Command(name, args...)
}

func chownToPostgres(dir string) error {
	if os.Geteuid() != 0 {
		return nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return fmt.Errorf("running as root, the private PostgreSQL runs as user postgres, which does not exist (useradd --system postgres): %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return os.Chown(dir, uid, gid)
}

func (p *Postgres) pgctl(args ...string) error {
	out, err := p.asPostgres(filepath.Join(p.bin, "pg_ctl"), append([]string{"-D", p.dir}, args...)...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("pg_ctl %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return nil
}

// Start starts the (stopped) server on its port and waits until it accepts
// connections.
func (p *Postgres) Start() {
	p.t.Helper()
	opts := fmt.Sprintf("-p %d -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c max_connections=200", p.Port)
	if err := p.pgctl("start", "-w", "-t", "30", "-l", p.logFile, "-o", opts); err != nil {
		log, _ := os.ReadFile(p.logFile)
		p.t.Fatalf("%v\n%s", err, log)
	}
}

// Stop stops the server: mode "fast" (roll back open transactions and
// disconnect, as a failover does) or "immediate" (a crash).
func (p *Postgres) Stop(mode string) {
	p.t.Helper()
	if err := p.pgctl("stop", "-m", mode, "-w", "-t", "30"); err != nil {
		p.t.Fatal(err)
	}
}

// DB is a migrated database on this server (cloned from a template built on
// it once), dropped when t ends.
func (p *Postgres) DB(t testing.TB, maxConns int32) *database.DB {
	t.Helper()
	p.once.Do(func() { p.template, p.err = ensureTemplate(context.Background(), p.AdminURL) })
	if p.err != nil {
		t.Fatalf("migrate the private PostgreSQL: %v", p.err)
	}
	return cloneDB(t, p.AdminURL, p.template, maxConns)
}

// URL is the connection URL of db on this server.
func (p *Postgres) URL(db *database.DB) string {
	return withDatabase(p.AdminURL, db.Pool.Config().ConnConfig.Database)
}

// MeiliServer is a private Meilisearch server of one test.
type MeiliServer struct {
	t         testing.TB
	cmd       *exec.Cmd
	URL       string
	MasterKey string
	frozen    bool
}

// MeiliBinary is the Meilisearch 1.21 binary scripts/install-meilisearch.sh
// installs: MEILI_BIN, else .tools/meilisearch/meilisearch, else meilisearch
// on PATH.
func MeiliBinary() string {
	if b := os.Getenv("MEILI_BIN"); b != "" && isExecutable(b) {
		return b
	}
	if b := filepath.Join(RepoRoot(), ".tools", "meilisearch", "meilisearch"); isExecutable(b) {
		return b
	}
	if b, err := exec.LookPath("meilisearch"); err == nil {
		return b
	}
	return ""
}

func isExecutable(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir() && st.Mode()&0o111 != 0
}

// StartMeili starts Meilisearch with a data folder of its own on a free
// port and waits until it is healthy.
func StartMeili(t testing.TB) *MeiliServer {
	t.Helper()
	bin := MeiliBinary()
	if bin == "" {
		t.Fatal("fault tests start a Meilisearch server of their own, but there is no Meilisearch binary: install it with " +
			"scripts/install-meilisearch.sh (`make stack` does), or set MEILI_BIN to a Meilisearch 1.21 binary")
	}
	dir := t.TempDir()
	key := make([]byte, 24)
	_, _ = rand.Read(key)
	port := FreePort(t)
	m := &MeiliServer{t: t, URL: fmt.Sprintf("http://127.0.0.1:%d", port), MasterKey: hex.EncodeToString(key)}
	log, err := os.Create(filepath.Join(dir, "meili.log"))
	if err != nil {
		t.Fatal(err)
	}
	m.cmd = exec.Command(bin, "--http-addr", fmt.Sprintf("127.0.0.1:%d", port), "--master-key", m.MasterKey, "--env", "development",
		"--no-analytics", "--db-path", filepath.Join(dir, "data.ms"), "--dump-dir", filepath.Join(dir, "dumps"),
		"--snapshot-dir", filepath.Join(dir, "snapshots"), "--max-indexing-threads", "1",
		"--max-indexing-memory", "1GiB") // as the stack's (scripts/lib.sh, docs/operations.md)
	m.cmd.Stdout, m.cmd.Stderr = log, log
	if err := m.cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	t.Cleanup(func() {
		if m.frozen {
			_ = m.cmd.Process.Signal(syscall.SIGCONT)
		}
		_ = m.cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { _ = m.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = m.cmd.Process.Kill()
			<-done
		}
		log.Close()
	})
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(m.URL + "/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return m
			}
		}
		if time.Now().After(deadline) {
			out, _ := os.ReadFile(log.Name())
			t.Fatalf("Meilisearch did not become healthy at %s: %v\n%s", m.URL, err, out)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Freeze stops the process (SIGSTOP): connections are accepted by the
// kernel, nothing answers — a hung server, not a dead one. It returns once
// every thread of the process is stopped: the signal only asks, and on a
// busy machine a thread that is running may still answer a request sent
// right after it (a flaky "a frozen Meilisearch answered" in CI).
func (m *MeiliServer) Freeze() {
	m.t.Helper()
	if err := m.cmd.Process.Signal(syscall.SIGSTOP); err != nil {
		m.t.Fatal(err)
	}
	m.frozen = true
	deadline := time.Now().Add(5 * time.Second)
	for !allStopped(m.cmd.Process.Pid) {
		if time.Now().After(deadline) {
			m.t.Fatalf("Meilisearch (pid %d) did not stop within 5 s of SIGSTOP", m.cmd.Process.Pid)
		}
		time.Sleep(time.Millisecond)
	}
}

// allStopped says whether every thread of process pid is stopped (state
// T or t in /proc/pid/task/*/stat).
func allStopped(pid int) bool {
	stats, err := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/stat", pid))
	if err != nil || len(stats) == 0 {
		return false
	}
	for _, f := range stats {
		b, err := os.ReadFile(f)
		if err != nil {
			return false
		}
		// The state follows the command name, which is in brackets and may hold spaces.
		i := strings.LastIndexByte(string(b), ')')
		if i < 0 || i+2 >= len(b) || (b[i+2] != 'T' && b[i+2] != 't') {
			return false
		}
	}
	return true
}

// Thaw lets a frozen process run on (SIGCONT).
func (m *MeiliServer) Thaw() {
	m.t.Helper()
	if err := m.cmd.Process.Signal(syscall.SIGCONT); err != nil {
		m.t.Fatal(err)
	}
	m.frozen = false
}

// Search is a client of the app's scoped key under prefix, created with the
// master key as `werkhaven migrate` does.
func (m *MeiliServer) Search(t testing.TB, prefix string) *search.Client {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := search.New(search.Options{URL: m.URL, MasterKey: m.MasterKey, Prefix: prefix}).EnsureKey(ctx); err != nil {
		t.Fatalf("create the app key in the private Meilisearch: %v", err)
	}
	return search.New(search.Options{URL: m.URL, APIKey: search.AppKey(m.MasterKey, prefix), Prefix: prefix})
}

// FreePort is a loopback TCP port nothing listens on, chosen by the kernel.
func FreePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}
