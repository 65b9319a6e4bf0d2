package insight

import (
	"context"
	"net/http"
	"reflect"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

type getFiguresInput struct {
	From         string `query:"from" format:"date" doc:"First day of the period in which the cohort's openings were published (default: 12 months before to)" example:"2026-01-01"`
	To           string `query:"to" format:"date" doc:"Last day of the period, inclusive (default: today); at most 3 years after from" example:"2026-12-31"`
	Occupation   string `query:"occupation" maxLength:"200" doc:"Only openings for this occupation (ESCO id)"`
	Organisation string `query:"organisation" format:"uuid" doc:"Only this organisation's openings; organisation users may name only their own (another answers 404)"`
	Service      string `query:"service" pattern:"^[a-z][a-z_]{1,39}$" doc:"Only this service kind in perService"`
	Accept       string `header:"Accept" doc:"text/csv for the CSV variant (Dutch headers, ';' separator, decimal comma, UTF-8 with BOM)"`
}

type getFiguresOutput struct {
	ContentType        string `header:"Content-Type"`
	ContentDisposition string `header:"Content-Disposition"`
	Body               any
}

type figuresRetention struct {
	Due        int `json:"due" doc:"Placements whose point (4, 13 or 26 weeks after the start) has passed"`
	Yes        int `json:"yes" doc:"Still employed at that point"`
	No         int `json:"no" doc:"No longer employed (including follow-ups cancelled after an earlier no)"`
	Unanswered int `json:"unanswered" doc:"Follow-up not answered (yet): part of due, never left out"`
}

type figuresFunnel struct {
	OpeningsPublished     int              `json:"openingsPublished"`
	OpeningsWithPoolViews int              `json:"openingsWithPoolViews"`
	InvitesSent           int              `json:"invitesSent"`
	InvitesAccepted       int              `json:"invitesAccepted"`
	InvitesDeclined       int              `json:"invitesDeclined"`
	InvitesExpired        int              `json:"invitesExpired"`
	IntakesPlanned        int              `json:"intakesPlanned"`
	Placements            int              `json:"placements"`
	StillEmployed4w       figuresRetention `json:"stillEmployed4w"`
	StillEmployed13w      figuresRetention `json:"stillEmployed13w"`
	StillEmployed26w      figuresRetention `json:"stillEmployed26w"`
}

type figuresRate struct {
	From      string   `json:"from" doc:"The stage counted in n"`
	To        string   `json:"to" doc:"The stage counted in numerator"`
	Numerator int      `json:"numerator"`
	N         int      `json:"n"`
	Rate      *float64 `json:"rate" doc:"numerator / n; null when n is 0"`
	Low       *float64 `json:"low" doc:"Lower bound of the 95% Wilson interval"`
	High      *float64 `json:"high" doc:"Upper bound of the 95% Wilson interval"`
	Small     bool     `json:"small" doc:"n < 10: show the counts and the interval, not a bare percentage"`
}

type figuresTime struct {
	Name        string   `json:"name" enum:"publishToFirstInvite,inviteToDecision,reviewRequestToAnswer,bookingRequestToApproval"`
	N           int      `json:"n"`
	MedianHours *float64 `json:"medianHours"`
	P90Hours    *float64 `json:"p90Hours"`
}

type figuresServiceGroup struct {
	Service          string           `json:"service" doc:"The service kind (jobcoaching, proefplaatsing, werkplekaanpassing…)"`
	WithService      bool             `json:"withService" doc:"The placements with (true) or without (false) this service"`
	Placements       int              `json:"placements"`
	StillEmployed13w figuresRetention `json:"stillEmployed13w"`
	StillEmployed26w figuresRetention `json:"stillEmployed26w"`
	Retention13w     figuresRate      `json:"retention13w"`
	Retention26w     figuresRate      `json:"retention26w"`
}

type figuresGroup struct {
	ID     string        `json:"id"`
	Label  string        `json:"label"`
	Funnel figuresFunnel `json:"funnel"`
	Rates  []figuresRate `json:"rates"`
}

type getFiguresResponse struct {
	From            string                `json:"from" format:"date"`
	To              string                `json:"to" format:"date"`
	Funnel          figuresFunnel         `json:"funnel" doc:"The cohort: openings published from from to to, with all their invites, placements and follow-ups (to today)"`
	Rates           []figuresRate         `json:"rates"`
	Times           []figuresTime         `json:"times"`
	PerService      []figuresServiceGroup `json:"perService" doc:"Differences between groups of placements, not effects of the services"`
	PerOccupation   []figuresGroup        `json:"perOccupation"`
	PerOrganisation []figuresGroup        `json:"perOrganisation"`
}

func toRetention(r Retention) figuresRetention { return figuresRetention(r) }

func toFunnel(f Funnel) figuresFunnel {
	return figuresFunnel{OpeningsPublished: f.OpeningsPublished, OpeningsWithPoolViews: f.OpeningsWithPoolViews, InvitesSent: f.InvitesSent,
		InvitesAccepted: f.InvitesAccepted, InvitesDeclined: f.InvitesDeclined, InvitesExpired: f.InvitesExpired, IntakesPlanned: f.IntakesPlanned,
		Placements: f.Placements, StillEmployed4w: toRetention(f.StillEmployed4w), StillEmployed13w: toRetention(f.StillEmployed13w),
		StillEmployed26w: toRetention(f.StillEmployed26w)}
}

func toRate(r Rate) figuresRate {
	return figuresRate{From: r.From, To: r.To, Numerator: r.Numerator, N: r.N, Rate: r.Value, Low: r.Low, High: r.High, Small: r.Small}
}

func toGroups(gs []Group) []figuresGroup {
	out := make([]figuresGroup, len(gs))
	for i, g := range gs {
		out[i] = figuresGroup{ID: g.ID, Label: g.Label, Funnel: toFunnel(g.Funnel), Rates: httpapi.Items(g.Rates, toRate)}
	}
	return out
}

func toResponse(f Figures) getFiguresResponse {
	return getFiguresResponse{From: f.Period.From.Format(time.DateOnly), To: f.Period.To.Format(time.DateOnly),
		Funnel: toFunnel(f.Funnel), Rates: httpapi.Items(f.Rates, toRate),
		Times: httpapi.Items(f.Times, func(d Duration) figuresTime { return figuresTime(d) }),
		PerService: httpapi.Items(f.PerService, func(g ServiceGroup) figuresServiceGroup {
			return figuresServiceGroup{Service: g.Service, WithService: g.With, Placements: g.Placements,
				StillEmployed13w: toRetention(g.StillEmployed13w), StillEmployed26w: toRetention(g.StillEmployed26w),
				Retention13w: toRate(g.Retention13w), Retention26w: toRate(g.Retention26w)}
		}),
		PerOccupation: toGroups(f.PerOccupation), PerOrganisation: toGroups(f.PerOrganisation)}
}

// handlers serves the figures.
type handlers struct{ s *Service }

// Readers may ask for figures; each sees their own scope.
var readers = authz.Roles(authz.Admin, authz.Accountmanager, authz.Klantmanager, authz.Werkgever, authz.Zorgaanbieder)

// Register adds GET /figures to api.
func Register(api huma.API, s *Service) {
	h := handlers{s}
	schema := api.OpenAPI().Components.Schemas.Schema(reflect.TypeOf(getFiguresResponse{}), true, "getFiguresResponse")
	authz.Register(api, huma.Operation{OperationID: "getFigures", Method: http.MethodGet, Path: "/figures",
		Summary: "Cijfers / Figures", Tags: []string{"Cijfers"}, Errors: []int{400, 404},
		Description: "For the cohort of openings published in the period: the funnel from publication to work that lasts 4, 13 and 26 weeks, " +
			"the rates between stages with their 95% Wilson intervals (small when n < 10), the median and p90 times between steps, " +
			"and the funnel per service (differences between groups, not effects), occupation and organisation. Accountmanagers and admins " +
			"see their region, klantmanagers their caseload's invites and placements, organisation users their own openings. " +
			"Accept: text/csv answers the same as CSV (Dutch headers, ';' separator, decimal comma, UTF-8 with BOM).",
		Responses: map[string]*huma.Response{"200": {Description: "The figures", Content: map[string]*huma.MediaType{
			"application/json": {Schema: schema},
			"text/csv":         {Schema: &huma.Schema{Type: "string", Description: "One row per stage or group"}},
		}}}},
		readers, h.get)
}

func (h handlers) get(ctx context.Context, p authz.Principal, in *getFiguresInput) (*getFiguresOutput, error) {
	f := Filter{Period: h.s.DefaultPeriod(), OccupationID: in.Occupation, OrganisationID: in.Organisation, Service: in.Service}
	from, err := httpapi.ParseDate("from", in.From)
	if err != nil {
		return nil, err
	}
	to, err := httpapi.ParseDate("to", in.To)
	if err != nil {
		return nil, err
	}
	if to != nil {
		f.To = *to
		if from == nil {
			f.From = to.AddDate(-1, 0, 1)
		}
	}
	if from != nil {
		f.From = *from
	}
	figs, err := h.s.Figures(ctx, p, f)
	if err != nil {
		return nil, err
	}
	if httpapi.WantsCSV(in.Accept) {
		name := "cijfers-" + f.From.Format(time.DateOnly) + "-" + f.To.Format(time.DateOnly) + ".csv"
		return &getFiguresOutput{ContentType: "text/csv; charset=utf-8", ContentDisposition: `attachment; filename="` + name + `"`,
			Body: CSV(figs)}, nil
	}
	return &getFiguresOutput{Body: toResponse(figs)}, nil
}
