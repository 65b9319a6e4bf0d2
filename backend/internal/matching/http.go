package matching

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

type poolInput struct {
	opening.IDParam
	RadiusKm        int      `query:"radiusKm" minimum:"0" maximum:"200" doc:"Default: the opening's travel distance"`
	HoursMin        int      `query:"hoursMin" minimum:"0" maximum:"60" doc:"Candidates who can work at least this many hours"`
	HoursMax        int      `query:"hoursMax" minimum:"0" maximum:"60" doc:"Candidates who want at most this many hours"`
	AvailableBefore string   `query:"availableBefore" format:"date"`
	MinEducation    string   `query:"minEducation" enum:"geen,vmbo,mbo1,mbo2,mbo3,mbo4,havo,vwo,hbo,wo"`
	Languages       []string `query:"languages" maxItems:"5" enum:"nl,en,ar,tr,pl,ro,bg,es,fr,de,pt,uk,ru,ti,so,fa,prs,ps,zh,other"`
	DrivingLicence  bool     `query:"drivingLicence"`
	RungMin         int      `query:"rungMin" minimum:"0" maximum:"6"`
	RungMax         int      `query:"rungMax" minimum:"0" maximum:"6"`
	Flags           []string `query:"flags" maxItems:"3" enum:"doelgroepregister,praktijkroute,lksIndicatie"`
	OfferedSupport  bool     `query:"offeredSupport" doc:"Only candidates whose support needs the opening offers"`
	FreshOnly       bool     `query:"freshOnly" doc:"Leave out profiles not confirmed in 90 days"`
	AnyOccupation   bool     `query:"anyOccupation" doc:"Every occupation: the whole pool on the rungs and distance, freshest profiles and earliest availability first"`
	Page            int      `query:"page" minimum:"1" maximum:"50" default:"1" doc:"20 per page, at most 1,000 candidates"`
	Facets          bool     `query:"facets" default:"true" doc:"Count the candidates per filter value (the filter panel's numbers). A next page of the same filters can say false: the counts do not change with the page, and leaving them out saves most of a large pool's cost."`
}

type reasonBody struct {
	Criterion string `json:"criterion" enum:"occupation,skill,distance,hours,availability,support,freshness"`
	Outcome   string `json:"outcome" enum:"match,near,missing"`
	ReasonNL  string `json:"reasonNl"`
	ReasonEN  string `json:"reasonEn"`
	Gap       string `json:"gap,omitempty" doc:"A service that closes the gap" enum:",scholing,jobcoaching,opbouwschema,reiskostenvergoeding,jobcoach,werkplekaanpassing"`
}

type cardBody struct {
	ID                string       `json:"id" format:"uuid"`
	Code              string       `json:"code" example:"K-7F3A2"`
	Occupations       []string     `json:"occupations"`
	MatchedSkills     []string     `json:"matchedSkills"`
	MissingSkills     []string     `json:"missingSkills"`
	DistanceKm        int          `json:"distanceKm"`
	HoursMin          int          `json:"hoursMin"`
	HoursMax          int          `json:"hoursMax"`
	AvailableFrom     string       `json:"availableFrom,omitempty" format:"date"`
	Rung              int          `json:"rung"`
	SupportNeeds      []string     `json:"supportNeeds"`
	Doelgroepregister bool         `json:"doelgroepregister"`
	Praktijkroute     bool         `json:"praktijkroute"`
	LKSIndicatie      bool         `json:"lksIndicatie"`
	DrivingLicence    bool         `json:"drivingLicence"`
	Freshness         string       `json:"freshness" enum:"fresh,stale,expired"`
	Reasons           []reasonBody `json:"reasons"`
	OccupationMatch   string       `json:"occupationMatch" enum:"exact,close,related,other" doc:"How close the candidate's closest occupation is to the opening's: exact, close (same family, ook passend or added by the region), related (same ISCO-08 unit group), other"`
	Band              int          `json:"band" minimum:"1" maximum:"4" doc:"The band of the ranking rule (docs/ranking.md): 1 own occupation, hours fit, fresh; 2 related occupation with hours fit, or own occupation not recently confirmed; 3 hours fall short; 4 other occupations (anyOccupation only)"`
	Pinned            bool         `json:"pinned" doc:"Aanbevolen door uw accountmanager"`
	PinNote           string       `json:"pinNote,omitempty"`
}

type fitBody struct {
	OpeningID        string       `json:"openingId" format:"uuid"`
	Title            string       `json:"title"`
	OrganisationName string       `json:"organisationName"`
	Place            string       `json:"place"`
	Kind             string       `json:"kind" enum:"vacature,proefplaats,leerwerkplek,participatieplek"`
	Exact            bool         `json:"exact" doc:"The candidate's own occupation is the opening's"`
	OccupationMatch  string       `json:"occupationMatch" enum:"exact,close,related,other"`
	Band             int          `json:"band" minimum:"1" maximum:"4" doc:"The band of the ranking rule, as in a pool"`
	DistanceKm       int          `json:"distanceKm"`
	Reasons          []reasonBody `json:"reasons"`
}

