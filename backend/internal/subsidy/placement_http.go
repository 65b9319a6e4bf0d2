package subsidy

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
)

// UsedParameterBody is one parameter an answer used, with its source.
type UsedParameterBody struct {
	Key       string  `json:"key"`
	Scope     string  `json:"scope" enum:"national,regional"`
	Unit      string  `json:"unit" enum:"cents,basisPoints,hours,days,months,years"`
	Value     int64   `json:"value"`
	ValidFrom string  `json:"validFrom" format:"date"`
	Source    string  `json:"source"`
	CheckedOn *string `json:"checkedOn,omitempty" format:"date" doc:"The day the value was compared with the official text"`
}

// AmountRangeBody is an indicative amount.
type AmountRangeBody struct {
	Period    string `json:"period" enum:"month,year"`
	FromCents int64  `json:"fromCents"`
	ToCents   int64  `json:"toCents" doc:"Equal to fromCents when nothing varies"`
}

// PlacementConditionBody is one condition of a scheme, by code; value is the
// number of months or days it names, if any.
type PlacementConditionBody struct {
	Code  string `json:"code" enum:"employmentContract,lksIndicatie,livesInGemeente,loonwaardebepaling,applyMonths,reassessMonths,doelgroepverklaring,loonaangifte,doelgroepregister,reportSickDays,benefitContinues,noWage,gemeenteAgrees,askGemeente,servicesDesk"`
	Value *int64 `json:"value,omitempty"`
}

// PlacementTermBody is a deadline counted from the placement's start.
type PlacementTermBody struct {
	Code         string  `json:"code" enum:"lksApply,lksFlatRateEnds,lkvRequest,proefplaatsingEnds"`
	Months       int64   `json:"months" doc:"Months after the start (0: before the start)"`
	Due          *string `json:"due,omitempty" format:"date" doc:"The date, once the placement's start is known"`
	Parameter    string  `json:"parameter"`
	Extrapolated bool    `json:"extrapolated" doc:"The date lies after the last known minimum-wage period"`
}

// PlacementSchemeBody is what one scheme means for the placement.
type PlacementSchemeBody struct {
	Scheme         string                   `json:"scheme" enum:"lks,lkv,no_riskpolis,proefplaatsing,jobcoaching"`
	Applies        bool                     `json:"applies"`
	Reason         string                   `json:"reason,omitempty" enum:"noEmploymentContract,noLksIndicatie,notInDoelgroepregister,hasEmploymentContract,noContractPlacement" doc:"Why it does not apply"`
	DecidedBy      string                   `json:"decidedBy" enum:"gemeente,uwv"`
	Conditions     []PlacementConditionBody `json:"conditions"`
	Amount         *AmountRangeBody         `json:"amount,omitempty" doc:"Indicative: LKS per month from a loonwaarde of 80% to the cap; LKV per year"`
	FlatRate       *AmountRangeBody         `json:"flatRate,omitempty" doc:"LKS: the flat rate per month before the loonwaarde is assessed"`
	FlatRateMonths int64                    `json:"flatRateMonths,omitempty"`
	TargetGroup    string                   `json:"targetGroup,omitempty" enum:"banenafspraak,arbeidsgehandicapt,herplaatsen"`
	Years          int64                    `json:"years,omitempty" doc:"LKV: for at most this many years"`
	LengthMonths   *int64                   `json:"lengthMonths,omitempty" doc:"Proefplaatsing: its length by the region's policy"`
	ExtendMonths   *int64                   `json:"extendMonths,omitempty" doc:"Proefplaatsing: its possible extension"`
	Deadlines      []PlacementTermBody      `json:"deadlines"`
	Parameters     []string                 `json:"parameters" doc:"Keys of the parameters its figures use"`
}

// getInviteSubsidiesResponse is what applies to one accepted invite.
type getInviteSubsidiesResponse struct {
	InviteID         string                `json:"inviteId" format:"uuid"`
	OpeningTitle     string                `json:"openingTitle"`
	OrganisationName string                `json:"organisationName"`
	CandidateCode    string                `json:"candidateCode"`
	Basis            string                `json:"basis" enum:"placement,opening" doc:"placement: the placement's facts; opening: before the placement, the opening's hours"`
	StartDate        *string               `json:"startDate,omitempty" format:"date"`
	ContractType     string                `json:"contractType,omitempty" doc:"The placement's contract; before it, proefplaatsing or geen when the opening's kind says so"`
	HoursMin         int                   `json:"hoursMin"`
	HoursMax         int                   `json:"hoursMax"`
	ParametersOn     string                `json:"parametersOn" format:"date" doc:"The day whose parameters the amounts use: the start, or today"`
	Extrapolated     bool                  `json:"extrapolated" doc:"That day lies after the last known minimum-wage period"`
	Schemes          []PlacementSchemeBody `json:"schemes"`
	Parameters       []UsedParameterBody   `json:"parameters"`
}

