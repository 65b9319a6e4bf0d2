package candidate_test

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// The rebuild (Documents: one scan on a pgx connection, handed on in
// batches) and the live sync (Load: GORM) build the same document for
// every candidate, empty and missing fields included; the rebuild reads
// each indexable candidate once, and no one else.
func TestRebuildAndSyncBuildTheSameDocuments(t *testing.T) {
	db := testkit.DB(t)
	ctx := testkit.Context(t)
	g := db.Gorm
	testkit.SeedCandidates(t, db, 300)
	for _, q := range []string{
		// What the seed does not make: no place, hours, rung, start date, languages, occupations or needs…
		`UPDATE candidates SET pc4 = NULL, lat = NULL, lon = NULL, max_travel_km = NULL, hours_min = NULL, hours_max = NULL, rung = NULL,
			available_from = NULL, languages = '[]', occupations = '{}', support_needs = '{}', consent = true WHERE id IN (SELECT id FROM candidates ORDER BY id LIMIT 20)`,
		// …several languages and flags…
		`UPDATE candidates SET languages = '[{"code":"ar","level":"B1"},{"code":"nl","level":"A2"}]', driving_licence = true, own_transport = true,
			doelgroepregister = true, praktijkroute = true, lks_indicatie = true, status = 'in_process', consent = true
			WHERE id IN (SELECT id FROM candidates ORDER BY id DESC LIMIT 20)`,
		// …and candidates who must not be read: erased, or without consent.
		`UPDATE candidates SET status = 'erased', erased_at = now() WHERE id IN (SELECT id FROM candidates ORDER BY id OFFSET 100 LIMIT 5)`,
		`UPDATE candidates SET consent = false WHERE id IN (SELECT id FROM candidates ORDER BY id OFFSET 110 LIMIT 5)`,
	} {
		if err := g.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	var want []string
	if err := g.Raw(`SELECT id::text FROM candidates WHERE consent AND status <> 'erased' ORDER BY id`).Scan(&want).Error; err != nil {
		t.Fatal(err)
	}
	src := candidate.Source{DB: g}
	var got []candidate.Document
	batches := 0
	if err := src.Documents(ctx, 7, func(docs []any) error {
		batches++
		for _, d := range docs {
			got = append(got, d.(candidate.Document))
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(got))
	for i, d := range got {
		ids[i] = d.ID
	}
	sorted := slices.Sorted(slices.Values(ids))
	if !slices.Equal(sorted, want) {
		t.Fatalf("the rebuild read %d candidates (%d different), want the %d indexable ones once each", len(ids), len(slices.Compact(sorted)), len(want))
	}
	if wantBatches := (len(want) + 6) / 7; batches != wantBatches {
		t.Errorf("%d batches of at most 7, want %d", batches, wantBatches)
	}
	loaded, err := src.Load(ctx, g, ids)
	if err != nil {
		t.Fatal(err)
	}
	empty, several := 0, 0
	for _, d := range got {
		if !reflect.DeepEqual(any(d), loaded[d.ID]) {
			t.Errorf("candidate %s:\n rebuild %+v\n sync    %+v", d.ID, d, loaded[d.ID])
		}
		if d.PC4 == "" && d.Rung == 0 && len(d.Occupations) == 0 {
			empty++
		}
		if len(d.LanguageCodes) == 2 && d.LKSIndicatie {
			several++
		}
	}
	if empty != 20 || several != 20 {
		t.Errorf("compared %d documents without place, rung or occupations and %d with two languages and every flag, want 20 and 20", empty, several)
	}

	// A rebuild that stops half-way (Meilisearch refused a batch) returns
	// that error, and the connection it read on goes back to a usable pool.
	stop := errors.New("refused")
	n := 0
	err = src.Documents(ctx, 7, func([]any) error {
		if n++; n == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 2 {
		t.Fatalf("stopped rebuild: %v after %d batches, want %v after 2", err, n, stop)
	}
	for range 5 {
		var count int
		if err := g.Raw(`SELECT count(*) FROM candidates`).Row().Scan(&count); err != nil || count != 300 {
			t.Fatalf("after a stopped rebuild: %d candidates, %v", count, err)
		}
	}
}
