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
	Kind string `json:"kind" enum:"invite_created,invite_approval,invite_accepted,invite_declined,invite_expired,disclosure_withdrawn,advice_added,placed,follow_up_due,placement_ended,booking_approval,booking_update"`
	Mail bool   `json:"mail" doc:"Also by mail"`
}

type notificationSettingsBody struct {
	Items []notificationSettingBody `json:"items" maxItems:"20"`
}

func toSettings(list []Setting) notificationSettingsBody {
	return notificationSettingsBody{Items: httpapi.Items(list, func(s Setting) notificationSettingBody {
		return notificationSettingBody{Kind: string(s.Kind), Mail: s.Mail}
	})}
}

// Register adds the notification operations: every role has its own list.
func Register(api huma.API, s *Service) {
	everyone := authz.Roles(authz.AllRoles...)
	tags := []string{"Meldingen"}
	authz.Register(api, huma.Operation{OperationID: "listNotifications", Method: http.MethodGet, Path: "/notifications",
		Summary: "Mijn meldingen / My notifications", Tags: tags, Description: "The latest 50, newest first, with the number unread."},
		everyone, func(ctx context.Context, _ *struct{}) (*struct {
			Body struct {
				Items  []notificationBody `json:"items"`
				Unread int                `json:"unread"`
			}
		}, error) {
			items, unread, err := s.List(ctx, authz.MustFrom(ctx).UserID)
			if err != nil {
				return nil, httpapi.FromError(err)
			}
			out := &struct {
				Body struct {
					Items  []notificationBody `json:"items"`
					Unread int                `json:"unread"`
				}
			}{}
			out.Body.Unread = unread
			out.Body.Items = httpapi.Items(items, func(i Item) notificationBody {
				return notificationBody{ID: i.ID, Kind: string(i.Kind), TitleNL: i.TitleNL, TitleEN: i.TitleEN, Link: i.Link, CreatedAt: i.CreatedAt, Read: i.Read}
			})
			return out, nil
		})
	authz.Register(api, huma.Operation{OperationID: "markNotificationsRead", Method: http.MethodPost, Path: "/notification-reads", DefaultStatus: http.StatusNoContent,
		Summary: "Meldingen gelezen / Mark notifications read", Tags: tags, Description: "The given ids, or every notification when ids is empty."},
		everyone, func(ctx context.Context, in *struct {
			Body struct {
				IDs []string `json:"ids,omitempty" maxItems:"100" doc:"uuid values"`
			}
		}) (*struct{}, error) {
			for i, id := range in.Body.IDs {
				if _, err := uuid.Parse(id); err != nil {
					return nil, httpapi.FromError(apperr.Invalid(fmt.Sprintf("ids[%d]", i), "format", "Geen geldige id. / Not a valid id."))
				}
			}
			return nil, httpapi.FromError(s.MarkRead(ctx, authz.MustFrom(ctx).UserID, in.Body.IDs))
		})
	authz.Register(api, huma.Operation{OperationID: "getNotificationSettings", Method: http.MethodGet, Path: "/notification-settings",
		Summary: "Welke meldingen per mail / Which notifications by mail", Tags: tags},
		everyone, func(ctx context.Context, _ *struct{}) (*struct{ Body notificationSettingsBody }, error) {
			list, err := s.Settings(ctx, authz.MustFrom(ctx).UserID)
			if err != nil {
				return nil, httpapi.FromError(err)
			}
			return &struct{ Body notificationSettingsBody }{Body: toSettings(list)}, nil
		})
	authz.Register(api, huma.Operation{OperationID: "updateNotificationSettings", Method: http.MethodPut, Path: "/notification-settings",
		Summary: "Meldingen per mail instellen / Choose notifications by mail", Tags: tags, Errors: []int{400}},
		everyone, func(ctx context.Context, in *struct{ Body notificationSettingsBody }) (*struct{ Body notificationSettingsBody }, error) {
			p := authz.MustFrom(ctx)
			list := make([]Setting, len(in.Body.Items))
			for i, st := range in.Body.Items {
				list[i] = Setting{Kind: Kind(st.Kind), Mail: st.Mail}
			}
			if err := s.SetMail(ctx, p.UserID, list); err != nil {
				return nil, httpapi.FromError(err)
			}
			out, err := s.Settings(ctx, p.UserID)
			if err != nil {
				return nil, httpapi.FromError(err)
			}
			return &struct{ Body notificationSettingsBody }{Body: toSettings(out)}, nil
		})
}
