package matching

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/platform/geo"
)

// accepts reads the rings as Meilisearch reads their filter: is a
// candidate in area pc4 travelling km (0: not given) within reach?
func accepts(rings []travelRing) func(pc4 string, km int) bool {
	named := make([]map[string]bool, len(rings))
	for i, r := range rings {
		named[i] = map[string]bool{}
		for _, n := range r.Areas {
			named[i][fmt.Sprintf("%04d", n)] = true
		}
	}
	return func(pc4 string, km int) bool {
		for i, r := range rings {
			if ((r.MinKm > 0 && km >= r.MinKm) || (r.Unknown && km == 0)) && (r.All || named[i][pc4]) {
				return true
			}
		}
		return false
	}
}

// The rings say exactly what the rule says, for every area of a region,
// every travel distance and radii from below the smallest bucket to beyond
// the region; each area is named at most once.
func TestTravelRingsFollowTheRule(t *testing.T) {
	lat, lon := 52.0907, 5.1214 // Utrecht 3511
	regions := map[string][]string{
		"60 km around Utrecht": geo.Within(lat, lon, 60),
		"within 12 km":         geo.Within(lat, lon, 12),
	}
	for name, list := range regions {
		set := newAreaSet(list)
		for _, radius := range []int{3, 10, 22, 25, 50, 200} {
			rings := travelRings(lat, lon, radius, &set)
			named := map[int]bool{}
			for _, r := range rings {
				for _, n := range r.Areas {
					if named[n] {
						t.Fatalf("%s, %d km: area %d named twice", name, radius, n)
					}
					named[n] = true
				}
			}
			accepted := accepts(rings)
			// Every area of the region, a few outside it, and each distance.
			areas := append(slices.Clone(list), "9711", "1011")
			within := map[int]map[string]bool{}
			for _, km := range append(slices.Clone(travelBuckets), unknownTravelKm, radius) {
				within[km] = map[string]bool{}
				for _, a := range geo.Within(lat, lon, float64(km)) {
					within[km][a] = true
				}
			}
			for _, a := range areas {
				for km := 0; km <= 150; km++ {
					got := accepted(a, km) && set.areas[a]
					want := set.areas[a] && rule(within, radius, a, km)
					if got != want {
						t.Fatalf("%s, radius %d km: area %s, travelling %d km: accepted %v, the rule says %v", name, radius, a, km, got, want)
					}
				}
			}
		}
	}
}

// rule is the rule itself, given the areas within each distance: a
// candidate travelling km counts as the largest bucket ≤ km and reaches the
// areas within that many km and within the radius; one without a distance
// (km 0) reaches unknownTravelKm, if the radius allows it.
func rule(within map[int]map[string]bool, radius int, pc4 string, km int) bool {
	if km == 0 {
		return unknownTravelKm <= radius && within[unknownTravelKm][pc4]
	}
	bucket := 0
	for _, b := range travelBuckets {
		if b <= km {
			bucket = b
		}
	}
	return bucket > 0 && within[min(bucket, radius)][pc4]
}

// The filter names only the region's areas, by number, each list after its
// condition on the travel distance; a reach that holds every area of the
// region needs no list, and a region out of reach matches nobody.
func TestBuildTravelFilter(t *testing.T) {
	lat, lon := 52.0907, 5.1214 // Utrecht 3511
	set := newAreaSet([]string{"3511", "3512", "3811"})
	f := buildTravelFilter(lat, lon, 200, &set)
	if !strings.Contains(f, "(maxTravelKm >= 20 AND pc4Number EXISTS)") || strings.Contains(f, "maxTravelKm >= 25") {
		t.Errorf("from 20 km every area is reached (3811 lies just within 20 km): one clause without a list: %s", f)
	}
	if !strings.Contains(f, "((maxTravelKm >= 5 OR maxTravelKm = 0) AND pc4Number IN [3511, 3512])") {
		t.Errorf("the nearby areas, reached from 5 km and by candidates without a distance, as one list: %s", f)
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
	small := buildTravelFilter(lat, lon, 10, &set)
	if strings.Contains(small, "3811") {
		t.Errorf("10 km: 3811 is beyond the radius: %s", small)
	}
	if geo.DistanceKm(lat, lon, 52.156, 5.387) < 15 {
		t.Fatal("test data: 3811 lies ~20 km away")
	}
}
