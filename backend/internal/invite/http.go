package invite

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

type inviteEventBody struct {
	At     time.Time `json:"at"`
	Actor  string    `json:"actor" enum:"organisation,accountmanager,kandidaat,klantmanager,admin,system"`
	From   string    `json:"from,omitempty"`
	To     string    `json:"to"`
	Reason string    `json:"reason,omitempty"`
}

type invitePlacementBody struct {
	ID                string   `json:"id" format:"uuid"`
	StartDate         string   `json:"startDate" format:"date"`
	ContractType      string   `json:"contractType"`
	Hours             int      `json:"hours"`
	HourlyWageCents   int64    `json:"hourlyWageCents"`
	BelowMinimumWage  string   `json:"belowMinimumWageReason,omitempty" enum:"jeugdloon,loondispensatie" doc:"Why a paid contract pays less than the adult minimum wage"`
	TrialPeriodMonths int      `json:"trialPeriodMonths"`
	EndedOn           *string  `json:"endedOn,omitempty" format:"date"`
	EndReason         string   `json:"endReason,omitempty"`
	Durable           *bool    `json:"durable,omitempty" doc:"Still employed at 26 weeks (duurzame uitstroom)"`
	Thanked           []string `json:"thanked,omitempty" enum:"klantmanager,accountmanager" doc:"Whom you thanked for this placement (organisation users)"`
}

// InviteBody is an invite as organisation users and staff see it: the
// candidate by public code only.
type InviteBody struct {
	ID               string               `json:"id" format:"uuid"`
	OpeningID        string               `json:"openingId" format:"uuid"`
	OpeningTitle     string               `json:"openingTitle"`
	OrganisationID   string               `json:"organisationId" format:"uuid"`
	OrganisationName string               `json:"organisationName"`
	CandidateID      string               `json:"candidateId" format:"uuid"`
	CandidateCode    string               `json:"candidateCode" example:"K-7F3A2"`
	State            string               `json:"state" enum:"awaiting_approval,invited,viewed,accepted,declined,expired,withdrawn,introduced,intake_planned,placed,not_placed"`
	Message          string               `json:"message"`
	Advice           string               `json:"advice,omitempty" doc:"The klantmanager's advice to the kandidaat"`
	SentAt           *time.Time           `json:"sentAt,omitempty"`
	ExpiresAt        *time.Time           `json:"expiresAt,omitempty"`
	DeclineReason    string               `json:"declineReason,omitempty"`
	DeclineNote      string               `json:"declineNote,omitempty"`
	IntakeAt         *time.Time           `json:"intakeAt,omitempty"`
	IntakeMode       string               `json:"intakeMode,omitempty"`
	IntakePlace      string               `json:"intakePlace,omitempty"`
	OutcomeNote      string               `json:"outcomeNote,omitempty"`
	Disclosed        bool                 `json:"disclosed" doc:"The kandidaat accepted and shares contact details (GET /invites/{id}/contact)"`
	SharePhone       bool                 `json:"sharePhone"`
	CreatedAt        time.Time            `json:"createdAt"`
	UpdatedAt        time.Time            `json:"updatedAt"`
	Events           []inviteEventBody    `json:"events,omitempty"`
	Placement        *invitePlacementBody `json:"placement,omitempty"`
}

func toBody(in Invite) InviteBody {
	b := InviteBody{ID: in.ID, OpeningID: in.OpeningID, OpeningTitle: in.OpeningTitle, OrganisationID: in.OrganisationID, OrganisationName: in.OrganisationName,
		CandidateID: in.CandidateID, CandidateCode: in.CandidateCode, State: string(in.State), Message: in.Message, Advice: in.Advice, SentAt: in.SentAt,
		ExpiresAt: in.ExpiresAt, DeclineReason: in.DeclineReason, DeclineNote: in.DeclineNote, IntakeAt: in.IntakeAt, IntakeMode: in.IntakeMode,
		IntakePlace: in.IntakePlace, OutcomeNote: in.OutcomeNote, Disclosed: in.Disclosed, SharePhone: in.SharePhone, CreatedAt: in.CreatedAt, UpdatedAt: in.UpdatedAt}
	for _, e := range in.Events {
		b.Events = append(b.Events, inviteEventBody{At: e.At, Actor: string(e.Actor), From: string(e.From), To: string(e.To), Reason: e.Reason})
	}
	if p := in.Placement; p != nil {
		b.Placement = &invitePlacementBody{ID: p.ID, StartDate: p.StartDate.Format(time.DateOnly), ContractType: p.ContractType, Hours: p.Hours,
			HourlyWageCents: p.HourlyWageCents, BelowMinimumWage: p.BelowMinimumWageReason, TrialPeriodMonths: p.TrialPeriodMonths, EndedOn: dateOrNil(p.EndedOn), EndReason: p.EndReason, Durable: p.Durable, Thanked: p.Thanked}
	}
	return b
}

