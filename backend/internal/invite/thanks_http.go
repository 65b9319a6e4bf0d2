package invite

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

// registerThanks adds the thank-you, Jouw aandeel and start-page operations.
func registerThanks(api huma.API, h handlers) {
	tags := []string{"Uitnodigingen"}
	authz.Register(api, huma.Operation{OperationID: "getMyOverview", Method: http.MethodGet, Path: "/me/overview",
		Summary: "Werk dat op mij wacht / Work waiting for me", Tags: tags,
		Description: "Counts for the start page, each only for the roles it applies to (absent otherwise): invites sent and not answered yet (organisation users: their organisation's; klantmanagers: their caseload's; kandidaten: their own), invites awaiting approval (accountmanagers: their portfolio's; admins: the region's), follow-ups to answer now, and the klantmanager's candidates not confirmed for 90 days."},
		authz.Roles(authz.RegionRoles...), h.myOverview)
	authz.Register(api, huma.Operation{OperationID: "thankForPlacement", Method: http.MethodPost, Path: "/placements/{id}/thank-yous", DefaultStatus: http.StatusCreated,
		Summary: "Bedanken voor een plaatsing / Thank for a placement", Tags: tags, Errors: []int{400, 404, 409},
		Description: "A user of the placed organisation thanks the klantmanager or the accountmanager credited with the placement (who held the caseload or portfolio when it was recorded), once each, with a message of 1–500 characters. The recipient is notified (in-app, and by mail unless turned off) and sees the organisation's name. Another organisation's placement answers 404, a second thank-you 409."},
		authz.Roles(authz.Werkgever, authz.Zorgaanbieder), h.thankForPlacement)
	authz.Register(api, huma.Operation{OperationID: "thankMyKlantmanager", Method: http.MethodPost, Path: "/me/invites/{id}/thank-yous", DefaultStatus: http.StatusCreated,
		Summary: "Je klantmanager bedanken / Thank your klantmanager", Tags: tags, Errors: []int{400, 404, 409},
		Description: "For your own invite that led to work: a short message (1–500 characters) to your klantmanager, once. Your klantmanager sees it comes from \"een kandidaat\", not your name."},
		authz.Roles(authz.Kandidaat), h.thankMyKlantmanager)
	authz.Register(api, huma.Operation{OperationID: "getMyShare", Method: http.MethodGet, Path: "/me/share",
		Summary: "Jouw aandeel / Your share", Tags: tags, Errors: []int{400},
		Description: "For the signed-in klantmanager or accountmanager only, never a colleague's: the placements credited to you that started in the period (default: the last 12 months), how many were still at work at 13 and 26 weeks (over the placements whose point has passed; unanswered follow-ups counted apart), and the thank-yous you received in the period, from an organisation (by name) or from a kandidaat (never named)."},
		authz.Roles(authz.Klantmanager, authz.Accountmanager), h.myShare)
}

type thankForPlacementRequest struct {
	To      string `json:"to" enum:"klantmanager,accountmanager" doc:"Whom to thank: the credited klantmanager or accountmanager"`
	Message string `json:"message" doc:"1–500 characters"`
}

type thankMyKlantmanagerRequest struct {
	Message string `json:"message" doc:"1–500 characters"`
}

type thankYouBody struct {
	ID          string    `json:"id" format:"uuid"`
	PlacementID string    `json:"placementId" format:"uuid"`
	To          string    `json:"to" enum:"klantmanager,accountmanager"`
	Message     string    `json:"message"`
	CreatedAt   time.Time `json:"createdAt"`
}

type thankYouOut struct{ Body thankYouBody }

func thankYouResult(t ThankYou, err error) (*thankYouOut, error) {
	if err != nil {
		return nil, err
	}
	return &thankYouOut{Body: thankYouBody(t)}, nil
}

