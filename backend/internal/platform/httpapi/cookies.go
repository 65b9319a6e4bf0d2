package httpapi

import (
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humafiber"
)

// cookieContext writes every Set-Cookie as its own header. Fiber's Append
// joins a repeated header into one value with ", ", which a browser reads
// as one cookie: a sign-in that cleared a stale session and set a new one
// left the browser with the cleared one. fasthttp keeps response cookies
// by name, so a later cookie of the same name replaces an earlier one (the
// new session wins over the clearing of the old).
type cookieContext struct{ humaContext }

// humaContext names the embedded context: a field called Context would
// hide huma.Context's method of that name.
type humaContext = huma.Context

func (c cookieContext) AppendHeader(name, value string) {
	if http.CanonicalHeaderKey(name) != "Set-Cookie" {
		c.humaContext.AppendHeader(name, value)
		return
	}
	humafiber.Unwrap(c.humaContext).Response().Header.Add("Set-Cookie", value)
}

// Unwrap lets humafiber.Unwrap reach the fiber context.
func (c cookieContext) Unwrap() huma.Context { return c.humaContext }

// separateCookies is the API's first middleware.
func separateCookies(ctx huma.Context, next func(huma.Context)) { next(cookieContext{ctx}) }
