package notification

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/google/uuid"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

type notificationBody struct {
	ID        string    `json:"id" format:"uuid"`
	Kind      string    `json:"kind"`
	TitleNL   string    `json:"titleNl"`
	TitleEN   string    `json:"titleEn"`
	Link      string    `json:"link,omitempty" doc:"Where in Werkhaven it happened"`
	CreatedAt time.Time `json:"createdAt"`
	Read      bool      `json:"read"`
}

type notificationSettingBody struct {
	Kind string `json:"kind" enum:"invite_created,invite_approval,invite_accepted,invite_declined,invite_expired,disclosure_withdrawn,advice_added,intake_planned,placed,follow_up_due,placement_ended,booking_requested,booking_approved,booking_refused,booking_paid,booking_confirmed,booking_started,booking_completed,booking_cancelled,booking_payment_due,booking_update,payment_issue,lks_update,subsidy_deadline,thank_you,message_received,booking_consent,registration_confirmed"`
	Mail bool   `json:"mail" doc:"Also by mail"`
}

type notificationSettingsBody struct {
	Items []notificationSettingBody `json:"items" maxItems:"40"`
}

type settingsOut struct{ Body notificationSettingsBody }

func toSettings(list []Setting) *settingsOut {
	return &settingsOut{Body: notificationSettingsBody{Items: httpapi.Items(list, func(s Setting) notificationSettingBody {
		return notificationSettingBody{Kind: string(s.Kind), Mail: s.Mail}
	})}}
}

// Bodies named <operationId>Request/Response keep the component names huma
// gives anonymous bodies, which the front end's generated client uses.
type listNotificationsResponse struct {
	Items  []notificationBody `json:"items"`
	Unread int                `json:"unread"`
}

type markNotificationsReadRequest struct {
	IDs []string `json:"ids,omitempty" maxItems:"100" doc:"uuid values"`
}

// handlers are the notification operations; every role has its own list.
type handlers struct{ s *Service }

// Register adds the notification operations.
func Register(api huma.API, s *Service) {
	h := handlers{s}
	everyone := authz.Roles(authz.AllRoles...)
	tags := []string{"Meldingen"}
	authz.Register(api, huma.Operation{OperationID: "listNotifications", Method: http.MethodGet, Path: "/notifications",
		Summary: "Mijn meldingen / My notifications", Tags: tags, Description: "The latest 50, newest first, with the number unread."},
		everyone, h.list)
	authz.Register(api, huma.Operation{OperationID: "markNotificationsRead", Method: http.MethodPost, Path: "/notification-reads", DefaultStatus: http.StatusNoContent,
		Summary: "Meldingen gelezen / Mark notifications read", Tags: tags, Description: "The given ids, or every notification when ids is empty."},
		everyone, h.markRead)
	authz.Register(api, huma.Operation{OperationID: "getNotificationSettings", Method: http.MethodGet, Path: "/notification-settings",
		Summary: "Welke meldingen per mail / Which notifications by mail", Tags: tags},
		everyone, h.settings)
	authz.Register(api, huma.Operation{OperationID: "updateNotificationSettings", Method: http.MethodPut, Path: "/notification-settings",
		Summary: "Meldingen per mail instellen / Choose notifications by mail", Tags: tags, Errors: []int{400}},
		everyone, h.updateSettings)
}

func (h handlers) list(ctx context.Context, p authz.Principal, _ *struct{}) (*struct{ Body listNotificationsResponse }, error) {
	items, unread, err := h.s.List(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	out := &struct{ Body listNotificationsResponse }{}
	out.Body.Unread = unread
	out.Body.Items = httpapi.Items(items, func(i Item) notificationBody {
		return notificationBody{ID: i.ID, Kind: string(i.Kind), TitleNL: i.TitleNL, TitleEN: i.TitleEN, Link: i.Link, CreatedAt: i.CreatedAt, Read: i.Read}
	})
	return out, nil
}

func (h handlers) markRead(ctx context.Context, p authz.Principal, in *struct{ Body markNotificationsReadRequest }) (*struct{}, error) {
	for i, id := range in.Body.IDs {
		if _, err := uuid.Parse(id); err != nil {
			return nil, apperr.Invalid(fmt.Sprintf("ids[%d]", i), "format", msg.M(msg.FieldInvalidID))
		}
	}
	return nil, h.s.MarkRead(ctx, p.UserID, in.Body.IDs)
}

func (h handlers) settings(ctx context.Context, p authz.Principal, _ *struct{}) (*settingsOut, error) {
	list, err := h.s.Settings(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	return toSettings(list), nil
}

func (h handlers) updateSettings(ctx context.Context, p authz.Principal, in *settingsOut) (*settingsOut, error) {
	list := make([]Setting, len(in.Body.Items))
	for i, st := range in.Body.Items {
		list[i] = Setting{Kind: Kind(st.Kind), Mail: st.Mail}
	}
	if err := h.s.SetMail(ctx, p.UserID, list); err != nil {
		return nil, err
	}
	out, err := h.s.Settings(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	return toSettings(out), nil
}
