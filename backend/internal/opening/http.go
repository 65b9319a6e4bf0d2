package opening

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/geo"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// occupationName is an occupation named beside the main one.
type occupationName struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

type occupationRef struct {
	ID        string `json:"id"`
	Label     string `json:"label"`
	ISCOGroup string `json:"iscoGroup"`
}

type fairnessHitBody struct {
	Rule     string `json:"rule" doc:"Id of the rule in the maintained list"`
	Category string `json:"category" enum:"leeftijd,geslacht,afkomst,religie,gezondheid,zwangerschap,seksuele_geaardheid,burgerlijke_staat"`
	Field    string `json:"field" enum:"title,description"`
	Match    string `json:"match" doc:"The words as written"`
	Start    int    `json:"start" doc:"Offset of the match in the field, in UTF-16 code units (as JavaScript counts)"`
	Length   int    `json:"length" doc:"Length of the match in UTF-16 code units"`
	ReasonNL string `json:"reasonNl"`
	ReasonEN string `json:"reasonEn"`
}

type openingBody struct {
	ID                string            `json:"id" format:"uuid"`
	OrganisationID    string            `json:"organisationId" format:"uuid"`
	OrganisationName  string            `json:"organisationName"`
	Kind              string            `json:"kind" enum:"vacature,proefplaats,leerwerkplek,participatieplek"`
	State             string            `json:"state" enum:"draft,open,paused,filled,closed"`
	AllowedStates     []string          `json:"allowedStates" doc:"The states it may move to now"`
	Title             string            `json:"title"`
	Description       string            `json:"description"`
	Occupation        occupationRef     `json:"occupation"`
	RequiredSkills    []string          `json:"requiredSkills" doc:"Skill ids (GET /skills)"`
	MandatorySkills   []string          `json:"mandatorySkills" doc:"The required skills marked verplicht: they filter the pool, the other required skills rank it"`
	NiceSkills        []string          `json:"niceSkills"`
	AcceptableIDs     []string          `json:"acceptableOccupationIds" doc:"Further occupations the organisation accepts (ook passend)"`
	Acceptable        []occupationName  `json:"acceptableOccupations" doc:"The same, with labels"`
	Postcode          string            `json:"postcode" example:"3511 AB"`
	Place             string            `json:"place" example:"Utrecht"`
	MaxTravelKm       int               `json:"maxTravelKm"`
	HoursMin          int               `json:"hoursMin"`
	HoursMax          int               `json:"hoursMax"`
	Days              []string          `json:"days"`
	DayParts          []string          `json:"dayParts"`
	ContractType      string            `json:"contractType" enum:"vast,tijdelijk,uitzend,oproep,leerwerk,geen"`
	StartDate         string            `json:"startDate,omitempty" format:"date" doc:"Absent: as soon as possible"`
	WageMinCents      int64             `json:"wageMinCents"`
	WageMaxCents      int64             `json:"wageMaxCents"`
	Places            int               `json:"places"`
	FilledCount       *int              `json:"filledCount,omitempty"`
	Support           []string          `json:"support"`
	Banenafspraak     bool              `json:"banenafspraak"`
	ReviewRequestedAt *time.Time        `json:"reviewRequestedAt,omitempty"`
	Fairness          []fairnessHitBody `json:"fairness" doc:"What the fairness check finds in the current text; publishing is blocked while this is not empty"`
	CreatedAt         time.Time         `json:"createdAt"`
	UpdatedAt         time.Time         `json:"updatedAt"`
	PublishedAt       *time.Time        `json:"publishedAt,omitempty"`
}

func toHitBodies(title, description string, hits []FairnessHit) []fairnessHitBody {
	out := make([]fairnessHitBody, len(hits))
	for i, h := range hits {
		text := title
		if h.Field == "description" {
			text = description
		}
		start, length := utf16Span(text, h.Start, len(h.Match))
		out[i] = fairnessHitBody{Rule: h.Rule, Category: string(h.Category), Field: h.Field, Match: h.Match,
			Start: start, Length: length, ReasonNL: h.ReasonNL, ReasonEN: h.ReasonEN}
	}
	return out
}

