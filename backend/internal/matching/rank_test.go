package matching

import (
	"strings"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
)

// The tiers follow the rule: bands in order, within a band the number of
// wishes from all to none, fresh before stale; band 1 is fresh only and
// band 4 exists only with anyOccupation.
func TestTiersFollowTheRule(t *testing.T) {
	r := rankRule{acceptable: map[string]occupation.Strength{"own": occupation.Exact, "fam": occupation.Close, "isco": occupation.Related},
		hoursMin: 24, staleCut: 1000, wishes: []string{"haccp", "klantgericht"}}
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
	r.anyOccupation = true
	if last := r.tiers()[len(r.tiers())-1]; last.Band != BandOther || last.Wishes != 0 || last.Fresh {
		t.Errorf("last tier with anyOccupation: %+v", last)
	}
}

func TestWishCounts(t *testing.T) {
	if got := atLeastOf([]string{"a", "b", "c"}, 2); strings.Count(got, " OR ") != 2 {
		t.Errorf("at least 2 of 3 has 3 combinations: %s", got)
	}
	if exactlyOf([]string{"a"}, 0) != `NOT (skills = "a")` && exactlyOf([]string{"a"}, 0) != `NOT ((skills = "a"))` {
		t.Errorf("none of one: %s", exactlyOf([]string{"a"}, 0))
	}
	if exactlyOf(nil, 0) != "" {
		t.Errorf("no wishes: %q", exactlyOf(nil, 0))
	}
	o := opening.Opening{Fields: opening.Fields{RequiredSkills: []string{"a", "b", "c", "d", "e", "f", "g", "h"}, MandatorySkills: []string{"b"}}}
	if w := wishes(o); len(w) != maxRankedWishes || w[0] != "a" || w[1] != "c" {
		t.Errorf("wishes %v: the first six required skills that are not verplicht", w)
	}
}

// bandOf agrees with the bands' filters.
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
}
