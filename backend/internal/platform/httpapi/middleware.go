package httpapi

import (
	"context"
	"log/slog"
	"net/netip"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"
)

// APIVersion is the full version of the API, sent on every API response as
// the API Design Rules ask.
const APIVersion = "1.0.0"

const headerRequestID = "X-Request-Id"

type ctxKey int

const (
	requestIDKey ctxKey = 1
	clientIPKey  ctxKey = 2
)

// ClientIP returns the caller's IP address, for throttling and the audit
// log: the peer's address or, behind a reverse proxy, the one the proxy
// put in the header named by PROXY_HEADER (see clientIP).
func ClientIP(ctx context.Context) string {
	ip, _ := ctx.Value(clientIPKey).(string)
	return ip
}

// clientIP is the address the request came from. Without PROXY_HEADER it
// is the peer's. With it, it is the last entry of that header: the one the
// proxy in front of Werkhaven added (X-Forwarded-For grows to the right,
// and everything left of the proxy's entry is whatever the client sent), or
// the only one of a header the proxy sets (X-Real-IP). An entry that is not
// an IP address, with or without a port, gives the peer's address, as
// does a missing header. IPv4-mapped IPv6 addresses are written as IPv4.
func clientIP(c *fiber.Ctx) string {
	peer := c.Context().RemoteIP().String()
	name := c.App().Config().ProxyHeader
	if name == "" {
		return peer
	}
	value := c.Get(name)
	last := strings.TrimSpace(value[strings.LastIndexByte(value, ',')+1:])
	if ip, err := netip.ParseAddr(last); err == nil && ip.Zone() == "" {
		return ip.Unmap().String()
	}
	if ap, err := netip.ParseAddrPort(last); err == nil && ap.Addr().Zone() == "" {
		return ap.Addr().Unmap().String()
	}
	return peer
}

var validRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{8,64}$`)

// requestID takes a well-formed X-Request-Id from the caller (a proxy's) or
// makes one, and puts it on the response, the context and every log line.
func requestID() fiber.Handler {
	return func(c *fiber.Ctx) error {
		id := c.Get(headerRequestID)
		if !validRequestID.MatchString(id) {
			id = uuid.NewString()
		}
		c.Locals(requestIDKey, id)
		c.Set(headerRequestID, id)
		ctx := context.WithValue(c.UserContext(), requestIDKey, id)
		c.SetUserContext(context.WithValue(ctx, clientIPKey, clientIP(c)))
		return c.Next()
	}
}

// RequestID returns the request id carried by ctx, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

func requestIDOf(c *fiber.Ctx) string {
	id, _ := c.Locals(requestIDKey).(string)
	return id
}

type logFunc func(c *fiber.Ctx, err error)

// observe logs each request once and records its metrics. It renders errors
// itself (through the app's error handler) so the status it logs is the one
// the client gets. Query strings are never logged: mailed links carry tokens.
func observe(log *slog.Logger, m *Metrics) fiber.Handler {
	return func(c *fiber.Ctx) error {
		start := time.Now()
		if err := c.Next(); err != nil {
			if herr := c.App().ErrorHandler(c, err); herr != nil {
				_ = c.SendStatus(fiber.StatusInternalServerError)
			}
		}
		elapsed := time.Since(start)
		status := c.Response().StatusCode()
		route := c.Route().Path
		if status == fiber.StatusNotFound && route == "/" && c.Path() != "/" {
			route = "unmatched" // keep label cardinality bounded
		}
		if m != nil {
			// Fiber's strings point into buffers it reuses: copy what the
			// metric keeps.
			m.observe(strings.Clone(c.Method()), strings.Clone(route), status, elapsed)
		}
		level := slog.LevelInfo
		switch {
		case status >= 500:
			level = slog.LevelError
		case strings.HasPrefix(c.Path(), "/healthz") || strings.HasPrefix(c.Path(), "/readyz") || c.Path() == "/metrics":
			level = slog.LevelDebug
		}
		log.LogAttrs(c.UserContext(), level, "request",
			slog.String("request_id", requestIDOf(c)),
			slog.String("method", c.Method()),
			slog.String("path", c.Path()),
			slog.String("route", route),
			slog.Int("status", status),
			slog.Int64("duration_us", elapsed.Microseconds()),
			slog.Int("bytes", len(c.Response().Body())),
		)
		return nil
	}
}

// securityHeaders sets the headers the API Design Rules and the NCSC web
// guidelines ask for. The CSP allows only our own scripts; inline styles are
// allowed because the API documentation page sets some.
func securityHeaders() fiber.Handler {
	return func(c *fiber.Ctx) error {
		setSecurityHeaders(c)
		return c.Next()
	}
}

// setSecurityHeaders sets securityHeaders' headers; errorHandler calls it too,
// for errors raised before routing (an oversized body), which skip the
// middleware.
func setSecurityHeaders(c *fiber.Ctx) {
	h := &c.Response().Header
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	if strings.HasPrefix(c.Path(), "/api/") {
		h.Set(headerAPIVersion, APIVersion)
		h.Set("Cache-Control", "no-store")
	}
	if isOpenAPIDocument(c.Path()) {
		// The API description is public, for any origin (API Design Rules).
		h.Set("Access-Control-Allow-Origin", "*")
	}
}

func isOpenAPIDocument(path string) bool {
	return path == "/api/v1/openapi.json" || path == "/api/v1/openapi.yaml" || path == "/api/v1/openapi-3.0.json" || path == "/api/v1/openapi-3.0.yaml"
}

func itoa(i int) string { return strconv.Itoa(i) }
