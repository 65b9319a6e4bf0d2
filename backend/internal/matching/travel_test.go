package matching

import (
	"strings"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/platform/geo"
)

// The travel filter keeps only the region's areas and merges the buckets
// whose list would name all of them; without a region it names every area.
func TestBuildTravelFilter(t *testing.T) {
	lat, lon := 52.0907, 5.1214 // Utrecht 3511
	set := newAreaSet([]string{"3511", "3512", "3811"})
	areas := &set
	f := buildTravelFilter(lat, lon, 200, areas)
	if !strings.Contains(f, "(maxTravelKm >= 20 AND pc4Number EXISTS)") || strings.Contains(f, "maxTravelKm >= 25") {
		t.Errorf("buckets from 20 km hold every area (3811 lies just within 20 km) and merge into one: %s", f)
	}
	if !strings.Contains(f, `(maxTravelKm >= 5 AND maxTravelKm < 10 AND pc4Number 3511 TO 3512)`) {
		t.Errorf("the 5 km bucket holds the nearby areas only, as one run: %s", f)
	}
	if strings.Contains(f, "3584") {
		t.Errorf("an area outside the region is named: %s", f)
	}
	full := buildTravelFilter(lat, lon, 200, nil)
	if len(full) < 50*len(f) || strings.Contains(full, "EXISTS") {
		t.Errorf("without a region every area is listed (%d bytes vs %d)", len(full), len(f))
	}
	far := newAreaSet([]string{"9711"})
	if got := buildTravelFilter(lat, lon, 25, &far); got != "(maxTravelKm = -1)" {
		t.Errorf("a region whose areas are all out of reach: %s", got)
	}
	// A radius smaller than the region: the widest bucket lists what lies within the radius.
	small := buildTravelFilter(lat, lon, 10, areas)
	if strings.Contains(small, "3811") || !strings.Contains(small, "maxTravelKm >= 10 AND pc4Number 3511 TO 3512") {
		t.Errorf("10 km: %s", small)
	}
	if geo.DistanceKm(lat, lon, 52.156, 5.387) < 15 {
		t.Fatal("test data: 3811 lies ~20 km away")
	}
}

// Runs span the region's areas in number order and break where an area of
// the region is left out; numbers that are no area of the region are
// spanned (no candidate of the region lives there).
func TestAreaRuns(t *testing.T) {
	set := newAreaSet([]string{"1011", "1012", "1015", "1020", "1021", "3511"})
	got := set.runs(map[string]bool{"1011": true, "1012": true, "1015": true, "1021": true, "3511": true})
	want := "(pc4Number 1011 TO 1015 OR pc4Number 1021 TO 3511)" // 1020 breaks the run
	if got != want {
		t.Errorf("runs = %s, want %s", got, want)
	}
	if got := set.runs(map[string]bool{"1020": true}); got != "pc4Number = 1020" {
		t.Errorf("one area: %s", got)
	}
}
