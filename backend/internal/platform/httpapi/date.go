package httpapi

import (
	"time"

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
