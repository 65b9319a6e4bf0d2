// Package apperr holds the errors domain code returns, so that one place
// (httpapi.FromError) can map them onto problem details without domains
// knowing about HTTP.
package apperr

import (
	"errors"
	"fmt"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// Sentinel errors; wrap them with context (fmt.Errorf("load user %s: %w", id, ErrNotFound)).
var (
	// ErrNotFound: the object does not exist or belongs to another tenant.
	ErrNotFound = errors.New("not found")
	// ErrConflict: the change collides with existing data (a duplicate).
	ErrConflict = errors.New("conflict")
	// ErrForbidden: the caller may not do this.
	ErrForbidden = errors.New("forbidden")
	// ErrUnauthenticated: no valid session.
	ErrUnauthenticated = errors.New("unauthenticated")
	// ErrGone: a token that expired or was used already.
	ErrGone = errors.New("gone")
	// ErrUnavailable: a dependency did not answer; retry later. Return it
	// through Unavailable, which names the dependency.
	ErrUnavailable = errors.New("temporarily unavailable")
)

// Dependency is a service Werkhaven needs to answer a request.
type Dependency string

// The dependencies a request can wait on.
const (
	Search   Dependency = "search"   // Meilisearch
	Payments Dependency = "payments" // Stripe
	Database Dependency = "database" // PostgreSQL
)

// UnavailableError is a dependency that did not answer: 503 with a code
// naming it (searchUnavailable, paymentsUnavailable, databaseUnavailable),
// so a user whose payment fails is not told that search is down.
// errors.Is(err, ErrUnavailable) holds.
type UnavailableError struct {
	Dependency Dependency
	Err        error
}

// Unavailable wraps err, the dependency's own failure (kept for the log).
func Unavailable(dep Dependency, err error) error {
	return &UnavailableError{Dependency: dep, Err: err}
}

func (e *UnavailableError) Error() string {
	return fmt.Sprintf("%s unavailable: %v", e.Dependency, e.Err)
}

// Unwrap makes both ErrUnavailable and the cause visible to errors.Is.
func (e *UnavailableError) Unwrap() []error { return []error{ErrUnavailable, e.Err} }

// Field names one invalid input: its name, the machine-readable code and
// the message (from the catalogue) that explains it.
type Field struct {
	Name string
	Code string
	Msg  msg.Message
}

// InvalidError is invalid input that the schema could not catch (an
// unknown postcode, a common password).
type InvalidError struct{ Fields []Field }

func (e *InvalidError) Error() string {
	if len(e.Fields) == 0 {
		return "invalid input"
	}
	return fmt.Sprintf("invalid %s: %s", e.Fields[0].Name, e.Fields[0].Msg.In(msg.EN))
}

// Invalid returns an InvalidError for one field.
func Invalid(name, code string, m msg.Message) error {
	return &InvalidError{Fields: []Field{{Name: name, Code: code, Msg: m}}}
}

// TooManyError asks the caller to wait.
type TooManyError struct{ RetryAfter time.Duration }

func (e *TooManyError) Error() string {
	return fmt.Sprintf("too many attempts; retry after %s", e.RetryAfter)
}

// LimitError is a request over a named quota (invites per opening, per
// organisation per day): 429 with the limit's code, its value and when it
// frees up, if known.
type LimitError struct {
	Code       string
	Msg        msg.Message
	Limit      int
	RetryAfter time.Duration
}

func (e *LimitError) Error() string { return fmt.Sprintf("%s: limit %d", e.Code, e.Limit) }

// ConflictError is a change the current state of an object does not allow
// (a state transition from the wrong state, publishing text the fairness
// check blocks). It answers 409 with its code, detail and, when the cause
// lies in fields, those fields. errors.Is(err, ErrConflict) holds.
type ConflictError struct {
	Code   string
	Msg    msg.Message
	Fields []Field
}

func (e *ConflictError) Error() string { return e.Code + ": " + e.Msg.In(msg.EN) }

// Unwrap makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Unwrap() error { return ErrConflict }

// ForbiddenError is a refusal with a reason the caller can act on (a
// kandidaat who has not agreed yet, or said no): 403 with its code.
// errors.Is(err, ErrForbidden) holds.
type ForbiddenError struct {
	Code string
	Msg  msg.Message
}

func (e *ForbiddenError) Error() string { return e.Code + ": " + e.Msg.In(msg.EN) }

// Unwrap makes errors.Is(err, ErrForbidden) true.
func (e *ForbiddenError) Unwrap() error { return ErrForbidden }

// Fields collects invalid fields while a request is checked.
type Fields []Field

// Add notes one invalid field.
func (f *Fields) Add(name, code string, m msg.Message) {
	*f = append(*f, Field{Name: name, Code: code, Msg: m})
}

// List checks a list of ids chosen from a fixed set: at most max, each
// known, none twice.
func (f *Fields) List(name string, ids []string, known func(string) bool, max int) {
	if len(ids) > max {
		f.Add(name, "maxItems", msg.M("apperr.maxItems", max))
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if !known(id) {
			f.Add(name, "unknown", msg.M("apperr.unknown", id))
		} else if seen[id] {
			f.Add(name, "duplicate", msg.M("apperr.duplicate", id))
		}
		seen[id] = true
	}
}
