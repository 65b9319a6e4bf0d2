package httpapi

import (
	"encoding/json"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// ParseDate reads an optional YYYY-MM-DD date from the input field named
// field; "" is no date. A malformed date is invalid input (400, code
// "format") naming that field.
func ParseDate(field, s string) (*time.Time, error) {
	if s == "" {
		return nil, nil
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return nil, apperr.Invalid(field, "format", msg.M("field.dateFormat"))
	}
	return &d, nil
}

// ClearableDate is a date in a change (PATCH) body that can also be removed,
// as JSON merge patch (RFC 7396) does it: absent leaves the date as it is,
// null removes it, "YYYY-MM-DD" sets it. Its schema is a nullable string of
// format date (the API Design Rules' date format), so huma answers anything
// else, "" included, with 400 code "format".
type ClearableDate struct {
	sent bool
	date string // "" for null
}

// UnmarshalJSON notes that the field was sent; encoding/json calls it for
// null too.
func (d *ClearableDate) UnmarshalJSON(b []byte) error {
	d.sent = true
	if string(b) == "null" {
		d.date = ""
		return nil
	}
	return json.Unmarshal(b, &d.date)
}

// Schema makes ClearableDate a huma.SchemaProvider.
func (ClearableDate) Schema(huma.Registry) *huma.Schema {
	return &huma.Schema{Type: huma.TypeString, Format: "date", Nullable: true}
}

// Change is the change the field asks for: nil when it was absent, "" when
// it was null (remove the date), else the date as sent.
func (d ClearableDate) Change() *string {
	if !d.sent {
		return nil
	}
	s := d.date
	return &s
}