func (h handlers) thankForPlacement(ctx context.Context, p authz.Principal, in *idBody[thankForPlacementRequest]) (*thankYouOut, error) {
	return thankYouResult(h.s.ThankForPlacement(ctx, p, in.ID, in.Body.To, in.Body.Message, httpapi.ClientIP(ctx)))
}

func (h handlers) thankMyKlantmanager(ctx context.Context, p authz.Principal, in *idBody[thankMyKlantmanagerRequest]) (*thankYouOut, error) {
	return thankYouResult(h.s.ThankMyKlantmanager(ctx, p, in.ID, in.Body.Message, httpapi.ClientIP(ctx)))
}

type getMyShareInput struct {
	From string `query:"from" doc:"First start date, YYYY-MM-DD (default: 12 months before to)"`
	To   string `query:"to" doc:"Last start date, YYYY-MM-DD (default: today)"`
}

type retentionBody struct {
	Due           int `json:"due" doc:"Placements whose point has passed"`
	StillEmployed int `json:"stillEmployed" doc:"Answered: still at work"`
	Ended         int `json:"ended" doc:"No longer at work at that point"`
	Unanswered    int `json:"unanswered" doc:"The follow-up is not answered yet"`
}

type receivedThankYouBody struct {
	ID               string    `json:"id" format:"uuid"`
	Message          string    `json:"message"`
	From             string    `json:"from" enum:"organisation,kandidaat"`
	OrganisationName string    `json:"organisationName,omitempty" doc:"The organisation that thanks; absent for a kandidaat (shown as \"een kandidaat\")"`
	CreatedAt        time.Time `json:"createdAt"`
}

type getMyShareResponse struct {
	From       string                 `json:"from" format:"date"`
	To         string                 `json:"to" format:"date"`
	Placements int                    `json:"placements" doc:"Placements credited to you that started in the period"`
	Week13     retentionBody          `json:"week13"`
	Week26     retentionBody          `json:"week26"`
	ThankYous  []receivedThankYouBody `json:"thankYous"`
}

func (h handlers) myShare(ctx context.Context, p authz.Principal, in *getMyShareInput) (*struct{ Body getMyShareResponse }, error) {
	from, err := httpapi.ParseDate("from", in.From)
	if err != nil {
		return nil, err
	}
	to, err := httpapi.ParseDate("to", in.To)
	if err != nil {
		return nil, err
	}
	sh, err := h.s.MyShare(ctx, p, from, to)
	if err != nil {
		return nil, err
	}
	return &struct{ Body getMyShareResponse }{Body: getMyShareResponse{From: sh.From.Format(time.DateOnly), To: sh.To.Format(time.DateOnly),
		Placements: sh.Placements, Week13: retentionBody(sh.Week13), Week26: retentionBody(sh.Week26),
		ThankYous: httpapi.Items(sh.ThankYous, func(t ThankYouReceived) receivedThankYouBody {
			return receivedThankYouBody{ID: t.ID, Message: t.Message, From: t.SenderKind, OrganisationName: t.OrganisationName, CreatedAt: t.CreatedAt}
		})}}, nil
}

type getMyOverviewResponse struct {
	InvitesAwaitingKandidaat *int `json:"invitesAwaitingKandidaat,omitempty" doc:"Invites sent, not answered yet"`
	InvitesAwaitingApproval  *int `json:"invitesAwaitingApproval,omitempty" doc:"Invites waiting for an accountmanager's approval"`
	FollowUpsDue             *int `json:"followUpsDue,omitempty" doc:"\"Nog in dienst?\" to answer now"`
	CandidatesToConfirm      *int `json:"candidatesToConfirm,omitempty" doc:"Caseload not confirmed for 90 days"`
}

func (h handlers) myOverview(ctx context.Context, p authz.Principal, _ *struct{}) (*struct{ Body getMyOverviewResponse }, error) {
	o, err := h.s.MyOverview(ctx, p)
	if err != nil {
		return nil, err
	}
	return &struct{ Body getMyOverviewResponse }{Body: getMyOverviewResponse(o)}, nil
}