// utf16Span converts a byte span of s into UTF-16 offsets for the browser.
func utf16Span(s string, start, n int) (int, int) {
	count := func(b string) int {
		c := 0
		for _, r := range b {
			if r >= 0x10000 {
				c += 2
			} else {
				c++
			}
		}
		return c
	}
	if start < 0 || start+n > len(s) {
		return 0, 0
	}
	return count(s[:start]), count(s[start : start+n])
}

func toBody(o Opening) openingBody {
	allowed := o.AllowedStates()
	states := make([]string, len(allowed))
	for i, st := range allowed {
		states[i] = string(st)
	}
	b := openingBody{ID: o.ID, OrganisationID: o.OrganisationID, OrganisationName: o.OrganisationName, Kind: string(o.Kind),
		State: string(o.State), AllowedStates: states, Title: o.Title, Description: o.Description,
		Occupation:     occupationRef{ID: o.OccupationID, Label: o.OccupationLabel, ISCOGroup: o.ISCOGroup},
		RequiredSkills: o.RequiredSkills, MandatorySkills: o.MandatorySkills, NiceSkills: o.NiceSkills, AcceptableIDs: o.AcceptableOccupations,
		Acceptable: []occupationName{}, Postcode: o.Postcode, Place: o.Place, MaxTravelKm: o.MaxTravelKm,
		HoursMin: o.HoursMin, HoursMax: o.HoursMax, Days: o.Days, DayParts: o.DayParts, ContractType: o.ContractType,
		WageMinCents: o.WageMinCents, WageMaxCents: o.WageMaxCents, Places: o.Places, FilledCount: o.FilledCount,
		Support: o.Support, Banenafspraak: o.Banenafspraak, ReviewRequestedAt: o.ReviewRequestedAt,
		Fairness:  toHitBodies(o.Title, o.Description, o.Fairness),
		CreatedAt: o.CreatedAt, UpdatedAt: o.UpdatedAt, PublishedAt: o.PublishedAt}
	for i, id := range o.AcceptableOccupations {
		ref := occupationName{ID: id}
		if i < len(o.AcceptableLabels) {
			ref.Label = o.AcceptableLabels[i]
		}
		b.Acceptable = append(b.Acceptable, ref)
	}
	if o.StartDate != nil {
		b.StartDate = o.StartDate.Format(time.DateOnly)
	}
	return b
}

type openingOutput struct{ Body openingBody }

// IDParam is the {id} of an opening path (exported: huma reads parameters
// only from exported embedded structs).
type IDParam struct {
	ID string `path:"id" format:"uuid"`
}

type listInput struct {
	OrganisationID string `query:"organisationId" format:"uuid"`
	State          string `query:"state" enum:"draft,open,paused,filled,closed"`
	httpapi.Search
	Sort string `query:"sort" enum:"updatedAt,-updatedAt,createdAt,-createdAt,title,-title,organisation,-organisation,state,-state" default:"-updatedAt" doc:"Field to sort on; '-' first for descending"`
	httpapi.Paging
}