// OfferBody is an invite as the kandidaat reads it.
type OfferBody struct {
	ID               string     `json:"id" format:"uuid"`
	OrganisationName string     `json:"organisationName"`
	OpeningTitle     string     `json:"openingTitle"`
	Kind             string     `json:"kind" enum:"vacature,proefplaats,leerwerkplek,participatieplek"`
	Place            string     `json:"place"`
	HoursMin         int        `json:"hoursMin"`
	HoursMax         int        `json:"hoursMax"`
	StartDate        string     `json:"startDate,omitempty" format:"date"`
	Support          []string   `json:"support"`
	Days             []string   `json:"days" enum:"ma,di,wo,do,vr,za,zo" doc:"The days the work is on (empty: not said)"`
	DayParts         []string   `json:"dayParts" enum:"ochtend,middag,avond,nacht" doc:"The parts of the day the work is in (empty: not said)"`
	Description      string     `json:"description"`
	Message          string     `json:"message"`
	Advice           string     `json:"advice,omitempty" doc:"Advice from the kandidaat's klantmanager"`
	State            string     `json:"state" enum:"awaiting_approval,invited,viewed,accepted,declined,expired,withdrawn,introduced,intake_planned,placed,not_placed"`
	ExpiresAt        *time.Time `json:"expiresAt,omitempty"`
	Disclosed        bool       `json:"disclosed" doc:"The organisation can see your name and contact details"`
	SharePhone       bool       `json:"sharePhone"`
	Shares           []string   `json:"shares" doc:"What accepting shares with the organisation: name, email and (unless unticked) phone"`
	Thanked          bool       `json:"thanked,omitempty" doc:"You thanked your klantmanager for this work (in the list of your invites)"`
}

func toOffer(o Offer) OfferBody {
	b := OfferBody{ID: o.ID, OrganisationName: o.OrganisationName, OpeningTitle: o.OpeningTitle, Kind: o.Kind, Place: o.Place, HoursMin: o.HoursMin,
		HoursMax: o.HoursMax, Support: o.Support, Days: o.Days, DayParts: o.DayParts, Description: o.Description, Message: o.Message, Advice: o.Advice, State: string(o.State),
		ExpiresAt: o.ExpiresAt, Disclosed: o.Disclosed, SharePhone: o.SharePhone, Shares: []string{"name", "email", "phone"}, Thanked: o.Thanked}
	if o.StartDate != nil {
		b.StartDate = o.StartDate.Format(time.DateOnly)
	}
	if b.Support == nil {
		b.Support = []string{}
	}
	if b.Days == nil {
		b.Days = []string{}
	}
	if b.DayParts == nil {
		b.DayParts = []string{}
	}
	return b
}

// IDParam is the {id} of an invite or follow-up path (exported: huma reads
// parameters only from exported embedded structs).
type IDParam struct {
	ID string `path:"id" format:"uuid"`
}

// idBody is the input of an operation on one invite or follow-up that
// takes a body.
type idBody[B any] struct {
	IDParam
	Body B
}

type inviteOut struct{ Body InviteBody }

type offerOut struct{ Body OfferBody }

// DecisionBody is a kandidaat's answer to an invite (exported, like
// TokenBody: huma reads the fields of embedded structs only when they are
// exported, and decideInviteByLinkRequest embeds both).
type DecisionBody struct {
	Decision   string `json:"decision" enum:"accept,decline"`
	SharePhone bool   `json:"sharePhone,omitempty" doc:"Share your phone number too (accept only)"`
	Reason     string `json:"reason,omitempty" enum:",geen_interesse,reistijd,uren,ander_werk,gezondheid,anders"`
	Note       string `json:"note,omitempty" maxLength:"500"`
}

func (d DecisionBody) decision() Decision {
	return Decision{Accept: d.Decision == "accept", SharePhone: d.SharePhone, Reason: d.Reason, Note: d.Note}
}

