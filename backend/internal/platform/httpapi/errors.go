package httpapi

import (
	"errors"
	"log/slog"
	"math"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// FromError is the one place domain errors become problem details. Handlers
// return FromError(err); unknown errors stay errors and become a 500 whose
// cause is logged, not shown.
func FromError(err error) error {
	if err == nil {
		return nil
	}
	var p *Problem
	if errors.As(err, &p) {
		return p
	}
	var inv *apperr.InvalidError
	if errors.As(err, &inv) {
		return Invalid(params(inv.Fields)...)
	}
	var ce *apperr.ConflictError
	if errors.As(err, &ce) {
		pr := Msg(http.StatusConflict, ce.Code, ce.Msg.ID, ce.Msg.Args...)
		pr.InvalidParams = params(ce.Fields)
		return pr
	}
	var fe *apperr.ForbiddenError
	if errors.As(err, &fe) {
		return Msg(http.StatusForbidden, fe.Code, fe.Msg.ID, fe.Msg.Args...)
	}
	var tm *apperr.TooManyError
	if errors.As(err, &tm) {
		pr := Msg(http.StatusTooManyRequests, "tooManyAttempts", msg.TooManyAttempts)
		secs := int(math.Ceil(tm.RetryAfter.Seconds()))
		return huma.ErrorWithHeaders(pr, http.Header{"Retry-After": {strconv.Itoa(max(secs, 1))}})
	}
	var ue *apperr.UnavailableError
	if errors.As(err, &ue) {
		return unavailable(ue.Dependency)
	}
	if databaseDown(err) {
		return unavailable(apperr.Database)
	}
	var le *apperr.LimitError
	if errors.As(err, &le) {
		pr := Msg(http.StatusTooManyRequests, le.Code, le.Msg.ID, le.Msg.Args...)
		pr.Limit = le.Limit
		if le.RetryAfter > 0 {
			return huma.ErrorWithHeaders(pr, http.Header{"Retry-After": {strconv.Itoa(max(int(math.Ceil(le.RetryAfter.Seconds())), 1))}})
		}
		return pr
	}
	switch {
	case errors.Is(err, apperr.ErrNotFound):
		return Msg(http.StatusNotFound, "notFound", msg.NotFound)
	case errors.Is(err, apperr.ErrConflict):
		return Msg(http.StatusConflict, "conflict", msg.Conflict)
	case errors.Is(err, apperr.ErrForbidden):
		return Msg(http.StatusForbidden, "forbidden", msg.Forbidden)
	case errors.Is(err, apperr.ErrUnauthenticated):
		return Msg(http.StatusUnauthorized, "unauthenticated", msg.Unauthenticated)
	case errors.Is(err, apperr.ErrUnavailable):
		return unavailable("")
	case errors.Is(err, apperr.ErrGone):
		return Msg(http.StatusGone, "tokenInvalid", msg.TokenInvalid)
	}
	// A value a table's check refuses is bad input the code did not catch
	// (the contract fuzzer found several: a name of only spaces, a slot
	// length without slots): 400 naming the column, never a 500. The
	// transaction it came from has rolled back. Logged, so it gets its own
	// check in the code; the constraint's name only, never the value.
	if field, ok := database.CheckedColumn(err); ok {
		slog.Warn("a table's check refused a request's value", "error", err.Error())
		if field == "" {
			return Invalid()
		}
		return Invalid(Param(field, "invalid", msg.FieldInvalid))
	}
	return err
}

// unavailableMsg is what a 503 says, per dependency.
var unavailableMsg = map[apperr.Dependency]msg.ID{
	apperr.Search:   msg.SearchUnavailable,
	apperr.Payments: msg.PaymentsUnavailable,
	apperr.Database: msg.DatabaseUnavailable,
}

// unavailable is the 503 naming the dependency that did not answer
// (searchUnavailable, paymentsUnavailable, databaseUnavailable).
func unavailable(dep apperr.Dependency) *Problem {
	id, ok := unavailableMsg[dep]
	if !ok {
		return Msg(http.StatusServiceUnavailable, "serviceUnavailable", msg.ServiceUnavailable)
	}
	return Msg(http.StatusServiceUnavailable, string(dep)+"Unavailable", id)
}

// params are the invalid fields of a domain error.
func params(fields []apperr.Field) []InvalidParam {
	out := make([]InvalidParam, len(fields))
	for i, f := range fields {
		out[i] = Param(f.Name, f.Code, f.Msg.ID, f.Msg.Args...)
	}
	return out
}

// databaseDown: PostgreSQL could not be reached (database.IsDown).
func databaseDown(err error) bool { return database.IsDown(err) }

// Coded is a problem with a machine-readable code (e.g. "csrf", "sessionExpired").
func Coded(status int, code string, m msg.Message) *Problem {
	return Msg(status, code, m.ID, m.Args...)
}

// fillProblem completes problems returned by handlers with the request's
// path and id (huma's own errors get them in NewErrorWithContext).
func fillProblem(ctx huma.Context, _ string, v any) (any, error) {
	if p, ok := v.(*Problem); ok {
		p.Code = codeOf(p)
		p.Localize(msg.Parse(ctx.Header("Accept-Language")))
		if p.Instance == "" {
			p.Instance = ctx.URL().Path
		}
		if p.RequestID == "" {
			p.RequestID = RequestID(ctx.Context())
		}
	}
	return v, nil
}

// WriteProblem answers with p from a huma middleware.
func WriteProblem(api huma.API, ctx huma.Context, p *Problem) {
	_, _ = fillProblem(ctx, "", p)
	ctx.SetHeader("Content-Type", ProblemContentType)
	ctx.SetStatus(p.Status)
	_ = api.Marshal(ctx.BodyWriter(), "application/json", p)
}

// List is the envelope of a plain list: {"items": [...]}. A list with more
// (a total, facets, a cursor, an unread count) has a body of its own.
type List[T any] struct {
	Items []T `json:"items"`
}

// ListOut is an operation's output whose body is a List.
type ListOut[T any] struct {
	Body List[T]
}

// ListOf maps domain values onto a list output; an empty list stays [] in
// JSON, never null.
func ListOf[T, B any](list []T, f func(T) B) *ListOut[B] {
	return &ListOut[B]{Body: List[B]{Items: Items(list, f)}}
}

// Items maps domain values onto response bodies; an empty list stays [] in
// JSON, never null.
func Items[T, B any](list []T, f func(T) B) []B {
	out := make([]B, len(list))
	for i, v := range list {
		out[i] = f(v)
	}
	return out
}
