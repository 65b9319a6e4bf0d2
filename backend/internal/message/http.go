package message

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

type messageBody struct {
	ID             string    `json:"id" format:"uuid"`
	OrganisationID string    `json:"organisationId" format:"uuid"`
	OpeningID      string    `json:"openingId,omitempty" format:"uuid" doc:"The vacature of the thread; absent for the general thread"`
	OpeningTitle   string    `json:"openingTitle,omitempty"`
	AuthorName     string    `json:"authorName" doc:"Who wrote it (empty when the user was removed)"`
	AuthorSide     string    `json:"authorSide" enum:"organisation,gemeente"`
	Body           string    `json:"body"`
	CreatedAt      time.Time `json:"createdAt"`
}

func toBody(m Message) messageBody { return messageBody(m) }

type threadBody struct {
	OrganisationID   string    `json:"organisationId" format:"uuid"`
	OrganisationName string    `json:"organisationName"`
	OpeningID        string    `json:"openingId,omitempty" format:"uuid" doc:"Absent for the general thread"`
	OpeningTitle     string    `json:"openingTitle,omitempty"`
	Messages         int       `json:"messages"`
	LastAt           time.Time `json:"lastAt"`
	LastSide         string    `json:"lastSide" enum:"organisation,gemeente" doc:"Who wrote the latest message"`
}

type listMessagesInput struct {
	ID     string `path:"id" format:"uuid"`
	Thread string `query:"thread" doc:"\"algemeen\" for the general thread, a vacature id for its thread; absent: every thread"`
}

type postMessageRequest struct {
	Body      string `json:"body" maxLength:"2000" doc:"1–2000 characters"`
	OpeningID string `json:"openingId,omitempty" format:"uuid" doc:"The organisation's vacature this is about; absent for the general thread"`
}

type postMessageInput struct {
	ID   string `path:"id" format:"uuid"`
	Body postMessageRequest
}

type handlers struct{ s *Service }

// Register adds the Berichten operations.
func Register(api huma.API, s *Service) {
	h := handlers{s}
	tags := []string{"Berichten"}
	sides := authz.Roles(authz.Werkgever, authz.Zorgaanbieder, authz.Accountmanager)
	authz.Register(api, huma.Operation{OperationID: "listMessageThreads", Method: http.MethodGet, Path: "/message-threads",
		Summary: "Gesprekken / Conversations", Tags: tags,
		Description: "The conversations the caller follows, latest first: an organisation user's own organisation's, an accountmanager's portfolio's. One general thread per organisation and one per vacature."},
		sides, h.listThreads)
	authz.Register(api, huma.Operation{OperationID: "listMessages", Method: http.MethodGet, Path: "/organisations/{id}/messages",
		Summary: "Berichten van een organisatie / An organisation's messages", Tags: tags, Errors: []int{400, 404},
		Description: "Oldest first. Organisation users read their own organisation's; accountmanagers any organisation's in their region. Another organisation answers 404."},
		sides, h.list)
	authz.Register(api, huma.Operation{OperationID: "postMessage", Method: http.MethodPost, Path: "/organisations/{id}/messages", DefaultStatus: http.StatusCreated,
		Summary: "Bericht sturen / Send a message", Tags: tags, Errors: []int{400, 404, 409},
		Description: "In the general thread or a vacature's. An organisation user's message notifies the organisation's accountmanager (409 when it has none); an accountmanager's notifies the organisation's users (in-app, and by mail unless turned off)."},
		sides, h.post)
}

func (h handlers) listThreads(ctx context.Context, p authz.Principal, _ *struct{}) (*httpapi.ListOut[threadBody], error) {
	list, err := h.s.Threads(ctx, p)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(list, func(t Thread) threadBody { return threadBody(t) }), nil
}

func (h handlers) list(ctx context.Context, p authz.Principal, in *listMessagesInput) (*httpapi.ListOut[messageBody], error) {
	list, err := h.s.List(ctx, p, in.ID, in.Thread)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(list, toBody), nil
}

func (h handlers) post(ctx context.Context, p authz.Principal, in *postMessageInput) (*struct{ Body messageBody }, error) {
	m, err := h.s.Post(ctx, p, in.ID, in.Body.OpeningID, in.Body.Body)
	if err != nil {
		return nil, err
	}
	return &struct{ Body messageBody }{Body: toBody(m)}, nil
}
