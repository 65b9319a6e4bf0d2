package geo

import (
	"errors"
	"math"
	"slices"
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
