package authz

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

// Extension is the OpenAPI extension carrying each operation's rule, so the
// access policy is visible in the published document and testable from it.
const Extension = "x-werkhaven-access"

const metadataKey = "werkhaven.access"

// Handler handles one operation for the principal the guard let through:
// the zero Principal when a public operation is called anonymously. Its
// error is mapped to a problem by httpapi.FromError, so handlers return
// domain errors as they are.
type Handler[I, O any] func(ctx context.Context, p Principal, in *I) (*O, error)

// Register is huma.Register with an access rule: the only way Werkhaven
// registers operations. The rule goes into the OpenAPI document; h gets the
// principal and its errors are mapped once, here. Pass a named method (a
// domain's handlers struct) so stack traces and profiles name the operation.
func Register[I, O any](api huma.API, op huma.Operation, rule Rule, h Handler[I, O]) {
	if !rule.Public && len(rule.Roles) == 0 {
		panic(fmt.Sprintf("authz: operation %s has a rule that allows nobody", op.OperationID))
	}
	if op.Metadata == nil {
		op.Metadata = map[string]any{}
	}
	op.Metadata[metadataKey] = rule
	if op.Extensions == nil {
		op.Extensions = map[string]any{}
	}
	op.Extensions[Extension] = rule.Describe()
	if !rule.Public {
		op.Security = []map[string][]string{{"sessionCookie": {}}}
		op.Errors = append(op.Errors, 401, 403)
	}
	if in := reflect.TypeFor[I](); in.Kind() == reflect.Struct {
		if _, ok := in.FieldByName("Body"); ok {
			// A body sent as anything but JSON: 415 unsupportedMediaType
			// (found by the contract fuzzing, TestContractFuzzing).
			op.Errors = append(op.Errors, http.StatusUnsupportedMediaType)
		}
	}
	huma.Register(api, op, func(ctx context.Context, in *I) (*O, error) {
		p, _ := From(ctx)
		out, err := h(ctx, p, in)
		if err != nil {
			return nil, httpapi.FromError(err)
		}
		return out, nil
	})
}

// RuleOf returns the rule an operation was registered with.
func RuleOf(op *huma.Operation) (Rule, bool) {
	if op == nil || op.Metadata == nil {
		return Rule{}, false
	}
	r, ok := op.Metadata[metadataKey].(Rule)
	return r, ok
}

// Operation is a registered operation and its rule.
type Operation struct {
	ID, Method, Path string
	Rule             Rule
	// Registered is false for an operation added without Register (which
	// the guard refuses).
	Registered bool
}

// Operations lists every operation of api with the rule it was registered
// with, sorted by id: tests walk it, so a new operation is covered by them
// as soon as it exists.
func Operations(api huma.API) []Operation {
	var out []Operation
	for path, item := range api.OpenAPI().Paths {
		for method, op := range map[string]*huma.Operation{http.MethodGet: item.Get, http.MethodPost: item.Post, http.MethodPut: item.Put,
			http.MethodPatch: item.Patch, http.MethodDelete: item.Delete, http.MethodHead: item.Head, http.MethodOptions: item.Options} {
			if op == nil {
				continue
			}
			rule, ok := RuleOf(op)
			out = append(out, Operation{ID: op.OperationID, Method: method, Path: path, Rule: rule, Registered: ok})
		}
	}
	slices.SortFunc(out, func(a, b Operation) int { return strings.Compare(a.ID, b.ID) })
	return out
}