// fieldsBody is the content of a new opening.
type fieldsBody struct {
	OrganisationID string   `json:"organisationId,omitempty" format:"uuid" doc:"Required for staff; organisation users post for their own organisation"`
	Kind           string   `json:"kind" enum:"vacature,proefplaats,leerwerkplek,participatieplek"`
	Title          string   `json:"title" minLength:"3" maxLength:"120"`
	Description    string   `json:"description,omitempty" maxLength:"5000" doc:"Plain text"`
	OccupationID   string   `json:"occupationId" maxLength:"100" doc:"Id from GET /occupations"`
	RequiredSkills []string `json:"requiredSkills,omitempty" maxItems:"20"`
	// MandatorySkills ⊆ RequiredSkills.
	MandatorySkills []string `json:"mandatorySkills,omitempty" maxItems:"20" doc:"Required skills that are verplicht: candidates without them are left out of the pool"`
	NiceSkills      []string `json:"niceSkills,omitempty" maxItems:"20"`
	AcceptableIDs   []string `json:"acceptableOccupationIds,omitempty" maxItems:"10" doc:"Further occupations the organisation accepts beside occupationId (ook passend); ids from GET /occupations"`
	Postcode        string   `json:"postcode" maxLength:"7" example:"3511 AB"`
	MaxTravelKm     int      `json:"maxTravelKm" minimum:"1" maximum:"150" doc:"How far candidates may live from the workplace"`
	HoursMin        int      `json:"hoursMin" minimum:"1" maximum:"60"`
	HoursMax        int      `json:"hoursMax" minimum:"1" maximum:"60"`
	Days            []string `json:"days,omitempty" maxItems:"7" enum:"ma,di,wo,do,vr,za,zo"`
	DayParts        []string `json:"dayParts,omitempty" maxItems:"4" enum:"ochtend,middag,avond,nacht"`
	ContractType    string   `json:"contractType" enum:"vast,tijdelijk,uitzend,oproep,leerwerk,geen" doc:"'geen' for proefplaatsen and participatieplekken"`
	StartDate       string   `json:"startDate,omitempty" format:"date" doc:"Absent: as soon as possible; not in the past"`
	WageMinCents    int64    `json:"wageMinCents,omitempty" minimum:"0" maximum:"100000000" doc:"Gross per month, vacatures only"`
	WageMaxCents    int64    `json:"wageMaxCents,omitempty" minimum:"0" maximum:"100000000"`
	Places          int      `json:"places" minimum:"1" maximum:"500"`
	Support         []string `json:"support,omitempty" maxItems:"8" enum:"jobcoach,aangepaste-werkplek,rustige-werkplek,vaste-structuur,flexibele-uren,vaste-begeleider,opbouw-uren,eenvoudige-instructies"`
	Banenafspraak   bool     `json:"banenafspraak,omitempty" doc:"Suitable for the banenafspraak (doelgroepregister)"`
}

type createInput struct {
	Body fieldsBody
}

// changeBody is a JSON merge patch: a field left out keeps its value, null
// clears a field that may be empty (description, skills, days, start date,
// wage, support), and the rest refuse null (notNullable).
type changeBody struct {
	Title           *string                    `json:"title,omitempty" minLength:"3" maxLength:"120"`
	Description     httpapi.Optional[string]   `json:"description,omitzero" maxLength:"5000" doc:"null clears it"`
	OccupationID    *string                    `json:"occupationId,omitempty" maxLength:"100"`
	RequiredSkills  httpapi.Optional[[]string] `json:"requiredSkills,omitzero" maxItems:"20"`
	MandatorySkills httpapi.Optional[[]string] `json:"mandatorySkills,omitzero" maxItems:"20"`
	NiceSkills      httpapi.Optional[[]string] `json:"niceSkills,omitzero" maxItems:"20"`
	AcceptableIDs   httpapi.Optional[[]string] `json:"acceptableOccupationIds,omitzero" maxItems:"10"`
	Postcode        *string                    `json:"postcode,omitempty" maxLength:"7"`
	MaxTravelKm     *int                       `json:"maxTravelKm,omitempty" minimum:"1" maximum:"150"`
	HoursMin        *int                       `json:"hoursMin,omitempty" minimum:"1" maximum:"60"`
	HoursMax        *int                       `json:"hoursMax,omitempty" minimum:"1" maximum:"60"`
	Days            httpapi.Optional[[]string] `json:"days,omitzero" maxItems:"7" enum:"ma,di,wo,do,vr,za,zo"`
	DayParts        httpapi.Optional[[]string] `json:"dayParts,omitzero" maxItems:"4" enum:"ochtend,middag,avond,nacht"`
	ContractType    *string                    `json:"contractType,omitempty" enum:"vast,tijdelijk,uitzend,oproep,leerwerk,geen"`
	StartDate       httpapi.Optional[string]   `json:"startDate,omitzero" format:"date" doc:"null clears it: as soon as possible"`
	WageMinCents    httpapi.Optional[int64]    `json:"wageMinCents,omitzero" minimum:"0" maximum:"100000000" doc:"null clears it"`
	WageMaxCents    httpapi.Optional[int64]    `json:"wageMaxCents,omitzero" minimum:"0" maximum:"100000000" doc:"null clears it"`
	Places          *int                       `json:"places,omitempty" minimum:"1" maximum:"500"`
	Support         httpapi.Optional[[]string] `json:"support,omitzero" maxItems:"8" enum:"jobcoach,aangepaste-werkplek,rustige-werkplek,vaste-structuur,flexibele-uren,vaste-begeleider,opbouw-uren,eenvoudige-instructies"`
	Banenafspraak   httpapi.Optional[bool]     `json:"banenafspraak,omitzero" doc:"null clears it (false)"`
}

