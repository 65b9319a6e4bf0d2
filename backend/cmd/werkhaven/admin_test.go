package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// `werkhaven admin create-platform EMAIL` makes a platform administrator of
// no region and prints the one-time link where they choose a password; a
// second run for the same address fails without a link.
func TestAdminCreatePlatform(t *testing.T) {
	ctx := testkit.Context(t)
	db := testkit.DB(t)
	t.Setenv("APP_ENV", "development")
	t.Setenv("DATABASE_URL", testkit.URL(t, db))
	t.Setenv("BASE_URL", "https://werkhaven.example")
	var out, errOut bytes.Buffer
	if err := run(ctx, []string{"admin", "create-platform", "-name", "Pia Platform", "pia@werkhaven.example"}, &out, &errOut); err != nil {
		t.Fatalf("create-platform: %v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "https://werkhaven.example/uitnodiging#token=") {
		t.Fatalf("no sign-up link printed: %q", out.String())
	}
	var n int64
	if err := db.Gorm.Raw(`SELECT count(*) FROM users u JOIN auth_tokens t ON t.user_id = u.id AND t.purpose = 'invitation' AND t.used_at IS NULL
		WHERE u.email = 'pia@werkhaven.example' AND u.role = 'platform' AND u.region_id IS NULL AND u.display_name = 'Pia Platform'`).Row().Scan(&n); err != nil || n != 1 {
		t.Fatalf("the platform administrator and its link: %d %v", n, err)
	}
	out.Reset()
	if err := run(ctx, []string{"admin", "create-platform", "PIA@werkhaven.example"}, &out, &errOut); err == nil || !strings.Contains(err.Error(), "email") || out.Len() != 0 {
		t.Fatalf("a second administrator with the same address: %v %q", err, out.String())
	}
	for _, args := range [][]string{{"admin"}, {"admin", "create-region"}, {"admin", "create-platform"}, {"admin", "create-platform", "a@example.org", "b@example.org"}} {
		if err := run(ctx, args, &out, &errOut); err == nil {
			t.Errorf("%v: want a usage error", args)
		}
	}
}