// TokenBody carries the secret of a mailed link.
type TokenBody struct {
	Token string `json:"token" minLength:"20" maxLength:"100" doc:"The secret from the mailed link"`
}

// Bodies named <operationId>Request/Response keep the component names huma
// gives anonymous bodies, which the front end's generated client uses.

type createInvitesRequest struct {
	CandidateIDs []string `json:"candidateIds" minItems:"1" maxItems:"25" doc:"Candidate ids from the pool"`
	Message      string   `json:"message" maxLength:"1000" doc:"A short personal message to the kandidaten"`
}

type createInvitesInput struct {
	opening.IDParam
	Body createInvitesRequest
}

type listOpeningInvitesInput struct {
	opening.IDParam
	States []string `query:"state" maxItems:"11" enum:"awaiting_approval,invited,viewed,accepted,declined,expired,withdrawn,introduced,intake_planned,placed,not_placed"`
}

type changeInviteStateRequest struct {
	State  string `json:"state" enum:"invited,withdrawn,introduced,not_placed"`
	Reason string `json:"reason,omitempty" maxLength:"1000"`
}

// getInviteContactResponse has Contact's fields in Contact's order, so one
// converts to the other.
type getInviteContactResponse struct {
	Name  string `json:"name"`
	Email string `json:"email"`
	Phone string `json:"phone,omitempty"`
}

type planIntakeRequest struct {
	At    time.Time `json:"at" doc:"Date and time (RFC 3339)"`
	Mode  string    `json:"mode" enum:"op_locatie,online,telefonisch"`
	Place string    `json:"place,omitempty" maxLength:"200"`
}

type createPlacementRequest struct {
	StartDate         string `json:"startDate" format:"date"`
	ContractType      string `json:"contractType" enum:"vast,tijdelijk,uitzend,oproep,leerwerk,proefplaatsing,geen"`
	Hours             int    `json:"hours" minimum:"1" maximum:"60"`
	HourlyWageCents   int64  `json:"hourlyWageCents" minimum:"0" maximum:"20000" doc:"Gross per hour; 0 for proefplaatsing and geen (unpaid). A paid contract pays at least 30% of the adult minimum wage; below the adult minimum it needs belowMinimumWageReason"`
	BelowMinimumWage  string `json:"belowMinimumWageReason,omitempty" enum:"jeugdloon,loondispensatie" doc:"Only when a paid contract pays less than the adult minimum wage: jeugdloon (under 21) or loondispensatie"`
	TrialPeriodMonths int    `json:"trialPeriodMonths,omitempty" minimum:"0" maximum:"2"`
}

type adviseInviteRequest struct {
	Advice string `json:"advice" maxLength:"1000"`
}

// decideInviteByLinkRequest is the token and the decision in one body.
type decideInviteByLinkRequest struct {
	TokenBody
	DecisionBody
}

type getMyPoolAppearancesResponse struct {
	Weeks []appearanceWeekBody `json:"weeks"`
}

type listFollowUpsInput struct {
	Due bool `query:"due"`
}

type answerFollowUpRequest struct {
	StillEmployed bool   `json:"stillEmployed"`
	EndedOn       string `json:"endedOn,omitempty" pattern:"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$" doc:"YYYY-MM-DD; required with stillEmployed false"`
	EndReason     string `json:"endReason,omitempty" enum:",proeftijd,contract_afgelopen,ontslag_werkgever,ontslag_werknemer,ziekte,anders"`
}

// handlers are the invite operations: organisations and their
// accountmanagers invite and follow up, klantmanagers advise, kandidaten
// decide signed in or from the mailed link.
type handlers struct{ s *Service }

