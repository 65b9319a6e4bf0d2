// Package matching computes an opening's anonymous candidate pool: one
// Meilisearch query per page over the candidates index, filtered by region,
// consent, status, freshness, participatieladder rung and each candidate's
// own travel distance, ranked on occupation and skills, and explained per
// criterion in Go. It never reads candidate_identities.
package matching

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/meilisearch/meilisearch-go"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/geo"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/skill"
)

// Service answers pool queries.
type Service struct {
	DB       *gorm.DB
	Search   *search.Client
	Openings Openings
	Skills   *skill.Vocabulary
	Now      func() time.Time
	// Views records which candidates each organisation saw (may be nil).
	Views *Recorder
	// Candidates scopes the reverse direction to a klantmanager's caseload
	// and answers whether a candidate to pin consented.
	Candidates Candidates
	// Regions gives the region's settings and Organisations their names
	// (package identity).
	Regions       Regions
	Organisations Organisations
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// Filters narrow or widen an opening's defaults; nil/zero is the default.
type Filters struct {
	RadiusKm        int // default: the opening's max travel distance; at most 200
	HoursMin        int
	HoursMax        int
	AvailableBefore *time.Time
	MinEducation    string
	Languages       []string // language codes
	DrivingLicence  bool
	RungMin         int
	RungMax         int
	Flags           []string // doelgroepregister, praktijkroute, lksIndicatie
	OfferedSupport  bool     // only candidates whose support needs the opening all offers
	FreshOnly       bool     // leave out profiles not confirmed in 90 days
	// AnyOccupation drops the occupation and skill text: the whole region
	// on the rungs, ordered by fresh profiles and earliest availability.
	AnyOccupation bool
	Page          int // 1-based
}

// PageSize and MaxPage bound what a pool reaches: 20 per page, 1,000 in all.
const (
	PageSize = 20
	MaxPage  = 1000 / PageSize
	MaxKm    = 200
)

// RungRange is the participatieladder range a kind of opening reaches:
// vacatures, proefplaatsen and leerwerkplekken rungs 4–6, participatieplekken
// 2–4; a region may set its own in regions.settings.poolRungs.
func (s *Service) RungRange(ctx context.Context, regionID string, kind opening.Kind) (int, int) {
	r, _ := s.region(ctx, regionID)
	return r.rungs(kind)
}

// poolRegion is what a pool query needs of its region: the rung settings
// and how many PC4 areas it has (region_pc4s).
type poolRegion struct {
	poolRungs map[string][2]int
	areas     int
}

func (s *Service) region(ctx context.Context, regionID string) (poolRegion, error) {
	rs, err := s.Regions.RegionSettings(ctx, s.DB, regionID)
	if err != nil {
		return poolRegion{}, err
	}
	r := poolRegion{poolRungs: rs.PoolRungs}
	err = s.DB.WithContext(ctx).Raw(`SELECT count(*) FROM region_pc4s WHERE region_id = ?`, regionID).Row().Scan(&r.areas)
	return r, err
}

func (r poolRegion) rungs(kind opening.Kind) (int, int) {
	lo, hi := 4, 6
	key := "default"
	if kind == opening.Participatieplek {
		lo, hi, key = 2, 4, "participatieplek"
	}
	if c, ok := r.poolRungs[key]; ok && c[0] >= 1 && c[1] <= 6 && c[0] <= c[1] {
		lo, hi = c[0], c[1]
	}
	return lo, hi
}

// travelBuckets are the steps of a candidate's own travel distance: a
// candidate willing to travel k km counts as the largest bucket ≤ k, so the
// pool never shows anyone beyond their own limit.
var travelBuckets = []int{5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150}

// unknownTravelKm is assumed for a candidate without a travel distance.
const unknownTravelKm = 10

func quote(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// travelFilter expresses "within the opening's radius and within the
// candidate's own travel distance" as OR-ed buckets of PC4 lists: 6–18×
// cheaper in Meilisearch than _geoRadius (DESIGN.md §4). The lists keep
// only the region's own PC4 areas (region_pc4s), and a bucket whose list
// would hold all of them needs no list at all.
func (s *Service) travelFilter(ctx context.Context, regionID string, count int, lat, lon float64, radius int) (string, error) {
	areas, version, err := s.regionAreas(ctx, regionID, count)
	if err != nil {
		return "", err
	}
	key := fmt.Sprintf("%s,%d,%.5f,%.5f,%d", regionID, version, lat, lon, radius)
	if f, ok := travelFilters.Load(key); ok {
		return f.(string), nil
	}
	f := buildTravelFilter(lat, lon, radius, areas)
	travelFilters.Store(key, f)
	return f, nil
}

// travelFilters caches travel filters by region (and its number of
// areas, which only grows), place and radius: the same for every page of
// every pool of an opening. Bounded by regions × places × radii asked.
var travelFilters sync.Map

// regionAreas is the region's PC4 areas given their count n (the
// version: region_pc4s only grows), cached until the count changes.
func (s *Service) regionAreas(ctx context.Context, regionID string, n int) (map[string]bool, int, error) {
	if c, ok := regionAreaCache.Load(regionID); ok && c.(areaSet).version == n {
		return c.(areaSet).areas, n, nil
	}
	var list []string
	if err := s.DB.WithContext(ctx).Raw(`SELECT pc4 FROM region_pc4s WHERE region_id = ?`, regionID).Scan(&list).Error; err != nil {
		return nil, 0, err
	}
	areas := make(map[string]bool, len(list))
	for _, a := range list {
		areas[a] = true
	}
	regionAreaCache.Store(regionID, areaSet{version: len(list), areas: areas})
	return areas, len(list), nil
}

type areaSet struct {
	version int
	areas   map[string]bool
}

var regionAreaCache sync.Map

// buildTravelFilter writes the buckets; areas nil lists every PC4 area
// (for the openings index). A bucket whose PC4 list (within
// the region's areas) holds every area of the region becomes "has a PC4",
// and so does every larger bucket: they are merged into one clause.
func buildTravelFilter(lat, lon float64, radius int, areas map[string]bool) string {
	var parts []string
	within := func(km int) ([]string, bool) {
		if areas == nil {
			return geo.Within(lat, lon, float64(km)), false // no restriction (the openings index)
		}
		var out []string
		for _, a := range geo.Within(lat, lon, float64(km)) {
			if areas[a] {
				out = append(out, a)
			}
		}
		return out, len(out) == len(areas)
	}
	clause := func(travel string, km int) string {
		list, all := within(km)
		switch {
		case all:
			return "(" + travel + " AND pc4 EXISTS)"
		case len(list) == 0:
			return ""
		}
		return fmt.Sprintf("(%s AND pc4 IN %s)", travel, quote(list))
	}
	for i, b := range travelBuckets {
		if _, all := within(min(b, radius)); all {
			parts = append(parts, clause(fmt.Sprintf("maxTravelKm >= %d", b), min(b, radius)))
			break
		}
		if b >= radius {
			parts = append(parts, clause(fmt.Sprintf("maxTravelKm >= %d", b), radius))
			break
		}
		next := 1 << 30
		if i+1 < len(travelBuckets) {
			next = travelBuckets[i+1]
		}
		parts = append(parts, clause(fmt.Sprintf("maxTravelKm >= %d AND maxTravelKm < %d", b, next), b))
	}
	if unknownTravelKm <= radius {
		parts = append(parts, clause("maxTravelKm = 0", unknownTravelKm))
	}
	parts = slices.DeleteFunc(parts, func(p string) bool { return p == "" })
	if len(parts) == 0 {
		return "(maxTravelKm = -1)" // nobody of the region lives within reach
	}
	return "(" + strings.Join(parts, " OR ") + ")"
}

// Query is the Meilisearch request of one pool page.
type Query struct {
	Text    string
	Request *meilisearch.SearchRequest
	// Base is the part of the filter that always holds (region, consent,
	// status, not expired): pinned candidates must pass it too.
	Base string
}

// facets the UI shows counts for.
var facets = []string{"drivingLicence", "ownTransport", "languageCodes", "educationRank", "rung", "supportNeeds", "doelgroepregister", "praktijkroute", "lksIndicatie"}

// BuildQuery turns an opening and filters into the pool's Meilisearch
// request. It is separate from running it so the benchmark can issue the
// identical raw query.
func (s *Service) BuildQuery(ctx context.Context, o opening.Opening, f Filters) (Query, error) {
	r, err := s.region(ctx, o.RegionID)
	if err != nil {
		return Query{}, err
	}
	return s.buildQuery(ctx, o, f, r)
}

func (s *Service) buildQuery(ctx context.Context, o opening.Opening, f Filters, region poolRegion) (Query, error) {
	var bad apperr.Fields
	add := bad.Add
	radius := o.MaxTravelKm
	if f.RadiusKm != 0 {
		radius = f.RadiusKm
	}
	if radius < 1 || radius > MaxKm {
		add("radiusKm", "range", fmt.Sprintf("Kies 1 tot %d km. / Choose 1 to %d km.", MaxKm, MaxKm))
	}
	if f.Page < 1 || f.Page > MaxPage {
		add("page", "range", fmt.Sprintf("Pagina 1 tot %d (hoogstens 1000 kandidaten). / Page 1 to %d (at most 1,000 candidates).", MaxPage, MaxPage))
	}
	lo, hi := region.rungs(o.Kind)
	if f.RungMin != 0 || f.RungMax != 0 {
		if f.RungMin != 0 {
			lo = f.RungMin
		}
		if f.RungMax != 0 {
			hi = f.RungMax
		}
		if lo < 1 || hi > 6 || lo > hi {
			add("rungMin", "range", "Treden 1 tot 6, van laag naar hoog. / Rungs 1 to 6, low to high.")
		}
	}
	if f.HoursMin != 0 && f.HoursMax != 0 && f.HoursMin > f.HoursMax {
		add("hoursMax", "minMax", "Het maximum is kleiner dan het minimum. / The maximum is below the minimum.")
	}
	if len(bad) > 0 {
		return Query{}, &apperr.InvalidError{Fields: bad}
	}
	now := s.now()
	base := []string{
		fmt.Sprintf("regionId = %q", o.RegionID),
		"consent = true",
		`status IN ["available", "in_process"]`,
		fmt.Sprintf("confirmedAt > %d", now.Add(-candidate.ExpiredAfter).Unix()),
	}
	travel, err := s.travelFilter(ctx, o.RegionID, region.areas, o.Lat, o.Lon, radius)
	if err != nil {
		return Query{}, err
	}
	filter := append(slices.Clone(base), fmt.Sprintf("rung %d TO %d", lo, hi), travel)
	if f.FreshOnly {
		filter = append(filter, fmt.Sprintf("confirmedAt > %d", now.Add(-candidate.StaleAfter).Unix()))
	}
	if f.HoursMin != 0 {
		filter = append(filter, fmt.Sprintf("hoursMax >= %d", f.HoursMin))
	}
	if f.HoursMax != 0 {
		filter = append(filter, fmt.Sprintf("hoursMin <= %d", f.HoursMax))
	}
	if f.AvailableBefore != nil {
		filter = append(filter, fmt.Sprintf("availableFrom <= %d", f.AvailableBefore.Unix()))
	}
	if f.MinEducation != "" {
		filter = append(filter, fmt.Sprintf("educationRank >= %d", candidate.EducationRank(f.MinEducation)))
	}
	for _, l := range f.Languages {
		filter = append(filter, fmt.Sprintf("languageCodes = %q", l))
	}
	if f.DrivingLicence {
		filter = append(filter, "drivingLicence = true")
	}
	for _, fl := range f.Flags {
		filter = append(filter, fl+" = true")
	}
	if f.OfferedSupport {
		// Every need the candidate has must be one the opening offers.
		var notOffered []string
		for _, s := range opening.Support {
			if !slices.Contains(o.Support, s) {
				notOffered = append(notOffered, s)
			}
		}
		if len(notOffered) > 0 {
			filter = append(filter, "NOT supportNeeds IN "+quote(notOffered))
		}
	}
	// Text: the ISCO unit group first (every hit shares it: exact and near
	// occupations), then the occupation, the required skills and last the
	// opening's minimum hours. Meilisearch drops words from the end
	// (matchingStrategy last), so a hit matching more of them, in this
	// order of weight, ranks higher: skills before hours fit.
	words := []string{o.ISCOGroup, o.OccupationLabel}
	for _, id := range o.RequiredSkills {
		if sk, ok := s.Skills.Get(id); ok {
			words = append(words, sk.LabelNL)
		}
	}
	if w := candidate.HoursFitQuery(o.HoursMin); w != "" {
		words = append(words, w)
	}
	if f.AnyOccupation {
		words = nil
	}
	hits := int64(PageSize)
	return Query{Text: strings.Join(words, " "), Base: strings.Join(base, " AND "), Request: &meilisearch.SearchRequest{
		Filter:           strings.Join(filter, " AND "),
		Facets:           facets,
		Sort:             []string{"confirmedAt:desc", "availableFrom:asc"},
		MatchingStrategy: meilisearch.Last,
		HitsPerPage:      &hits,
		Page:             int64(f.Page),
	}}, nil
}

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
	// Pinned: recommended by the accountmanager ("Aanbevolen door uw accountmanager").
	Pinned  bool
	PinNote string
}

// Pool is one page of an opening's pool.
type Pool struct {
	Cards      []Card
	Total      int
	Page       int
	TotalPages int
	Facets     map[string]map[string]int
	Query      Query
}

// Get answers one page of the pool of opening id for p: the opening's
// organisation users and the region's accountmanagers and admins.
func (s *Service) Get(ctx context.Context, p authz.Principal, id string, f Filters) (Pool, error) {
	if !p.Has(authz.Admin, authz.Accountmanager, authz.Werkgever, authz.Zorgaanbieder) {
		return Pool{}, fmt.Errorf("pool: %w", apperr.ErrForbidden)
	}
	// The opening (with its tenancy check), its pins and the region are
	// read side by side: three round trips in the time of one. Pins are
	// only used once the opening is known to be the caller's.
	var (
		o                opening.Opening
		pins             map[string]string
		region           poolRegion
		errO, errP, errR error
		wait             sync.WaitGroup
	)
	wait.Add(3)
	go func() { defer wait.Done(); o, errO = s.Openings.Get(ctx, p, id) }()
	go func() { defer wait.Done(); pins, errP = s.pins(ctx, id) }()
	go func() { defer wait.Done(); region, errR = s.region(ctx, p.RegionID) }()
	wait.Wait()
	if err := errors.Join(errO, errP, errR); err != nil {
		if errO != nil {
			return Pool{}, errO
		}
		return Pool{}, err
	}
	if o.State == opening.Closed || o.State == opening.Filled {
		return Pool{}, &apperr.ConflictError{Code: "openingFinished", Detail: "Deze plek is gesloten of vervuld; er is geen pool meer. / This opening is closed or filled; it has no pool any more."}
	}
	if f.Page == 0 {
		f.Page = 1
	}
	q, err := s.buildQuery(ctx, o, f, region)
	if err != nil {
		return Pool{}, err
	}
	var pinned []candidate.Document
	var pinnedTotal int
	var pinFacets map[string]map[string]int
	var res *meilisearch.SearchResponse
	if len(pins) > 0 {
		ids := make([]string, 0, len(pins))
		for id := range pins {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		q.Request.Filter = fmt.Sprintf("%s AND NOT id IN %s", q.Request.Filter, quote(ids))
		main := *q.Request
		main.IndexUID, main.Query = s.Search.UID(candidate.IndexName), q.Text
		// Pinned candidates, first on the first page, in the same request;
		// on later pages only counted, so totals and facet counts include
		// them on every page.
		perPage := int64(0)
		if f.Page == 1 {
			perPage = int64(len(ids))
		}
		pinQuery := &meilisearch.SearchRequest{IndexUID: main.IndexUID, Filter: q.Base + " AND id IN " + quote(ids), Facets: facets,
			HitsPerPage: &perPage, Page: 1}
		multi, err := s.Search.Service().MultiSearchWithContext(ctx, &meilisearch.MultiSearchRequest{Queries: []*meilisearch.SearchRequest{&main, pinQuery}})
		if err != nil {
			return Pool{}, fmt.Errorf("pool query: %v: %w", err, apperr.ErrUnavailable)
		}
		res = &multi.Results[0]
		pinRes := multi.Results[1]
		if err := pinRes.Hits.DecodeInto(&pinned); err != nil {
			return Pool{}, err
		}
		pinnedTotal = int(pinRes.TotalHits)
		if len(pinRes.FacetDistribution) > 0 {
			_ = json.Unmarshal(pinRes.FacetDistribution, &pinFacets)
		}
	} else {
		res, err = s.Search.Index(candidate.IndexName).SearchWithContext(ctx, q.Text, q.Request)
		if err != nil {
			return Pool{}, fmt.Errorf("pool query: %v: %w", err, apperr.ErrUnavailable)
		}
	}
	var docs []candidate.Document
	if err := res.Hits.DecodeInto(&docs); err != nil {
		return Pool{}, err
	}
	out := Pool{Total: int(res.TotalHits) + pinnedTotal, Page: f.Page, TotalPages: int(res.TotalPages), Query: q, Facets: map[string]map[string]int{}}
	if len(res.FacetDistribution) > 0 {
		_ = json.Unmarshal(res.FacetDistribution, &out.Facets)
	}
	for facet, counts := range pinFacets {
		if out.Facets[facet] == nil {
			out.Facets[facet] = map[string]int{}
		}
		for v, n := range counts {
			out.Facets[facet][v] += n
		}
	}
	for _, d := range pinned {
		c := s.card(o, d)
		c.Pinned, c.PinNote = true, pins[d.ID]
		out.Cards = append(out.Cards, c)
	}
	for _, d := range docs {
		out.Cards = append(out.Cards, s.card(o, d))
	}
	views := make([]View, len(out.Cards))
	for i, c := range out.Cards {
		views[i] = View{RegionID: o.RegionID, OpeningID: o.ID, OrganisationID: o.OrganisationID, CandidateID: c.ID, ViewerRole: string(p.Role), ViewedAt: s.now()}
	}
	s.Views.Record(views...)
	return out, nil
}

// card explains one hit against the opening.
func (s *Service) card(o opening.Opening, d candidate.Document) Card {
	c := Card{ID: d.ID, Code: d.Code, Occupations: d.OccupationLabels, HoursMin: d.HoursMin, HoursMax: d.HoursMax, Rung: d.Rung,
		SupportNeeds: d.SupportNeeds, Doelgroepregister: d.Doelgroepregister, Praktijkroute: d.Praktijkroute, LKSIndicatie: d.LKSIndicatie,
		DrivingLicence: d.DrivingLicence, Freshness: candidate.FreshnessOf(time.Unix(d.ConfirmedAt, 0), s.now()),
		MatchedSkills: []string{}, MissingSkills: []string{}}
	if d.AvailableFrom > 0 {
		t := time.Unix(d.AvailableFrom, 0).UTC()
		c.AvailableFrom = &t
	}
	add := func(r Reason) { c.Reasons = append(c.Reasons, r) }
	switch {
	case slices.Contains(d.Occupations, o.OccupationID):
		add(Reason{Criterion: "occupation", Outcome: "match", NL: "Zoekt werk als " + o.OccupationLabel + ".", EN: "Looking for work as " + o.OccupationLabel + "."})
	case slices.Contains(d.ISCOGroups, o.ISCOGroup):
		add(Reason{Criterion: "occupation", Outcome: "near", NL: "Zoekt verwant werk: " + strings.Join(d.OccupationLabels, ", ") + ".",
			EN: "Looking for related work: " + strings.Join(d.OccupationLabels, ", ") + "."})
	default:
		add(Reason{Criterion: "occupation", Outcome: "missing", NL: "Zoekt ander werk.", EN: "Looking for other work."})
	}
	for _, id := range o.RequiredSkills {
		label := id
		if sk, ok := s.Skills.Get(id); ok {
			label = sk.LabelNL
		}
		if slices.Contains(d.Skills, id) {
			c.MatchedSkills = append(c.MatchedSkills, id)
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

// pins are an opening's pinned candidates with their notes.
func (s *Service) pins(ctx context.Context, openingID string) (map[string]string, error) {
	var rows []struct{ CandidateID, Note string }
	if err := s.DB.WithContext(ctx).Table("pool_pins").Select("candidate_id, note").Where("opening_id = ?", openingID).Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.CandidateID] = r.Note
	}
	return out, nil
}

// Pin recommends a candidate for an opening (accountmanagers and admins of
// the region). The candidate must be in the region with consent; pinning
// twice updates the note.
func (s *Service) Pin(ctx context.Context, p authz.Principal, openingID, candidateID, note, ip string) error {
	if !p.Has(authz.Admin, authz.Accountmanager) {
		return fmt.Errorf("pin: %w", apperr.ErrForbidden)
	}
	o, err := s.Openings.Get(ctx, p, openingID)
	if err != nil {
		return err
	}
	if o.State == opening.Closed || o.State == opening.Filled {
		return &apperr.ConflictError{Code: "openingFinished", Detail: "Deze plek is gesloten of vervuld. / This opening is closed or filled."}
	}
	consent, err := s.Candidates.Consent(ctx, p.RegionID, candidateID)
	if err != nil {
		return apperr.Invalid("candidateId", "unknown", "Geen kandidaat in uw regio. / Not a candidate in your region.")
	}
	if !consent {
		return &apperr.ConflictError{Code: "noConsent", Detail: "Deze kandidaat heeft geen toestemming gegeven om gevonden te worden. / This candidate has not consented to be found."}
	}
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`INSERT INTO pool_pins (opening_id, candidate_id, region_id, note, pinned_by) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (opening_id, candidate_id) DO UPDATE SET note = EXCLUDED.note, pinned_by = EXCLUDED.pinned_by, pinned_at = now()`,
			openingID, candidateID, p.RegionID, strings.TrimSpace(note), p.UserID).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "pool.pinned", IP: ip, SubjectType: "opening", SubjectID: openingID,
			Details: map[string]any{"candidateId": candidateID}}))
	})
}

// Unpin removes a recommendation; removing one that is not there is a 404.
func (s *Service) Unpin(ctx context.Context, p authz.Principal, openingID, candidateID, ip string) error {
	if _, err := s.Openings.Get(ctx, p, openingID); err != nil {
		return err
	}
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Exec(`DELETE FROM pool_pins WHERE opening_id = ? AND candidate_id = ? AND region_id = ?`, openingID, candidateID, p.RegionID)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("pin: %w", apperr.ErrNotFound)
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "pool.unpinned", IP: ip, SubjectType: "opening", SubjectID: openingID,
			Details: map[string]any{"candidateId": candidateID}}))
	})
}
