package matching

import (
	"cmp"
	"fmt"
	"slices"

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
// earliest available, then the most recently confirmed. No text relevance,
// no hidden weights: Meilisearch filters, rankRule.compare orders (run.go).

// Band is one of the four bands of the ranking rule.
type Band int

// The bands, best first.
const (
	BandExact   Band = 1
	BandRelated Band = 2
	BandShort   Band = 3
	BandOther   Band = 4
)

// rankRule is the ranking rule applied to one opening.
type rankRule struct {
	acceptable    map[string]occupation.Strength
	hoursMin      int
	staleCut      int64 // confirmedAt above it is fresh
	wishes        []string
	anyOccupation bool
}

// wishes are the opening's required skills that are not verplicht.
func wishes(o opening.Opening) []string {
	var out []string
	for _, id := range o.RequiredSkills {
		if !slices.Contains(o.MandatorySkills, id) {
			out = append(out, id)
		}
	}
	return out
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

// bandFilters are the Meilisearch filters of the bands, in order: used
// when a pool is too large to rank in one read (run.go).
func (r rankRule) bandFilters() []string {
	own := r.occupationIn(occupation.Exact)
	related := r.occupationIn(occupation.Related)
	fit := fmt.Sprintf("hoursMax >= %d", r.hoursMin)
	fresh := fmt.Sprintf("confirmedAt > %d", r.staleCut)
	out := []string{
		fmt.Sprintf("%s AND %s AND %s", own, fit, fresh),
		fmt.Sprintf("%s AND %s AND NOT (%s AND %s)", related, fit, own, fresh),
		fmt.Sprintf("%s AND NOT %s", related, fit),
	}
	if r.anyOccupation {
		out = append(out, "NOT "+related)
	}
	return out
}

// bandOf is the band a candidate falls in for an opening.
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

// ranked is what the rule needs of a candidate (the fields run.go reads).
type ranked struct {
	ID            string   `json:"id"`
	Occupations   []string `json:"occupations"`
	Skills        []string `json:"skills"`
	HoursMax      int      `json:"hoursMax"`
	ConfirmedAt   int64    `json:"confirmedAt"`
	AvailableFrom int64    `json:"availableFrom"`
}

// rankedFields are the attributes run.go asks Meilisearch for.
var rankedFields = []string{"id", "occupations", "skills", "hoursMax", "confirmedAt", "availableFrom"}

// key is a candidate's place under the rule: compare keys, not candidates.
type key struct {
	band          Band
	wishes        int
	fresh         bool
	availableFrom int64
	confirmedAt   int64
	id            string
}

func (r rankRule) keyOf(c ranked) key {
	k := key{band: r.bandOf(c.Occupations, c.HoursMax, c.ConfirmedAt), fresh: c.ConfirmedAt > r.staleCut,
		availableFrom: c.AvailableFrom, confirmedAt: c.ConfirmedAt, id: c.ID}
	for _, w := range r.wishes {
		if slices.Contains(c.Skills, w) {
			k.wishes++
		}
	}
	return k
}

// compare orders two keys by the rule; the id makes the order total, so
// pages never overlap.
func compare(a, b key) int {
	return cmp.Or(
		cmp.Compare(a.band, b.band),
		-cmp.Compare(a.wishes, b.wishes),
		-compareBool(a.fresh, b.fresh),
		cmp.Compare(a.availableFrom, b.availableFrom),
		-cmp.Compare(a.confirmedAt, b.confirmedAt),
		cmp.Compare(a.id, b.id),
	)
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// sortByRule orders candidates by the rule.
func (r rankRule) sortByRule(cs []ranked) {
	keys := make(map[string]key, len(cs))
	for _, c := range cs {
		keys[c.ID] = r.keyOf(c)
	}
	slices.SortFunc(cs, func(a, b ranked) int { return compare(keys[a.ID], keys[b.ID]) })
}
