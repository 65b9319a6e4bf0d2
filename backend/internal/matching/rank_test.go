package matching

import (
	"strings"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
)

// The rule's order: band, then wishes held, then fresh before stale, then
// earliest available, then most recently confirmed.
func TestSortByRule(t *testing.T) {
	r := rankRule{acceptable: map[string]occupation.Strength{"own": occupation.Exact, "fam": occupation.Close, "isco": occupation.Related},
		hoursMin: 24, staleCut: 1000, wishes: []string{"haccp", "klantgericht"}}
	cs := []ranked{
		{ID: "other", Occupations: []string{"x"}, HoursMax: 40, ConfirmedAt: 5000, Skills: []string{"haccp", "klantgericht"}},
		{ID: "short-exact", Occupations: []string{"own"}, HoursMax: 12, ConfirmedAt: 5000},
		{ID: "related-one-wish", Occupations: []string{"isco"}, HoursMax: 32, ConfirmedAt: 2000, Skills: []string{"klantgericht"}},
		{ID: "family-no-wish", Occupations: []string{"fam"}, HoursMax: 32, ConfirmedAt: 4000},
		{ID: "exact-stale-two-wishes", Occupations: []string{"own"}, HoursMax: 32, ConfirmedAt: 900, Skills: []string{"haccp", "klantgericht"}},
		{ID: "exact-fresh-later", Occupations: []string{"own"}, HoursMax: 32, ConfirmedAt: 3000, AvailableFrom: 50},
		{ID: "exact-fresh-now", Occupations: []string{"own"}, HoursMax: 32, ConfirmedAt: 2000},
		{ID: "related-one-wish-stale", Occupations: []string{"fam"}, HoursMax: 32, ConfirmedAt: 500, Skills: []string{"haccp"}},
	}
	r.sortByRule(cs)
	var got []string
	for _, c := range cs {
		got = append(got, c.ID)
	}
	want := "exact-fresh-now exact-fresh-later exact-stale-two-wishes related-one-wish related-one-wish-stale family-no-wish short-exact other"
	if strings.Join(got, " ") != want {
		t.Errorf("order\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if n := len(r.bandFilters()); n != 3 {
		t.Errorf("%d band filters without anyOccupation, want 3", n)
	}
	r.anyOccupation = true
	if f := r.bandFilters(); len(f) != 4 || !strings.HasPrefix(f[3], "NOT occupations IN") {
		t.Errorf("band 4: %v", f)
	}
}

// bandOf: the four bands.
func TestBandOf(t *testing.T) {
	r := rankRule{acceptable: map[string]occupation.Strength{"own": occupation.Exact, "fam": occupation.Close}, hoursMin: 24, staleCut: 1000}
	for _, c := range []struct {
		occ       []string
		hours     int
		confirmed int64
		want      Band
	}{
		{[]string{"own"}, 32, 2000, BandExact},
		{[]string{"own"}, 32, 500, BandRelated},
		{[]string{"fam"}, 32, 2000, BandRelated},
		{[]string{"fam", "own"}, 12, 2000, BandShort},
		{[]string{"other"}, 40, 2000, BandOther},
	} {
		if got := r.bandOf(c.occ, c.hours, c.confirmed); got != c.want {
			t.Errorf("%v %d h %d: band %d, want %d", c.occ, c.hours, c.confirmed, got, c.want)
		}
	}
	o := opening.Opening{Fields: opening.Fields{RequiredSkills: []string{"a", "b", "c"}, MandatorySkills: []string{"b"}}}
	if w := wishes(o); strings.Join(w, ",") != "a,c" {
		t.Errorf("wishes %v: the required skills that are not verplicht", w)
	}
}
