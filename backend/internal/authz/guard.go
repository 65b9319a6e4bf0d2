package authz

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// Cookie and header names.
const (
	SessionCookie = httpapi.SessionCookie
	// AnonCookie binds the CSRF token of a browser that is not signed in
	// (sign-in and reset forms are state-changing too).
	AnonCookie = "wh_anon"
	CSRFHeader = "X-CSRF-Token"
)

// Sessions turns a session cookie into a principal; it returns
// apperr.ErrUnauthenticated for unknown, idle or expired sessions.
type Sessions interface {
	Authenticate(ctx context.Context, cookie string) (Principal, error)
}

// Guard enforces every operation's rule and the CSRF check.
type Guard struct {
	API      huma.API
	Sessions Sessions
	Secret   []byte
	Secure   bool
	Log      *slog.Logger
}

// Install adds the guard to api as a huma middleware.
func (g *Guard) Install() { g.API.UseMiddleware(g.middleware) }

func (g *Guard) middleware(ctx huma.Context, next func(huma.Context)) {
	op := ctx.Operation()
	rule, ok := RuleOf(op)
	if !ok {
		// Default deny: an operation registered without a rule is a bug.
		if g.Log != nil {
			g.Log.Error("operation without access rule refused", "operation", op.OperationID)
		}
		httpapi.WriteProblem(g.API, ctx, httpapi.Coded(http.StatusForbidden, "noAccessRule", msg.M("authz.noAccessRule")))
		return
	}
	var (
		p        Principal
		signedIn bool
		rejected bool
	)
	if c, err := huma.ReadCookie(ctx, SessionCookie); err == nil && c.Value != "" {
		p, err = g.Sessions.Authenticate(ctx.Context(), c.Value)
		switch {
		case err == nil:
			signedIn = true
		case errors.Is(err, apperr.ErrUnauthenticated):
			rejected = true
		default:
			if g.Log != nil {
				g.Log.ErrorContext(ctx.Context(), "authenticate session", "error", err)
			}
			// The database down is a 503 databaseUnavailable, as in a
			// handler; anything else a 500.
			if p, ok := httpapi.FromError(err).(*httpapi.Problem); ok {
				httpapi.WriteProblem(g.API, ctx, p)
			} else {
				httpapi.WriteProblem(g.API, ctx, httpapi.Coded(http.StatusInternalServerError, "", msg.M(msg.ServerError)))
			}
			return
		}
	}
	if rejected {
		// Tell the browser to forget a dead session.
		ctx.AppendHeader("Set-Cookie", g.ClearSessionCookie().String())
	}
	if !rule.Public {
		if !signedIn {
			code, detail := "unauthenticated", msg.M(msg.Unauthenticated)
			if rejected {
				code, detail = "sessionExpired", msg.M("authz.sessionExpired")
			}
			httpapi.WriteProblem(g.API, ctx, httpapi.Coded(http.StatusUnauthorized, code, detail))
			return
		}
		if !p.Has(rule.Roles...) {
			httpapi.WriteProblem(g.API, ctx, httpapi.Coded(http.StatusForbidden, "forbidden", msg.M(msg.Forbidden)))
			return
		}
	}
	if isStateChanging(ctx.Method()) && !rule.NoCSRF && !g.validCSRF(ctx, p, signedIn) {
		httpapi.WriteProblem(g.API, ctx, httpapi.Coded(http.StatusForbidden, "csrf", msg.M("authz.csrf")))
		return
	}
	if signedIn {
		ctx = huma.WithContext(ctx, WithPrincipal(ctx.Context(), p))
	}
	next(ctx)
}

func isStateChanging(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return false
	}
	return true
}

// CSRFToken is the token a browser must echo in X-CSRF-Token: bound to the
// session when signed in, else to the browser's anonymous cookie.
func (g *Guard) CSRFToken(p *Principal, anon string) string {
	var msg string
	if p != nil {
		msg = "session|" + hex.EncodeToString(p.SessionHash)
	} else if anon != "" {
		msg = "anon|" + anon
	} else {
		return ""
	}
	m := hmac.New(sha256.New, g.Secret)
	m.Write([]byte(msg))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

func (g *Guard) validCSRF(ctx huma.Context, p Principal, signedIn bool) bool {
	got := ctx.Header(CSRFHeader)
	if got == "" {
		return false
	}
	var want string
	if signedIn {
		want = g.CSRFToken(&p, "")
	} else if c, err := huma.ReadCookie(ctx, AnonCookie); err == nil {
		want = g.CSRFToken(nil, c.Value)
	}
	return want != "" && hmac.Equal([]byte(got), []byte(want))
}

// NewAnonValue makes a value for the anonymous CSRF cookie.
func NewAnonValue() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// SessionCookieFor returns the cookie carrying a new session.
func (g *Guard) SessionCookieFor(value string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: SessionCookie, Value: value, Path: "/", MaxAge: maxAge, HttpOnly: true, Secure: g.Secure, SameSite: http.SameSiteLaxMode}
}

// ClearSessionCookie removes the session cookie.
func (g *Guard) ClearSessionCookie() *http.Cookie {
	return &http.Cookie{Name: SessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: g.Secure, SameSite: http.SameSiteLaxMode}
}

// AnonCookieFor returns the anonymous CSRF cookie.
func (g *Guard) AnonCookieFor(value string) *http.Cookie {
	return &http.Cookie{Name: AnonCookie, Value: value, Path: "/", MaxAge: 12 * 3600, HttpOnly: true, Secure: g.Secure, SameSite: http.SameSiteStrictMode}
}