type updateInput struct {
	IDParam
	Body changeBody
}

type stateChangeInput struct {
	IDParam
	Body struct {
		State          string `json:"state" enum:"open,paused,filled,closed"`
		FilledCount    *int   `json:"filledCount,omitempty" minimum:"0" maximum:"500" doc:"Required for filled: how many places were filled"`
		OverrideReason string `json:"overrideReason,omitempty" maxLength:"1000" doc:"Accountmanagers only: publish despite fairness hits, after review"`
	}
}

type recordedHitBody struct {
	ID             string    `json:"id" format:"uuid"`
	Rule           string    `json:"rule"`
	Category       string    `json:"category"`
	Field          string    `json:"field" enum:"title,description"`
	Match          string    `json:"match"`
	Outcome        string    `json:"outcome" enum:"blocked,overridden"`
	OverrideReason string    `json:"overrideReason,omitempty"`
	ActorName      string    `json:"actorName"`
	CreatedAt      time.Time `json:"createdAt"`
}

type fairnessCheckInput struct {
	Body struct {
		Title       string `json:"title" maxLength:"120"`
		Description string `json:"description,omitempty" maxLength:"5000"`
	}
}

type fairnessCheckBody struct {
	Hits []fairnessHitBody `json:"hits"`
}

type portfolioInput struct {
	Scope            string `query:"scope" enum:"mine,region" default:"mine" doc:"mine: the caller's own organisations (accountmanagers); region: all"`
	AccountmanagerID string `query:"accountmanagerId" format:"uuid"`
	Kind             string `query:"kind" enum:"werkgever,zorgaanbieder"`
	httpapi.Search
	Attention bool   `query:"attention" doc:"Only organisations with a review request or a blocked publication"`
	Sort      string `query:"sort" enum:"name,-name,lastContact,-lastContact,open,-open" default:"name" doc:"Field to sort on; '-' first for descending (lastContact: never contacted counts as longest ago)"`
	httpapi.Paging
	Accept string `header:"Accept" doc:"text/csv: every match (not one page) as CSV for Dutch spreadsheets (';', UTF-8 with BOM)"`
}

type portfolioEntryBody struct {
	OrganisationID     string `json:"organisationId" format:"uuid"`
	Name               string `json:"name"`
	Kind               string `json:"kind" enum:"werkgever,zorgaanbieder"`
	Postcode           string `json:"postcode"`
	AccountmanagerID   string `json:"accountmanagerId,omitempty" format:"uuid"`
	AccountmanagerName string `json:"accountmanagerName,omitempty"`
	Open               int    `json:"open"`
	Draft              int    `json:"draft"`
	Paused             int    `json:"paused"`
	Filled             int    `json:"filled"`
	ReviewRequested    int    `json:"reviewRequested"`
	FairnessBlocked    int    `json:"fairnessBlocked" doc:"Publications the fairness check blocked, last 90 days"`
	LastContactOn      string `json:"lastContactOn,omitempty" format:"date"`
	LastContactKind    string `json:"lastContactKind,omitempty"`
}

func toPortfolioEntryBody(e PortfolioEntry) portfolioEntryBody {
	b := portfolioEntryBody{OrganisationID: e.OrganisationID, Name: e.Name, Kind: e.Kind, Postcode: e.Postcode,
		AccountmanagerID: e.AccountmanagerID, AccountmanagerName: e.AccountmanagerName, Open: e.Open, Draft: e.Draft,
		Paused: e.Paused, Filled: e.Filled, ReviewRequested: e.ReviewRequested, FairnessBlocked: e.FairnessBlocked,
		LastContactKind: e.LastContactKind}
	if e.LastContactOn != nil {
		b.LastContactOn = e.LastContactOn.Format(time.DateOnly)
	}
	return b
}

type postcodeInput struct {
	Postcode string `path:"postcode" maxLength:"7" example:"3511AB"`
}

