package matching

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/geo"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// Query is what Meilisearch is asked for one pool page (run.go reads it).
type Query struct {
	// Request filters the whole pool and asks for the facets, no hits.
	Request *meilisearch.SearchRequest
	// Base is the part of the filter that always holds (region, consent,
	// status, not expired): pinned candidates must pass it too.
	Base string
	// Where is the filter of the whole pool (Request's filter).
	Where string
	rule  rankRule
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
	acceptable, err := s.acceptable(ctx, o)
	if err != nil {
		return Query{}, err
	}
	return s.buildQuery(ctx, o, f, r, acceptable)
}

// buildQuery is BuildQuery given the region and the occupations the
// opening accepts (read side by side by Get).
func (s *Service) buildQuery(ctx context.Context, o opening.Opening, f Filters, region poolRegion, acceptable map[string]occupation.Strength) (Query, error) {
	var bad apperr.Fields
	add := bad.Add
	radius := o.MaxTravelKm
	if f.RadiusKm != 0 {
		radius = f.RadiusKm
	}
	if radius < 1 || radius > MaxKm {
		add("radiusKm", "range", msg.M("matching.radiusKmRange", MaxKm))
	}
	if f.Page < 1 || f.Page > MaxPage {
		add("page", "range", msg.M("matching.pageRange", MaxPage))
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
			add("rungMin", "range", msg.M("matching.rungMinRange"))
		}
	}
	if f.HoursMin != 0 && f.HoursMax != 0 && f.HoursMin > f.HoursMax {
		add("hoursMax", "minMax", msg.M("field.maximumBelowMinimum"))
	}
	if len(bad) > 0 {
		return Query{}, &apperr.InvalidError{Fields: bad}
	}
	now := s.now()
	base := findable(o.RegionID, now)
	travel, err := s.travelFilter(ctx, o.RegionID, region.areas, o.Lat, o.Lon, radius)
	if err != nil {
		return Query{}, err
	}
	rule := rankRule{acceptable: acceptable, hoursMin: o.HoursMin, freshDay: candidate.Day(now.Add(-candidate.StaleAfter)),
		wishes: wishes(o), anyOccupation: f.AnyOccupation}
	// The order is Meilisearch's cost (docs/benchmarks.md, the cost
	// table): it evaluates an AND from left to right, and a selective
	// equality first (the accepted occupations, verplicht skills) makes the
	// ranges and the travel filter after it cheap; a range before the
	// travel filter made it three times dearer. So: selective equalities,
	// the other equalities, ranges, the travel filter, the expiry.
	var filter []string
	if !f.AnyOccupation {
		filter = append(filter, rule.occupationIn(occupation.Related))
	}
	for _, id := range o.MandatorySkills {
		filter = append(filter, fmt.Sprintf("skills = %q", id))
	}
	filter = append(filter, base[:len(base)-1]...)
	filter = append(filter, fmt.Sprintf("rung %d TO %d", lo, hi))
	if f.FreshOnly {
		filter = append(filter, fmt.Sprintf("confirmedDay > %d", candidate.Day(now.Add(-candidate.StaleAfter))))
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
	filter = append(filter, travel, base[len(base)-1])
	where := strings.Join(filter, " AND ")
	none := int64(0)
	asked := facets
	if f.SkipFacets {
		asked = nil
	}
	return Query{Base: strings.Join(base, " AND "), Where: where, rule: rule, Request: &meilisearch.SearchRequest{
		Filter:      where,
		Facets:      asked,
		HitsPerPage: &none,
		Page:        1,
	}}, nil
}

// acceptable are the occupations an opening's pool takes in: its own
// (exact), its "ook passend" (close) and what the relatedness model,
// with the region's own changes, relates to its own occupation.
func (s *Service) acceptable(ctx context.Context, o opening.Opening) (map[string]occupation.Strength, error) {
	related, err := s.Relatedness.Related(ctx, o.RegionID, []string{o.OccupationID})
	if err != nil {
		return nil, err
	}
	out := map[string]occupation.Strength{}
	for id, r := range related {
		out[id] = r.Strength
	}
	for _, id := range o.AcceptableOccupations {
		out[id] = max(out[id], occupation.Close)
	}
	out[o.OccupationID] = occupation.Exact
	return out, nil
}

