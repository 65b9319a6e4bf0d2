package subsidy

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

type lksEventBody struct {
	At            time.Time `json:"at"`
	Actor         string    `json:"actor" enum:"organisation,accountmanager,admin,system"`
	From          string    `json:"from,omitempty"`
	To            string    `json:"to"`
	Code          string    `json:"code" enum:"applied,bookingLinked,assessed,granted,refused,withdrawn,ended,reindexed,reassessmentDue" doc:"The step, or a note that changes no state (from = to): bookingLinked (the note is the booking's id), reindexed (a new minimum-wage period: amountCents the new amount, previousCents the old one, the note the period's first day), reassessmentDue (the note is the date)"`
	AmountCents   *int64    `json:"amountCents,omitempty" doc:"granted, reindexed: the monthly amount from then on"`
	PreviousCents *int64    `json:"previousCents,omitempty" doc:"reindexed: the amount before"`
	Note          string    `json:"note,omitempty"`
}

// LksApplicationBody is an LKS application as its readers see it.
type LksApplicationBody struct {
	ID               string         `json:"id" format:"uuid"`
	OrganisationID   string         `json:"organisationId" format:"uuid"`
	OrganisationName string         `json:"organisationName"`
	PlacementID      string         `json:"placementId" format:"uuid"`
	InviteID         string         `json:"inviteId" format:"uuid" doc:"The introduction the placement belongs to"`
	CandidateCode    string         `json:"candidateCode"`
	OpeningTitle     string         `json:"openingTitle"`
	PlacementStart   string         `json:"placementStart" format:"date"`
	ContractType     string         `json:"contractType" doc:"Copied from the placement"`
	Hours            int            `json:"hours" doc:"Hours per week, copied from the placement"`
	FullTimeHours    float64        `json:"fullTimeHours" doc:"The sector's full working week the amount counts with"`
	State            string         `json:"state" enum:"applied,assessed,granted,refused,withdrawn,ended"`
	BookingID        string         `json:"bookingId,omitempty" doc:"The linked loonwaardebepaling; empty: none booked yet for this placement"`
	WageValuePercent *float64       `json:"wageValuePercent,omitempty" doc:"The assessed loonwaarde, 0–100"`
	AssessedOn       string         `json:"assessedOn,omitempty" format:"date"`
	Decision         string         `json:"decision,omitempty" enum:"granted,refused"`
	Motivation       string         `json:"motivation,omitempty"`
	MonthlyCents     *int64         `json:"monthlyCents,omitempty" doc:"Granted: the current amount per month (re-indexed at every new minimum-wage period)"`
	WMLValidFrom     string         `json:"wmlValidFrom,omitempty" format:"date" doc:"The minimum-wage period the amount is computed with"`
	ReassessOn       string         `json:"reassessOn,omitempty" format:"date"`
	Note             string         `json:"note,omitempty"`
	DecidedAt        *time.Time     `json:"decidedAt,omitempty"`
	CreatedAt        time.Time      `json:"createdAt"`
	UpdatedAt        time.Time      `json:"updatedAt"`
	Events           []lksEventBody `json:"events,omitempty"`
}

func dateOf(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.DateOnly)
}

func toLksApplicationBody(a Application) LksApplicationBody {
	out := LksApplicationBody{ID: a.ID, OrganisationID: a.OrganisationID, OrganisationName: a.OrganisationName, PlacementID: a.PlacementID,
		InviteID: a.InviteID, CandidateCode: a.CandidateCode, OpeningTitle: a.OpeningTitle, PlacementStart: a.PlacementStart.Format(time.DateOnly),
		ContractType: a.ContractType, Hours: a.Hours, FullTimeHours: a.FullTimeHours, State: string(a.State), BookingID: a.BookingID,
		WageValuePercent: a.WageValuePercent, AssessedOn: dateOf(a.AssessedOn), Decision: a.Decision, Motivation: a.Motivation,
		MonthlyCents: a.MonthlyCents, WMLValidFrom: dateOf(a.WMLValidFrom), ReassessOn: dateOf(a.ReassessOn), Note: a.Note,
		DecidedAt: a.DecidedAt, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt}
	for _, e := range a.Events {
		out.Events = append(out.Events, lksEventBody{At: e.At, Actor: string(e.Actor), From: string(e.From), To: string(e.To), Code: e.Code,
			AmountCents: e.AmountCents, PreviousCents: e.PreviousCents, Note: e.Note})
	}
	return out
}

