package geo

import (
	"bytes"
	"encoding/csv"
	"errors"
	"math"
	"slices"
	"strconv"
	"testing"
)

func TestParsePostcode(t *testing.T) {
	tests := []struct {
		in, norm, pc4 string
		err           error
	}{
		{"3511 AB", "3511 AB", "3511", nil},
		{"3511ab", "3511 AB", "3511", nil},
		{" 1011AC ", "1011 AC", "1011", nil},
		{"3511", "3511", "3511", nil},
		{"0123 AB", "", "", ErrInvalidPostcode},
		{"35111 AB", "", "", ErrInvalidPostcode},
		{"3511 A", "", "", ErrInvalidPostcode},
		{"3511 SS", "", "", ErrInvalidPostcode},
		{"", "", "", ErrInvalidPostcode},
	}
	for _, tt := range tests {
		norm, pc4, err := ParsePostcode(tt.in)
		if norm != tt.norm || pc4 != tt.pc4 || !errors.Is(err, tt.err) {
			t.Errorf("%q: got %q %q %v, want %q %q %v", tt.in, norm, pc4, err, tt.norm, tt.pc4, tt.err)
		}
	}
}

func TestGeocode(t *testing.T) {
	p, err := Geocode("1011 AB")
	if err != nil || p.Name != "Amsterdam" || math.Abs(p.Lat-52.371) > 0.001 || math.Abs(p.Lon-4.9041) > 0.001 {
		t.Fatalf("1011: %+v %v", p, err)
	}
	if _, err := Geocode("1009 ZZ"); !errors.Is(err, ErrUnknownPostcode) {
		// PC4 1009 is not in the GeoNames table.
		t.Fatalf("1009: want ErrUnknownPostcode, got %v", err)
	}
}

func TestDistanceAndWithin(t *testing.T) {
	ams, _ := Lookup("1011")
	utr, _ := Geocode("3511")
	d := DistanceKm(ams.Lat, ams.Lon, utr.Lat, utr.Lon)
	if d < 33 || d > 38 {
		t.Fatalf("Amsterdam–Utrecht centroid distance %.1f km, want ~35", d)
	}
	near := Within(utr.Lat, utr.Lon, 10)
	if !slices.Contains(near, "3511") || slices.Contains(near, "1011") || !slices.IsSorted(near) {
		t.Fatalf("within 10 km of Utrecht: %v", near)
	}
	wide := Within(utr.Lat, utr.Lon, 40)
	if !slices.Contains(wide, "1011") || len(wide) <= len(near) {
		t.Fatal("the 40 km set includes Amsterdam and more areas")
	}
}

// The bounding-box shortcut never drops an area the circle contains.
func TestWithinMatchesBruteForce(t *testing.T) {
	loadOnce.Do(load)
	for _, centre := range []string{"1011", "3511", "9711", "6211", "4381"} {
		c, _ := Lookup(centre)
		for _, km := range []float64{5, 15, 25, 50} {
			var want []string
			for _, p := range ordered {
				if DistanceKm(c.Lat, c.Lon, p.Lat, p.Lon) <= km {
					want = append(want, p.PC4)
				}
			}
			if got := Within(c.Lat, c.Lon, km); !slices.Equal(got, want) {
				t.Errorf("%s %v km: %d areas, brute force %d", centre, km, len(got), len(want))
			}
		}
	}
}

// BenchmarkWithin25km is the cost of turning a 25 km radius into PC4 codes
// for one pool query.
func BenchmarkWithin25km(b *testing.B) {
	p, _ := Lookup("3511")
	for b.Loop() {
		_ = Within(p.Lat, p.Lon, 25)
	}
}

// rawRows are the bundled table's rows by area, before review.
func rawRows(t *testing.T) map[string][][3]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(pc4CSV)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][][3]string{}
	for _, r := range recs[1:] {
		out[r[0]] = append(out[r[0]], [3]string{r[1], r[2], r[3]})
	}
	return out
}

func coords(t *testing.T, r [3]string) (float64, float64) {
	lat, err1 := strconv.ParseFloat(r[1], 64)
	lon, err2 := strconv.ParseFloat(r[2], 64)
	if err1 != nil || err2 != nil {
		t.Fatalf("row %v", r)
	}
	return lat, lon
}

// Every area whose rows lie more than 5 km apart is in pc4_reviewed.csv,
// and every place the review names is a row of that area.
func TestEveryDisagreementIsReviewed(t *testing.T) {
	rows := rawRows(t)
	keep, err := reviewed()
	if err != nil {
		t.Fatal(err)
	}
	for pc4, rs := range rows {
		spread := 0.0
		for i := range rs {
			for j := i + 1; j < len(rs); j++ {
				la1, lo1 := coords(t, rs[i])
				la2, lo2 := coords(t, rs[j])
				spread = math.Max(spread, DistanceKm(la1, lo1, la2, lo2))
			}
		}
		if _, ok := keep[pc4]; spread > 5 && !ok {
			t.Errorf("%s: rows %v lie %.1f km apart; review it in pc4_reviewed.csv", pc4, rs, spread)
		}
	}
	for pc4, places := range keep {
		for name := range places {
			if !slices.ContainsFunc(rows[pc4], func(r [3]string) bool { return r[0] == name }) {
				t.Errorf("%s: pc4_reviewed.csv keeps %q, which is not a row of that area", pc4, name)
			}
		}
	}
}

// No area lies implausibly far from the areas numbered next to it (at most
// 30 km from their centre: Schiermonnikoog, 28 km, is the farthest).
// 8461 was computed between Rottum and Epe, 35 km from both.
func TestAreasLieNearTheirNeighbours(t *testing.T) {
	loadOnce.Do(load)
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	for pc4, p := range places {
		n, _ := strconv.Atoi(pc4)
		var lat, lon float64
		var k int
		for step := 1; step <= 5 && k < 4; step++ {
			for _, q := range []int{n - step, n + step} {
				if nb, ok := places[strconv.Itoa(q)]; ok {
					lat, lon, k = lat+nb.Lat, lon+nb.Lon, k+1
				}
			}
		}
		if k == 0 {
			continue
		}
		if d := DistanceKm(p.Lat, p.Lon, lat/float64(k), lon/float64(k)); d > 30 {
			t.Errorf("%s (%s) lies %.0f km from its neighbouring areas", pc4, p.Name, d)
		}
	}
	rottum, err := Lookup("8461")
	if err != nil {
		t.Fatal(err)
	}
	if d := DistanceKm(rottum.Lat, rottum.Lon, 52.9357, 5.8953); d > 3 || rottum.Name != "Rottum" {
		t.Errorf("8461 is %s, %.1f km from Rottum", rottum.Name, d)
	}
}
