package audit

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

type listInput struct {
	Actor       string    `query:"actor" format:"uuid" doc:"Only events by this user"`
	SubjectType string    `query:"subjectType" maxLength:"50" doc:"Only events about this kind of object, e.g. user"`
	SubjectID   string    `query:"subjectId" maxLength:"100" doc:"Only events about this object"`
	Action      string    `query:"action" maxLength:"100" pattern:"^[a-z_]+(\\.[a-z_]+)+$" doc:"Only this action, e.g. session.sign_in"`
	From        time.Time `query:"from" doc:"From this moment (inclusive, RFC 3339)"`
	To          time.Time `query:"to" doc:"Until this moment (exclusive, RFC 3339)"`
	Cursor      string    `query:"cursor" pattern:"^[0-9]{1,19}$" doc:"Cursor from the previous page's nextCursor"`
	Limit       int       `query:"limit" minimum:"1" maximum:"200" default:"50"`
}

type eventBody struct {
	ID          string         `json:"id"`
	OccurredAt  time.Time      `json:"occurredAt" doc:"UTC"`
	ActorUserID string         `json:"actorUserId,omitempty"`
	ActorRole   string         `json:"actorRole,omitempty"`
	Action      string         `json:"action"`
	Outcome     string         `json:"outcome" enum:"success,failure,denied"`
	SubjectType string         `json:"subjectType,omitempty"`
	SubjectID   string         `json:"subjectId,omitempty"`
	IP          string         `json:"ip,omitempty"`
	RequestID   string         `json:"requestId,omitempty"`
	Details     map[string]any `json:"details"`
}

type auditEventList struct {
	Items      []eventBody `json:"items"`
	NextCursor string      `json:"nextCursor,omitempty" doc:"Pass as cursor for the next page; absent on the last page"`
}

type listOutput struct{ Body auditEventList }

// handlers are the audit operations: admins read their region's log.
type handlers struct{ db *gorm.DB }

// Register adds the audit operations to api.
func Register(api huma.API, db *gorm.DB) {
	h := handlers{db}
	authz.Register(api, huma.Operation{OperationID: "listAuditEvents", Method: http.MethodGet, Path: "/audit-events",
		Summary: "Auditlog / Audit log", Tags: []string{"Beheer"}, Description: "The region's audit events, newest first, cursor-paginated."},
		authz.Roles(authz.Admin), h.list)
}

func (h handlers) list(ctx context.Context, p authz.Principal, in *listInput) (*listOutput, error) {
	var before int64
	if in.Cursor != "" {
		before, _ = strconv.ParseInt(in.Cursor, 10, 64)
	}
	entries, next, err := List(ctx, h.db, p.RegionID, Filter{ActorUserID: in.Actor, SubjectType: in.SubjectType, SubjectID: in.SubjectID,
		Action: in.Action, From: in.From, To: in.To, Before: before, Limit: in.Limit})
	if err != nil {
		return nil, err
	}
	out := &listOutput{}
	out.Body.Items = httpapi.Items(entries, toEventBody)
	if next > 0 {
		out.Body.NextCursor = strconv.FormatInt(next, 10)
	}
	return out, nil
}

// toEventBody shows an entry; details are {} rather than null when empty.
func toEventBody(e Entry) eventBody {
	d := e.Details
	if d == nil {
		d = map[string]any{}
	}
	return eventBody{ID: strconv.FormatInt(e.ID, 10), OccurredAt: e.OccurredAt, ActorUserID: e.ActorUserID, ActorRole: e.ActorRole,
		Action: e.Action, Outcome: e.Outcome, SubjectType: e.SubjectType, SubjectID: e.SubjectID, IP: e.IP, RequestID: e.RequestID, Details: d}
}
