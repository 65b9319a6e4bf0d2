package audit

import (
	"context"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

type listInput struct {
	Actor          string    `query:"actor" format:"uuid" doc:"Only events by this user"`
	SubjectType    string    `query:"subjectType" maxLength:"50" doc:"Only events about this kind of object, e.g. user"`
	SubjectID      string    `query:"subjectId" maxLength:"100" doc:"Only events about this object"`
	Action         string    `query:"action" maxLength:"100" pattern:"^[a-z_]+(\\.[a-z_]+)+$" doc:"Only this action, e.g. session.sign_in (GET /audit-filter-options lists them with their labels)"`
	From           time.Time `query:"from" doc:"From this moment (inclusive, RFC 3339)"`
	To             time.Time `query:"to" doc:"Until this moment (exclusive, RFC 3339)"`
	Cursor         string    `query:"cursor" pattern:"^[0-9]{1,19}$" doc:"Cursor from the previous page's nextCursor"`
	Limit          int       `query:"limit" minimum:"1" maximum:"200" default:"50"`
	Lang           string    `query:"lang" enum:"nl,en" doc:"Language of the labels; default: from Accept-Language, Dutch when it names neither"`
	AcceptLanguage string    `header:"Accept-Language"`
	Accept         string    `header:"Accept" doc:"text/csv for the CSV export: every matching event (at most 10,000, newest first; cursor and limit do not apply), ';' separated, UTF-8 with BOM. The export is itself audited (audit.exported)."`
}

type eventBody struct {
	ID               string         `json:"id"`
	OccurredAt       time.Time      `json:"occurredAt" doc:"UTC"`
	ActorUserID      string         `json:"actorUserId,omitempty"`
	ActorName        string         `json:"actorName,omitempty" doc:"The acting person's display name (absent for a kandidaat and for the system)"`
	ActorRole        string         `json:"actorRole,omitempty"`
	ActorRoleLabel   string         `json:"actorRoleLabel,omitempty" doc:"The role in words, in the requested language"`
	Action           string         `json:"action"`
	ActionLabel      string         `json:"actionLabel" doc:"The action in words, in the requested language"`
	Outcome          string         `json:"outcome" enum:"success,failure,denied"`
	SubjectType      string         `json:"subjectType,omitempty"`
	SubjectTypeLabel string         `json:"subjectTypeLabel,omitempty" doc:"The kind of subject in words"`
	SubjectID        string         `json:"subjectId,omitempty"`
	SubjectName      string         `json:"subjectName,omitempty" doc:"A readable name of the subject where there is one; a candidate is named by their pseudonymous code, never by name"`
	IP               string         `json:"ip,omitempty"`
	RequestID        string         `json:"requestId,omitempty"`
	Details          map[string]any `json:"details"`
}

type auditEventList struct {
	Items      []eventBody `json:"items"`
	NextCursor string      `json:"nextCursor,omitempty" doc:"Pass as cursor for the next page; absent on the last page"`
}

type listOutput struct {
	ContentType        string `header:"Content-Type"`
	ContentDisposition string `header:"Content-Disposition"`
	Body               any
}

type optionsInput struct {
	Lang           string `query:"lang" enum:"nl,en" doc:"Language of the labels; default: from Accept-Language, Dutch when it names neither"`
	AcceptLanguage string `header:"Accept-Language"`
}

type actionOption struct {
	Code  string `json:"code" example:"session.sign_in"`
	Label string `json:"label" example:"Ingelogd"`
}

type actorOption struct {
	ID   string `json:"id" format:"uuid"`
	Name string `json:"name"`
}

type auditFilterOptions struct {
	Actions []actionOption `json:"actions" doc:"Every action, by label"`
	Actors  []actorOption  `json:"actors" doc:"The people who acted in the region's log, by name"`
}

type optionsOutput struct{ Body auditFilterOptions }

// csvLimit caps one CSV export.
const csvLimit = 10000

// handlers are the audit operations: admins read their region's log.
type handlers struct{ db *gorm.DB }

// Register adds the audit operations to api.
func Register(api huma.API, db *gorm.DB) {
	h := handlers{db}
	schema := api.OpenAPI().Components.Schemas.Schema(reflect.TypeOf(auditEventList{}), true, "auditEventList")
	authz.Register(api, huma.Operation{OperationID: "listAuditEvents", Method: http.MethodGet, Path: "/audit-events",
		Summary: "Auditlog / Audit log", Tags: []string{"Beheer"}, Errors: []int{400},
		Description: "The region's audit events, newest first, cursor-paginated, each with its action, role and subject in words " +
			"and the names of the person and the subject. Accept: text/csv exports every matching event as CSV; the export is audited.",
		Responses: map[string]*huma.Response{"200": {Description: "The events", Content: map[string]*huma.MediaType{
			"application/json": {Schema: schema},
			"text/csv":         {Schema: &huma.Schema{Type: "string", Description: "One row per event"}},
		}}}},
		authz.Roles(authz.Admin), h.list)
	authz.Register(api, huma.Operation{OperationID: "getAuditFilterOptions", Method: http.MethodGet, Path: "/audit-filter-options",
		Summary: "Keuzes voor het auditlog / Audit log filter options", Tags: []string{"Beheer"},
		Description: "The actions (with their labels) and the people (with their names) the audit log can be filtered by."},
		authz.Roles(authz.Admin), h.options)
}

func language(lang, accept string) msg.Lang {
	if lang != "" {
		return msg.Lang(lang)
	}
	return msg.Parse(accept)
}

func (h handlers) list(ctx context.Context, p authz.Principal, in *listInput) (*listOutput, error) {
	lang := language(in.Lang, in.AcceptLanguage)
	f := Filter{ActorUserID: in.Actor, SubjectType: in.SubjectType, SubjectID: in.SubjectID, Action: in.Action, From: in.From, To: in.To, Limit: in.Limit}
	if httpapi.WantsCSV(in.Accept) {
		return h.export(ctx, p, f, lang)
	}
	if in.Cursor != "" {
		f.Before, _ = strconv.ParseInt(in.Cursor, 10, 64)
	}
	entries, next, err := List(ctx, h.db, p.RegionID, f)
	if err != nil {
		return nil, err
	}
	if err := Names(ctx, h.db, p.RegionID, entries); err != nil {
		return nil, err
	}
	body := auditEventList{Items: httpapi.Items(entries, func(e Entry) eventBody { return toEventBody(e, lang) })}
	if next > 0 {
		body.NextCursor = strconv.FormatInt(next, 10)
	}
	return &listOutput{Body: body}, nil
}

// export answers every matching event as CSV and records the export, with
// its filter, in the same transaction as the read.
func (h handlers) export(ctx context.Context, p authz.Principal, f Filter, lang msg.Lang) (*listOutput, error) {
	f.Limit = csvLimit
	var entries []Entry
	err := h.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var err error
		if entries, _, err = List(ctx, tx, p.RegionID, f); err != nil {
			return err
		}
		if err := Names(ctx, tx, p.RegionID, entries); err != nil {
			return err
		}
		details := map[string]any{"rows": len(entries)}
		for k, v := range map[string]string{"action": f.Action, "actor": f.ActorUserID, "subjectType": f.SubjectType, "subjectId": f.SubjectID} {
			if v != "" {
				details[k] = v
			}
		}
		if !f.From.IsZero() {
			details["from"] = f.From.UTC().Format(time.RFC3339)
		}
		if !f.To.IsZero() {
			details["to"] = f.To.UTC().Format(time.RFC3339)
		}
		return Record(ctx, tx, FromPrincipal(ctx, Event{Action: "audit.exported", IP: httpapi.ClientIP(ctx), Details: details}))
	})
	if err != nil {
		return nil, err
	}
	return &listOutput{ContentType: "text/csv; charset=utf-8", ContentDisposition: `attachment; filename="auditlog.csv"`, Body: CSV(entries, lang)}, nil
}