// Register adds the invite operations to api.
func Register(api huma.API, s *Service) {
	h := handlers{s}
	orgAndStaff := authz.Roles(authz.Admin, authz.Accountmanager, authz.Werkgever, authz.Zorgaanbieder)
	readers := authz.Roles(authz.Admin, authz.Accountmanager, authz.Werkgever, authz.Zorgaanbieder, authz.Klantmanager)
	kandidaat := authz.Roles(authz.Kandidaat)
	tags := []string{"Uitnodigingen"}

	authz.Register(api, huma.Operation{OperationID: "createInvites", Method: http.MethodPost, Path: "/openings/{id}/invites", DefaultStatus: http.StatusCreated,
		Summary: "Kandidaten uitnodigen / Invite candidates", Tags: tags, Errors: []int{400, 404, 409, 429},
		Description: "Invites 1–25 candidates from the opening's pool with a personal message, all or none. Each gets a mail with a single-use link (7 days). 409 names every candidate that cannot be invited (not in the pool, no e-mail, invited already); 429 names the limit (open invites per opening, invites per organisation per day). With the region's approval rule, invites by the organisation wait for its accountmanager."},
		orgAndStaff, h.create)
	authz.Register(api, huma.Operation{OperationID: "listOpeningInvites", Method: http.MethodGet, Path: "/openings/{id}/invites",
		Summary: "Uitnodigingen van een vacature / Invites of an opening", Tags: tags, Errors: []int{404}},
		orgAndStaff, h.listForOpening)
	authz.Register(api, huma.Operation{OperationID: "getInvite", Method: http.MethodGet, Path: "/invites/{id}",
		Summary: "Een uitnodiging met haar geschiedenis / One invite with its history", Tags: tags, Errors: []int{404}},
		readers, h.get)
	authz.Register(api, huma.Operation{OperationID: "changeInviteState", Method: http.MethodPost, Path: "/invites/{id}/state-changes",
		Summary: "Uitnodiging goedkeuren, intrekken of afronden / Approve, withdraw or conclude an invite", Tags: tags, Errors: []int{400, 404, 409},
		Description: "invited (an accountmanager approves an invite awaiting approval), withdrawn (before the kandidaat answers), introduced (after acceptance: you met), not_placed (no placement came of it, with a reason)."},
		orgAndStaff, h.changeState)
	authz.Register(api, huma.Operation{OperationID: "getInviteContact", Method: http.MethodGet, Path: "/invites/{id}/contact",
		Summary: "Contactgegevens na acceptatie / Contact details after acceptance", Tags: tags, Errors: []int{404, 409},
		Description: "Only for the organisation the kandidaat accepted, while the kandidaat shares them: name, e-mail and phone (if shared). Every read is written to the audit log."},
		authz.Roles(authz.Werkgever, authz.Zorgaanbieder), h.contact)
	authz.Register(api, huma.Operation{OperationID: "planIntake", Method: http.MethodPut, Path: "/invites/{id}/intake",
		Summary: "Kennismakingsgesprek plannen / Plan the intake", Tags: tags, Errors: []int{400, 404, 409}},
		orgAndStaff, h.planIntake)
	authz.Register(api, huma.Operation{OperationID: "createPlacement", Method: http.MethodPost, Path: "/invites/{id}/placement", DefaultStatus: http.StatusCreated,
		Summary: "Plaatsing vastleggen / Record the placement", Tags: tags, Errors: []int{400, 404, 409},
		Description: "After the introduction: start date, contract, hours, hourly wage in cents, trial period. The candidate's status becomes placed (they leave every pool); follow-ups at 4, 13 and 26 weeks are planned."},
		orgAndStaff, h.place)
	authz.Register(api, huma.Operation{OperationID: "listCandidateInvites", Method: http.MethodGet, Path: "/candidates/{id}/invites",
		Summary: "Uitnodigingen van een kandidaat / A candidate's invites", Tags: tags, Errors: []int{404},
		Description: "For the candidate's klantmanager: every invite and each step."},
		authz.Roles(authz.Klantmanager, authz.Admin), h.listForCandidate)
	authz.Register(api, huma.Operation{OperationID: "adviseInvite", Method: http.MethodPut, Path: "/invites/{id}/advice",
		Summary: "Advies aan de kandidaat / Advice to the kandidaat", Tags: tags, Errors: []int{400, 404, 409}},
		authz.Roles(authz.Klantmanager), h.advise)
	authz.Register(api, huma.Operation{OperationID: "listMyInvites", Method: http.MethodGet, Path: "/me/invites",
		Summary: "Mijn uitnodigingen / My invites", Tags: tags},
		kandidaat, h.listMine)
	authz.Register(api, huma.Operation{OperationID: "getMyInvite", Method: http.MethodGet, Path: "/me/invites/{id}",
		Summary: "Een uitnodiging lezen / Read an invite", Tags: tags, Errors: []int{404}},
		kandidaat, h.getMine)
	authz.Register(api, huma.Operation{OperationID: "decideMyInvite", Method: http.MethodPost, Path: "/me/invites/{id}/decision",
		Summary: "Ja of nee zeggen / Say yes or no", Tags: tags, Errors: []int{400, 404, 409},
		Description: "accept shares your name and e-mail (and phone, if you choose) with this organisation for this opening; decline shares nothing. The same answer twice changes nothing."},
		kandidaat, h.decideMine)
	authz.Register(api, huma.Operation{OperationID: "withdrawMyDisclosure", Method: http.MethodDelete, Path: "/me/invites/{id}/disclosure",
		Summary: "Gegevens niet meer delen / Stop sharing my details", Tags: tags, Errors: []int{404, 409},
		Description: "The organisation can no longer see your contact details from now on."},
		kandidaat, h.withdrawDisclosure)
	authz.Register(api, huma.Operation{OperationID: "viewInviteByLink", Method: http.MethodPost, Path: "/invite-links/views",
		Summary: "Uitnodiging openen via de link / Open an invite from the mailed link", Tags: tags, Errors: []int{400, 404, 410},
		Description: "The token travels in the body, never in a URL. An unknown link answers 404, a used one 410."},
		authz.PublicRule, h.viewByLink)
	authz.Register(api, huma.Operation{OperationID: "decideInviteByLink", Method: http.MethodPost, Path: "/invite-links/decisions",
		Summary: "Ja of nee zeggen via de link / Answer from the mailed link", Tags: tags, Errors: []int{400, 404, 409, 410},
		Description: "The link decides once: afterwards it answers 410 (a repeated accept answers the same result). After expiry or withdrawal: 409."},
		authz.PublicRule, h.decideByLink)
	authz.Register(api, huma.Operation{OperationID: "getMyPoolAppearances", Method: http.MethodGet, Path: "/me/pool-appearances",
		Summary: "Wie heeft naar mij gevraagd / Who asked about me", Tags: tags,
		Description: "How many openings' pools showed you, per week, over the last 12 weeks. Counts only: who asked is named only when they invite you."},
		kandidaat, h.myAppearances)
	authz.Register(api, huma.Operation{OperationID: "listPlacements", Method: http.MethodGet, Path: "/placements",
		Summary: "Plaatsingen / Placements", Tags: tags, Description: "Organisation users: their own; accountmanagers and admins: the region's (organisation=: one organisation's). Newest start first. Candidates by public code."},
		orgAndStaff, h.placements)
	authz.Register(api, huma.Operation{OperationID: "listFollowUps", Method: http.MethodGet, Path: "/follow-ups",
		Summary: "Opvolging na plaatsing / Follow-ups after placement", Tags: tags,
		Description: "\"Nog in dienst?\" at 4, 13 and 26 weeks: accountmanagers for their portfolio, organisations for their own placements. due=true: only those to answer now."},
		orgAndStaff, h.followUps)
	authz.Register(api, huma.Operation{OperationID: "answerFollowUp", Method: http.MethodPost, Path: "/follow-ups/{id}/answer",
		Summary: "Nog in dienst? beantwoorden / Answer a follow-up", Tags: tags, Errors: []int{400, 404, 409}},
		orgAndStaff, h.answerFollowUp)
	registerThanks(api, h)
}