type postcodeBody struct {
	Postcode string  `json:"postcode" example:"3511 AB"`
	PC4      string  `json:"pc4" example:"3511"`
	Place    string  `json:"place" example:"Utrecht"`
	Lat      float64 `json:"lat"`
	Lon      float64 `json:"lon"`
}

var (
	readers = authz.Roles(authz.Admin, authz.Accountmanager, authz.Klantmanager, authz.Werkgever, authz.Zorgaanbieder)
	writers = authz.Roles(authz.Admin, authz.Accountmanager, authz.Werkgever, authz.Zorgaanbieder)
	staff   = authz.Roles(authz.Admin, authz.Accountmanager)
)

// handlers are the openings operations, the fairness check, the
// accountmanagers' portfolio and the postcode lookup.
type handlers struct{ s *Service }

// Register adds the openings operations to api.
func Register(api huma.API, s *Service) {
	h := handlers{s}
	tags := []string{"Vacatures"}
	authz.Register(api, huma.Operation{OperationID: "listOpenings", Method: http.MethodGet, Path: "/openings",
		Summary: "Vacatures en plekken / Openings", Tags: tags,
		Description: "Organisation users see their own organisation's openings; accountmanagers and admins the region's; klantmanagers the region's open openings."},
		readers, h.list)
	authz.Register(api, huma.Operation{OperationID: "createOpening", Method: http.MethodPost, Path: "/openings", DefaultStatus: http.StatusCreated,
		Summary: "Vacature of plek aanmaken (concept) / Create an opening (draft)", Tags: tags, Errors: []int{400, 404},
		Description: "Werkgevers post vacatures, proefplaatsen and leerwerkplekken; zorgaanbieders participatieplekken. Accountmanagers post for organisations in their portfolio. A new opening is a draft."},
		writers, h.create)
	authz.Register(api, huma.Operation{OperationID: "getOpening", Method: http.MethodGet, Path: "/openings/{id}",
		Summary: "Vacature of plek / Opening", Tags: tags, Errors: []int{404}},
		readers, h.get)
	authz.Register(api, huma.Operation{OperationID: "updateOpening", Method: http.MethodPatch, Path: "/openings/{id}",
		Summary: "Vacature of plek wijzigen / Update an opening", Tags: tags, Errors: []int{400, 404, 409},
		Description: "Fields left out stay as they are. Filled and closed openings cannot change (409). The text of an open opening must pass the fairness check (409 naming each phrase)."},
		writers, h.update)
	authz.Register(api, huma.Operation{OperationID: "changeOpeningState", Method: http.MethodPost, Path: "/openings/{id}/state-changes",
		Summary: "Publiceren, pauzeren, vervuld melden of sluiten / Publish, pause, fill or close", Tags: tags, Errors: []int{400, 404, 409},
		Description: "draft → open | closed; open → paused | filled | closed; paused → open | filled | closed. Publishing runs the fairness check: hits are recorded for the accountmanager and answer 409 with code `fairness`, naming each phrase in invalidParams."},
		writers, h.changeState)
	authz.Register(api, huma.Operation{OperationID: "requestOpeningReview", Method: http.MethodPost, Path: "/openings/{id}/review-requests",
		Summary: "Accountmanager laten meekijken / Ask the accountmanager to review", Tags: tags, Errors: []int{404, 409},
		Description: "For a draft or paused opening, typically after the fairness check blocked publishing. Asking twice changes nothing."},
		writers, h.requestReview)
	authz.Register(api, huma.Operation{OperationID: "listFairnessHits", Method: http.MethodGet, Path: "/openings/{id}/fairness-hits",
		Summary: "Gevonden eisen die niet mogen / Recorded fairness hits", Tags: tags, Errors: []int{404},
		Description: "Every hit found when publishing was attempted or overridden, for the accountmanager."},
		staff, h.listFairnessHits)
	authz.Register(api, huma.Operation{OperationID: "checkFairness", Method: http.MethodPost, Path: "/fairness-checks",
		Summary: "Tekst toetsen op eisen die niet mogen / Check a text for discriminatory requirements", Tags: tags,
		Description: "Runs the fairness check on a title and description without storing anything, for inline feedback while typing."},
		writers, h.checkFairness)
	authz.Register(api, huma.Operation{OperationID: "getPortfolio", Method: http.MethodGet, Path: "/portfolio",
		Summary: "Portefeuille / Portfolio", Tags: []string{"Organisaties"}, Errors: []int{400},
		Responses:   httpapi.CSVResponses(api, httpapi.Paged[portfolioEntryBody]{}, "One row per organisation: name, kind, postcode, accountmanager, openings by state, review requests, blocked publications, last contact"),
		Description: "The region's werkgevers and zorgaanbieders with their openings, review requests, blocked publications and last contact. Search (q: name), sort and page; Accept: text/csv answers every match as CSV."},
		staff, h.portfolio)
	authz.Register(api, huma.Operation{OperationID: "getPostcode", Method: http.MethodGet, Path: "/postcodes/{postcode}",
		Summary: "Plaats bij een postcode / Place of a postcode", Tags: []string{"Referentiegegevens"}, Errors: []int{400},
		Description: "Geocodes a Dutch postcode offline through the bundled PC4 centroids (GeoNames, CC BY 4.0). Public reference data."},
		authz.PublicRule, h.postcode)
}

