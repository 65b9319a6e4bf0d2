package subsidy

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// subsidyPeriodBody is one period as answers list it.
type subsidyPeriodBody struct {
	ID        string  `json:"id,omitempty" format:"uuid" doc:"The stored period (the parameters editor's answers)"`
	Key       string  `json:"key"`
	Value     int64   `json:"value" doc:"In the key's unit: cents, basis points (23.5% = 2350), hours, days, months or years"`
	Unit      string  `json:"unit" enum:"cents,basisPoints,hours,days,months,years"`
	Scope     string  `json:"scope" enum:"national,regional"`
	ValidFrom string  `json:"validFrom" format:"date"`
	Source    string  `json:"source"`
	CheckedOn *string `json:"checkedOn,omitempty" format:"date" doc:"The day the value was compared with the official text; absent: not checked"`
}

func toValueBody(id string, v Value) subsidyPeriodBody {
	d, _ := DefinitionOf(v.Key)
	b := subsidyPeriodBody{ID: id, Key: string(v.Key), Value: v.Value, Unit: string(d.Unit), Scope: string(d.Scope), ValidFrom: v.ValidFrom.Format(time.DateOnly), Source: v.Source}
	if v.CheckedOn != nil {
		s := v.CheckedOn.Format(time.DateOnly)
		b.CheckedOn = &s
	}
	return b
}

type createSubsidyEstimateRequest struct {
	Scheme           string   `json:"scheme" enum:"lks,lkv"`
	Date             string   `json:"date" format:"date" doc:"The day the figures hold on (a placement's start)"`
	HoursPerWeek     *float64 `json:"hoursPerWeek,omitempty" minimum:"1" maximum:"60" doc:"lks: hours worked a week (required)"`
	FullTimeHours    *float64 `json:"fullTimeHours,omitempty" minimum:"1" maximum:"60" doc:"lks: the sector's full-time week (the cao's); default the hours basis of the minimum wage (36)"`
	WageValuePercent *float64 `json:"wageValuePercent,omitempty" minimum:"0" maximum:"100" doc:"lks: the loonwaarde in percent; either this or flatRate"`
	FlatRate         bool     `json:"flatRate,omitempty" doc:"lks: the flat rate of the first months, before the loonwaarde is assessed; either this or wageValuePercent"`
	TargetGroup      string   `json:"targetGroup,omitempty" enum:"banenafspraak,arbeidsgehandicapt,herplaatsen" doc:"lkv: the target group (required)"`
	HoursPerYear     *float64 `json:"hoursPerYear,omitempty" minimum:"1" maximum:"3132" doc:"lkv: paid hours a year (required)"`
}

type createSubsidyEstimateResponse struct {
	Scheme         string              `json:"scheme" enum:"lks,lkv"`
	Date           string              `json:"date" format:"date"`
	MonthlyCents   *int64              `json:"monthlyCents,omitempty" doc:"lks: per month, in cents"`
	YearlyCents    *int64              `json:"yearlyCents,omitempty" doc:"lkv: per year, in cents"`
	FlatRate       bool                `json:"flatRate"`
	FlatRateMonths *int64              `json:"flatRateMonths,omitempty" doc:"lks: the flat rate is paid for at most these first months"`
	MaxYears       *int64              `json:"maxYears,omitempty" doc:"lkv: paid for at most these years"`
	FullTimeHours  float64             `json:"fullTimeHours,omitempty" doc:"lks: the full-time week used"`
	CapApplied     bool                `json:"capApplied" doc:"lks: the cap (70%) limited the amount; lkv: the yearly maximum did"`
	DecidedBy      string              `json:"decidedBy" enum:"gemeente,uwv" doc:"The amount is indicative: this body decides"`
	Parameters     []subsidyPeriodBody `json:"parameters" doc:"The parameters used, with their sources"`
	Extrapolated   bool                `json:"extrapolated" doc:"The date lies after the last known minimum-wage period; that period was used"`
	Message        string              `json:"message,omitempty" doc:"Why the figures may be out of date (extrapolated), in the caller's language"`
}

type estimateInput struct {
	Lang string `header:"Accept-Language"`
	Body createSubsidyEstimateRequest
}

