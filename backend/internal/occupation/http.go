package occupation

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

type findInput struct {
	Q     string `query:"q" maxLength:"100" doc:"Zoektekst: (een deel van) een beroepsnaam of synoniem" example:"orderpikker"`
	Limit int    `query:"limit" minimum:"1" maximum:"50" default:"10" doc:"Maximum number of occupations"`
}

// occupationBody is the JSON form of an Occupation.
type occupationBody struct {
	ID        string   `json:"id" doc:"ESCO occupation id" example:"f2b5e8b1-8e1c-4e0a-9d5f-3c1c9a1b2c3d"`
	Label     string   `json:"label" doc:"Dutch preferred label" example:"orderpicker"`
	AltLabels []string `json:"altLabels" doc:"Dutch alternative labels"`
	ISCOGroup string   `json:"iscoGroup" doc:"ISCO-08 unit group (4 digits)" example:"9333"`
	ISCOLabel string   `json:"iscoLabel" doc:"Dutch label of the unit group"`
	ESCOCode  string   `json:"escoCode" doc:"ESCO code" example:"9333.1"`
	Match     string   `json:"match" enum:"direct,near" doc:"direct: found by the query; near: same ISCO unit group as the best match"`
}

// handlers are the occupation operations: public reference data.
type handlers struct{ s *Service }

// Register adds the occupation operations to api.
func Register(api huma.API, svc *Service) {
	h := handlers{svc}
	authz.Register(api, huma.Operation{
		OperationID: "listOccupations",
		Method:      http.MethodGet,
		Path:        "/occupations",
		Summary:     "Beroepen zoeken (ESCO) / Search occupations",
		Description: "Typeahead over the ESCO occupations with Dutch labels and synonyms. Public reference data (ESCO, © European Union, CC BY 4.0).",
		Tags:        []string{"Beroepen"},
	}, authz.PublicRule, h.list)
	signedIn := authz.Roles(authz.Admin, authz.Accountmanager, authz.Klantmanager, authz.Werkgever, authz.Zorgaanbieder)
	staff := authz.Roles(authz.Admin, authz.Accountmanager)
	authz.Register(api, huma.Operation{
		OperationID: "listRelatedOccupations", Method: http.MethodGet, Path: "/occupations/{id}/related-occupations",
		Summary:     "Verwante beroepen / Related occupations",
		Description: "The occupations a pool counts as the same or related work, with the region's own changes: close (the same curated family, or added by the region) before related (the same ISCO-08 unit group). Suggestions for an opening's \"ook passend\".",
		Tags:        []string{"Beroepen"}, Errors: []int{404},
	}, signedIn, h.related)
	authz.Register(api, huma.Operation{
		OperationID: "listOccupationRelations", Method: http.MethodGet, Path: "/occupation-relations",
		Summary: "Aanpassingen van de regio aan verwante beroepen / The region's changes to related occupations",
		Tags:    []string{"Beroepen"},
	}, authz.Roles(authz.Admin, authz.Accountmanager, authz.Klantmanager), h.regionRelations)
	authz.Register(api, huma.Operation{
		OperationID: "createOccupationRelation", Method: http.MethodPost, Path: "/occupation-relations", DefaultStatus: http.StatusCreated,
		Summary:     "Verwantschap toevoegen of weghalen / Add or remove a relation",
		Description: "add: the two occupations count as close work in the region's pools (\"bakker past ook bij bakkerijmedewerker\"); remove: a built-in relation no longer counts. Pools follow from the next request on. A relation has no direction.",
		Tags:        []string{"Beroepen"}, Errors: []int{400, 409},
	}, staff, h.addRelation)
	authz.Register(api, huma.Operation{
		OperationID: "deleteOccupationRelation", Method: http.MethodDelete, Path: "/occupation-relations/{id}", DefaultStatus: http.StatusNoContent,
		Summary: "Aanpassing ongedaan maken / Undo a change", Tags: []string{"Beroepen"}, Errors: []int{404},
	}, staff, h.deleteRelation)
}

type idParam struct {
	ID string `path:"id" maxLength:"100"`
}

