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
	areas := map[string]bool{"3511": true, "3512": true, "3811": true}
	f := buildTravelFilter(lat, lon, 200, areas)
	if !strings.Contains(f, "(maxTravelKm >= 20 AND pc4 EXISTS)") || strings.Contains(f, "maxTravelKm >= 25") {
		t.Errorf("buckets from 20 km hold every area (3811 lies just within 20 km) and merge into one: %s", f)
	}
	if !strings.Contains(f, `(maxTravelKm >= 5 AND maxTravelKm < 10 AND pc4 IN ["3511", "3512"])`) {
		t.Errorf("the 5 km bucket lists the nearby areas only: %s", f)
	}
	if strings.Contains(f, `"3584"`) {
		t.Errorf("an area outside the region is listed: %s", f)
	}
	full := buildTravelFilter(lat, lon, 200, nil)
	if len(full) < 50*len(f) || strings.Contains(full, "EXISTS") {
		t.Errorf("without a region every area is listed (%d bytes vs %d)", len(full), len(f))
	}
	if got := buildTravelFilter(lat, lon, 25, map[string]bool{"9711": true}); got != "(maxTravelKm = -1)" {
		t.Errorf("a region whose areas are all out of reach: %s", got)
	}
	// A radius smaller than the region: the widest bucket lists what lies within the radius.
	small := buildTravelFilter(lat, lon, 10, areas)
	if strings.Contains(small, `"3811"`) || !strings.Contains(small, "maxTravelKm >= 10 AND pc4 IN") {
		t.Errorf("10 km: %s", small)
	}
	if geo.DistanceKm(lat, lon, 52.156, 5.387) < 15 {
		t.Fatal("test data: 3811 lies ~20 km away")
	}
}
