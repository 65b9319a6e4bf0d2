package identity_test

import (
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/werkhaven/werkhaven/backend/internal/identity"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

func TestCleanupRemovesOnlyDeadRows(t *testing.T) {
	db := testkit.DB(t)
	g := db.Gorm
	var region, user string
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(g.Raw(`INSERT INTO regions (slug, name) VALUES ('r', 'Regio') RETURNING id::text`).Row().Scan(&region))
	must(g.Raw(`INSERT INTO users (region_id, email, display_name, role) VALUES (?, 'a@example.org', 'A', 'admin') RETURNING id::text`, region).Row().Scan(&user))
	now := time.Now().UTC()
	must(g.Exec(`INSERT INTO sessions (id_hash, user_id, kind, created_at, last_seen_at, expires_at) VALUES
		('\x01', ?, 'password', ?, ?, ?), ('\x02', ?, 'password', ?, ?, ?), ('\x03', ?, 'password', ?, ?, ?)`,
		user, now, now, now.Add(time.Hour), // alive
		user, now.Add(-2*time.Hour), now.Add(-time.Hour), now.Add(time.Hour), // idle
		user, now.Add(-13*time.Hour), now, now.Add(-time.Minute), // expired
	).Error)
	must(g.Exec(`INSERT INTO sign_in_failures (key, failed_at) VALUES ('ip:x', ?), ('ip:x', ?)`, now, now.Add(-time.Hour)).Error)
	must(g.Exec(`INSERT INTO mail_requests (key, requested_at) VALUES ('ip:x', ?), ('ip:x', ?)`, now.Add(-59*time.Minute), now.Add(-61*time.Minute)).Error)
	must(g.Exec(`INSERT INTO audit_events (region_id, action) VALUES (?, 'test.kept')`, region).Error)

	w := &identity.CleanupWorker{DB: g}
	must(w.Work(testkit.Context(t), &river.Job[identity.CleanupArgs]{}))
	count := func(sql string) (n int64) { must(g.Raw(sql).Scan(&n).Error); return }
	if n := count(`SELECT count(*) FROM sessions`); n != 1 {
		t.Errorf("sessions left: %d, want the live one", n)
	}
	if n := count(`SELECT count(*) FROM sign_in_failures`); n != 1 {
		t.Errorf("failures left: %d, want the recent one", n)
	}
	if n := count(`SELECT count(*) FROM mail_requests`); n != 1 {
		t.Errorf("mail requests left: %d, want the one within the hour", n)
	}
	if n := count(`SELECT count(*) FROM audit_events`); n != 1 {
		t.Errorf("audit events are never cleaned up: %d", n)
	}
}
