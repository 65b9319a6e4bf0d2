package database_test

import (
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
)

func TestCheckedColumn(t *testing.T) {
	for _, c := range []struct {
		err   error
		field string
		ok    bool
	}{
		{fmt.Errorf("save: %w", &pgconn.PgError{Code: "23514", TableName: "contact_moments", ConstraintName: "contact_moments_note_check"}), "note", true},
		{&pgconn.PgError{Code: "23514", TableName: "regions", ConstraintName: "regions_contact_email_check"}, "contactEmail", true},
		{&pgconn.PgError{Code: "23514", TableName: "services", ConstraintName: "services_vat_check"}, "vat", true},
		{&pgconn.PgError{Code: "23514", TableName: "users", ConstraintName: "users_platform_region"}, "", true},
		{&pgconn.PgError{Code: "23505", TableName: "users", ConstraintName: "users_email_key"}, "", false},
		{fmt.Errorf("plain"), "", false},
	} {
		field, ok := database.CheckedColumn(c.err)
		if field != c.field || ok != c.ok {
			t.Errorf("%v: %q %v, want %q %v", c.err, field, ok, c.field, c.ok)
		}
	}
}
