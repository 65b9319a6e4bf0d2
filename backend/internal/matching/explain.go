package matching

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/geo"
)

// Reason is why a candidate fits (or not) on one criterion.
type Reason struct {
	Criterion string // occupation, skill, distance, hours, availability, support, freshness
	Outcome   string // match, near, missing
	NL, EN    string
	// Gap is the service that closes a gap (scholing, jobcoaching,
	// opbouwschema, reiskostenvergoeding, jobcoach, werkplekaanpassing).
	Gap string
}

// Card is one anonymous candidate in a pool.
type Card struct {
	ID, Code          string
	Occupations       []string
	MatchedSkills     []string
	MissingSkills     []string
	DistanceKm        int
	HoursMin          int
	HoursMax          int
	AvailableFrom     *time.Time
	Rung              int
	SupportNeeds      []string
	Doelgroepregister bool
	Praktijkroute     bool
	LKSIndicatie      bool
	DrivingLicence    bool
	Freshness         candidate.Freshness
	Reasons           []Reason
	// OccupationMatch is how close the candidate's closest occupation is
	// to the opening's: exact, close, related or other.
	OccupationMatch string
	// Band is the band of the ranking rule the candidate falls in (rank.go).
	Band Band
	// Pinned: recommended by the accountmanager ("Aanbevolen door uw accountmanager").
	Pinned  bool
	PinNote string
}