func (h handlers) list(ctx context.Context, p authz.Principal, in *listInput) (*httpapi.PagedOut[openingBody], error) {
	f := ListFilter{OrganisationID: in.OrganisationID, Q: in.Q, Sort: in.Sort}
	if in.State != "" {
		f.States = []State{State(in.State)}
	}
	list, err := h.s.List(ctx, p, f)
	if err != nil {
		return nil, err
	}
	return httpapi.PageOf(httpapi.Window(list, in.Paging), len(list), in.Paging, toBody), nil
}

// create posts for the caller's own organisation, or for the one staff name.
func (h handlers) create(ctx context.Context, p authz.Principal, in *createInput) (*openingOutput, error) {
	b := in.Body
	orgID := b.OrganisationID
	if p.Role.IsOrganisationRole() {
		if orgID != "" && orgID != p.OrganisationID {
			return nil, apperr.ErrNotFound
		}
		orgID = p.OrganisationID
	} else if orgID == "" {
		return nil, apperr.Invalid("organisationId", "required", msg.M("opening.organisationIdRequired"))
	}
	start, err := httpapi.ParseDate("startDate", b.StartDate)
	if err != nil {
		return nil, err
	}
	return openingResult(h.s.Create(ctx, p, orgID, Fields{Kind: Kind(b.Kind), Title: b.Title, Description: b.Description, OccupationID: b.OccupationID,
		RequiredSkills: b.RequiredSkills, MandatorySkills: b.MandatorySkills, NiceSkills: b.NiceSkills,
		AcceptableOccupations: b.AcceptableIDs, Postcode: b.Postcode, MaxTravelKm: b.MaxTravelKm,
		HoursMin: b.HoursMin, HoursMax: b.HoursMax, Days: b.Days, DayParts: b.DayParts, ContractType: b.ContractType,
		StartDate: start, WageMinCents: b.WageMinCents, WageMaxCents: b.WageMaxCents, Places: b.Places, Support: b.Support,
		Banenafspraak: b.Banenafspraak}, httpapi.ClientIP(ctx)))
}

func (h handlers) get(ctx context.Context, p authz.Principal, in *IDParam) (*openingOutput, error) {
	return openingResult(h.s.Get(ctx, p, in.ID))
}

func (h handlers) update(ctx context.Context, p authz.Principal, in *updateInput) (*openingOutput, error) {
	b := in.Body
	none := []string{}
	return openingResult(h.s.Update(ctx, p, in.ID, Change{Title: b.Title, Description: b.Description.Or(""), OccupationID: b.OccupationID,
		Postcode: b.Postcode, ContractType: b.ContractType, RequiredSkills: b.RequiredSkills.Or(none), NiceSkills: b.NiceSkills.Or(none),
		Days: b.Days.Or(none), DayParts: b.DayParts.Or(none), Support: b.Support.Or(none), MaxTravelKm: b.MaxTravelKm,
		MandatorySkills: b.MandatorySkills.Or(none), AcceptableOccupations: b.AcceptableIDs.Or(none), HoursMin: b.HoursMin,
		HoursMax: b.HoursMax, Places: b.Places, WageMinCents: b.WageMinCents.Or(0), WageMaxCents: b.WageMaxCents.Or(0),
		StartDate: b.StartDate.Or(""), Banenafspraak: b.Banenafspraak.Or(false)}, httpapi.ClientIP(ctx)))
}

