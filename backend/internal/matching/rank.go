package matching

import (
	"fmt"
	"slices"
	"strings"

	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
)

// The ranking rule, the one place it is written down in code (docs/ranking.md
// states it for people). Within the filters a pool is cut into bands:
//
//  1. the opening's own occupation, hours that fit, a fresh profile;
//  2. a close or related occupation with hours that fit, or the own
//     occupation with a profile not recently confirmed;
//  3. the own or a related occupation whose hours fall short (or are not
//     known);
//  4. only with "alle beroepen": every other occupation.
//
// Within a band: more of the opening's wishes (required skills that are not
// verplicht) first, then fresh before not recently confirmed, then the
// earliest available, then the most recently confirmed. Each combination is
// one Tier: a Meilisearch filter whose hits are sorted by availability, so
// the order of a pool is the order of its tiers and nothing else: no text
// relevance, no hidden weights.

// Band is one of the four bands of the ranking rule.
type Band int

// The bands, best first.
const (
	BandExact   Band = 1
	BandRelated Band = 2
	BandShort   Band = 3
	BandOther   Band = 4
)

// maxRankedWishes bounds the wishes whose count orders a band: the filter
// for "k of n wishes" names every combination, C(6,3) = 20 at most. Wishes
// after the sixth are shown on the cards but do not change the order.
const maxRankedWishes = 6

// Tier is one step of the ranking: its band, how many wishes its
// candidates hold, whether their profiles are fresh, and the filter that
// selects exactly them.
type Tier struct {
	Band   Band
	Wishes int
	Fresh  bool
	Filter string
}

// tierSort orders the candidates within one tier.
var tierSort = []string{"availableFrom:asc", "confirmedAt:desc"}

// rankRule is the ranking rule applied to one opening.
type rankRule struct {
	acceptable    map[string]occupation.Strength
	hoursMin      int
	staleCut      int64 // confirmedAt above it is fresh
	wishes        []string
	anyOccupation bool
}

// wishes are the opening's required skills that are not verplicht, in the
// opening's order, at most maxRankedWishes.
func wishes(o opening.Opening) []string {
	var out []string
	for _, id := range o.RequiredSkills {
		if !slices.Contains(o.MandatorySkills, id) {
			out = append(out, id)
		}
	}
	return out[:min(len(out), maxRankedWishes)]
}

// occupationIn is the filter "holds an occupation at least this close".
func (r rankRule) occupationIn(at occupation.Strength) string {
	var ids []string
	for id, s := range r.acceptable {
		if s >= at {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return "occupations IN " + quote(ids)
}

// tiers are the rule's tiers in ranking order.
func (r rankRule) tiers() []Tier {
	own := r.occupationIn(occupation.Exact)
	related := r.occupationIn(occupation.Related)
	fit := fmt.Sprintf("hoursMax >= %d", r.hoursMin)
	fresh := fmt.Sprintf("confirmedAt > %d", r.staleCut)
	bands := []struct {
		band   Band
		filter string
		fresh  []bool
	}{
		{BandExact, fmt.Sprintf("%s AND %s AND %s", own, fit, fresh), []bool{true}},
		{BandRelated, fmt.Sprintf("%s AND %s AND NOT (%s AND %s)", related, fit, own, fresh), []bool{true, false}},
		{BandShort, fmt.Sprintf("%s AND NOT %s", related, fit), []bool{true, false}},
	}
	if r.anyOccupation {
		bands = append(bands, struct {
			band   Band
			filter string
			fresh  []bool
		}{BandOther, "NOT " + related, []bool{true, false}})
	}
	var out []Tier
	for _, b := range bands {
		for n := len(r.wishes); n >= 0; n-- {
			for _, f := range b.fresh {
				parts := []string{"(" + b.filter + ")"}
				if w := exactlyOf(r.wishes, n); w != "" {
					parts = append(parts, w)
				}
				if len(b.fresh) > 1 {
					if f {
						parts = append(parts, fresh)
					} else {
						parts = append(parts, "NOT "+fresh)
					}
				}
				out = append(out, Tier{Band: b.band, Wishes: n, Fresh: f, Filter: strings.Join(parts, " AND ")})
			}
		}
	}
	return out
}

// exactlyOf is the filter "holds exactly n of the skills" ("" for always).
func exactlyOf(skills []string, n int) string {
	at, above := atLeastOf(skills, n), atLeastOf(skills, n+1)
	switch {
	case at == "" && above == "":
		return ""
	case above == "":
		return at
	case at == "":
		return "NOT " + above
	}
	return at + " AND NOT " + above
}

// atLeastOf is the filter "holds at least n of the skills": an OR over
// every combination of n of them ("" for n = 0; "false" beyond).
func atLeastOf(skills []string, n int) string {
	if n == 0 {
		return ""
	}
	if n > len(skills) {
		return "(skills = \"\" AND NOT skills = \"\")" // never true
	}
	var combos []string
	var pick func(start int, chosen []string)
	pick = func(start int, chosen []string) {
		if len(chosen) == n {
			terms := make([]string, n)
			for i, id := range chosen {
				terms[i] = fmt.Sprintf("skills = %q", id)
			}
			combos = append(combos, "("+strings.Join(terms, " AND ")+")")
			return
		}
		for i := start; i <= len(skills)-(n-len(chosen)); i++ {
			pick(i+1, append(chosen, skills[i]))
		}
	}
	pick(0, nil)
	return "(" + strings.Join(combos, " OR ") + ")"
}

// bandOf is the band a candidate falls in for an opening: the rule above,
// computed in Go for the explanation on the card and the reverse direction.
func (r rankRule) bandOf(occupations []string, hoursMax int, confirmedAt int64) Band {
	best := occupation.Other
	for _, id := range occupations {
		best = max(best, r.acceptable[id])
	}
	fit, fresh := hoursMax >= r.hoursMin, confirmedAt > r.staleCut
	switch {
	case best == occupation.Other:
		return BandOther
	case best == occupation.Exact && fit && fresh:
		return BandExact
	case fit:
		return BandRelated
	}
	return BandShort
}
