package seed

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/geo"
)

// escoGroups reads the occupations table's source: label → ISCO unit group,
// and the labels that occur more than once (ambiguous by label).
func escoGroups(t *testing.T) (map[string]string, map[string]bool) {
	t.Helper()
	f, err := os.Open("../occupation/data/esco_occupations_nl.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	groups, dup := map[string]string{}, map[string]bool{}
	for _, r := range recs[1:] { // esco_uri,isco_group,code,label_nl,...
		if _, ok := groups[r[3]]; ok {
			dup[r[3]] = true
		}
		groups[r[3]] = r[1]
	}
	return groups, dup
}

func skillIDs(t *testing.T) map[string]bool {
	t.Helper()
	b, err := os.ReadFile("../skill/data/skills_nl.json")
	if err != nil {
		t.Fatal(err)
	}
	var skills []struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(b, &skills); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, s := range skills {
		ids[s.ID] = true
	}
	return ids
}

// TestRelevanceSetIsConsistent checks the hand-judged set without services:
// names, labels, skills and postcodes exist; the set is big enough; and the
// grades never contradict a hard filter of the pool (a graded candidate
// passes consent, status, freshness, rung, both travel distances and the
// verplichte skills). Pooled judgements name real candidates who pass the
// filters, are graded 0–2, and are neither in grades nor in mustNot.
func TestRelevanceSetIsConsistent(t *testing.T) {
	d, err := loadRelevance()
	if err != nil {
		t.Fatal(err)
	}
	groups, dup := escoGroups(t)
	skills := skillIDs(t)
	label := func(where, l string) {
		if _, ok := groups[l]; !ok {
			t.Errorf("%s: occupation %q is not an ESCO label", where, l)
		} else if dup[l] {
			t.Errorf("%s: occupation %q is ambiguous (several ESCO occupations carry it)", where, l)
		}
	}
	skillList := func(where string, ids []string) {
		for _, id := range ids {
			if !skills[id] {
				t.Errorf("%s: unknown skill %q", where, id)
			}
		}
	}
	if n := len(d.Candidates); n < 150 || n > 250 {
		t.Errorf("%d candidates, want 150–250", n)
	}
	if n := len(d.Openings); n < 30 {
		t.Errorf("%d openings, want at least 30", n)
	}
	orgs := map[string]string{}
	kvks := map[string]bool{}
	for _, o := range d.Organisations {
		if _, err := geo.ResolveAddress("postcode", o.Postcode); err != nil {
			t.Errorf("organisation %s: postcode %s: %v", o.Name, o.Postcode, err)
		}
		if orgs[o.Name] != "" || kvks[o.KvK] {
			t.Errorf("organisation %s (%s) twice", o.Name, o.KvK)
		}
		orgs[o.Name], kvks[o.KvK] = o.Kind, true
	}
	cands := map[string]relCandidate{}
	for _, c := range d.Candidates {
		if _, ok := cands[c.Name]; ok {
			t.Errorf("candidate %s twice", c.Name)
		}
		cands[c.Name] = c
		for _, l := range c.Occupations {
			label(c.Name, l)
		}
		skillList(c.Name, c.Skills)
		if _, err := geo.Lookup(c.PC4); err != nil {
			t.Errorf("%s: pc4 %s: %v", c.Name, c.PC4, err)
		}
		if c.Hours[0] < 1 || c.Hours[0] > c.Hours[1] || c.Rung < 1 || c.Rung > 6 || c.MaxTravelKm < 1 {
			t.Errorf("%s: hours %v, rung %d or travel %d out of range", c.Name, c.Hours, c.Rung, c.MaxTravelKm)
		}
		if c.Status != "" && !slices.Contains(candidate.Statuses, candidate.Status(c.Status)) {
			t.Errorf("%s: status %q", c.Name, c.Status)
		}
	}
	cross, mandatory, acceptable := 0, 0, 0
	titles := map[string]bool{}
	for _, o := range d.Openings {
		where := o.Title
		if titles[o.Title] {
			t.Errorf("opening %s twice", o.Title)
		}
		titles[o.Title] = true
		kind, ok := orgs[o.Org]
		if !ok {
			t.Errorf("%s: organisation %s not in the set", where, o.Org)
		} else if !slices.Contains(opening.KindsFor(kind), o.Kind) {
			t.Errorf("%s: a %s cannot post a %s", where, kind, o.Kind)
		}
		if hits := opening.CheckFairness(o.Title, o.Description); len(hits) > 0 {
			t.Errorf("%s: fairness check: %v", where, hits)
		}
		if o.Why == "" {
			t.Errorf("%s: no why", where)
		}
		label(where, o.Occupation)
		for _, l := range o.AcceptableOccupations {
			label(where, l)
		}
		if len(o.AcceptableOccupations) > 0 {
			acceptable++
		}
		skillList(where, o.RequiredSkills)
		skillList(where, o.MandatorySkills)
		skillList(where, o.NiceSkills)
		for _, m := range o.MandatorySkills {
			if !slices.Contains(o.RequiredSkills, m) {
				t.Errorf("%s: verplicht skill %s is not among the required skills", where, m)
			}
		}
		if len(o.MandatorySkills) > 0 {
			mandatory++
		}
		place, err := geo.ResolveAddress("postcode", o.Postcode)
		if err != nil {
			t.Errorf("%s: postcode %s: %v", where, o.Postcode, err)
			continue
		}
		for _, n := range o.MustNot {
			if _, ok := cands[n]; !ok {
				t.Errorf("%s: mustNot %s is not a candidate", where, n)
			}
			if _, ok := o.Grades[n]; ok {
				t.Errorf("%s: %s is graded and mustNot", where, n)
			}
		}
		if len(o.PooledGrades) > 0 && o.PooledWhy == "" {
			t.Errorf("%s: pooled grades but no pooledWhy", where)
		}
		for n, g := range o.PooledGrades {
			c, ok := cands[n]
			if !ok {
				t.Errorf("%s: pooled %s is not a candidate", where, n)
				continue
			}
			if why := filterFailure(o, place.Place, c); why != "" {
				t.Errorf("%s: pooled %s fails a pool filter: %s", where, n, why)
			}
			if _, ok := o.Grades[n]; ok {
				t.Errorf("%s: %s is graded and pooled", where, n)
			}
			if slices.Contains(o.MustNot, n) {
				t.Errorf("%s: %s is mustNot and pooled", where, n)
			}
			if g < 0 || g > 2 {
				t.Errorf("%s: pooled %s has grade %d, want 0, 1 or 2", where, n, g)
			}
		}
		twos, other := 0, 0
		for n, g := range o.Grades {
			c, ok := cands[n]
			if !ok {
				t.Errorf("%s: graded %s is not a candidate", where, n)
				continue
			}
			if g != 1 && g != 2 {
				t.Errorf("%s: %s has grade %d, want 1 or 2", where, n, g)
			}
			if why := filterFailure(o, place.Place, c); why != "" {
				t.Errorf("%s: graded %s fails a pool filter: %s", where, n, why)
			}
			if g == 2 {
				twos++
				if !slices.ContainsFunc(c.Occupations, func(l string) bool { return groups[l] == groups[o.Occupation] }) {
					other++
				}
			}
		}
		if twos == 0 {
			t.Errorf("%s: nobody graded 2", where)
		}
		// Cross-ISCO: at least half of the best candidates hold no
		// occupation in the opening's ISCO unit group.
		if other > 0 && 2*other >= twos {
			cross++
		}
	}
	if cross < 10 {
		t.Errorf("%d cross-ISCO openings, want at least 10", cross)
	}
	if mandatory < 6 {
		t.Errorf("%d openings with verplichte skills, want at least 6", mandatory)
	}
	if acceptable > 4 {
		t.Errorf("%d openings with ook-passend occupations, want at most 4", acceptable)
	}
	t.Logf("%d openings (%d cross-ISCO, %d with verplichte skills, %d with ook passend), %d candidates",
		len(d.Openings), cross, mandatory, acceptable, len(d.Candidates))
}

// filterFailure names the hard pool filter c fails for o ("" if none).
func filterFailure(o relOpening, at geo.Place, c relCandidate) string {
	lo, hi := 4, 6
	if o.Kind == opening.Participatieplek {
		lo, hi = 2, 4
	}
	p, err := geo.Lookup(c.PC4)
	if err != nil {
		return "pc4"
	}
	km := geo.DistanceKm(at.Lat, at.Lon, p.Lat, p.Lon)
	switch {
	case !c.Consent:
		return "consent"
	case c.Status != "" && candidate.Status(c.Status) != candidate.Available && candidate.Status(c.Status) != candidate.InProcess:
		return "status"
	case c.ConfirmedDaysAgo >= 180:
		return "expired"
	case c.Rung < lo || c.Rung > hi:
		return "rung"
	case km > float64(o.MaxTravelKm):
		return "beyond the opening's distance"
	case km > float64(c.MaxTravelKm):
		return "beyond the candidate's distance"
	}
	for _, m := range o.MandatorySkills {
		if !slices.Contains(c.Skills, m) && !(m == "rijbewijs-b" && c.DrivingLicence) {
			return "verplicht " + m
		}
	}
	return ""
}
