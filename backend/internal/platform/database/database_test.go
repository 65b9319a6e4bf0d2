package database_test

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// Migrating an already migrated database changes nothing and fails nothing.
func TestMigrateIsIdempotent(t *testing.T) {
	db := testkit.DB(t)
	ctx := testkit.Context(t)
	if err := database.Migrate(ctx, db, testkit.Logger()); err != nil {
		t.Fatalf("second migrate: %v", err)
	}
	var tables []string
	if err := db.Gorm.Raw(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`).Scan(&tables).Error; err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"regions": false, "occupations": false, "isco_groups": false, "river_job": false, "goose_db_version": false}
	for _, tb := range tables {
		if _, ok := want[tb]; ok {
			want[tb] = true
		}
	}
	for tb, found := range want {
		if !found {
			t.Errorf("table %s missing after migrate (have %v)", tb, tables)
		}
	}
}

// Constraints live in the database, not only in Go.
func TestRegionConstraints(t *testing.T) {
	db := testkit.DB(t)
	if err := db.Gorm.Exec(`INSERT INTO regions (slug, name) VALUES ('holland-rijnland', 'Holland Rijnland')`).Error; err != nil {
		t.Fatal(err)
	}
	err := db.Gorm.Exec(`INSERT INTO regions (slug, name) VALUES ('holland-rijnland', 'Dubbel')`).Error
	if !database.IsCode(err, database.CodeUniqueViolation) {
		t.Fatalf("duplicate slug: want unique violation, got %v", err)
	}
	err = db.Gorm.Exec(`INSERT INTO regions (slug, name) VALUES ('Bad Slug!', 'Fout')`).Error
	if !database.IsCode(err, database.CodeCheckViolation) {
		t.Fatalf("bad slug: want check violation, got %v", err)
	}
}

// IsDown tells a database that went away from a query that failed.
func TestIsDown(t *testing.T) {
	down := []error{
		&pgconn.PgError{Code: "57P01"}, // terminating connection due to administrator command
		&pgconn.PgError{Code: "57P03"}, // the database system is starting up
		&pgconn.PgError{Code: "08006"}, // connection failure
		fmt.Errorf("store booking: %w", io.ErrUnexpectedEOF),
		&net.OpError{Op: "dial", Err: syscall.ECONNREFUSED},
		driver.ErrBadConn,
	}
	for _, err := range down {
		if !database.IsDown(err) {
			t.Errorf("IsDown(%v) = false", err)
		}
	}
	for _, err := range []error{nil, &pgconn.PgError{Code: "23505"}, &pgconn.PgError{Code: "40001"}, errors.New("no rows")} {
		if database.IsDown(err) {
			t.Errorf("IsDown(%v) = true", err)
		}
	}
}