// card explains one hit against the opening and the ranking rule.
func (s *Service) card(o opening.Opening, d candidate.Document, rule rankRule) Card {
	c := Card{ID: d.ID, Code: d.Code, Occupations: d.OccupationLabels, HoursMin: d.HoursMin, HoursMax: d.HoursMax, Rung: d.Rung,
		SupportNeeds: d.SupportNeeds, Doelgroepregister: d.Doelgroepregister, Praktijkroute: d.Praktijkroute, LKSIndicatie: d.LKSIndicatie,
		DrivingLicence: d.DrivingLicence, Freshness: rule.freshness(d.ConfirmedAt),
		MatchedSkills: []string{}, MissingSkills: []string{}}
	if d.AvailableFrom > 0 {
		t := time.Unix(d.AvailableFrom, 0).UTC()
		c.AvailableFrom = &t
	}
	add := func(r Reason) { c.Reasons = append(c.Reasons, r) }
	best, bestLabel := occupation.Other, ""
	for i, id := range d.Occupations {
		if st := rule.acceptable[id]; st > best && i < len(d.OccupationLabels) {
			best, bestLabel = st, d.OccupationLabels[i]
		}
	}
	c.OccupationMatch, c.Band = best.String(), rule.bandOf(d.Occupations, d.HoursMax, d.ConfirmedAt)
	switch best {
	case occupation.Exact:
		add(Reason{Criterion: "occupation", Outcome: "match", NL: "Zoekt werk als " + o.OccupationLabel + ".", EN: "Looking for work as " + o.OccupationLabel + "."})
	case occupation.Close, occupation.Related:
		add(Reason{Criterion: "occupation", Outcome: "near", NL: "Verwant beroep: " + bestLabel + ".", EN: "Related occupation: " + bestLabel + "."})
	default:
		add(Reason{Criterion: "occupation", Outcome: "missing", NL: "Zoekt ander werk: " + strings.Join(d.OccupationLabels, ", ") + ".",
			EN: "Looking for other work: " + strings.Join(d.OccupationLabels, ", ") + "."})
	}
	for _, id := range o.RequiredSkills {
		label := id
		if sk, ok := s.Skills.Get(id); ok {
			label = sk.LabelNL
		}
		if slices.Contains(d.Skills, id) {
			c.MatchedSkills = append(c.MatchedSkills, id)
			if slices.Contains(o.MandatorySkills, id) {
				add(Reason{Criterion: "skill", Outcome: "match", NL: "Heeft: " + label + " (verplicht).", EN: "Has: " + label + " (required)."})
				continue
			}
			add(Reason{Criterion: "skill", Outcome: "match", NL: "Heeft: " + label + ".", EN: "Has: " + label + "."})
		} else {
			c.MissingSkills = append(c.MissingSkills, id)
			gap := "scholing"
			if sk, ok := s.Skills.Get(id); ok && (sk.Category == "werkhouding" || sk.Category == "vaardigheid") {
				gap = "jobcoaching"
			}
			add(Reason{Criterion: "skill", Outcome: "missing", NL: "Mist nog: " + label + ".", EN: "Still lacks: " + label + ".", Gap: gap})
		}
	}
	if lat, ok := d.Geo["lat"].(float64); ok {
		lng, _ := d.Geo["lng"].(float64)
		c.DistanceKm = int(geo.DistanceKm(o.Lat, o.Lon, lat, lng) + 0.5)
		r := Reason{Criterion: "distance", Outcome: "match", NL: fmt.Sprintf("Woont op ongeveer %d km.", c.DistanceKm), EN: fmt.Sprintf("Lives about %d km away.", c.DistanceKm)}
		if c.DistanceKm > 10 && !d.OwnTransport && !d.DrivingLicence {
			r.Outcome, r.Gap = "near", "reiskostenvergoeding"
			r.NL += " Zonder eigen vervoer: een reiskostenvergoeding helpt."
			r.EN += " No own transport: a travel allowance helps."
		}
		add(r)
	}
	switch {
	case d.HoursMax == 0:
		add(Reason{Criterion: "hours", Outcome: "near", NL: "Uren nog onbekend.", EN: "Hours not known yet."})
	case d.HoursMax < o.HoursMin:
		add(Reason{Criterion: "hours", Outcome: "near", NL: fmt.Sprintf("Kan nu %d uur; u vraagt minstens %d. Een opbouwschema helpt.", d.HoursMax, o.HoursMin),
			EN: fmt.Sprintf("Can work %d hours now; you ask at least %d. A build-up schedule helps.", d.HoursMax, o.HoursMin), Gap: "opbouwschema"})
	default:
		add(Reason{Criterion: "hours", Outcome: "match", NL: fmt.Sprintf("Kan %d tot %d uur per week.", d.HoursMin, d.HoursMax),
			EN: fmt.Sprintf("Can work %d to %d hours a week.", d.HoursMin, d.HoursMax)})
	}
	if o.StartDate != nil && c.AvailableFrom != nil && c.AvailableFrom.After(*o.StartDate) {
		add(Reason{Criterion: "availability", Outcome: "near", NL: "Beschikbaar na uw startdatum.", EN: "Available after your start date."})
	} else {
		add(Reason{Criterion: "availability", Outcome: "match", NL: "Op tijd beschikbaar.", EN: "Available in time."})
	}
	for _, need := range d.SupportNeeds {
		if slices.Contains(o.Support, need) {
			add(Reason{Criterion: "support", Outcome: "match", NL: "Heeft baat bij " + supportNL[need] + "; dat biedt u.", EN: "Benefits from " + need + "; you offer it."})
		} else {
			gap := "jobcoach"
			if need == "aangepaste-werkplek" || need == "rustige-werkplek" {
				gap = "werkplekaanpassing"
			}
			add(Reason{Criterion: "support", Outcome: "missing", NL: "Heeft baat bij " + supportNL[need] + "; dat staat niet in uw aanbod.", EN: "Benefits from " + need + "; not in your offer.", Gap: gap})
		}
	}
	if c.Freshness == candidate.Stale {
		add(Reason{Criterion: "freshness", Outcome: "near", NL: "Profiel niet recent bevestigd.", EN: "Profile not recently confirmed."})
	}
	return c
}

var supportNL = map[string]string{"jobcoach": "een jobcoach", "aangepaste-werkplek": "een aangepaste werkplek", "rustige-werkplek": "een rustige werkplek",
	"vaste-structuur": "een vaste structuur", "flexibele-uren": "flexibele uren", "vaste-begeleider": "een vaste begeleider",
	"opbouw-uren": "uren rustig opbouwen", "eenvoudige-instructies": "instructies in eenvoudige taal"}