type fittingInput struct {
	ID string `path:"id" format:"uuid"`
}

type pinInput struct {
	opening.IDParam
	Body struct {
		CandidateID string `json:"candidateId" format:"uuid"`
		Note        string `json:"note,omitempty" maxLength:"300"`
	}
}

type unpinInput struct {
	opening.IDParam
	CandidateID string `path:"candidateId" format:"uuid"`
}

type poolBody struct {
	Items      []cardBody                `json:"items"`
	Total      int                       `json:"total"`
	Page       int                       `json:"page"`
	TotalPages int                       `json:"totalPages"`
	Facets     map[string]map[string]int `json:"facets,omitempty" doc:"Counts per filter value over the whole pool, e.g. drivingLicence.true; absent when asked with facets=false"`
}

// handlers are the pool operations: the pool of an opening, the openings
// that fit a candidate and the accountmanager's recommendations.
type handlers struct{ s *Service }

// Register adds the pool operations to api.
func Register(api huma.API, s *Service) {
	h := handlers{s}
	tags := []string{"Pools"}
	staff := authz.Roles(authz.Admin, authz.Accountmanager)
	authz.Register(api, huma.Operation{OperationID: "getPool", Method: http.MethodGet, Path: "/openings/{id}/pool",
		Summary: "Kandidatenpool (anoniem) / Candidate pool (anonymous)", Tags: tags, Errors: []int{400, 404, 409, 429, 503},
		Description: "Candidates who fit the opening, in the order of the ranking rule (docs/ranking.md: bands, then wishes present, freshness, availability), 20 per page, with the reasons per criterion and the services that close a gap. Only consenting, recently confirmed candidates of the region on the right participatieladder rungs who live within their own travel distance. No personal data."},
		authz.Roles(authz.Admin, authz.Accountmanager, authz.Werkgever, authz.Zorgaanbieder), h.pool)
	authz.Register(api, huma.Operation{OperationID: "listFittingOpenings", Method: http.MethodGet, Path: "/candidates/{id}/openings",
		Summary: "Passende vacatures voor een kandidaat / Openings that fit a candidate", Tags: tags, Errors: []int{404, 429, 503},
		Description: "Open openings of the region that fit the candidate, in the pool's order: the same occupation with hours that fit first, then related occupations (family, ook passend, region, ISCO unit group), then hours that fall short; within both travel distances; of a kind that fits the candidate's ladder rung; never one whose verplicht skills the candidate lacks. With the same reasons as a pool card."},
		authz.Roles(authz.Klantmanager, authz.Admin), h.fittingOpenings)
	authz.Register(api, huma.Operation{OperationID: "listPoolEstimates", Method: http.MethodGet, Path: "/pool-estimates",
		Summary: "Hoeveel kandidaten per beroep / How many candidates each occupation reaches", Tags: tags, Errors: []int{400, 429, 503},
		Description: "For the occupation picker of an opening: per occupation, how many available candidates of the region within the distance (and their own) a pool would hold on the kind's ladder rungs. Counts from 1 to 4 are not given (fewerThanFive)."},
		authz.Roles(authz.Admin, authz.Accountmanager, authz.Klantmanager, authz.Werkgever, authz.Zorgaanbieder), h.estimates)
	authz.Register(api, huma.Operation{OperationID: "pinCandidate", Method: http.MethodPost, Path: "/openings/{id}/pins", DefaultStatus: http.StatusNoContent,
		Summary: "Kandidaat aanbevelen / Recommend a candidate", Tags: tags, Errors: []int{400, 404, 409},
		Description: "Pinned candidates come first in the pool, labelled as recommended by the accountmanager. Pinning again updates the note."},
		staff, h.pin)
	authz.Register(api, huma.Operation{OperationID: "unpinCandidate", Method: http.MethodDelete, Path: "/openings/{id}/pins/{candidateId}", DefaultStatus: http.StatusNoContent,
		Summary: "Aanbeveling intrekken / Remove a recommendation", Tags: tags, Errors: []int{404}},
		staff, h.unpin)
}

