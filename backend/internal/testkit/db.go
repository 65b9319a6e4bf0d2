package testkit

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/migrations"
)

var (
	templateOnce sync.Once
	templateName string
	templateErr  error
)

// DB returns a fresh database with every migration applied, dropped when the
// test ends. Tests may run in parallel: each has its own database.
func DB(t testing.TB) *database.DB {
	t.Helper()
	adminURL := requireEnv(t, "DATABASE_URL")
	templateOnce.Do(func() { templateName, templateErr = ensureTemplate(context.Background(), adminURL) })
	if templateErr != nil {
		t.Fatalf("prepare template database: %v\n"+startHint, templateErr, "DATABASE_URL")
	}
	return cloneDB(t, adminURL, templateName, 10)
}

// cloneDB creates a database from template on the server at adminURL and
// opens it with at most maxConns connections; it is dropped when t ends.
func cloneDB(t testing.TB, adminURL, template string, maxConns int32) *database.DB {
	t.Helper()
	ctx := context.Background()
	name := "werkhaven_t_" + randomSuffix()
	admin, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		t.Fatalf("PostgreSQL is not reachable at %s: %v\n"+startHint, redactURL(adminURL), err, "DATABASE_URL")
	}
	defer admin.Close(ctx)
	if err := createFromTemplate(ctx, admin, name, template); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	db, err := database.Open(ctx, withDatabase(adminURL, name), database.Options{MaxConns: maxConns})
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() {
		db.Close()
		c, err := pgx.Connect(context.Background(), adminURL)
		if err != nil {
			return
		}
		defer c.Close(context.Background())
		_, _ = c.Exec(context.Background(), "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
	})
	return db
}

// URL returns the connection URL of db's database, for code under test that
// opens its own connections (the CLI).
func URL(t testing.TB, db *database.DB) string {
	t.Helper()
	return withDatabase(requireEnv(t, "DATABASE_URL"), db.Pool.Config().ConnConfig.Database)
}

// ensureTemplate creates, once per schema version, a migrated database that
// test databases are cloned from. Its name carries a hash of the migrations,
// so a changed migration gets a new template; an advisory lock keeps
// parallel test binaries from building it twice.
func ensureTemplate(ctx context.Context, adminURL string) (string, error) {
	hash, err := schemaHash()
	if err != nil {
		return "", err
	}
	name := "werkhaven_tmpl_" + hash
	admin, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return "", fmt.Errorf("PostgreSQL is not reachable at %s: %w", redactURL(adminURL), err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "SELECT pg_advisory_lock(hashtext('werkhaven-test-template'))"); err != nil {
		return "", err
	}
	defer admin.Exec(context.Background(), "SELECT pg_advisory_unlock(hashtext('werkhaven-test-template'))") //nolint:errcheck
	var exists bool
	if err := admin.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return "", err
	}
	if exists {
		return name, nil
	}
	building := name + "_build"
	_, _ = admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{building}.Sanitize()+" WITH (FORCE)")
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{building}.Sanitize()); err != nil {
		return "", err
	}
	db, err := database.Open(ctx, withDatabase(adminURL, building), database.Options{MaxConns: 4})
	if err != nil {
		return "", err
	}
	err = database.Migrate(ctx, db, discardLogger())
	db.Close()
	if err != nil {
		return "", err
	}
	// Publish atomically: other processes see the template only when complete.
	if _, err := admin.Exec(ctx, "ALTER DATABASE "+pgx.Identifier{building}.Sanitize()+" RENAME TO "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", err
	}
	// Note when this template was built, and drop templates of other schemas
	// built more than a day ago. Younger ones may belong to another checkout
	// testing right now on the same server (a clean clone next to the
	// working tree): dropping those would fail its tests.
	_, _ = admin.Exec(ctx, "COMMENT ON DATABASE "+pgx.Identifier{name}.Sanitize()+" IS '"+strconv.FormatInt(time.Now().Unix(), 10)+"'")
	rows, err := admin.Query(ctx, `SELECT d.datname, coalesce(shobj_description(d.oid, 'pg_database'), '') FROM pg_database d
		WHERE d.datname LIKE 'werkhaven\_tmpl\_%' AND d.datname <> $1 AND d.datname NOT LIKE '%\_build'`, name)
	if err == nil {
		type tmpl struct {
			Name, Built string
		}
		old, _ := pgx.CollectRows(rows, func(r pgx.CollectableRow) (tmpl, error) {
			var t tmpl
			err := r.Scan(&t.Name, &t.Built)
			return t, err
		})
		for _, o := range old {
			built, err := strconv.ParseInt(o.Built, 10, 64)
			if err != nil {
				// Built before templates were dated: start its day now.
				_, _ = admin.Exec(ctx, "COMMENT ON DATABASE "+pgx.Identifier{o.Name}.Sanitize()+" IS '"+strconv.FormatInt(time.Now().Unix(), 10)+"'")
				continue
			}
			if time.Since(time.Unix(built, 0)) > 24*time.Hour {
				_, _ = admin.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{o.Name}.Sanitize()+" WITH (FORCE)")
			}
		}
	}
	return name, nil
}

func createFromTemplate(ctx context.Context, admin *pgx.Conn, name, template string) error {
	var err error
	for attempt := 0; attempt < 20; attempt++ {
		_, err = admin.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+" TEMPLATE "+pgx.Identifier{template}.Sanitize())
		// Another process cloning at the same moment briefly "uses" the
		// template (SQLSTATE 55006); wait and try again.
		if err == nil || !strings.Contains(err.Error(), "55006") {
			return err
		}
		time.Sleep(time.Duration(50+attempt*25) * time.Millisecond)
	}
	return err
}

func schemaHash() (string, error) {
	h := sha256.New()
	err := fs.WalkDir(migrations.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(migrations.FS, path)
		if err != nil {
			return err
		}
		h.Write([]byte(path))
		h.Write(b)
		return nil
	})
	if err != nil {
		return "", err
	}
	m, err := rivermigrate.New(riverpgxv5.New(nil), nil)
	if err != nil {
		return "", err
	}
	for _, v := range m.AllVersions() {
		fmt.Fprintf(h, "river:%d:%s", v.Version, v.SQLUp)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

func withDatabase(rawURL, name string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return rawURL
	}
	u.Path = "/" + name
	return u.String()
}

func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable DATABASE_URL)"
	}
	return u.Redacted()
}