// inviteResult and offerResult turn a service's answer into an output, so
// each operation that returns one invite or offer is a single call.
func inviteResult(v Invite, err error) (*inviteOut, error) {
	if err != nil {
		return nil, err
	}
	return &inviteOut{Body: toBody(v)}, nil
}

func offerResult(o Offer, err error) (*offerOut, error) {
	if err != nil {
		return nil, err
	}
	return &offerOut{Body: toOffer(o)}, nil
}

func (h handlers) create(ctx context.Context, p authz.Principal, in *createInvitesInput) (*httpapi.ListOut[InviteBody], error) {
	list, err := h.s.Create(ctx, p, in.ID, in.Body.CandidateIDs, in.Body.Message, httpapi.ClientIP(ctx))
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(list, toBody), nil
}

func (h handlers) listForOpening(ctx context.Context, p authz.Principal, in *listOpeningInvitesInput) (*httpapi.ListOut[InviteBody], error) {
	f := ListFilter{OpeningID: in.ID}
	for _, st := range in.States {
		f.States = append(f.States, State(st))
	}
	list, err := h.s.List(ctx, p, f)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(list, toBody), nil
}

func (h handlers) get(ctx context.Context, p authz.Principal, in *IDParam) (*inviteOut, error) {
	return inviteResult(h.s.Get(ctx, p, in.ID))
}

