package httpapi

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

// The server's list of front-end routes is the app's: a page added to the
// router without it would answer 404.
func TestWebRoutesAreTheAppsRoutes(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "frontend", "src", "app", "App.tsx"))
	if err != nil {
		t.Fatal(err)
	}
	var app []string
	for _, m := range regexp.MustCompile(`path="([^"]+)"`).FindAllStringSubmatch(string(src), -1) {
		if m[1] != "*" {
			app = append(app, m[1])
		}
	}
	slices.Sort(app)
	server := slices.Sorted(slices.Values(webRoutes))
	if !slices.Equal(app, server) {
		t.Errorf("App.tsx routes %v\nwebRoutes      %v", app, server)
	}
	for _, c := range []struct {
		path string
		want bool
	}{{"/", true}, {"/vacatures/abc", true}, {"/vacatures/abc/", false}, {"/vacatures//kandidaten", false}, {"/vacaturesx", false}, {"/beheer/diensten/nieuw", true}} {
		if _, _, got := webRoute(c.path); got != c.want {
			t.Errorf("webRoute(%q) found = %v", c.path, got)
		}
	}
	// As the router picks: a fixed segment before a parameter.
	for path, want := range map[string]string{"/vacatures/nieuw": "/vacatures/nieuw", "/vacatures/x": "/vacatures/:id",
		"/beheer/diensten/nieuw": "/beheer/diensten/nieuw", "/kandidaten/nieuw": "/kandidaten/nieuw", "/kandidaten/k1": "/kandidaten/:id"} {
		if got, _, _ := webRoute(path); got != want {
			t.Errorf("webRoute(%q) = %q, want %q", path, got, want)
		}
	}
}