// subsidyParameterBody is a definition with its periods.
type subsidyParameterBody struct {
	Key     string              `json:"key"`
	Scope   string              `json:"scope" enum:"national,regional"`
	Unit    string              `json:"unit" enum:"cents,basisPoints,hours,days,months,years"`
	Min     int64               `json:"min" doc:"The lowest value allowed"`
	Max     int64               `json:"max" doc:"The highest value allowed"`
	Periods []subsidyPeriodBody `json:"periods" doc:"National periods, or for a regional key the caller's region's own; oldest first"`
}

type createSubsidyParameterRequest struct {
	Key       string `json:"key" pattern:"^[a-z][a-z0-9_]{2,59}$"`
	ValidFrom string `json:"validFrom" format:"date"`
	Value     int64  `json:"value" doc:"In the key's unit; its range is the key's min–max"`
	Source    string `json:"source" minLength:"3" maxLength:"1000" doc:"The publication the value comes from"`
	CheckedOn string `json:"checkedOn,omitempty" format:"date" doc:"The day it was compared with the official text"`
}

type updateSubsidyParameterRequest struct {
	Value     *int64                   `json:"value,omitempty"`
	Source    *string                  `json:"source,omitempty" minLength:"3" maxLength:"1000"`
	CheckedOn httpapi.Optional[string] `json:"checkedOn,omitzero" format:"date" doc:"null: not checked"`
}

// PeriodID is the {id} of a parameter period's path (exported: huma fills
// embedded structs only when they are).
type PeriodID struct {
	ID string `path:"id" format:"uuid"`
}

type parameterOut struct{ Body subsidyPeriodBody }

type handlers struct{ s *Service }

// Register adds the estimate and the parameters editor.
func Register(api huma.API, s *Service) {
	h := handlers{s}
	tags := []string{"Subsidies"}
	readers := authz.Roles(authz.Admin, authz.Accountmanager, authz.Klantmanager, authz.Werkgever, authz.Zorgaanbieder)
	admin := authz.Roles(authz.Admin)

	authz.Register(api, huma.Operation{OperationID: "createSubsidyEstimate", Method: http.MethodPost, Path: "/subsidy-estimates",
		Summary: "Subsidie berekenen / Estimate a subsidy", Tags: tags, Errors: []int{400},
		Description: "Indicative: lks per month (hoursPerWeek, fullTimeHours, and wageValuePercent or flatRate: true), lkv per year (targetGroup, hoursPerYear), " +
			"computed exactly from the parameters that hold on date (national ones; the caller's region's own policy where it has one). Lists the parameters used " +
			"with their sources and who decides. A date after the last known minimum-wage half year uses that period: extrapolated with a message. Nothing is stored."},
		authz.Roles(authz.RegionRoles...), h.estimate)
	authz.Register(api, huma.Operation{OperationID: "listSubsidyParameters", Method: http.MethodGet, Path: "/subsidy-parameters",
		Summary: "Subsidieparameters / Subsidy parameters", Tags: tags,
		Description: "Every parameter with its periods: the national ones and, for regional keys (municipal policy), the caller's region's own."},
		readers, h.listParameters)
	authz.Register(api, huma.Operation{OperationID: "createSubsidyParameter", Method: http.MethodPost, Path: "/subsidy-parameters", DefaultStatus: http.StatusCreated,
		Summary: "Periode toevoegen / Add a period", Tags: tags, Errors: []int{400, 409},
		Description: "A regional key's period is the admin's region's; a national key's is national, for every region. The same key and validFrom twice: 409 duplicatePeriod. Audited."},
		admin, h.createParameter)
	authz.Register(api, huma.Operation{OperationID: "updateSubsidyParameter", Method: http.MethodPatch, Path: "/subsidy-parameters/{id}",
		Summary: "Periode wijzigen / Change a period", Tags: tags, Errors: []int{400, 404},
		Description: "value, source or checkedOn of a national period or one of the admin's region; another region's is 404. Audited."},
		admin, h.updateParameter)
	authz.Register(api, huma.Operation{OperationID: "deleteSubsidyParameter", Method: http.MethodDelete, Path: "/subsidy-parameters/{id}", DefaultStatus: http.StatusNoContent,
		Summary: "Periode verwijderen / Delete a period", Tags: tags, Errors: []int{404, 409},
		Description: "Only a period that has not begun (409 periodStarted) and never a key's last (409 lastPeriod). Audited."},
		admin, h.deleteParameter)
}