func (h handlers) changeState(ctx context.Context, p authz.Principal, in *idBody[changeInviteStateRequest]) (*inviteOut, error) {
	return inviteResult(h.s.Move(ctx, p, in.ID, StateChange{To: State(in.Body.State), Reason: in.Body.Reason}, httpapi.ClientIP(ctx)))
}

func (h handlers) contact(ctx context.Context, p authz.Principal, in *IDParam) (*struct{ Body getInviteContactResponse }, error) {
	c, err := h.s.Contact(ctx, p, in.ID, httpapi.ClientIP(ctx))
	if err != nil {
		return nil, err
	}
	return &struct{ Body getInviteContactResponse }{Body: getInviteContactResponse(c)}, nil
}

func (h handlers) planIntake(ctx context.Context, p authz.Principal, in *idBody[planIntakeRequest]) (*inviteOut, error) {
	return inviteResult(h.s.PlanIntake(ctx, p, in.ID, Intake{At: in.Body.At, Mode: in.Body.Mode, Place: in.Body.Place}, httpapi.ClientIP(ctx)))
}

func (h handlers) place(ctx context.Context, p authz.Principal, in *idBody[createPlacementRequest]) (*inviteOut, error) {
	d, err := httpapi.ParseDate("startDate", in.Body.StartDate)
	if err != nil {
		return nil, err
	}
	return inviteResult(h.s.Place(ctx, p, in.ID, PlacementInput{StartDate: *d, ContractType: in.Body.ContractType, Hours: in.Body.Hours,
		HourlyWageCents: in.Body.HourlyWageCents, BelowMinimumWageReason: in.Body.BelowMinimumWage, TrialPeriodMonths: in.Body.TrialPeriodMonths}, httpapi.ClientIP(ctx)))
}

// listForCandidate lists with each invite's full history, which the
// klantmanager reads step by step.
func (h handlers) listForCandidate(ctx context.Context, p authz.Principal, in *IDParam) (*httpapi.ListOut[InviteBody], error) {
	list, err := h.s.List(ctx, p, ListFilter{CandidateID: in.ID})
	if err != nil {
		return nil, err
	}
	for i := range list {
		full, err := h.s.Get(ctx, p, list[i].ID)
		if err != nil {
			return nil, err
		}
		list[i] = full
	}
	return httpapi.ListOf(list, toBody), nil
}

func (h handlers) advise(ctx context.Context, p authz.Principal, in *idBody[adviseInviteRequest]) (*inviteOut, error) {
	return inviteResult(h.s.Advise(ctx, p, in.ID, in.Body.Advice, httpapi.ClientIP(ctx)))
}

func (h handlers) listMine(ctx context.Context, p authz.Principal, _ *struct{}) (*httpapi.ListOut[OfferBody], error) {
	list, err := h.s.Mine(ctx, p)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(list, toOffer), nil
}

func (h handlers) getMine(ctx context.Context, p authz.Principal, in *IDParam) (*offerOut, error) {
	return offerResult(h.s.ViewMine(ctx, p, in.ID))
}

func (h handlers) decideMine(ctx context.Context, p authz.Principal, in *idBody[DecisionBody]) (*offerOut, error) {
	return offerResult(h.s.DecideMine(ctx, p, in.ID, in.Body.decision(), httpapi.ClientIP(ctx)))
}

func (h handlers) withdrawDisclosure(ctx context.Context, p authz.Principal, in *IDParam) (*offerOut, error) {
	return offerResult(h.s.WithdrawDisclosure(ctx, p, in.ID, httpapi.ClientIP(ctx)))
}

// viewByLink and decideByLink are public: the token is the credential.
func (h handlers) viewByLink(ctx context.Context, _ authz.Principal, in *struct{ Body TokenBody }) (*offerOut, error) {
	return offerResult(h.s.ViewByLink(ctx, in.Body.Token))
}

func (h handlers) decideByLink(ctx context.Context, _ authz.Principal, in *struct{ Body decideInviteByLinkRequest }) (*offerOut, error) {
	return offerResult(h.s.DecideByLink(ctx, in.Body.Token, in.Body.decision(), httpapi.ClientIP(ctx)))
}

func (h handlers) myAppearances(ctx context.Context, p authz.Principal, _ *struct{}) (*struct{ Body getMyPoolAppearancesResponse }, error) {
	weeks, err := h.s.MyAppearances(ctx, p)
	if err != nil {
		return nil, err
	}
	return &struct{ Body getMyPoolAppearancesResponse }{Body: getMyPoolAppearancesResponse{
		Weeks: httpapi.Items(weeks, func(w Week) appearanceWeekBody { return appearanceWeekBody(w) })}}, nil
}

