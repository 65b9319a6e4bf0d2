package skill

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

type findInput struct {
	Q        string `query:"q" maxLength:"100" doc:"Zoektekst: (een deel van) de naam of een synoniem" example:"heftruck"`
	Category string `query:"category" enum:"certificaat,rijbewijs,taal,vaardigheid,werkhouding,werkomstandigheid"`
	Limit    int    `query:"limit" minimum:"1" maximum:"200" default:"20"`
}

// skillBody is the JSON form of a Skill.
type skillBody struct {
	ID       string   `json:"id" example:"heftruckcertificaat"`
	Category string   `json:"category" enum:"certificaat,rijbewijs,taal,vaardigheid,werkhouding,werkomstandigheid"`
	LabelNL  string   `json:"labelNl" example:"Heftruckcertificaat"`
	LabelEN  string   `json:"labelEn" example:"Forklift certificate"`
	Synonyms []string `json:"synonyms"`
}

func toBody(s Skill) skillBody {
	if s.Synonyms == nil {
		s.Synonyms = []string{}
	}
	return skillBody(s)
}

// handlers are the skill operations: public reference data.
type handlers struct{ v *Vocabulary }

// Register adds the skills typeahead to api.
func Register(api huma.API, v *Vocabulary) {
	h := handlers{v}
	authz.Register(api, huma.Operation{OperationID: "listSkills", Method: http.MethodGet, Path: "/skills",
		Summary: "Vaardigheden, certificaten en werkomstandigheden zoeken / Search the skills vocabulary", Tags: []string{"Vaardigheden"},
		Description: "The curated vocabulary openings and candidates refer to by id. Public reference data."},
		authz.PublicRule, h.list)
}

func (h handlers) list(_ context.Context, _ authz.Principal, in *findInput) (*httpapi.ListOut[skillBody], error) {
	return httpapi.ListOf(h.v.Find(in.Q, in.Category, in.Limit), toBody), nil
}
