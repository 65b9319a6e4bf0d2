package authz

import (
	"context"
	"fmt"

	"github.com/danielgtaylor/huma/v2"
)

// Extension is the OpenAPI extension carrying each operation's rule, so the
// access policy is visible in the published document and testable from it.
const Extension = "x-werkhaven-access"

const metadataKey = "werkhaven.access"

// Register is huma.Register with an access rule: the only way Werkhaven
// registers operations.
func Register[I, O any](api huma.API, op huma.Operation, rule Rule, handler func(context.Context, *I) (*O, error)) {
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
	huma.Register(api, op, handler)
}

// RuleOf returns the rule an operation was registered with.
func RuleOf(op *huma.Operation) (Rule, bool) {
	if op == nil || op.Metadata == nil {
		return Rule{}, false
	}
	r, ok := op.Metadata[metadataKey].(Rule)
	return r, ok
}
