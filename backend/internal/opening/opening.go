package opening

import (
	"errors"
	"slices"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
	"github.com/werkhaven/werkhaven/backend/internal/platform/statemachine"
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

// States lists every state in journey order (the order of AllowedStates).
var States = []State{Draft, Open, Paused, Filled, Closed}

// Actor is who moves an opening: its organisation's users, the
// organisation's accountmanager, an admin. Others cannot write the opening
// at all (writableOrganisation answers 403 before the machine is asked).
type Actor string

// The actors.
const (
	Organisation   Actor = "organisation"
	Accountmanager Actor = "accountmanager"
	Admin          Actor = "admin"
)

// actorOf is the actor a principal acts as; a principal who is none of
// them gets "", which no rule allows.
func actorOf(p authz.Principal) Actor {
	switch {
	case p.Role.IsOrganisationRole():
		return Organisation
	case p.Role == authz.Accountmanager:
		return Accountmanager
	case p.Role == authz.Admin:
		return Admin
	}
	return ""
}

type stateRule = statemachine.Rule[State, Actor]

var movers = []Actor{Organisation, Accountmanager, Admin}

// machine lists, per target state, where it may come from and who may move
// it: draft → open ⇄ paused → filled | closed; a draft may be closed
// unpublished. Filled and closed are final.
var machine = statemachine.Machine[State, Actor]{Noun: "An opening", Err: ErrTransition, NamesNL: stateNL, Rules: map[State]stateRule{
	Open:   {From: []State{Draft, Paused}, Actors: movers},
	Paused: {From: []State{Open}, Actors: movers},
	Filled: {From: []State{Open, Paused}, Actors: movers},
	Closed: {From: []State{Draft, Open, Paused}, Actors: movers},
}}

var stateNL = map[State]string{Draft: "concept", Open: "open", Paused: "gepauzeerd", Filled: "vervuld", Closed: "gesloten"}

// ErrTransition is a state change the machine does not allow (409).
var ErrTransition = errors.New("state transition not allowed")

// Check reports whether actor may move an opening from one state to
// another: a wrong state is ErrTransition (a 409 naming both states), a
// wrong actor apperr.ErrForbidden.
func Check(from, to State, actor Actor) error { return machine.Check(from, to, actor) }

// next lists the states an opening may move to from one state, in journey
// order.
func next(from State) []State {
	var out []State
	for _, to := range States {
		if slices.Contains(machine.Rules[to].From, from) {
			out = append(out, to)
		}
	}
	return out
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
		add("hoursMin", "range", msg.M("field.hoursPerWeekRange"))
	}
	if t.HoursMax < 1 || t.HoursMax > 60 {
		add("hoursMax", "range", msg.M("field.hoursPerWeekRange"))
	}
	if t.HoursMin > t.HoursMax {
		add("hoursMax", "minMax", msg.M("field.maximumBelowMinimum"))
	}
	if t.Kind == Vacature {
		if t.WageMinCents < 0 || t.WageMaxCents < 0 {
			add("wageMinCents", "minimum", msg.M("opening.wageMinCentsMinimum"))
		}
		if t.WageMaxCents > 0 && t.WageMinCents > t.WageMaxCents {
			add("wageMaxCents", "minMax", msg.M("opening.wageMaxCentsMinMax"))
		}
	} else if t.WageMinCents != 0 || t.WageMaxCents != 0 {
		add("wageMinCents", "notAllowed", msg.M("opening.wageMinCentsNotAllowed"))
	}
	if t.Places < 1 {
		add("places", "minimum", msg.M("opening.placesMinimum"))
	}
	if t.IsNew && !t.StartDate.IsZero() && t.StartDate.Before(t.Today) {
		add("startDate", "minimum", msg.M("opening.startDateMinimum"))
	}
	if len(fields) > 0 {
		return &apperr.InvalidError{Fields: fields}
	}
	return nil
}
