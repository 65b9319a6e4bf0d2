package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// One rule for every text field of every operation: a JSON body may not
// hold a NUL character (PostgreSQL cannot store it in text) nor bytes that
// are not UTF-8 (Go's decoder would silently replace them), and an object
// may not name a member twice (Go's decoder would silently keep the last).
// Such a body is a 400 naming the field, before any handler runs, so
// nothing is written.

// badText finds the first string in a JSON body that holds a NUL (as the
// escape \u0000) or is not valid UTF-8, or the first member named twice in
// one object, and names its path ("profile.name", "languages[0].code").
// A body that is not JSON is left to the decoder.
func badText(body []byte) (path, code string) {
	dec := json.NewDecoder(bytes.NewReader(body))
	type frame struct {
		object bool
		key    string
		index  int
		expect bool // object: the next string is a key
		seen   map[string]bool
	}
	var stack []frame
	name := func() string {
		var b strings.Builder
		for _, f := range stack {
			if f.object {
				if b.Len() > 0 {
					b.WriteByte('.')
				}
				b.WriteString(f.key)
			} else {
				fmt.Fprintf(&b, "[%d]", f.index)
			}
		}
		return b.String()
	}
	// after a value in the innermost container: an object wants a key next,
	// an array counts on.
	after := func() {
		if n := len(stack); n > 0 {
			if stack[n-1].object {
				stack[n-1].expect = true
			} else {
				stack[n-1].index++
			}
		}
	}
	prev := int64(0)
	for {
		tok, err := dec.Token()
		if err != nil { // the end, or not JSON: the decoder will say
			return "", ""
		}
		raw := body[prev:dec.InputOffset()]
		prev = dec.InputOffset()
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				stack = append(stack, frame{object: true, expect: true, seen: map[string]bool{}})
			case '[':
				stack = append(stack, frame{})
			default:
				stack = stack[:len(stack)-1]
				after()
			}
		case string:
			isKey := len(stack) > 0 && stack[len(stack)-1].object && stack[len(stack)-1].expect
			dup := false
			if isKey {
				top := &stack[len(stack)-1]
				top.key, top.expect = t, false
				dup, top.seen[t] = top.seen[t], true
			}
			switch {
			case strings.ContainsRune(t, 0):
				code = "nul"
			case !utf8.Valid(raw):
				code = "utf8"
			case dup:
				code = "duplicateKey"
			}
			if code != "" {
				return name(), code
			}
			if !isKey {
				after()
			}
		default:
			after()
		}
	}
}

// checkBody is an API middleware, one rule for every operation that takes a
// JSON body: a missing body, a body that is not JSON, a NUL or invalid UTF-8
// in a string, a member named twice, or a null where the schema does not
// allow one, each answer 400 naming the field, before the handler runs.
func checkBody(api huma.API) func(huma.Context, func(huma.Context)) {
	return func(ctx huma.Context, next func(huma.Context)) {
		op := ctx.Operation()
		if op == nil || op.RequestBody == nil || !strings.Contains(ctx.Header("Content-Type"), "json") && ctx.Header("Content-Type") != "" {
			next(ctx) // no body here, or not JSON: huma answers 415
			return
		}
		body, err := io.ReadAll(ctx.BodyReader())
		if err != nil {
			next(ctx)
			return
		}
		if p := bodyProblem(api, op, body); p != nil {
			WriteProblem(api, ctx, p)
			return
		}
		next(ctx)
	}
}

// bodyProblem is what is wrong with a JSON request body, or nil.
func bodyProblem(api huma.API, op *huma.Operation, body []byte) *Problem {
	if len(bytes.TrimSpace(body)) == 0 {
		if op.RequestBody.Required {
			return Invalid(Param("body", "required", msg.BodyRequired))
		}
		return nil
	}
	if !json.Valid(body) {
		return Invalid(Param("body", "json", msg.BodyNotJSON))
	}
	if path, code := badText(body); code != "" {
		if path == "" {
			path = "body"
		}
		return Invalid(Param(path, code, textMsg[code]))
	}
	mt := op.RequestBody.Content["application/json"]
	if mt == nil || mt.Schema == nil || !bytes.Contains(body, []byte("null")) {
		return nil // most bodies hold no null: no second decoding for them
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return nil
	}
	if path := nullWhereNotNullable(api.OpenAPI().Components.Schemas, mt.Schema, v, ""); path != "" {
		return Invalid(Param(path, "notNullable", msg.FieldNotNullable))
	}
	return nil
}

var textMsg = map[string]msg.ID{"nul": msg.FieldTextNul, "utf8": msg.FieldTextNotUTF8, "duplicateKey": msg.FieldDuplicateKey}

// nullWhereNotNullable names the first member of v that is null where its
// schema does not say nullable (huma would otherwise take null as "left
// out"). In a PATCH body null clears a field (JSON merge patch); a field
// that cannot be cleared says so.
func nullWhereNotNullable(reg huma.Registry, s *huma.Schema, v any, path string) string {
	if s == nil {
		return ""
	}
	if s.Ref != "" {
		s = reg.SchemaFromRef(s.Ref)
		if s == nil {
			return ""
		}
	}
	join := func(k string) string {
		if path == "" {
			return k
		}
		return path + "." + k
	}
	switch t := v.(type) {
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(t)) {
			prop := s.Properties[k]
			if prop == nil {
				continue // unknown members are huma's to refuse
			}
			if t[k] == nil {
				if !nullable(reg, prop) {
					return join(k)
				}
				continue
			}
			if p := nullWhereNotNullable(reg, prop, t[k], join(k)); p != "" {
				return p
			}
		}
	case []any:
		for i, item := range t {
			name := fmt.Sprintf("%s[%d]", path, i)
			if item == nil {
				if s.Items != nil && !nullable(reg, s.Items) {
					return name
				}
				continue
			}
			if p := nullWhereNotNullable(reg, s.Items, item, name); p != "" {
				return p
			}
		}
	}
	return ""
}

func nullable(reg huma.Registry, s *huma.Schema) bool {
	if s.Ref != "" {
		if r := reg.SchemaFromRef(s.Ref); r != nil {
			return r.Nullable
		}
	}
	return s.Nullable
}