type listPlacementsInput struct {
	Organisation string `query:"organisation" format:"uuid" doc:"Only this organisation's placements (within the caller's scope: another region's organisation gives an empty list)"`
}

func (h handlers) placements(ctx context.Context, p authz.Principal, in *listPlacementsInput) (*httpapi.ListOut[placementItemBody], error) {
	list, err := h.s.Placements(ctx, p, in.Organisation)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(list, toPlacementItemBody), nil
}

func (h handlers) followUps(ctx context.Context, p authz.Principal, in *listFollowUpsInput) (*httpapi.ListOut[followUpBody], error) {
	list, err := h.s.FollowUps(ctx, p, in.Due)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(list, toFollowUpBody), nil
}

func (h handlers) answerFollowUp(ctx context.Context, p authz.Principal, in *idBody[answerFollowUpRequest]) (*struct{ Body followUpBody }, error) {
	ended, err := httpapi.ParseDate("endedOn", in.Body.EndedOn)
	if err != nil {
		return nil, err
	}
	f, err := h.s.AnswerFollowUp(ctx, p, in.ID, Answer{StillEmployed: in.Body.StillEmployed, EndedOn: ended, EndReason: in.Body.EndReason}, httpapi.ClientIP(ctx))
	if err != nil {
		return nil, err
	}
	return &struct{ Body followUpBody }{Body: toFollowUpBody(f)}, nil
}

type placementItemBody struct {
	ID               string  `json:"id" format:"uuid"`
	InviteID         string  `json:"inviteId" format:"uuid"`
	OrganisationID   string  `json:"organisationId" format:"uuid"`
	OrganisationName string  `json:"organisationName"`
	OpeningTitle     string  `json:"openingTitle"`
	CandidateCode    string  `json:"candidateCode"`
	StartDate        string  `json:"startDate" format:"date"`
	Hours            int     `json:"hours"`
	ContractType     string  `json:"contractType"`
	EndedOn          *string `json:"endedOn,omitempty" format:"date"`
	Durable          *bool   `json:"durable,omitempty"`
}

func toPlacementItemBody(p PlacementItem) placementItemBody {
	return placementItemBody{ID: p.ID, InviteID: p.InviteID, OrganisationID: p.OrganisationID, OrganisationName: p.OrganisationName, OpeningTitle: p.OpeningTitle, CandidateCode: p.CandidateCode,
		StartDate: p.StartDate.Format(time.DateOnly), Hours: p.Hours, ContractType: p.ContractType, EndedOn: dateOrNil(p.EndedOn), Durable: p.Durable}
}

// dateOrNil is a date-only string, or nil for no date.
func dateOrNil(t *time.Time) *string {
	if t == nil {
		return nil
	}
	d := t.Format(time.DateOnly)
	return &d
}

type appearanceWeekBody struct {
	Week     string `json:"week" example:"2026-W48"`
	Openings int    `json:"openings" doc:"Openings whose pool showed you that week"`
}

type followUpBody struct {
	ID               string     `json:"id" format:"uuid"`
	PlacementID      string     `json:"placementId" format:"uuid"`
	InviteID         string     `json:"inviteId" format:"uuid"`
	Week             int        `json:"week" enum:"4,13,26"`
	DueOn            string     `json:"dueOn" format:"date"`
	CandidateCode    string     `json:"candidateCode"`
	OrganisationName string     `json:"organisationName"`
	OpeningTitle     string     `json:"openingTitle"`
	AnsweredAt       *time.Time `json:"answeredAt,omitempty"`
	StillEmployed    *bool      `json:"stillEmployed,omitempty"`
	Cancelled        bool       `json:"cancelled" doc:"An earlier follow-up recorded the end"`
}

func toFollowUpBody(f FollowUp) followUpBody {
	return followUpBody{ID: f.ID, PlacementID: f.PlacementID, InviteID: f.InviteID, Week: f.Week, DueOn: f.DueOn.Format(time.DateOnly),
		CandidateCode: f.CandidateCode, OrganisationName: f.OrganisationName, OpeningTitle: f.OpeningTitle, AnsweredAt: f.AnsweredAt,
		StillEmployed: f.StillEmployed, Cancelled: f.Cancelled}
}
