package occupation

import (
	"context"
	"errors"
	"net/http"

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
