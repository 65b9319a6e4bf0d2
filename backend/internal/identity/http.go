package identity

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// Handlers are identity's HTTP operations.
type Handlers struct {
	Service *Service
	Guard   *authz.Guard
}

type userBody struct {
	ID             string    `json:"id" format:"uuid"`
	Email          string    `json:"email" format:"email"`
	DisplayName    string    `json:"displayName"`
	Role           string    `json:"role" enum:"admin,accountmanager,klantmanager,werkgever,zorgaanbieder,kandidaat"`
	Status         string    `json:"status" enum:"invited,active,disabled"`
	OrganisationID string    `json:"organisationId,omitempty" format:"uuid"`
	CreatedAt      time.Time `json:"createdAt"`
}

func toUserBody(u User) userBody {
	return userBody{ID: u.ID, Email: u.Email, DisplayName: u.DisplayName, Role: string(u.Role), Status: u.Status, OrganisationID: u.OrganisationID, CreatedAt: u.CreatedAt}
}

type me struct {
	UserID         string `json:"userId" format:"uuid"`
	DisplayName    string `json:"displayName"`
	Role           string `json:"role"`
	RegionID       string `json:"regionId,omitempty" format:"uuid" doc:"Left out for the platform administrator, who belongs to no region"`
	OrganisationID string `json:"organisationId,omitempty" format:"uuid"`
}

type currentSession struct {
	SignedIn  bool   `json:"signedIn"`
	User      *me    `json:"user,omitempty"`
	CSRFToken string `json:"csrfToken" doc:"Send as X-CSRF-Token on every state-changing request"`
}

type sessionOutput struct {
	SetCookie []*http.Cookie `header:"Set-Cookie"`
	Body      currentSession
}

// Cookies are the browser's session and anonymous CSRF cookies. (Exported:
// huma reads parameters only from exported embedded structs.)
type Cookies struct {
	Session string `cookie:"wh_session" doc:"Session cookie (set by sign-in)"`
	Anon    string `cookie:"wh_anon" doc:"Anonymous CSRF binding cookie (set by GET /sessions/current)"`
}

type sessionInput struct {
	Cookies
}

type signInInput struct {
	Cookies
	Body struct {
		Email    string `json:"email" format:"email" maxLength:"254"`
		Password string `json:"password" minLength:"1" maxLength:"1024"`
	}
}

type emailInput struct {
	Body struct {
		Email string `json:"email" format:"email" maxLength:"254"`
	}
}

type tokenPasswordInput struct {
	Body struct {
		Token    string `json:"token" minLength:"20" maxLength:"100"`
		Password string `json:"password" minLength:"1" maxLength:"1024" doc:"12 to 128 characters, not a common password"`
	}
}

type tokenInput struct {
	Cookies
	Body struct {
		Token string `json:"token" minLength:"20" maxLength:"100"`
	}
}

type signOutInput struct {
	Everywhere bool `query:"everywhere" doc:"End every session of this user, on all devices"`
}

type noContent struct {
	SetCookie []*http.Cookie `header:"Set-Cookie"`
}

func clientIP(ctx context.Context) string { return httpapi.ClientIP(ctx) }

func (h *Handlers) sessionBody(p *authz.Principal, anon string) currentSession {
	cs := currentSession{SignedIn: p != nil, CSRFToken: h.Guard.CSRFToken(p, anon)}
	if p != nil {
		cs.User = &me{UserID: p.UserID, DisplayName: p.DisplayName, Role: string(p.Role), RegionID: p.RegionID, OrganisationID: p.OrganisationID}
	}
	return cs
}

// signedIn answers a new session: end the session the browser had before
// (rotation), set the new cookie and hand out its CSRF token.
func (h *Handlers) signedIn(ctx context.Context, oldCookie, cookie string, p authz.Principal, maxAge time.Duration) *sessionOutput {
	if oldCookie != "" {
		_ = h.Service.EndSession(ctx, oldCookie)
	}
	return &sessionOutput{
		SetCookie: []*http.Cookie{h.Guard.SessionCookieFor(cookie, int(maxAge.Seconds()))},
		Body:      h.sessionBody(&p, ""),
	}
}

// The throttling rules as the API documentation states them.
var (
	signInDoc = fmt.Sprintf("429 (tooManyAttempts, Retry-After) after %d failed sign-ins to one account from this client IP within %d minutes, "+
		"or %d to any accounts from this IP; other accounts and other IPs are not affected.",
		ThrottleLimit, int(ThrottleWindow.Minutes()), ThrottleIPLimit)
	linkRequestDoc = fmt.Sprintf("202 whether or not the e-mail address is known, and whether or not it was sent %d links within %d minutes "+
		"(then it gets no more until the window moves on): the answer reveals neither. "+
		"429 (tooManyAttempts, Retry-After) only when this client IP asked for %d links within %d minutes.",
		MailRequestLimit, int(MailRequestWindow.Minutes()), MailRequestIPLimit, int(MailRequestWindow.Minutes()))
)