type placementOut struct{ Body getInviteSubsidiesResponse }

// InviteIDParam is the {id} of an invite.
type InviteIDParam struct {
	ID string `path:"id" format:"uuid"`
}

// RegisterPlacement adds GET /invites/{id}/subsidies.
func RegisterPlacement(api huma.API, s *Service) {
	authz.Register(api, huma.Operation{OperationID: "getInviteSubsidies", Method: http.MethodGet, Path: "/invites/{id}/subsidies",
		Summary: "Subsidies en regelingen bij een plaatsing / Subsidies and arrangements of a placement", Tags: []string{"Subsidies"}, Errors: []int{404},
		Description: "For an invite the kandidaat accepted: every scheme (LKS, LKV, no-riskpolis, proefplaatsing, jobcoaching), whether it applies and why not, " +
			"who decides, its conditions, indicative amounts for the placement's hours (before the placement: the opening's hours) and the deadlines counted " +
			"from the start. Amounts are indicative: the gemeente or UWV decides. Any other invite answers 404. Reading the candidate's indications is audited."},
		authz.Roles(authz.Admin, authz.Accountmanager, authz.Klantmanager, authz.Werkgever, authz.Zorgaanbieder),
		func(ctx context.Context, p authz.Principal, in *InviteIDParam) (*placementOut, error) {
			pl, err := s.Schemes(ctx, p, in.ID)
			if err != nil {
				return nil, err
			}
			return &placementOut{Body: toPlacementBody(pl)}, nil
		})
}

func toPlacementBody(pl Placement) getInviteSubsidiesResponse {
	b := getInviteSubsidiesResponse{InviteID: pl.InviteID, OpeningTitle: pl.OpeningTitle, OrganisationName: pl.OrganisationName, CandidateCode: pl.CandidateCode,
		Basis: pl.Basis, StartDate: placementDate(pl.StartDate), ContractType: pl.ContractType, HoursMin: pl.HoursMin, HoursMax: pl.HoursMax,
		ParametersOn: pl.ParamsOn.Format(time.DateOnly), Extrapolated: pl.Extrapolated, Schemes: []PlacementSchemeBody{}, Parameters: []UsedParameterBody{}}
	for _, a := range pl.Schemes {
		sb := PlacementSchemeBody{Scheme: string(a.Scheme), Applies: a.Applies, Reason: a.Reason, DecidedBy: string(a.DecidedBy), Conditions: []PlacementConditionBody{},
			Amount: amountRangeBody(a.Amount), FlatRate: amountRangeBody(a.FlatRate), TargetGroup: string(a.TargetGroup), Years: a.Years,
			LengthMonths: a.LengthMonths, ExtendMonths: a.ExtendMonths, Deadlines: []PlacementTermBody{}, Parameters: []string{}}
		if a.FlatRate != nil {
			sb.FlatRateMonths = a.FlatRateMonths
		}
		if !a.Applies {
			sb.TargetGroup, sb.Years = "", 0
		}
		for _, c := range a.Conditions {
			sb.Conditions = append(sb.Conditions, PlacementConditionBody(c))
		}
		for _, t := range a.Deadlines {
			sb.Deadlines = append(sb.Deadlines, PlacementTermBody{Code: t.Code, Months: t.Months, Due: placementDate(t.Due), Parameter: string(t.Key), Extrapolated: t.Extrapolated})
		}
		for _, k := range a.Keys {
			sb.Parameters = append(sb.Parameters, string(k))
		}
		b.Schemes = append(b.Schemes, sb)
	}
	for _, v := range pl.Parameters {
		d, _ := DefinitionOf(v.Key)
		b.Parameters = append(b.Parameters, UsedParameterBody{Key: string(v.Key), Scope: string(d.Scope), Unit: string(d.Unit), Value: v.Value,
			ValidFrom: v.ValidFrom.Format(time.DateOnly), Source: v.Source, CheckedOn: placementDate(v.CheckedOn)})
	}
	return b
}

func amountRangeBody(r *AmountRange) *AmountRangeBody {
	if r == nil {
		return nil
	}
	return &AmountRangeBody{Period: r.Period, FromCents: r.From, ToCents: r.To}
}

func placementDate(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}
