package skill

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
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

// skillList is a list of skills.
type skillList struct {
	Items []skillBody `json:"items"`
}

// Register adds the skills typeahead to api.
func Register(api huma.API, v *Vocabulary) {
	authz.RegisterRaw(api, huma.Operation{
		OperationID: "listSkills", Method: http.MethodGet, Path: "/skills",
		Summary: "Vaardigheden, certificaten en werkomstandigheden zoeken / Search the skills vocabulary", Tags: []string{"Vaardigheden"},
		Description: "The curated vocabulary openings and candidates refer to by id. Public reference data.",
	}, authz.PublicRule, func(_ context.Context, in *findInput) (*struct{ Body skillList }, error) {
		found := v.Find(in.Q, in.Category, in.Limit)
		out := &struct{ Body skillList }{}
		out.Body.Items = make([]skillBody, len(found))
		for i, s := range found {
			syn := s.Synonyms
			if syn == nil {
				syn = []string{}
			}
			out.Body.Items[i] = skillBody(Skill{ID: s.ID, Category: s.Category, LabelNL: s.LabelNL, LabelEN: s.LabelEN, Synonyms: syn})
		}
		return out, nil
	})
}