func (h handlers) pool(ctx context.Context, p authz.Principal, in *poolInput) (*struct{ Body poolBody }, error) {
	f := Filters{RadiusKm: in.RadiusKm, HoursMin: in.HoursMin, HoursMax: in.HoursMax, MinEducation: in.MinEducation, Languages: in.Languages,
		DrivingLicence: in.DrivingLicence, RungMin: in.RungMin, RungMax: in.RungMax, Flags: in.Flags, OfferedSupport: in.OfferedSupport,
		FreshOnly: in.FreshOnly, AnyOccupation: in.AnyOccupation, Page: in.Page, SkipFacets: !in.Facets}
	if in.AvailableBefore != "" {
		d, err := httpapi.ParseDate("availableBefore", in.AvailableBefore)
		if err != nil {
			return nil, err
		}
		f.AvailableBefore = d
	}
	pool, err := h.s.Get(ctx, p, in.ID, f)
	if err != nil {
		return nil, err
	}
	out := &struct{ Body poolBody }{Body: poolBody{Items: httpapi.Items(pool.Cards, toCardBody), Total: pool.Total, Page: pool.Page,
		TotalPages: pool.TotalPages, Facets: pool.Facets}}
	if out.Body.Facets == nil && !f.SkipFacets {
		out.Body.Facets = map[string]map[string]int{}
	}
	return out, nil
}

func (h handlers) fittingOpenings(ctx context.Context, p authz.Principal, in *fittingInput) (*httpapi.ListOut[fitBody], error) {
	fits, err := h.s.ForCandidate(ctx, p, in.ID)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(fits, func(f Fit) fitBody {
		return fitBody{OpeningID: f.OpeningID, Title: f.Title, OrganisationName: f.OrganisationName, Place: f.Place, Kind: string(f.Kind),
			Exact: f.Exact, OccupationMatch: f.Card.OccupationMatch, Band: int(f.Card.Band), DistanceKm: f.Card.DistanceKm, Reasons: httpapi.Items(f.Card.Reasons, toReasonBody)}
	}), nil
}

func (h handlers) pin(ctx context.Context, p authz.Principal, in *pinInput) (*struct{}, error) {
	return nil, h.s.Pin(ctx, p, in.ID, in.Body.CandidateID, in.Body.Note, httpapi.ClientIP(ctx))
}

func (h handlers) unpin(ctx context.Context, p authz.Principal, in *unpinInput) (*struct{}, error) {
	return nil, h.s.Unpin(ctx, p, in.ID, in.CandidateID, httpapi.ClientIP(ctx))
}

func toCardBody(c Card) cardBody {
	b := cardBody{ID: c.ID, Code: c.Code, Occupations: c.Occupations, MatchedSkills: c.MatchedSkills, MissingSkills: c.MissingSkills,
		DistanceKm: c.DistanceKm, HoursMin: c.HoursMin, HoursMax: c.HoursMax, Rung: c.Rung, SupportNeeds: c.SupportNeeds,
		Doelgroepregister: c.Doelgroepregister, Praktijkroute: c.Praktijkroute, LKSIndicatie: c.LKSIndicatie, DrivingLicence: c.DrivingLicence,
		Freshness: string(c.Freshness), Reasons: httpapi.Items(c.Reasons, toReasonBody), Pinned: c.Pinned, PinNote: c.PinNote,
		OccupationMatch: c.OccupationMatch, Band: int(c.Band)}
	if c.AvailableFrom != nil {
		b.AvailableFrom = c.AvailableFrom.Format(time.DateOnly)
	}
	return b
}

func toReasonBody(r Reason) reasonBody {
	return reasonBody{Criterion: r.Criterion, Outcome: r.Outcome, ReasonNL: r.NL, ReasonEN: r.EN, Gap: r.Gap}
}

type estimatesInput struct {
	OccupationIDs []string `query:"occupationIds" minItems:"1" maxItems:"20" doc:"Occupation ids, comma-separated"`
	Postcode      string   `query:"postcode" maxLength:"7" example:"3511AB" doc:"The opening's postcode (4 digits, or 4 digits and 2 letters)"`
	MaxTravelKm   int      `query:"maxTravelKm" minimum:"1" maximum:"150"`
	Kind          string   `query:"kind" enum:"vacature,proefplaats,leerwerkplek,participatieplek" default:"vacature"`
}

type estimateBody struct {
	OccupationID  string `json:"occupationId"`
	Count         *int   `json:"count" doc:"0 or at least 5; null when fewerThanFive"`
	FewerThanFive bool   `json:"fewerThanFive" doc:"1 to 4 candidates: not counted exactly, so nobody can be singled out"`
}

func (h handlers) estimates(ctx context.Context, p authz.Principal, in *estimatesInput) (*httpapi.ListOut[estimateBody], error) {
	est, err := h.s.Estimate(ctx, p, EstimateQuery{OccupationIDs: in.OccupationIDs, Postcode: in.Postcode, MaxTravelKm: in.MaxTravelKm,
		Kind: opening.Kind(in.Kind)})
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(est, func(e Estimate) estimateBody {
		b := estimateBody{OccupationID: e.OccupationID, FewerThanFive: e.Count > 0 && e.Count < 5}
		if !b.FewerThanFive {
			n := e.Count
			b.Count = &n
		}
		return b
	}), nil
}
