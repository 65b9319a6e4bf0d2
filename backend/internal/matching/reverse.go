package matching

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
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
// candidates: the same occupation first, then the same ISCO unit group;
// within the candidate's and the opening's travel distance; of a kind that
// matches the candidate's participatieladder rung. One multi-search request.
func (s *Service) ForCandidate(ctx context.Context, p authz.Principal, candidateID string) ([]Fit, error) {
	c, err := s.Candidates.Get(ctx, p, candidateID)
	if err != nil {
		return nil, err
	}
	d, err := candidate.Source{DB: s.DB, Skills: s.Skills}.Project(ctx, s.DB, p.RegionID, c.ID)
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
	limit := int64(maxFits)
	res, err := s.Search.Service().MultiSearchWithContext(ctx, &meilisearch.MultiSearchRequest{Queries: []*meilisearch.SearchRequest{
		{IndexUID: uid, Filter: base + " AND occupationId IN " + quote(d.Occupations), Limit: limit, Sort: []string{"publishedAt:desc"}},
		{IndexUID: uid, Filter: base + " AND iscoGroup IN " + quote(d.ISCOGroups) + " AND NOT occupationId IN " + quote(d.Occupations), Limit: limit, Sort: []string{"publishedAt:desc"}},
	}})
	if err != nil {
		return nil, apperr.Unavailable(apperr.Search, fmt.Errorf("openings for candidate: %w", err))
	}
	var fits []Fit
	orgIDs := map[string]bool{}
	for i, r := range res.Results {
		var docs []opening.Document
		if err := r.Hits.DecodeInto(&docs); err != nil {
			return nil, err
		}
		for _, od := range docs {
			o := openingFromDocument(od)
			fits = append(fits, Fit{OpeningID: od.ID, Title: od.Title, Place: od.Place, Kind: opening.Kind(od.Kind), Exact: i == 0,
				OrganisationName: od.OrganisationID, Card: s.card(o, d)})
			orgIDs[od.OrganisationID] = true
		}
	}
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
			RequiredSkills: d.RequiredSkills, MaxTravelKm: d.MaxTravelKm, HoursMin: d.HoursMin, HoursMax: d.HoursMax, Support: d.Support}}
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