// Bodies named <operationId>Request keep the component names the front
// end's generated client uses.
type createLksApplicationRequest struct {
	PlacementID   string   `json:"placementId" format:"uuid"`
	FullTimeHours *float64 `json:"fullTimeHours,omitempty" minimum:"20" maximum:"40" doc:"The sector's full working week (default 36), to the tenth of an hour"`
	Note          string   `json:"note,omitempty" maxLength:"1000"`
}

type recordLksAssessmentRequest struct {
	WageValuePercent float64 `json:"wageValuePercent" minimum:"0" maximum:"100" doc:"The assessed loonwaarde in percent, to the hundredth at most"`
	AssessedOn       string  `json:"assessedOn" format:"date" doc:"The day of the loonwaardebepaling; not in the future"`
}

type decideLksApplicationRequest struct {
	Decision   string `json:"decision" enum:"granted,refused"`
	Motivation string `json:"motivation" maxLength:"2000" doc:"Required: why; an empty one is a 400 naming motivation"`
	ReassessOn string `json:"reassessOn,omitempty" format:"date" doc:"Granted: when the loonwaarde is re-assessed (default: the region's lks_reassess_months after the placement's start)"`
}

// ApplicationIDParam is the {id} of an application path (exported: huma reads embedded exported structs).
type ApplicationIDParam struct {
	ID string `path:"id" format:"uuid"`
}

type lksApplicationOut struct{ Body LksApplicationBody }

type listLksInput struct {
	States      []string `query:"state" maxItems:"6" enum:"applied,assessed,granted,refused,withdrawn,ended" doc:"The accountmanager's queue: state=applied&state=assessed"`
	PlacementID string   `query:"placementId" format:"uuid"`
}

type lksHandlers struct{ s *Service }

// RegisterApplications adds the LKS application operations.
func RegisterApplications(api huma.API, s *Service) {
	h := lksHandlers{s}
	tags := []string{"Subsidies"}
	readers := authz.Roles(authz.Admin, authz.Accountmanager, authz.Werkgever, authz.Zorgaanbieder)
	staffOnly := authz.Roles(authz.Admin, authz.Accountmanager)
	organisation := authz.Roles(authz.Werkgever, authz.Zorgaanbieder)

	authz.Register(api, huma.Operation{OperationID: "createLksApplication", Method: http.MethodPost, Path: "/lks-applications", DefaultStatus: http.StatusCreated,
		Summary: "Loonkostensubsidie aanvragen / Apply for wage cost subsidy", Tags: tags, Errors: []int{400, 404, 409},
		Description: "From a placement the caller may see (another organisation's is 404): its contract and hours are copied. 409 noEmploymentContract (a placement without an employment contract), noLksIndicatie (the candidate has no LKS indication), applicationExists (an open application for the placement), placementEnded. The placement's loonwaardebepaling booking is linked (bookingId), or once one is booked."},
		readers, h.create)
	authz.Register(api, huma.Operation{OperationID: "listLksApplications", Method: http.MethodGet, Path: "/lks-applications",
		Summary: "Aanvragen loonkostensubsidie / Wage cost subsidy applications", Tags: tags,
		Description: "Organisation users: their organisation's; accountmanagers and admins: the region's (state=applied&state=assessed is the decision queue)."},
		readers, h.list)
	authz.Register(api, huma.Operation{OperationID: "getLksApplication", Method: http.MethodGet, Path: "/lks-applications/{id}",
		Summary: "Eén aanvraag met geschiedenis / One application with its history", Tags: tags, Errors: []int{404}},
		readers, h.get)
	authz.Register(api, huma.Operation{OperationID: "recordLksAssessment", Method: http.MethodPost, Path: "/lks-applications/{id}/assessments",
		Summary: "Loonwaarde vastleggen / Record the assessed wage value", Tags: tags, Errors: []int{400, 404, 409},
		Description: "Accountmanagers and admins, before the decision (again to correct it)."},
		staffOnly, h.assess)
	authz.Register(api, huma.Operation{OperationID: "decideLksApplication", Method: http.MethodPost, Path: "/lks-applications/{id}/decisions",
		Summary: "Besluiten / Decide", Tags: tags, Errors: []int{400, 404, 409},
		Description: "granted (computes monthlyCents for the application's hours, full time and loonwaarde with the minimum wage valid now; 409 notAssessed before the loonwaarde is recorded) or refused, always with a motivation (400 naming it when empty). Deciding twice is 409 alreadyDecided."},
		staffOnly, h.decide)
	authz.Register(api, huma.Operation{OperationID: "withdrawLksApplication", Method: http.MethodPost, Path: "/lks-applications/{id}/withdrawal",
		Summary: "Aanvraag intrekken / Withdraw the application", Tags: tags, Errors: []int{404, 409},
		Description: "The applying organisation, before the decision."},
		organisation, h.withdraw)
}