func (h handlers) estimate(ctx context.Context, p authz.Principal, in *estimateInput) (*struct{ Body createSubsidyEstimateResponse }, error) {
	b := in.Body
	on, err := httpapi.ParseDate("date", b.Date)
	if err != nil {
		return nil, err
	}
	e, err := h.s.Estimate(ctx, p.RegionID, EstimateRequest{Scheme: Scheme(b.Scheme), On: *on, HoursPerWeek: b.HoursPerWeek, FullTimeHours: b.FullTimeHours,
		WageValuePercent: b.WageValuePercent, FlatRate: b.FlatRate, TargetGroup: TargetGroup(b.TargetGroup), HoursPerYear: b.HoursPerYear})
	if err != nil {
		return nil, err
	}
	out := createSubsidyEstimateResponse{Scheme: string(e.Scheme), Date: e.On.Format(time.DateOnly), MonthlyCents: e.MonthlyCents, YearlyCents: e.YearlyCents,
		FlatRate: e.FlatRate, FlatRateMonths: e.FlatRateMonths, MaxYears: e.MaxYears, FullTimeHours: e.FullTimeHours, CapApplied: e.CapApplied,
		DecidedBy: string(e.DecidedBy), Extrapolated: e.Extrapolated, Parameters: httpapi.Items(e.Parameters, func(v Value) subsidyPeriodBody { return toValueBody("", v) })}
	if e.Extrapolated && e.WMLFrom != nil {
		out.Message = msg.M("subsidy.extrapolated", e.WMLFrom.Format(time.DateOnly)).In(msg.Parse(in.Lang))
	}
	return &struct{ Body createSubsidyEstimateResponse }{Body: out}, nil
}

func (h handlers) listParameters(ctx context.Context, p authz.Principal, _ *struct{}) (*httpapi.ListOut[subsidyParameterBody], error) {
	list, err := h.s.Parameters(ctx, p)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(list, func(pa Parameter) subsidyParameterBody {
		lo, hi := ValueRange(pa.Unit)
		return subsidyParameterBody{Key: string(pa.Key), Scope: string(pa.Scope), Unit: string(pa.Unit), Min: lo, Max: hi,
			Periods: httpapi.Items(pa.Periods, func(pe Period) subsidyPeriodBody { return toValueBody(pe.ID, pe.Value) })}
	}), nil
}

func (h handlers) createParameter(ctx context.Context, p authz.Principal, in *struct{ Body createSubsidyParameterRequest }) (*parameterOut, error) {
	b := in.Body
	from, err := httpapi.ParseDate("validFrom", b.ValidFrom)
	if err != nil {
		return nil, err
	}
	checked, err := httpapi.ParseDate("checkedOn", b.CheckedOn)
	if err != nil {
		return nil, err
	}
	return periodResult(h.s.AddPeriod(ctx, p, NewPeriod{Key: Key(b.Key), ValidFrom: *from, Value: b.Value, Source: b.Source, CheckedOn: checked}, httpapi.ClientIP(ctx)))
}

func (h handlers) updateParameter(ctx context.Context, p authz.Principal, in *struct {
	PeriodID
	Body updateSubsidyParameterRequest
}) (*parameterOut, error) {
	b := in.Body
	c := PeriodChange{Value: b.Value, Source: b.Source, ClearChecked: b.CheckedOn.Sent && b.CheckedOn.Null}
	if b.CheckedOn.Sent && !b.CheckedOn.Null {
		checked, err := httpapi.ParseDate("checkedOn", b.CheckedOn.Value)
		if err != nil {
			return nil, err
		}
		c.CheckedOn = checked
	}
	return periodResult(h.s.UpdatePeriod(ctx, p, in.ID, c, httpapi.ClientIP(ctx)))
}

func (h handlers) deleteParameter(ctx context.Context, p authz.Principal, in *PeriodID) (*struct{}, error) {
	return nil, h.s.DeletePeriod(ctx, p, in.ID, httpapi.ClientIP(ctx))
}

func periodResult(pe Period, err error) (*parameterOut, error) {
	if err != nil {
		return nil, err
	}
	return &parameterOut{Body: toValueBody(pe.ID, pe.Value)}, nil
}
