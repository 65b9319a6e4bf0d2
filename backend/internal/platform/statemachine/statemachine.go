// Package statemachine checks the transitions of Werkhaven's state
// machines (invites, bookings): a table of target states, each with the
// states it may come from and the actors who may make it. A wrong state is
// a 409 naming both states (errors.Is ErrTransition of the caller); a
// wrong actor is apperr.ErrForbidden.
package statemachine

import (
	"fmt"
	"slices"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// Rule is one target state: where it may come from, and who may move there.
type Rule[S, A ~string] struct {
	From   []S
	Actors []A
}

// Machine is a transition table with the Dutch names of its states.
type Machine[S, A ~string] struct {
	Rules map[S]Rule[S, A]
	// NamesNL name the states in the 409's Dutch detail.
	NamesNL map[S]string
	// Noun is what moves, in English at the start of a sentence ("An invite").
	Noun string
	// Err is the sentinel errors.Is finds on a refused state change.
	Err error
	// Conflict may replace the 409 for a state (e.g. "expired"); nil: none.
	Conflict func(from S) *apperr.ConflictError
}

type transitionError struct {
	*apperr.ConflictError
	sentinel error
}

func (e transitionError) Is(target error) bool { return target == e.sentinel }
func (e transitionError) Unwrap() error        { return e.ConflictError }

// Check reports whether actor may move from one state to another.
func (m Machine[S, A]) Check(from, to S, actor A) error {
	r, ok := m.Rules[to]
	if !ok || !slices.Contains(r.From, from) {
		var ce *apperr.ConflictError
		if m.Conflict != nil {
			ce = m.Conflict(from)
		}
		if ce == nil {
			// Dutch names the states in Dutch; English names the noun and the states' codes.
			ce = &apperr.ConflictError{Code: "stateTransition", Msg: msg.M(msg.StateTransition, m.NamesNL[from], m.NamesNL[to], m.Noun, string(from), string(to))}
		}
		return transitionError{ce, m.Err}
	}
	if !slices.Contains(r.Actors, actor) {
		return fmt.Errorf("%s may not move to %s: %w", actor, to, apperr.ErrForbidden)
	}
	return nil
}
