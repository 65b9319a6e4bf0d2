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
		hoursMin: 24, freshDay: 1000, wishes: []string{"haccp", "klantgericht"}}
	cs := []ranked{
		{ID: "other", Occupations: []string{"x"}, HoursMax: 40, ConfirmedAt: 5000 * day, Skills: []string{"haccp", "klantgericht"}},
		{ID: "short-exact", Occupations: []string{"own"}, HoursMax: 12, ConfirmedAt: 5000 * day},
		{ID: "related-one-wish", Occupations: []string{"isco"}, HoursMax: 32, ConfirmedAt: 2000 * day, Skills: []string{"klantgericht"}},
		{ID: "family-no-wish", Occupations: []string{"fam"}, HoursMax: 32, ConfirmedAt: 4000 * day},
		{ID: "exact-stale-two-wishes", Occupations: []string{"own"}, HoursMax: 32, ConfirmedAt: 900 * day, Skills: []string{"haccp", "klantgericht"}},
		{ID: "exact-fresh-later", Occupations: []string{"own"}, HoursMax: 32, ConfirmedAt: 3000 * day, AvailableFrom: 50},
		{ID: "exact-fresh-now", Occupations: []string{"own"}, HoursMax: 32, ConfirmedAt: 2000 * day},
		{ID: "related-one-wish-stale", Occupations: []string{"fam"}, HoursMax: 32, ConfirmedAt: 500 * day, Skills: []string{"haccp"}},
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
	r := rankRule{acceptable: map[string]occupation.Strength{"own": occupation.Exact, "fam": occupation.Close}, hoursMin: 24, freshDay: 1000}
	for _, c := range []struct {
		occ       []string
		hours     int
		confirmed int64
		want      Band
	}{
		{[]string{"own"}, 32, 2000 * day, BandExact},
		{[]string{"own"}, 32, 500 * day, BandRelated},
		{[]string{"fam"}, 32, 2000 * day, BandRelated},
		{[]string{"fam", "own"}, 12, 2000 * day, BandShort},
		{[]string{"other"}, 40, 2000 * day, BandOther},
	} {
		if got := r.bandOf(c.occ, c.hours, c.confirmed); got != c.want {
			t.Errorf("%v %d h %d: band %d, want %d", c.occ, c.hours, c.confirmed, got, c.want)
		}
	}
}

// The tiers follow the rule: bands in order, within a band the number of
// wishes from all to none, fresh before stale; band 1 is fresh only and
// band 4 exists only with anyOccupation.
func TestTiersFollowTheRule(t *testing.T) {
	r := rankRule{acceptable: map[string]occupation.Strength{"own": occupation.Exact, "fam": occupation.Close, "isco": occupation.Related},
		hoursMin: 24, freshDay: 1000, wishes: []string{"haccp", "klantgericht"}}
	tiers := r.tiers()
	if len(tiers) != 3+6+6 {
		t.Fatalf("%d tiers, want 15", len(tiers))
	}
	prev := Tier{Band: 0}
	for _, tr := range tiers {
		switch {
		case tr.Band < prev.Band,
			tr.Band == prev.Band && tr.Wishes > prev.Wishes,
			tr.Band == prev.Band && tr.Wishes == prev.Wishes && tr.Fresh && !prev.Fresh:
			t.Errorf("tier %+v after %+v", tr, prev)
		}
		prev = tr
	}
	if !strings.Contains(tiers[0].Filter, `occupations IN ["own"]`) || !strings.Contains(tiers[0].Filter, "hoursMax >= 24") {
		t.Errorf("band 1: %s", tiers[0].Filter)
	}
	if got := atLeastOf([]string{"a", "b", "c"}, 2); strings.Count(got, " OR ") != 2 {
		t.Errorf("at least 2 of 3 has 3 combinations: %s", got)
	}
	if exactlyOf(nil, 0) != "" {
		t.Errorf("no wishes: %q", exactlyOf(nil, 0))
	}
	r.anyOccupation = true
	if last := r.tiers()[len(r.tiers())-1]; last.Band != BandOther || last.Wishes != 0 || last.Fresh {
		t.Errorf("last tier with anyOccupation: %+v", last)
	}
	o := opening.Opening{Fields: opening.Fields{RequiredSkills: []string{"a", "b", "c", "d", "e", "f", "g", "h"}, MandatorySkills: []string{"b"}}}
	if w := wishes(o); len(w) != maxRankedWishes || w[0] != "a" || w[1] != "c" {
		t.Errorf("wishes %v: the first six required skills that are not verplicht", w)
	}
}

// day is a day in Unix seconds: the rule counts freshness in whole days.
const day = 86400
