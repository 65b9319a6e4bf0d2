package httpapi

import (
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humafiber"
	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// ProblemContentType is RFC 9457's media type.
const ProblemContentType = "application/problem+json"

// InvalidParam names one invalid input, as Dutch government APIs do
// (the Haal Centraal convention of the API Design Rules).
type InvalidParam struct {
	Type   string `json:"type,omitempty" doc:"URI of the kind of error"`
	Name   string `json:"name" doc:"The invalid field or parameter, e.g. 'kvkNummer' or 'adres.postcode'" example:"email"`
	Code   string `json:"code" doc:"Machine-readable reason: required, pattern, maxLength, minLength, enum, minimum, maximum, format, type, multipleOf, unknownParam, invalid" example:"required"`
	Reason string `json:"reason" doc:"Human-readable reason, in the language of Accept-Language (Dutch by default)" example:"Dit veld is verplicht."`

	msg  msg.ID // rendered into Reason in the caller's language
	args []any
}

// Problem is an RFC 9457 problem details document. Every error Werkhaven
// answers has this shape, whatever part of the stack produced it.
type Problem struct {
	Type          string         `json:"type" doc:"URI identifying the problem type" example:"about:blank"`
	Title         string         `json:"title" doc:"Short summary of the problem type" example:"Bad Request"`
	Status        int            `json:"status" doc:"HTTP status code" example:"400"`
	Detail        string         `json:"detail,omitempty" doc:"Explanation of this occurrence" example:"De invoer is ongeldig."`
	Instance      string         `json:"instance,omitempty" doc:"The request path" example:"/api/v1/organisaties"`
	Code          string         `json:"code,omitempty" doc:"Machine-readable problem code" example:"paramsValidation"`
	RequestID     string         `json:"requestId,omitempty" doc:"Quote this id when reporting the problem"`
	InvalidParams []InvalidParam `json:"invalidParams,omitempty" doc:"Each invalid field, for validation errors"`
	Limit         int            `json:"limit,omitempty" doc:"The quota a 429 names (e.g. 25 open invites per opening)"`

	msg  msg.ID // rendered into Detail in the caller's language
	args []any
}

// Localize renders the title, the detail and each reason in lang; the
// transformer calls it with the request's Accept-Language.
func (p *Problem) Localize(lang msg.Lang) {
	if msg.Has(msg.Title(p.Status)) {
		p.Title = msg.Title(p.Status).In(lang)
	}
	if p.msg != "" {
		p.Detail = p.msg.In(lang, p.args...)
	}
	for i := range p.InvalidParams {
		ip := &p.InvalidParams[i]
		if ip.msg != "" {
			ip.Reason = ip.msg.In(lang, ip.args...)
		}
	}
}

// Msg is a problem whose detail is a catalogue message.
func Msg(status int, code string, id msg.ID, args ...any) *Problem {
	p := NewProblem(status, id.In(msg.NL, args...))
	p.Code, p.msg, p.args = code, id, args
	return p
}

// Param is one invalid field whose reason is a catalogue message.
func Param(name, code string, id msg.ID, args ...any) InvalidParam {
	return InvalidParam{Name: name, Code: code, Reason: id.In(msg.NL, args...), msg: id, args: args}
}

func (p *Problem) Error() string { return fmt.Sprintf("%d %s: %s", p.Status, p.Title, p.Detail) }

// GetStatus satisfies huma.StatusError.
func (p *Problem) GetStatus() int { return p.Status }

// ContentType makes huma answer with application/problem+json.
func (p *Problem) ContentType(ct string) string {
	if ct == "application/json" {
		return ProblemContentType
	}
	return ct
}

// NewProblem builds a problem for status with a safe, client-facing detail.
func NewProblem(status int, detail string) *Problem {
	return &Problem{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: detail}
}

// Invalid is a 400 naming each invalid field; domain code returns it for
// rules that the schema cannot express (an unknown postcode, a KvK number
// already in use).
func Invalid(params ...InvalidParam) *Problem {
	p := Msg(http.StatusBadRequest, "paramsValidation", msg.InvalidFields)
	p.InvalidParams = params
	return p
}

// installProblems makes huma produce Problems. huma's constructors are
// package-level variables, so this is process-wide; it is idempotent.
var installOnce sync.Once

func installProblems() { installOnce.Do(installHumaErrors) }

func installHumaErrors() {
	// Lists are always arrays, never null, in Werkhaven's responses.
	huma.DefaultArrayNullable = false
	huma.NewError = func(status int, text string, errs ...error) huma.StatusError {
		return newHumaProblem(status, text, errs)
	}
	huma.NewErrorWithContext = func(ctx huma.Context, status int, text string, errs ...error) huma.StatusError {
		p := newHumaProblem(status, text, errs)
		if ctx != nil {
			p.Instance = ctx.URL().Path
			if fc := humafiber.Unwrap(ctx); fc != nil {
				p.RequestID = requestIDOf(fc)
			}
		}
		return p
	}
}

func newHumaProblem(status int, text string, errs []error) *Problem {
	var params []InvalidParam
	for _, err := range errs {
		if err == nil {
			continue
		}
		var d huma.ErrorDetailer
		if errors.As(err, &d) {
			detail := d.ErrorDetail()
			params = append(params, toInvalidParam(detail.Location, detail.Message))
			continue
		}
		// The validator's own words are English: the reason comes from
		// the catalogue alone.
		params = append(params, InvalidParam{Code: "invalid", Reason: msg.FieldInvalid.In(msg.NL), msg: msg.FieldInvalid})
	}
	// The API Design Rules answer invalid input with 400, never 422.
	if status == http.StatusUnprocessableEntity {
		status = http.StatusBadRequest
	}
	p := NewProblem(status, text)
	if len(params) > 0 && status == http.StatusBadRequest {
		p.Code = "paramsValidation"
		p.InvalidParams = params
		if text == "validation failed" || text == "" {
			p.Detail, p.msg = msg.InvalidFields.In(msg.NL), msg.InvalidFields
		}
	}
	if status >= 500 {
		// Never leak internals; the log has them under the request id.
		p.Detail, p.msg = msg.ServerError.In(msg.NL), msg.ServerError
		p.InvalidParams = nil
	}
	if p.msg == "" {
		// huma's own words are English and unstable; say it from the
		// catalogue in the caller's language.
		p.msg = statusDetail(status)
		p.Detail = p.msg.In(msg.NL)
	}
	p.Code = codeOf(p)
	return p
}

// byStatus are the code and the detail of problems that carry none of
// their own: every 4xx and 5xx has a code (API Design Rules, RFC 9457) and
// a detail from the catalogue in the caller's language.
var byStatus = map[int]struct {
	code   string
	detail msg.ID
}{
	http.StatusBadRequest:            {"badRequest", msg.BadRequest},
	http.StatusUnauthorized:          {"unauthenticated", msg.Unauthenticated},
	http.StatusForbidden:             {"forbidden", msg.Forbidden},
	http.StatusNotFound:              {"notFound", msg.RouteNotFound},
	http.StatusMethodNotAllowed:      {"methodNotAllowed", msg.MethodNotAllowed},
	http.StatusNotAcceptable:         {"notAcceptable", msg.Title(http.StatusNotAcceptable)},
	http.StatusRequestTimeout:        {"requestTimeout", msg.RequestTimeout},
	http.StatusConflict:              {"conflict", msg.Conflict},
	http.StatusGone:                  {"gone", msg.TokenInvalid},
	http.StatusPreconditionFailed:    {"preconditionFailed", msg.Title(http.StatusPreconditionFailed)},
	http.StatusRequestEntityTooLarge: {"bodyTooLarge", msg.BodyTooLarge},
	http.StatusUnsupportedMediaType:  {"unsupportedMediaType", msg.UnsupportedMedia},
	http.StatusTooManyRequests:       {"tooManyRequests", msg.TooManyRequests},
	http.StatusInternalServerError:   {"serverError", msg.ServerError},
	http.StatusServiceUnavailable:    {"serviceUnavailable", msg.ServiceUnavailable},
}

// codeOf is p's code, or the code of its status when it has none.
func codeOf(p *Problem) string {
	if p.Code != "" {
		return p.Code
	}
	if s, ok := byStatus[p.Status]; ok {
		return s.code
	}
	return "status" + strconv.Itoa(p.Status)
}

// statusDetail is the catalogue's detail for a problem known only by its
// status.
func statusDetail(status int) msg.ID {
	if s, ok := byStatus[status]; ok && msg.Has(s.detail) {
		return s.detail
	}
	if msg.Has(msg.Title(status)) {
		return msg.Title(status)
	}
	return msg.BadRequest
}

// ruleCodes maps huma's validation messages onto the codes the API Design
// Rules use; the first matching prefix wins.
var ruleCodes = []struct {
	prefix, code string
	msg          msg.ID
}{
	{"expected required property", "required", msg.FieldRequired},
	{"unexpected property", "unknownParam", msg.FieldUnknown},
	{"expected length >=", "minLength", msg.FieldMinLength},
	{"expected length <=", "maxLength", msg.FieldMaxLength},
	{"expected string to match pattern", "pattern", msg.FieldPattern},
	{"expected value to be one of", "enum", msg.FieldEnum},
	{"expected number to be a multiple of", "multipleOf", msg.FieldInvalid},
	{"expected number >=", "minimum", msg.FieldMinimum},
	{"expected number >", "minimum", msg.FieldAbove},
	{"expected number <=", "maximum", msg.FieldMaximum},
	{"expected number <", "maximum", msg.FieldBelow},
	{"expected array length >=", "minItems", msg.FieldMinItems},
	{"expected array length <=", "maxItems", msg.FieldMaxItems},
	{"expected string to be", "format", msg.FieldFormat},
	{"expected integer", "integer", msg.FieldInteger},
	{"expected number", "number", msg.FieldNumber},
	{"expected boolean", "boolean", msg.FieldBoolean},
	{"expected string", "string", msg.FieldString},
	{"expected array", "array", msg.FieldArray},
	{"expected object with at", "invalid", msg.FieldInvalid},
	{"expected object", "object", msg.FieldObject},
	{"expected array items to be unique", "uniqueItems", msg.FieldUniqueItems},
	{"invalid integer", "integer", msg.FieldInteger},
	{"invalid boolean", "boolean", msg.FieldBoolean},
	{"invalid float", "number", msg.FieldNumber},
	{"unknown query parameter", "unknownParam", msg.FieldUnknownQuery},
}

var numberAtEnd = regexp.MustCompile(`([-0-9.]+)$`)
var requiredProp = regexp.MustCompile(`^expected required property (\S+) to be present`)
var oneOf = regexp.MustCompile(`one of "(.*)"`)

func toInvalidParam(location, message string) InvalidParam {
	name := location
	for _, prefix := range []string{"body.", "query.", "path.", "header.", "cookie."} {
		name = strings.TrimPrefix(name, prefix)
	}
	if name == "body" {
		name = ""
	}
	// huma reports a missing property at its parent; name the property.
	if m := requiredProp.FindStringSubmatch(message); m != nil {
		if name == "" {
			name = m[1]
		} else {
			name += "." + m[1]
		}
	}
	if name == "" {
		name = "body" // the body as a whole, e.g. an array where an object belongs
	}
	for _, rc := range ruleCodes {
		if !strings.HasPrefix(message, rc.prefix) {
			continue
		}
		var args []any
		if m := oneOf.FindStringSubmatch(message); m != nil {
			args = []any{m[1]}
		} else if m := numberAtEnd.FindStringSubmatch(message); m != nil {
			args = []any{m[1]}
		}
		// The catalogue says it in the caller's language; the validator's
		// English words are left out.
		return Param(name, rc.code, rc.msg, args...)
	}
	// Any other rule (several schemas, a dependent property, a date-time
	// format): the field is named, the reason is the catalogue's, and the
	// validator's English stays out of the answer.
	return Param(name, "invalid", msg.FieldInvalid)
}

// errorHandler turns every error that reaches Fiber (unknown routes, wrong
// methods, oversized bodies, panics, timeouts) into a problem document.
func errorHandler(log logFunc) fiber.ErrorHandler {
	return func(c *fiber.Ctx, err error) error {
		status := http.StatusInternalServerError
		var p *Problem
		var fe *fiber.Error
		switch {
		case errors.As(err, &p):
			status = p.Status
		case errors.As(err, &fe):
			status = fe.Code
			p = Msg(status, "", statusDetail(status))
		default:
			p = NewProblem(status, "")
		}
		if status >= 500 {
			log(c, err)
			p = Msg(status, "", msg.ServerError)
		}
		if p.msg == "" && p.Detail == "" {
			p.msg = statusDetail(status)
		}
		p.Code = codeOf(p)
		p.Instance = c.Path()
		p.RequestID = requestIDOf(c)
		if p.RequestID == "" {
			// Errors raised before routing (an oversized body) skip the
			// middleware; they get an id all the same.
			p.RequestID = uuid.NewString()
			c.Set(headerRequestID, p.RequestID)
		}
		setSecurityHeaders(c) // API-Version too, also before routing
		p.Localize(msg.Parse(c.Get(fiber.HeaderAcceptLanguage)))
		c.Set(fiber.HeaderContentType, ProblemContentType)
		return c.Status(status).JSON(p, ProblemContentType)
	}
}
