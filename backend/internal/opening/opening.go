package opening

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
)

// Kind is what an opening offers.
type Kind string

// Opening kinds: werkgevers post the first three, zorgaanbieders participatieplekken.
const (
	Vacature         Kind = "vacature"
	Proefplaats      Kind = "proefplaats"
	Leerwerkplek     Kind = "leerwerkplek"
	Participatieplek Kind = "participatieplek"
)

// KindsFor returns the kinds an organisation of orgKind may post.
func KindsFor(orgKind string) []Kind {
	if orgKind == "zorgaanbieder" {
		return []Kind{Participatieplek}
	}
	return []Kind{Vacature, Proefplaats, Leerwerkplek}
}

// State of an opening.
type State string

// The states: draft → open ⇄ paused → filled | closed.
const (
	Draft  State = "draft"
	Open   State = "open"
	Paused State = "paused"
	Filled State = "filled"
	Closed State = "closed"
)

// transitions lists, per state, the states it may move to.
var transitions = map[State][]State{
	Draft:  {Open, Closed},
	Open:   {Paused, Filled, Closed},
	Paused: {Open, Filled, Closed},
	Filled: {},
	Closed: {},
}

// ErrTransition is a state change the machine does not allow (409).
var ErrTransition = errors.New("state transition not allowed")

// transitionError answers 409 with code stateTransition and is ErrTransition.
type transitionError struct{ *apperr.ConflictError }

func (transitionError) Is(target error) bool { return target == ErrTransition }
func (e transitionError) Unwrap() error      { return e.ConflictError }

// CanMove reports whether an opening may go from one state to another.
func CanMove(from, to State) bool { return slices.Contains(transitions[from], to) }

var stateNL = map[State]string{Draft: "concept", Open: "open", Paused: "gepauzeerd", Filled: "vervuld", Closed: "gesloten"}

// Move checks a transition and returns ErrTransition (a 409 naming both
// states) when it is not allowed.
func Move(from, to State) error {
	if !CanMove(from, to) {
		return transitionError{&apperr.ConflictError{Code: "stateTransition", Detail: fmt.Sprintf(
			"Van %s naar %s kan niet. / An opening cannot go from %s to %s.", stateNL[from], stateNL[to], from, to)}}
	}
	return nil
}

// Terms are the fields of an opening with rules across fields.
type Terms struct {
	Kind                       Kind
	HoursMin, HoursMax         int
	WageMinCents, WageMaxCents int64
	Places                     int
	StartDate                  time.Time
	IsNew                      bool
	Today                      time.Time // in Europe/Amsterdam, truncated to the day
}

// CheckTerms applies the rules a schema cannot express: hours 1–60 with
// min ≤ max, wage min ≤ max (vacatures only), at least one place, and a new
// opening cannot start in the past. Every violated field is reported.
func CheckTerms(t Terms) error {
	var fields apperr.Fields
	add := fields.Add
	if t.HoursMin < 1 || t.HoursMin > 60 {
		add("hoursMin", "range", "Kies 1 tot 60 uur per week. / Choose 1 to 60 hours a week.")
	}
	if t.HoursMax < 1 || t.HoursMax > 60 {
		add("hoursMax", "range", "Kies 1 tot 60 uur per week. / Choose 1 to 60 hours a week.")
	}
	if t.HoursMin > t.HoursMax {
		add("hoursMax", "minMax", "Het maximum is kleiner dan het minimum. / The maximum is below the minimum.")
	}
	if t.Kind == Vacature {
		if t.WageMinCents < 0 || t.WageMaxCents < 0 {
			add("wageMinCents", "minimum", "Een loon kan niet negatief zijn. / A wage cannot be negative.")
		}
		if t.WageMaxCents > 0 && t.WageMinCents > t.WageMaxCents {
			add("wageMaxCents", "minMax", "Het maximumloon is lager dan het minimumloon. / The maximum wage is below the minimum.")
		}
	} else if t.WageMinCents != 0 || t.WageMaxCents != 0 {
		add("wageMinCents", "notAllowed", "Alleen een vacature heeft een loon. / Only a vacature has a wage.")
	}
	if t.Places < 1 {
		add("places", "minimum", "Er is minstens één plek. / At least one place.")
	}
	if t.IsNew && !t.StartDate.IsZero() && t.StartDate.Before(t.Today) {
		add("startDate", "minimum", "Een nieuwe plek kan niet in het verleden beginnen. / A new opening cannot start in the past.")
	}
	if len(fields) > 0 {
		return &apperr.InvalidError{Fields: fields}
	}
	return nil
}