type relatedBody struct {
	ID        string `json:"id"`
	Label     string `json:"label"`
	ISCOGroup string `json:"iscoGroup"`
	Strength  string `json:"strength" enum:"close,related"`
	Source    string `json:"source" enum:"family,neighbourFamily,iscoGroup,region" doc:"family: the same curated family; neighbourFamily: a neighbouring family (related work); iscoGroup: the same ISCO-08 unit group; region: added by the region"`
	Family    string `json:"family,omitempty" doc:"The family's Dutch name when source is family or neighbourFamily"`
}

func (h handlers) related(ctx context.Context, p authz.Principal, in *idParam) (*httpapi.ListOut[relatedBody], error) {
	n, err := h.s.Known(ctx, []string{in.ID})
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, apperr.ErrNotFound
	}
	rel, err := h.s.Related(ctx, p.RegionID, []string{in.ID})
	if err == nil {
		err = h.s.named(ctx, rel)
	}
	if err != nil {
		return nil, err
	}
	list := make([]Relation, 0, len(rel))
	for _, r := range rel {
		list = append(list, r)
	}
	// Close first, then by label.
	slices.SortFunc(list, func(a, b Relation) int {
		if a.Strength != b.Strength {
			return int(b.Strength - a.Strength)
		}
		return strings.Compare(a.Label, b.Label)
	})
	return httpapi.ListOf(list, func(r Relation) relatedBody {
		return relatedBody{ID: r.ID, Label: r.Label, ISCOGroup: r.ISCOGroup, Strength: r.Strength.String(), Source: r.Source, Family: r.Family}
	}), nil
}

type regionRelationBody struct {
	ID                     string    `json:"id" format:"uuid"`
	OccupationID           string    `json:"occupationId"`
	OccupationLabel        string    `json:"occupationLabel"`
	RelatedOccupationID    string    `json:"relatedOccupationId"`
	RelatedOccupationLabel string    `json:"relatedOccupationLabel"`
	Action                 string    `json:"action" enum:"add,remove"`
	CreatedAt              time.Time `json:"createdAt"`
}

func toRelationBody(r RegionRelation) regionRelationBody {
	return regionRelationBody{ID: r.ID, OccupationID: r.OccupationID, OccupationLabel: r.OccupationLabel, RelatedOccupationID: r.RelatedID,
		RelatedOccupationLabel: r.RelatedLabel, Action: string(r.Action), CreatedAt: r.CreatedAt}
}

func (h handlers) regionRelations(ctx context.Context, p authz.Principal, _ *struct{}) (*httpapi.ListOut[regionRelationBody], error) {
	list, err := h.s.RegionRelations(ctx, p)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(list, toRelationBody), nil
}

type addRelationInput struct {
	Body struct {
		OccupationID        string `json:"occupationId" maxLength:"100"`
		RelatedOccupationID string `json:"relatedOccupationId" maxLength:"100"`
		Action              string `json:"action" enum:"add,remove"`
	}
}

type relationOutput struct{ Body regionRelationBody }

func (h handlers) addRelation(ctx context.Context, p authz.Principal, in *addRelationInput) (*relationOutput, error) {
	r, err := h.s.AddRegionRelation(ctx, p, in.Body.OccupationID, in.Body.RelatedOccupationID, Action(in.Body.Action))
	if err != nil {
		return nil, err
	}
	return &relationOutput{Body: toRelationBody(r)}, nil
}

type relationIDParam struct {
	ID string `path:"id" format:"uuid"`
}

func (h handlers) deleteRelation(ctx context.Context, p authz.Principal, in *relationIDParam) (*struct{}, error) {
	return nil, h.s.DeleteRegionRelation(ctx, p, in.ID)
}

func (h handlers) list(ctx context.Context, _ authz.Principal, in *findInput) (*httpapi.ListOut[occupationBody], error) {
	occs, err := h.s.Find(ctx, in.Q, in.Limit)
	if errors.Is(err, ErrSearchUnavailable) {
		return nil, apperr.Unavailable(apperr.Search, err)
	}
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(occs, toBody), nil
}

func toBody(o Occupation) occupationBody {
	alts := o.AltLabels
	if alts == nil {
		alts = []string{}
	}
	match := "direct"
	if o.Near {
		match = "near"
	}
	return occupationBody{ID: o.ID, Label: o.Label, AltLabels: alts, ISCOGroup: o.ISCOGroup, ISCOLabel: o.ISCOLabel, ESCOCode: o.ESCOCode, Match: match}
}
