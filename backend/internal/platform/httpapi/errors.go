package httpapi

import (
	"database/sql/driver"
	"errors"
	"math"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
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
		params := make([]InvalidParam, len(inv.Fields))
		for i, f := range inv.Fields {
			params[i] = InvalidParam{Name: f.Name, Code: f.Code, Reason: f.Reason}
		}
		return Invalid(params...)
	}
	var ce *apperr.ConflictError
	if errors.As(err, &ce) {
		pr := coded(http.StatusConflict, ce.Code, ce.Detail)
		for _, f := range ce.Fields {
			pr.InvalidParams = append(pr.InvalidParams, InvalidParam{Name: f.Name, Code: f.Code, Reason: f.Reason})
		}
		return pr
	}
	var tm *apperr.TooManyError
	if errors.As(err, &tm) {
		pr := NewProblem(http.StatusTooManyRequests, "Te veel pogingen. Probeer het later opnieuw. / Too many attempts; try again later.")
		pr.Code = "tooManyAttempts"
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
		pr := coded(http.StatusTooManyRequests, le.Code, le.Detail)
		pr.Limit = le.Limit
		if le.RetryAfter > 0 {
			return huma.ErrorWithHeaders(pr, http.Header{"Retry-After": {strconv.Itoa(max(int(math.Ceil(le.RetryAfter.Seconds())), 1))}})
		}
		return pr
	}
	switch {
	case errors.Is(err, apperr.ErrNotFound):
		return coded(http.StatusNotFound, "notFound", "Niet gevonden. / Not found.")
	case errors.Is(err, apperr.ErrConflict):
		return coded(http.StatusConflict, "conflict", "Dit bestaat al of botst met bestaande gegevens. / This conflicts with existing data.")
	case errors.Is(err, apperr.ErrForbidden):
		return coded(http.StatusForbidden, "forbidden", "U mag dit niet doen. / You may not do this.")
	case errors.Is(err, apperr.ErrUnauthenticated):
		return coded(http.StatusUnauthorized, "unauthenticated", "Log eerst in. / Please sign in.")
	case errors.Is(err, apperr.ErrUnavailable):
		return unavailable("")
	case errors.Is(err, apperr.ErrGone):
		return coded(http.StatusGone, "tokenInvalid", "Deze link is verlopen of al gebruikt. / This link has expired or was used already.")
	}
	return err
}

// unavailableText is what a 503 says, per dependency.
var unavailableText = map[apperr.Dependency]string{
	apperr.Search:   "Zoeken is tijdelijk niet beschikbaar. Probeer het zo opnieuw. / Search is temporarily unavailable; try again shortly.",
	apperr.Payments: "Betalen is tijdelijk niet mogelijk. Er is niets afgeschreven; probeer het zo opnieuw. / Payments are temporarily unavailable; nothing was charged, try again shortly.",
	apperr.Database: "Werkhaven is tijdelijk niet bereikbaar. Probeer het zo opnieuw. / Werkhaven is temporarily unavailable; try again shortly.",
	"":              "Een onderdeel van Werkhaven is tijdelijk niet bereikbaar. Probeer het zo opnieuw. / Part of Werkhaven is temporarily unavailable; try again shortly.",
}

// unavailable is the 503 naming the dependency that did not answer
// (searchUnavailable, paymentsUnavailable, databaseUnavailable).
func unavailable(dep apperr.Dependency) *Problem {
	code := "serviceUnavailable"
	if dep != "" {
		code = string(dep) + "Unavailable"
	}
	text, ok := unavailableText[dep]
	if !ok {
		text = unavailableText[""]
	}
	p := coded(http.StatusServiceUnavailable, code, text)
	return p
}

// databaseDown: PostgreSQL could not be reached (no connection, or one that
// broke), as opposed to a query that failed.
func databaseDown(err error) bool {
	var ce *pgconn.ConnectError
	return errors.As(err, &ce) || errors.Is(err, driver.ErrBadConn)
}

func coded(status int, code, detail string) *Problem {
	p := NewProblem(status, detail)
	p.Code = code
	return p
}

// Coded is a problem with a machine-readable code (e.g. "csrf", "sessionExpired").
func Coded(status int, code, detail string) *Problem { return coded(status, code, detail) }

// fillProblem completes problems returned by handlers with the request's
// path and id (huma's own errors get them in NewErrorWithContext).
func fillProblem(ctx huma.Context, _ string, v any) (any, error) {
	if p, ok := v.(*Problem); ok {
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