var csvHeaders = map[msg.Lang][]string{
	msg.NL: {"Tijdstip (UTC)", "Handeling", "Code", "Uitkomst", "Persoon", "Rol", "Soort onderwerp", "Onderwerp", "Onderwerp-id"},
	msg.EN: {"Time (UTC)", "Action", "Code", "Outcome", "Person", "Role", "Kind of subject", "Subject", "Subject id"},
}

// CSV renders entries (with their names) as CSV in lang, as every export
// of Werkhaven is (httpapi.CSV: ';' separated, UTF-8 with a byte order
// mark, no cell a spreadsheet would run as a formula).
func CSV(entries []Entry, lang msg.Lang) []byte {
	rows := make([][]string, len(entries))
	for i, e := range entries {
		b := toEventBody(e, lang)
		rows[i] = []string{e.OccurredAt.Format(time.DateTime), b.ActionLabel, e.Action, OutcomeLabel(e.Outcome, lang), e.ActorName,
			b.ActorRoleLabel, b.SubjectTypeLabel, e.SubjectName, e.SubjectID}
	}
	return httpapi.CSV(csvHeaders[lang], rows)
}

func (h handlers) options(ctx context.Context, p authz.Principal, in *optionsInput) (*optionsOutput, error) {
	lang := language(in.Lang, in.AcceptLanguage)
	out := &optionsOutput{}
	for _, code := range Actions() {
		out.Body.Actions = append(out.Body.Actions, actionOption{Code: code, Label: ActionLabel(code, lang)})
	}
	slices.SortFunc(out.Body.Actions, func(a, b actionOption) int { return strings.Compare(a.Label, b.Label) })
	actors, err := Actors(ctx, h.db, p.RegionID)
	if err != nil {
		return nil, err
	}
	out.Body.Actors = httpapi.Items(actors, func(a Actor) actorOption { return actorOption(a) })
	return out, nil
}

// toEventBody shows an entry in lang; details are {} rather than null when
// empty.
func toEventBody(e Entry, lang msg.Lang) eventBody {
	d := e.Details
	if d == nil {
		d = map[string]any{}
	}
	b := eventBody{ID: strconv.FormatInt(e.ID, 10), OccurredAt: e.OccurredAt, ActorUserID: e.ActorUserID, ActorName: e.ActorName, ActorRole: e.ActorRole,
		Action: e.Action, ActionLabel: ActionLabel(e.Action, lang), Outcome: e.Outcome, SubjectType: e.SubjectType, SubjectID: e.SubjectID,
		SubjectName: e.SubjectName, IP: e.IP, RequestID: e.RequestID, Details: d}
	if e.ActorRole != "" {
		b.ActorRoleLabel = RoleLabel(e.ActorRole, lang)
	}
	if e.SubjectType != "" {
		b.SubjectTypeLabel = SubjectLabel(e.SubjectType, lang)
	}
	return b
}
