package database

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
)

// Translate turns a store error into a domain error, naming what failed: no
// row, a foreign key to a missing (or another tenant's) row and a malformed
// uuid are apperr.ErrNotFound; a unique violation is apperr.ErrConflict.
func Translate(err error, what string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound):
		return fmt.Errorf("%s: %w", what, apperr.ErrNotFound)
	case IsCode(err, CodeUniqueViolation):
		return fmt.Errorf("%s: %w", what, apperr.ErrConflict)
	case IsCode(err, CodeForeignKey), IsCode(err, CodeInvalidText):
		return fmt.Errorf("%s: %w", what, apperr.ErrNotFound)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// NullIfEmpty stores an empty text as NULL: for optional text columns whose
// absence is NULL, not ”.
func NullIfEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// IsDown reports whether err means PostgreSQL could not be reached (no
// connection, or one that broke), as opposed to a query that failed. A
// restart or failover shows as each of these: refused or failed connects
// (ConnectError, also "the database system is starting up"), connections
// the server ended (SQLSTATE class 57P: admin or crash shutdown, cannot
// connect now; class 08: connection exception), and connections that broke
// mid-query (closed, reset, unexpected EOF).
func IsDown(err error) bool {
	var ce *pgconn.ConnectError
	var pe *pgconn.PgError
	var ne net.Error
	switch {
	case err == nil:
		return false
	case errors.As(err, &ce), errors.Is(err, driver.ErrBadConn), pgconn.SafeToRetry(err):
		return true
	case errors.As(err, &pe):
		return strings.HasPrefix(pe.Code, "57P") || strings.HasPrefix(pe.Code, "08")
	}
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.As(err, &ne)
}

// CheckedColumn reports the column whose CHECK constraint err is, in the
// JSON field's spelling (contact_email: contactEmail), when PostgreSQL names
// it as it does a column's own check (<table>_<column>_check); "" for a
// check over several columns. ok is false for any other error.
func CheckedColumn(err error) (field string, ok bool) {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != CodeCheckViolation {
		return "", false
	}
	col, found := strings.CutPrefix(pe.ConstraintName, pe.TableName+"_")
	col, suffixed := strings.CutSuffix(col, "_check")
	if !found || !suffixed || col == "" {
		return "", true
	}
	parts := strings.Split(col, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, ""), true
}
