package testkit

import (
	"context"
	"net/http"
	"testing"
	"time"
)

// The private servers do what fault tests ask of them: PostgreSQL keeps a
// committed row across a fast restart on the same port, and a frozen
// Meilisearch accepts a connection but answers nothing until thawed.
func TestPrivateServers(t *testing.T) {
	t.Parallel()
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		pg := StartPostgres(t)
		db := pg.DB(t, 4)
		ctx := Context(t)
		if err := db.Gorm.Exec(`INSERT INTO regions (slug, name) VALUES ('r', 'Regio R')`).Error; err != nil {
			t.Fatal(err)
		}
		pg.Stop("fast")
		if err := db.Pool.Ping(ctx); err == nil {
			t.Fatal("the stopped server still answers")
		}
		pg.Start()
		var n int
		if err := db.Pool.QueryRow(ctx, `SELECT count(*) FROM regions WHERE slug = 'r'`).Scan(&n); err != nil || n != 1 {
			t.Fatalf("after the restart: %d rows, %v", n, err)
		}
	})
	t.Run("meilisearch", func(t *testing.T) {
		t.Parallel()
		m := StartMeili(t)
		if err := m.Search(t, "t_").Health(Context(t)); err != nil {
			t.Fatal(err)
		}
		m.Freeze()
		ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, m.URL+"/health", nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			t.Fatal("a frozen Meilisearch answered")
		}
		m.Thaw()
		if err := m.Search(t, "t_").Health(Context(t)); err != nil {
			t.Fatalf("after thawing: %v", err)
		}
	})
}
