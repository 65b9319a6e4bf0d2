package httpapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// One rule for every text field of every operation: a JSON body may not
// hold a NUL character (PostgreSQL cannot store it in text) nor bytes that
// are not UTF-8 (Go's decoder would silently replace them). Such a body is
// a 400 naming the field, before any handler runs, so nothing is written.

// badText finds the first string in a JSON body that holds a NUL (as the
// escape \u0000) or is not valid UTF-8, and names its path ("profile.name",
// "languages[0].code"). A body that is not JSON is left to the decoder.
func badText(body []byte) (path, code string) {
	dec := json.NewDecoder(bytes.NewReader(body))
	type frame struct {
		object bool
		key    string
		index  int
		expect bool // object: the next string is a key
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
				stack = append(stack, frame{object: true, expect: true})
			case '[':
				stack = append(stack, frame{})
			default:
				stack = stack[:len(stack)-1]
				after()
			}
		case string:
			isKey := len(stack) > 0 && stack[len(stack)-1].object && stack[len(stack)-1].expect
			if isKey {
				stack[len(stack)-1].key, stack[len(stack)-1].expect = t, false
			}
			switch {
			case strings.ContainsRune(t, 0):
				code = "nul"
			case !utf8.Valid(raw):
				code = "utf8"
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

// rejectBadText is an API middleware: a JSON body with a NUL or invalid
// UTF-8 in a string answers 400 naming the field.
func rejectBadText(api huma.API) func(huma.Context, func(huma.Context)) {
	return func(ctx huma.Context, next func(huma.Context)) {
		if !strings.Contains(ctx.Header("Content-Type"), "json") {
			next(ctx)
			return
		}
		body, err := io.ReadAll(ctx.BodyReader())
		if err != nil || len(body) == 0 {
			next(ctx)
			return
		}
		if path, code := badText(body); code != "" {
			if path == "" {
				path = "body"
			}
			m := msg.M("field.textNul")
			if code == "utf8" {
				m = msg.M("field.textNotUTF8")
			}
			WriteProblem(api, ctx, Invalid(Param(path, code, m.ID)))
			return
		}
		next(ctx)
	}
}
