package matching

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
)

// Fit is an open opening that fits a candidate, explained as in a pool.
type Fit struct {
	OpeningID, Title, OrganisationName, Place string
	Kind                                      opening.Kind
	Exact                                     bool
	Card                                      Card
}

// maxFits bounds the reverse direction: the best 25 exact and 25 related.
const maxFits = 25

// ForCandidate lists open openings of the region that fit one of p's
// candidates, in the pool's order (rank.go): by band (the same occupation
// with hours that fit first, then related occupations, then hours that
// fall short), then by how many of the opening's wishes they hold. An
// opening fits through its own occupation, its "ook passend" or the
// relatedness model; it is left out when the candidate lacks a verplicht
// skill;
// within the candidate's and the opening's travel distance; of a kind that
// matches the candidate's participatieladder rung. One multi-search request.
func (s *Service) ForCandidate(ctx context.Context, p authz.Principal, candidateID string) ([]Fit, error) {
	c, err := s.Candidates.Get(ctx, p, candidateID)
	if err != nil {
		return nil, err
	}
	d, err := candidate.Source{DB: s.DB}.Project(ctx, s.DB, p.RegionID, c.ID)
	if err != nil {
		return nil, err
	}
	if len(d.Occupations) == 0 {
		return []Fit{}, nil
	}
	base := fmt.Sprintf("regionId = %q", d.RegionID)
	var kinds []string
	if d.Rung == 0 || d.Rung >= 4 {
		kinds = append(kinds, string(opening.Vacature), string(opening.Proefplaats), string(opening.Leerwerkplek))
	}
	if d.Rung == 0 || (d.Rung >= 2 && d.Rung <= 4) {
		kinds = append(kinds, string(opening.Participatieplek))
	}
	if len(kinds) == 0 {
		return []Fit{}, nil
	}
	base += " AND kind IN " + quote(kinds)
	if lat, ok := d.Geo["lat"].(float64); ok {
		lng, _ := d.Geo["lng"].(float64)
		travel := d.MaxTravelKm
		if travel == 0 {
			travel = unknownTravelKm
		}
		// Symmetric to the pool: within the candidate's distance and the opening's own.
		base += " AND " + openingsTravelFilter(lat, lng, travel)
	}
	uid := s.Search.UID(opening.IndexName)
	// Openings whose verplicht skills the candidate lacks are left out.
	var lacks []string
	for _, sk := range s.Skills.All {
		if !slices.Contains(d.Skills, sk.ID) {
			lacks = append(lacks, sk.ID)
		}
	}
	if len(lacks) > 0 {
		base += " AND NOT mandatorySkills IN " + quote(lacks)
	}
	rel, err := s.Relatedness.Related(ctx, p.RegionID, d.Occupations)
	if err != nil {
		return nil, err
	}
	relatedIDs := make([]string, 0, len(rel))
	for id := range rel {
		relatedIDs = append(relatedIDs, id)
	}
	slices.Sort(relatedIDs)
	own := "(occupationId IN " + quote(d.Occupations) + " OR acceptableOccupations IN " + quote(d.Occupations) + ")"
	queries := []*meilisearch.SearchRequest{{IndexUID: uid, Filter: base + " AND " + own, Limit: maxFits, Sort: []string{"publishedAt:desc"}}}
	if len(relatedIDs) > 0 {
		queries = append(queries, &meilisearch.SearchRequest{IndexUID: uid, Filter: base + " AND occupationId IN " + quote(relatedIDs) + " AND NOT " + own,
			Limit: maxFits, Sort: []string{"publishedAt:desc"}})
	}
	res, err := s.Search.Service().MultiSearchWithContext(ctx, &meilisearch.MultiSearchRequest{Queries: queries})
	if err != nil {
		return nil, apperr.Unavailable(apperr.Search, fmt.Errorf("openings for candidate: %w", err))
	}
	freshDay := candidate.Day(s.now().Add(-candidate.StaleAfter))
	var fits []Fit
	orgIDs := map[string]bool{}
	for _, r := range res.Results {
		var docs []opening.Document
		if err := r.Hits.DecodeInto(&docs); err != nil {
			return nil, err
		}
		for _, od := range docs {
			o := openingFromDocument(od)
			// The same rule as the pool, seen from the candidate: how close
			// their occupations are to this opening's.
			acc := map[string]occupation.Strength{}
			for _, c := range d.Occupations {
				switch {
				case c == o.OccupationID:
					acc[c] = occupation.Exact
				case slices.Contains(o.AcceptableOccupations, c):
					acc[c] = occupation.Close
				default:
					acc[c] = rel[o.OccupationID].Strength
				}
			}
			rule := rankRule{acceptable: acc, hoursMin: o.HoursMin, freshDay: freshDay, wishes: wishes(o)}
			card := forKlantmanager(s.card(o, d, rule))
			fits = append(fits, Fit{OpeningID: od.ID, Title: od.Title, Place: od.Place, Kind: opening.Kind(od.Kind),
				Exact: card.OccupationMatch == occupation.Exact.String(), OrganisationName: od.OrganisationID, Card: card})
			orgIDs[od.OrganisationID] = true
		}
	}
	// The pool's order: band, then more wishes present; Meilisearch's
	// order (newest first) breaks ties.
	slices.SortStableFunc(fits, func(a, b Fit) int {
		if a.Card.Band != b.Card.Band {
			return int(a.Card.Band - b.Card.Band)
		}
		return len(b.Card.MatchedSkills) - len(a.Card.MatchedSkills)
	})
	// Organisation names come from Postgres (the index holds ids only).
	if len(orgIDs) > 0 {
		ids := make([]string, 0, len(orgIDs))
		for id := range orgIDs {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		names, err := s.Organisations.OrganisationNames(ctx, ids)
		if err != nil {
			return nil, err
		}
		for i := range fits {
			fits[i].OrganisationName = names[fits[i].OrganisationName]
		}
	}
	return fits, nil
}

// openingFromDocument rebuilds what reasons need from an indexed opening.
func openingFromDocument(d opening.Document) opening.Opening {
	o := opening.Opening{ID: d.ID, RegionID: d.RegionID, OrganisationID: d.OrganisationID, OccupationLabel: d.OccupationLabel, ISCOGroup: d.ISCOGroup,
		PC4: d.PC4, Place: d.Place, Fields: opening.Fields{Kind: opening.Kind(d.Kind), Title: d.Title, OccupationID: d.OccupationID,
			RequiredSkills: d.RequiredSkills, MandatorySkills: d.MandatorySkills, AcceptableOccupations: d.AcceptableOccupations, MaxTravelKm: d.MaxTravelKm, HoursMin: d.HoursMin, HoursMax: d.HoursMax, Support: d.Support}}
	if lat, ok := d.Geo["lat"].(float64); ok {
		o.Lat = lat
		o.Lon, _ = d.Geo["lng"].(float64)
	}
	if d.StartDate > 0 {
		t := time.Unix(d.StartDate, 0).UTC()
		o.StartDate = &t
	}
	return o
}

// openingsTravelFilter is the travel rule over the openings index, cached
// by place and distance (every PC4 area: openings lie anywhere).
func openingsTravelFilter(lat, lon float64, km int) string {
	key := fmt.Sprintf("openings,%.5f,%.5f,%d", lat, lon, km)
	if f, ok := travelFilters.Load(key); ok {
		return f.(string)
	}
	f := buildTravelFilter(lat, lon, km, nil)
	travelFilters.Store(key, f)
	return f
}

// klantmanagerWords rewrite a card's reasons, written for the organisation
// that reads its pool ("u vraagt", "uw startdatum"), for the klantmanager
// who reads Passende vacatures: the organisation is "de werkgever".
var klantmanagerWords = strings.NewReplacer(
	"u vraagt minstens", "de werkgever vraagt minstens",
	"uw startdatum", "de startdatum",
	"; dat biedt u.", "; dat biedt de werkgever.",
	"niet in uw aanbod", "niet in het aanbod van de werkgever",
	"you ask at least", "the employer asks at least",
	"your start date", "the start date",
	"; you offer it.", "; the employer offers it.",
	"not in your offer", "not in the employer's offer",
)

// forKlantmanager is a card's reasons in the klantmanager's words.
func forKlantmanager(c Card) Card {
	reasons := make([]Reason, len(c.Reasons))
	for i, r := range c.Reasons {
		r.NL, r.EN = klantmanagerWords.Replace(r.NL), klantmanagerWords.Replace(r.EN)
		reasons[i] = r
	}
	c.Reasons = reasons
	return c
}