func (h lksHandlers) create(ctx context.Context, p authz.Principal, in *struct{ Body createLksApplicationRequest }) (*lksApplicationOut, error) {
	return lksResult(h.s.Apply(ctx, p, ApplyInput{PlacementID: in.Body.PlacementID, FullTimeHours: in.Body.FullTimeHours, Note: in.Body.Note}, httpapi.ClientIP(ctx)))
}

func (h lksHandlers) list(ctx context.Context, p authz.Principal, in *listLksInput) (*httpapi.ListOut[LksApplicationBody], error) {
	f := ApplicationFilter{PlacementID: in.PlacementID}
	for _, st := range in.States {
		f.States = append(f.States, AppState(st))
	}
	items, err := h.s.ListApplications(ctx, p, f)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(items, toLksApplicationBody), nil
}

func (h lksHandlers) get(ctx context.Context, p authz.Principal, in *ApplicationIDParam) (*lksApplicationOut, error) {
	return lksResult(h.s.GetApplication(ctx, p, in.ID))
}

func (h lksHandlers) assess(ctx context.Context, p authz.Principal, in *struct {
	ApplicationIDParam
	Body recordLksAssessmentRequest
}) (*lksApplicationOut, error) {
	on, err := httpapi.ParseDate("assessedOn", in.Body.AssessedOn)
	if err != nil {
		return nil, err
	}
	return lksResult(h.s.Assess(ctx, p, in.ID, Assessment{WageValuePercent: in.Body.WageValuePercent, AssessedOn: *on}, httpapi.ClientIP(ctx)))
}

func (h lksHandlers) decide(ctx context.Context, p authz.Principal, in *struct {
	ApplicationIDParam
	Body decideLksApplicationRequest
}) (*lksApplicationOut, error) {
	d := Decision{Decision: in.Body.Decision, Motivation: in.Body.Motivation}
	if in.Body.ReassessOn != "" {
		on, err := httpapi.ParseDate("reassessOn", in.Body.ReassessOn)
		if err != nil {
			return nil, err
		}
		d.ReassessOn = on
	}
	return lksResult(h.s.Decide(ctx, p, in.ID, d, httpapi.ClientIP(ctx)))
}

func (h lksHandlers) withdraw(ctx context.Context, p authz.Principal, in *ApplicationIDParam) (*lksApplicationOut, error) {
	return lksResult(h.s.Withdraw(ctx, p, in.ID, httpapi.ClientIP(ctx)))
}

func lksResult(a Application, err error) (*lksApplicationOut, error) {
	if err != nil {
		return nil, err
	}
	return &lksApplicationOut{Body: toLksApplicationBody(a)}, nil
}