func (h handlers) changeState(ctx context.Context, p authz.Principal, in *stateChangeInput) (*openingOutput, error) {
	return openingResult(h.s.Transition(ctx, p, in.ID, StateChange{To: State(in.Body.State), FilledCount: in.Body.FilledCount,
		OverrideReason: in.Body.OverrideReason}, httpapi.ClientIP(ctx)))
}

func (h handlers) requestReview(ctx context.Context, p authz.Principal, in *IDParam) (*openingOutput, error) {
	return openingResult(h.s.RequestReview(ctx, p, in.ID, httpapi.ClientIP(ctx)))
}

func (h handlers) listFairnessHits(ctx context.Context, p authz.Principal, in *IDParam) (*httpapi.ListOut[recordedHitBody], error) {
	hits, err := h.s.Hits(ctx, p, in.ID)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(hits, func(r RecordedHit) recordedHitBody { return recordedHitBody(r) }), nil
}

func (handlers) checkFairness(_ context.Context, _ authz.Principal, in *fairnessCheckInput) (*struct{ Body fairnessCheckBody }, error) {
	hits := CheckFairness(in.Body.Title, in.Body.Description)
	return &struct{ Body fairnessCheckBody }{Body: fairnessCheckBody{Hits: toHitBodies(in.Body.Title, in.Body.Description, hits)}}, nil
}

func (h handlers) portfolio(ctx context.Context, p authz.Principal, in *portfolioInput) (*httpapi.ListOrCSV, error) {
	list, err := h.s.Portfolio(ctx, p, PortfolioFilter{Mine: in.Scope == "mine" && p.Role == authz.Accountmanager && in.AccountmanagerID == "",
		AccountmanagerID: in.AccountmanagerID, Kind: in.Kind, Query: in.Q, Attention: in.Attention, Sort: in.Sort})
	if err != nil {
		return nil, err
	}
	if httpapi.WantsCSV(in.Accept) {
		return httpapi.CSVFile("portefeuille", h.s.now(), portfolioCSV(list)), nil
	}
	return &httpapi.ListOrCSV{Body: httpapi.PageOf(httpapi.Window(list, in.Paging), len(list), in.Paging, toPortfolioEntryBody).Body}, nil
}

// portfolioCSV is the portfolio as a spreadsheet, with Dutch headers.
func portfolioCSV(list []PortfolioEntry) []byte {
	rows := make([][]string, len(list))
	for i, e := range list {
		b := toPortfolioEntryBody(e)
		rows[i] = []string{b.Name, b.Kind, b.Postcode, b.AccountmanagerName, strconv.Itoa(b.Open), strconv.Itoa(b.Draft), strconv.Itoa(b.Paused),
			strconv.Itoa(b.Filled), strconv.Itoa(b.ReviewRequested), strconv.Itoa(b.FairnessBlocked), b.LastContactOn, b.LastContactKind}
	}
	return httpapi.CSV([]string{"Organisatie", "Soort", "Postcode", "Accountmanager", "Open", "Concept", "Gepauzeerd", "Vervuld",
		"Beoordeling gevraagd", "Geblokkeerd (90 dagen)", "Laatste contact", "Soort contact"}, rows)
}

func (handlers) postcode(_ context.Context, _ authz.Principal, in *postcodeInput) (*struct{ Body postcodeBody }, error) {
	g, err := geo.ResolveAddress("postcode", in.Postcode)
	if err != nil {
		return nil, err
	}
	return &struct{ Body postcodeBody }{Body: postcodeBody{Postcode: g.Postcode, PC4: g.PC4, Place: g.Name, Lat: g.Lat, Lon: g.Lon}}, nil
}

// openingResult answers with the opening a service call returned.
func openingResult(o Opening, err error) (*openingOutput, error) {
	if err != nil {
		return nil, err
	}
	return &openingOutput{Body: toBody(o)}, nil
}
