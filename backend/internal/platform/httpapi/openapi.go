package httpapi

import (
	"net/http"
	"reflect"
	"strconv"

	"github.com/danielgtaylor/huma/v2"
)

// The OpenAPI document follows the Dutch API Design Rules; their Spectral
// ruleset, docs/api/adr/linter.yaml, checks it (make lint-api). What holds for
// every operation is declared once, by documentOperation, which huma calls
// for each operation it adds to the document however it was registered:
//
//   - every response declares the API-Version header: securityHeaders (and
//     errorHandler, for errors raised before routing) send it on every
//     response under /api/;
//   - every operation declares a 400 problem: huma refuses unknown query
//     parameters on every operation (RejectUnknownQueryParameters), and
//     invalid input is a 400;
//   - no operation declares 422, which huma adds for operations with input:
//     its validation errors are answered as 400 (newHumaProblem).

// headerAPIVersion is the response header that carries APIVersion.
const headerAPIVersion = "API-Version"

// apiVersionHeader is the header's description, kept once under
// components.headers and referred to from every response.
func apiVersionHeader() *huma.Header {
	return &huma.Header{
		Description: "The full version of the API (semantic versioning); on every response.",
		Required:    true,
		Schema:      &huma.Schema{Type: huma.TypeString, Examples: []any{APIVersion}},
	}
}

func documentOperation(oapi *huma.OpenAPI, op *huma.Operation) {
	delete(op.Responses, strconv.Itoa(http.StatusUnprocessableEntity))
	bad := strconv.Itoa(http.StatusBadRequest)
	if op.Responses[bad] == nil {
		problem := oapi.Components.Schemas.Schema(reflect.TypeFor[Problem](), true, "Problem")
		op.Responses[bad] = &huma.Response{
			Description: http.StatusText(http.StatusBadRequest),
			Content:     map[string]*huma.MediaType{ProblemContentType: {Schema: problem}},
		}
	}
	for _, r := range op.Responses {
		if r.Headers == nil {
			r.Headers = map[string]*huma.Header{}
		}
		r.Headers[headerAPIVersion] = &huma.Header{Ref: "#/components/headers/" + headerAPIVersion}
	}
}
