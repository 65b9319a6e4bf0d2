package matching

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/werkhaven/werkhaven/backend/internal/candidate"
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
// no hidden weights. A pool small enough to read at once is ordered in Go
// (compare); a larger one is read tier by tier, each tier one Meilisearch
// filter (tiers) sorted by availability, in the same order (run.go).

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
	freshDay      int64 // a profile confirmed after this day (candidate.Day) is fresh
	wishes        []string
	anyOccupation bool
}

// maxRankedWishes bounds the wishes whose count orders a band: a large
// pool is read tier by tier, and the filter for "k of n wishes" names
// every combination, C(6,3) = 20 at most. Wishes after the sixth are shown
// on the cards but do not change the order.
const maxRankedWishes = 6

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
// The id last, as compare does: the two ways of reading a pool agree.
var tierSort = []string{"availableFrom:asc", "confirmedAt:desc", "id:asc"}

// tiers are the rule's tiers in ranking order: per band (bandFilters),
// the number of wishes from all to none, fresh before stale (band 1 is
// fresh by definition).
func (r rankRule) tiers() []Tier {
	fresh := fmt.Sprintf("confirmedDay > %d", r.freshDay)
	var out []Tier
	for i, filter := range r.bandFilters() {
		band := Band(i + 1)
		freshness := []bool{true, false}
		if band == BandExact {
			freshness = []bool{true}
		}
		for n := len(r.wishes); n >= 0; n-- {
			for _, f := range freshness {
				parts := []string{"(" + filter + ")"}
				if w := exactlyOf(r.wishes, n); w != "" {
					parts = append(parts, w)
				}
				switch {
				case band == BandExact:
				case f:
					parts = append(parts, fresh)
				default:
					parts = append(parts, "NOT "+fresh)
				}
				out = append(out, Tier{Band: band, Wishes: n, Fresh: f, Filter: strings.Join(parts, " AND ")})
			}
		}
	}
	return out
}

// exactlyOf is the filter "holds exactly n of the skills" ("" for always).
func exactlyOf(skills []string, n int) string {
	at := atLeastOf(skills, n)
	if n >= len(skills) {
		return at // nobody holds more than all of them
	}
	above := atLeastOf(skills, n+1)
	if at == "" {
		return "NOT " + above
	}
	return at + " AND NOT " + above
}

// atLeastOf is the filter "holds at least n of the skills": an OR over
// every combination of n of them ("" for n = 0; 0 < n ≤ len(skills)).
func atLeastOf(skills []string, n int) string {
	if n == 0 {
		return ""
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
	fresh := fmt.Sprintf("confirmedDay > %d", r.freshDay)
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

// fresh says whether a profile confirmed at confirmedAt (Unix seconds) is
// fresh under the rule: confirmed after freshDay, in whole days as the
// index filters (candidate.Day).
func (r rankRule) fresh(confirmedAt int64) bool { return confirmedAt/86400 > r.freshDay }

// freshness is a pool card's freshness: the rule's (expired profiles are
// never in a pool).
func (r rankRule) freshness(confirmedAt int64) candidate.Freshness {
	if r.fresh(confirmedAt) {
		return candidate.Fresh
	}
	return candidate.Stale
}

// bandOf is the band a candidate falls in for an opening.
func (r rankRule) bandOf(occupations []string, hoursMax int, confirmedAt int64) Band {
	best := occupation.Other
	for _, id := range occupations {
		best = max(best, r.acceptable[id])
	}
	fit, fresh := hoursMax >= r.hoursMin, r.fresh(confirmedAt)
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

// rankedWithFacets is a candidate's ranking fields and the facet values
// of a pool read whole (run.go counts the facets from them).
type rankedWithFacets struct {
	ranked
	DrivingLicence    bool     `json:"drivingLicence"`
	OwnTransport      bool     `json:"ownTransport"`
	LanguageCodes     []string `json:"languageCodes"`
	EducationRank     int      `json:"educationRank"`
	Rung              int      `json:"rung"`
	SupportNeeds      []string `json:"supportNeeds"`
	Doelgroepregister bool     `json:"doelgroepregister"`
	Praktijkroute     bool     `json:"praktijkroute"`
	LKSIndicatie      bool     `json:"lksIndicatie"`
}

// rankedWithFacetFields are rankedFields and the facets (query.go).
var rankedWithFacetFields = append(slices.Clone(rankedFields), facets...)

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
	k := key{band: r.bandOf(c.Occupations, c.HoursMax, c.ConfirmedAt), fresh: r.fresh(c.ConfirmedAt),
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
