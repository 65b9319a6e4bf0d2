package httpapi

import (
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humafiber"
	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"
)

// ProblemContentType is RFC 9457's media type.
const ProblemContentType = "application/problem+json"

// InvalidParam names one invalid input, as Dutch government APIs do
// (the Haal Centraal convention of the API Design Rules).
type InvalidParam struct {
	Type   string `json:"type,omitempty" doc:"URI of the kind of error"`
	Name   string `json:"name" doc:"The invalid field or parameter, e.g. 'kvkNummer' or 'adres.postcode'" example:"email"`
	Code   string `json:"code" doc:"Machine-readable reason: required, pattern, maxLength, minLength, enum, minimum, maximum, format, type, unknownParam, invalid" example:"required"`
	Reason string `json:"reason" doc:"Human-readable reason (Dutch)" example:"Dit veld is verplicht."`
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
	p := NewProblem(http.StatusBadRequest, "Een of meer velden zijn ongeldig. / One or more fields are invalid.")
	p.Code = "paramsValidation"
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
	huma.NewError = func(status int, msg string, errs ...error) huma.StatusError {
		return newHumaProblem(status, msg, errs)
	}
	huma.NewErrorWithContext = func(ctx huma.Context, status int, msg string, errs ...error) huma.StatusError {
		p := newHumaProblem(status, msg, errs)
		if ctx != nil {
			p.Instance = ctx.URL().Path
			if fc := humafiber.Unwrap(ctx); fc != nil {
				p.RequestID = requestIDOf(fc)
			}
		}
		return p
	}
}

func newHumaProblem(status int, msg string, errs []error) *Problem {
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
		params = append(params, InvalidParam{Name: "", Code: "invalid", Reason: err.Error()})
	}
	// The API Design Rules answer invalid input with 400, never 422.
	if status == http.StatusUnprocessableEntity {
		status = http.StatusBadRequest
	}
	p := NewProblem(status, msg)
	if len(params) > 0 && status == http.StatusBadRequest {
		p.Code = "paramsValidation"
		p.InvalidParams = params
		if msg == "validation failed" || msg == "" {
			p.Detail = "Een of meer velden zijn ongeldig. / One or more fields are invalid."
		}
	}
	if status >= 500 {
		// Never leak internals; the log has them under the request id.
		p.Detail = "Er ging iets mis aan onze kant. / Something went wrong on our side."
		p.InvalidParams = nil
	}
	return p
}

// ruleCodes maps huma's validation messages onto the codes the API Design
// Rules use; the first matching prefix wins.
var ruleCodes = []struct {
	prefix, code, reason string
}{
	{"expected required property", "required", "Dit veld is verplicht."},
	{"unexpected property", "unknownParam", "Dit veld is onbekend."},
	{"expected length >=", "minLength", "De waarde is te kort (minimaal %s tekens)."},
	{"expected length <=", "maxLength", "De waarde is te lang (maximaal %s tekens)."},
	{"expected string to match pattern", "pattern", "De waarde heeft niet de juiste vorm."},
	{"expected value to be one of", "enum", "Kies een van de toegestane waarden: %s."},
	{"expected number >=", "minimum", "De waarde moet minimaal %s zijn."},
	{"expected number >", "minimum", "De waarde moet groter zijn dan %s."},
	{"expected number <=", "maximum", "De waarde mag maximaal %s zijn."},
	{"expected number <", "maximum", "De waarde moet kleiner zijn dan %s."},
	{"expected array length >=", "minItems", "Kies er minimaal %s."},
	{"expected array length <=", "maxItems", "Kies er maximaal %s."},
	{"expected string to be", "format", "De waarde heeft niet het juiste formaat."},
	{"expected integer", "integer", "Vul een geheel getal in."},
	{"expected number", "number", "Vul een getal in."},
	{"expected boolean", "boolean", "Vul waar of onwaar in."},
	{"expected string", "string", "Vul tekst in."},
	{"expected array", "array", "Verwacht een lijst."},
	{"expected object", "object", "Verwacht een object."},
	{"expected array items to be unique", "uniqueItems", "Elke waarde mag maar een keer voorkomen."},
	{"invalid integer", "integer", "Vul een geheel getal in."},
	{"invalid boolean", "boolean", "Vul waar of onwaar in."},
	{"invalid float", "number", "Vul een getal in."},
	{"unknown query parameter", "unknownParam", "Deze parameter is onbekend."},
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
	for _, rc := range ruleCodes {
		if !strings.HasPrefix(message, rc.prefix) {
			continue
		}
		reason := rc.reason
		if strings.Contains(reason, "%s") {
			arg := ""
			if m := oneOf.FindStringSubmatch(message); m != nil {
				arg = m[1]
			} else if m := numberAtEnd.FindStringSubmatch(message); m != nil {
				arg = m[1]
			}
			reason = fmt.Sprintf(reason, arg)
		}
		return InvalidParam{Name: name, Code: rc.code, Reason: reason + " (" + message + ")"}
	}
	return InvalidParam{Name: name, Code: "invalid", Reason: message}
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
			p = NewProblem(status, fiberDetail(status))
		default:
			p = NewProblem(status, "")
		}
		if status >= 500 {
			log(c, err)
			p = NewProblem(status, "Er ging iets mis aan onze kant. / Something went wrong on our side.")
		}
		p.Instance = c.Path()
		p.RequestID = requestIDOf(c)
		if p.RequestID == "" {
			// Errors raised before routing (an oversized body) skip the
			// middleware; they get an id all the same.
			p.RequestID = uuid.NewString()
			c.Set(headerRequestID, p.RequestID)
		}
		c.Set(fiber.HeaderContentType, ProblemContentType)
		return c.Status(status).JSON(p, ProblemContentType)
	}
}

func fiberDetail(status int) string {
	switch status {
	case http.StatusNotFound:
		return "Deze pagina of bron bestaat niet. / This resource does not exist."
	case http.StatusMethodNotAllowed:
		return "Deze methode is hier niet toegestaan. / This method is not allowed here."
	case http.StatusRequestEntityTooLarge:
		return "Het verzoek is te groot. / The request body is too large."
	case http.StatusRequestTimeout:
		return "Het verzoek duurde te lang. / The request took too long."
	case http.StatusTooManyRequests:
		return "Te veel verzoeken; probeer het later opnieuw. / Too many requests."
	default:
		return http.StatusText(status)
	}
}