// findable is the part of every pool filter that always holds: the region's
// consenting candidates, available or in process, not expired (in whole
// days, candidate.Day). The expiry, a range, comes last (buildQuery).
func findable(regionID string, now time.Time) []string {
	return []string{
		fmt.Sprintf("regionId = %q", regionID),
		"consent = true",
		`status IN ["available", "in_process"]`,
		fmt.Sprintf("confirmedDay > %d", candidate.Day(now.Add(-candidate.ExpiredAfter))),
	}
}

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

// region reads the settings and the count side by side (a pool waits for
// them).
func (s *Service) region(ctx context.Context, regionID string) (poolRegion, error) {
	var (
		r          poolRegion
		errS, errC error
		wait       sync.WaitGroup
	)
	wait.Add(1)
	go func() {
		defer wait.Done()
		errC = s.DB.WithContext(ctx).Raw(`SELECT count(*) FROM region_pc4s WHERE region_id = ?`, regionID).Row().Scan(&r.areas)
	}()
	rs, errS := s.Regions.RegionSettings(ctx, s.DB, regionID)
	wait.Wait()
	if err := errors.Join(errS, errC); err != nil {
		return poolRegion{}, err
	}
	r.poolRungs = rs.PoolRungs
	return r, nil
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
// candidate's own travel distance" in PC4 areas: 6–18× cheaper in
// Meilisearch than _geoRadius (docs/benchmarks.md). The areas are only the
// region's own (region_pc4s), as rings (travelRings): each area named once,
// by number, beside the least travel distance that reaches it.
func (s *Service) travelFilter(ctx context.Context, regionID string, count int, lat, lon float64, radius int) (string, error) {
	areas, err := s.regionAreas(ctx, regionID, count)
	if err != nil {
		return "", err
	}
	key := fmt.Sprintf("%s,%d,%.5f,%.5f,%d", regionID, areas.version, lat, lon, radius)
	if f, ok := travelFilters.Load(key); ok {
		return f.(string), nil
	}
	f := buildTravelFilter(lat, lon, radius, &areas)
	travelFilters.Store(key, f)
	return f, nil
}

// travelFilters caches travel filters by region (and its number of
// areas, which only grows), place and radius: the same for every page of
// every pool of an opening. Bounded by regions × places × radii asked.
var travelFilters sync.Map

// regionAreas is the region's PC4 areas given their count n (the
// version: region_pc4s only grows), cached until the count changes.
func (s *Service) regionAreas(ctx context.Context, regionID string, n int) (areaSet, error) {
	if c, ok := regionAreaCache.Load(regionID); ok && c.(areaSet).version == n {
		return c.(areaSet), nil
	}
	var list []string
	if err := s.DB.WithContext(ctx).Raw(`SELECT pc4 FROM region_pc4s WHERE region_id = ?`, regionID).Scan(&list).Error; err != nil {
		return areaSet{}, err
	}
	set := newAreaSet(list)
	regionAreaCache.Store(regionID, set)
	return set, nil
}

// areaSet is a region's PC4 areas.
type areaSet struct {
	version int
	areas   map[string]bool
}

func newAreaSet(list []string) areaSet {
	set := areaSet{version: len(list), areas: make(map[string]bool, len(list))}
	for _, a := range list {
		set.areas[a] = true
	}
	return set
}

var regionAreaCache sync.Map

// buildTravelFilter writes the travel filter: with a region's areas as
// rings (travelRings); with areas nil (the openings index, no region) per
// bucket, every PC4 area within reach by code (pc4 IN).
func buildTravelFilter(lat, lon float64, radius int, areas *areaSet) string {
	if areas != nil {
		return renderRings(travelRings(lat, lon, radius, areas))
	}
	var parts []string
	for i, b := range travelBuckets {
		travel, km := fmt.Sprintf("maxTravelKm >= %d", b), radius
		if b < radius {
			next := 1 << 30
			if i+1 < len(travelBuckets) {
				next = travelBuckets[i+1]
			}
			travel, km = fmt.Sprintf("maxTravelKm >= %d AND maxTravelKm < %d", b, next), b
		}
		parts = append(parts, fmt.Sprintf("(%s AND pc4 IN %s)", travel, quote(geo.Within(lat, lon, float64(km)))))
		if b >= radius {
			break
		}
	}
	if unknownTravelKm <= radius {
		parts = append(parts, fmt.Sprintf("(maxTravelKm = 0 AND pc4 IN %s)", quote(geo.Within(lat, lon, unknownTravelKm))))
	}
	return "(" + strings.Join(parts, " OR ") + ")"
}

// travelRing is one clause of a pool's travel filter: the candidates who
// travel at least MinKm (or, with Unknown, who gave no distance) and live in
// one of Areas (PC4 numbers), or anywhere in the region with All.
type travelRing struct {
	MinKm   int  // 0: only candidates without a travel distance (Unknown)
	Unknown bool // candidates without a travel distance count too
	All     bool // every area of the region (no list)
	Areas   []int
}

// travelRings is "within the opening's radius and within the candidate's
// own travel distance" over a region's areas. A candidate travelling k km
// counts as the largest bucket b ≤ k and reaches the areas within
// min(b, radius) km; one without a distance reaches unknownTravelKm (when
// that is within the radius). So each area has a least bucket that reaches
// it: the areas are grouped by that bucket (rings around the place, each
// area named once) rather than listed again for every bucket, and named by
// number (pc4Number IN) rather than as runs of numbers (a TO b): in
// Meilisearch a range term costs many times an equality, and the condition
// on maxTravelKm before each list keeps the lists cheap. At a million
// candidates this took ~40% off the filter's time (docs/benchmarks.md, "The
// travel filter as rings").
// From the bucket whose reach holds every area of the region on, one ring
// "maxTravelKm ≥ b, any area" serves.
func travelRings(lat, lon float64, radius int, areas *areaSet) []travelRing {
	within := func(km int) map[string]bool { // the region's areas within km
		in := map[string]bool{}
		for _, a := range geo.Within(lat, lon, float64(km)) {
			if areas.areas[a] {
				in[a] = true
			}
		}
		return in
	}
	least := map[string]int{} // area → the least bucket that reaches it
	allFrom := 0              // the least bucket that reaches every area
	for _, b := range travelBuckets {
		in := within(min(b, radius))
		if len(in) == len(areas.areas) {
			allFrom = b
			break
		}
		for a := range in {
			if _, ok := least[a]; !ok {
				least[a] = b
			}
		}
		if b >= radius {
			break
		}
	}
	unknown := map[string]bool{}
	if unknownTravelKm <= radius {
		unknown = within(unknownTravelKm)
	}
	unknownAll := len(unknown) == len(areas.areas)
	type key struct {
		minKm   int
		unknown bool
	}
	groups := map[key][]int{}
	add := func(k key, a string) {
		if n, err := strconv.Atoi(a); err == nil {
			groups[k] = append(groups[k], n)
		}
	}
	for a, b := range least {
		add(key{b, unknown[a] && !unknownAll}, a)
	}
	if !unknownAll {
		for a := range unknown {
			if _, ok := least[a]; !ok {
				add(key{0, true}, a)
			}
		}
	}
	var rings []travelRing
	for k, ns := range groups {
		slices.Sort(ns)
		rings = append(rings, travelRing{MinKm: k.minKm, Unknown: k.unknown, Areas: ns})
	}
	if allFrom > 0 {
		rings = append(rings, travelRing{MinKm: allFrom, All: true})
	}
	if unknownAll {
		rings = append(rings, travelRing{Unknown: true, All: true})
	}
	slices.SortFunc(rings, func(x, y travelRing) int {
		return cmp.Or(cmp.Compare(x.MinKm, y.MinKm), cmp.Compare(len(x.Areas), len(y.Areas)), compareBool(x.Unknown, y.Unknown))
	})
	return rings
}

// renderRings writes the rings as a Meilisearch filter, the condition on
// the travel distance before each list of areas (docs/benchmarks.md).
func renderRings(rings []travelRing) string {
	var parts []string
	for _, r := range rings {
		var travel string
		switch {
		case r.MinKm > 0 && r.Unknown:
			travel = fmt.Sprintf("(maxTravelKm >= %d OR maxTravelKm = 0)", r.MinKm)
		case r.MinKm > 0:
			travel = fmt.Sprintf("maxTravelKm >= %d", r.MinKm)
		default:
			travel = "maxTravelKm = 0"
		}
		if r.All {
			parts = append(parts, "("+travel+" AND pc4Number EXISTS)")
			continue
		}
		ns := make([]string, len(r.Areas))
		for i, n := range r.Areas {
			ns[i] = strconv.Itoa(n)
		}
		parts = append(parts, fmt.Sprintf("(%s AND pc4Number IN [%s])", travel, strings.Join(ns, ", ")))
	}
	if len(parts) == 0 {
		return "(maxTravelKm = -1)" // nobody of the region lives within reach
	}
	return "(" + strings.Join(parts, " OR ") + ")"
}