// Register adds identity's operations to api: signing in and out here,
// the administration of users, organisations and regions in registerAdmin.
func (h *Handlers) Register(api huma.API) {
	tags := []string{"Inloggen"}
	authz.Register(api, huma.Operation{OperationID: "getCurrentSession", Method: http.MethodGet, Path: "/sessions/current",
		Summary: "Huidige sessie en CSRF-token / Current session and CSRF token", Tags: tags},
		authz.PublicRule, h.session)
	authz.Register(api, huma.Operation{OperationID: "signIn", Method: http.MethodPost, Path: "/sessions", DefaultStatus: http.StatusCreated,
		Summary: "Inloggen met e-mail en wachtwoord / Sign in", Tags: tags, Errors: []int{400, 401, 429}, Description: signInDoc},
		authz.PublicRule, h.signIn)
	authz.Register(api, huma.Operation{OperationID: "signOut", Method: http.MethodDelete, Path: "/sessions/current",
		Summary: "Uitloggen / Sign out", Tags: tags},
		authz.Roles(authz.AllRoles...), h.signOut)
	authz.Register(api, huma.Operation{OperationID: "requestPasswordReset", Method: http.MethodPost, Path: "/password-resets", DefaultStatus: http.StatusAccepted,
		Summary: "Link voor nieuw wachtwoord aanvragen / Request a password reset link", Tags: tags, Errors: []int{400, 429},
		Description: linkRequestDoc},
		authz.PublicRule, h.requestPasswordReset)
	authz.Register(api, huma.Operation{OperationID: "resetPassword", Method: http.MethodPost, Path: "/password-reset-confirmations", DefaultStatus: http.StatusNoContent,
		Summary: "Nieuw wachtwoord instellen met de link / Set a new password with the mailed token", Tags: tags, Errors: []int{400, 410}},
		authz.PublicRule, h.resetPassword)
	authz.Register(api, huma.Operation{OperationID: "acceptInvitation", Method: http.MethodPost, Path: "/invitation-acceptances", DefaultStatus: http.StatusNoContent,
		Summary: "Uitnodiging aannemen en wachtwoord kiezen / Accept an invitation", Tags: tags, Errors: []int{400, 410}},
		authz.PublicRule, h.acceptInvitation)
	authz.Register(api, huma.Operation{OperationID: "requestMagicLink", Method: http.MethodPost, Path: "/magic-links", DefaultStatus: http.StatusAccepted,
		Summary: "Inloglink voor kandidaten aanvragen / Request a sign-in link (kandidaten)", Tags: tags, Errors: []int{400, 429},
		Description: linkRequestDoc},
		authz.PublicRule, h.requestMagicLink)
	authz.Register(api, huma.Operation{OperationID: "signInWithMagicLink", Method: http.MethodPost, Path: "/magic-link-sessions", DefaultStatus: http.StatusCreated,
		Summary: "Inloggen met de link / Sign in with the mailed link (kandidaten)", Tags: tags, Errors: []int{400, 410}},
		authz.PublicRule, h.signInWithMagicLink)

	h.registerAdmin(api)
	h.registerOnboarding(api)
}

// session answers who is signed in; an anonymous browser gets the
// cookie its CSRF token is bound to.
func (h *Handlers) session(_ context.Context, p authz.Principal, in *sessionInput) (*sessionOutput, error) {
	out := &sessionOutput{}
	if p.UserID != "" { // the zero Principal is an anonymous caller
		out.Body = h.sessionBody(&p, "")
		return out, nil
	}
	anon := in.Anon
	if anon == "" {
		anon = authz.NewAnonValue()
		out.SetCookie = append(out.SetCookie, h.Guard.AnonCookieFor(anon))
	}
	out.Body = h.sessionBody(nil, anon)
	return out, nil
}

func (h *Handlers) signIn(ctx context.Context, _ authz.Principal, in *signInInput) (*sessionOutput, error) {
	cookie, user, err := h.Service.SignIn(ctx, in.Body.Email, in.Body.Password, clientIP(ctx))
	if errors.Is(err, ErrBadCredentials) {
		return nil, httpapi.Coded(http.StatusUnauthorized, "badCredentials", msg.M("identity.badCredentials"))
	}
	if err != nil {
		return nil, err
	}
	return h.signedIn(ctx, in.Session, cookie, user, AbsoluteTimeout), nil
}

func (h *Handlers) signOut(ctx context.Context, p authz.Principal, in *signOutInput) (*noContent, error) {
	if err := h.Service.SignOut(ctx, p, in.Everywhere, clientIP(ctx)); err != nil {
		return nil, err
	}
	return &noContent{SetCookie: []*http.Cookie{h.Guard.ClearSessionCookie()}}, nil
}

func (h *Handlers) requestPasswordReset(ctx context.Context, _ authz.Principal, in *emailInput) (*struct{}, error) {
	return nil, h.Service.RequestPasswordReset(ctx, in.Body.Email, clientIP(ctx))
}

func (h *Handlers) resetPassword(ctx context.Context, _ authz.Principal, in *tokenPasswordInput) (*struct{}, error) {
	return nil, h.Service.ResetPassword(ctx, in.Body.Token, in.Body.Password, clientIP(ctx))
}

func (h *Handlers) acceptInvitation(ctx context.Context, _ authz.Principal, in *tokenPasswordInput) (*struct{}, error) {
	return nil, h.Service.AcceptInvitation(ctx, in.Body.Token, in.Body.Password, clientIP(ctx))
}

func (h *Handlers) requestMagicLink(ctx context.Context, _ authz.Principal, in *emailInput) (*struct{}, error) {
	return nil, h.Service.RequestMagicLink(ctx, in.Body.Email, clientIP(ctx))
}

func (h *Handlers) signInWithMagicLink(ctx context.Context, _ authz.Principal, in *tokenInput) (*sessionOutput, error) {
	cookie, user, err := h.Service.RedeemMagicLink(ctx, in.Body.Token, clientIP(ctx))
	if err != nil {
		return nil, err
	}
	return h.signedIn(ctx, in.Session, cookie, user, MagicSessionTimeout), nil
}
