// Package invite takes a candidate from an opening's pool to a person: an
// organisation (or its accountmanager) invites, the kandidaat decides from a
// single-use mail link or Mijn uitnodigingen, and only an explicit accept
// discloses name and contact details, to that organisation for that opening.
// Introductions, intakes, placements and the follow-ups at 4, 13 and 26
// weeks (duurzame uitstroom) continue the same invite. Every transition is
// allowed only from the right state, names its actor and is stored in the
// append-only invite_events log. The figures' summaries invite_counts and
// placement_outcomes (migration 00028) are kept by triggers in the
// transaction of every change to invites, placements, follow-ups and a
// candidate's klantmanager; no Go code writes them, and every write runs
// under READ COMMITTED (the triggers refuse other isolation levels).
package invite

import (
	"errors"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
	"github.com/werkhaven/werkhaven/backend/internal/platform/statemachine"
)

// State of an invite.
type State string

// The states: (awaiting_approval →) invited → viewed → accepted | declined |
// expired | withdrawn; accepted → introduced → intake_planned → placed |
// not_placed.
const (
	AwaitingApproval State = "awaiting_approval"
	Invited          State = "invited"
	Viewed           State = "viewed"
	Accepted         State = "accepted"
	Declined         State = "declined"
	Expired          State = "expired"
	Withdrawn        State = "withdrawn"
	Introduced       State = "introduced"
	IntakePlanned    State = "intake_planned"
	Placed           State = "placed"
	NotPlaced        State = "not_placed"
)

// States lists every state, in the order of the journey (the board's columns).
var States = []State{AwaitingApproval, Invited, Viewed, Accepted, Introduced, IntakePlanned, Placed, NotPlaced, Declined, Expired, Withdrawn}

// Open are the states in which an invite waits for the kandidaat (or for
// approval): they count against the limits.
var Open = []State{AwaitingApproval, Invited, Viewed}

// Actor is who makes a transition.
type Actor string

// The actors.
const (
	Organisation   Actor = "organisation"
	Accountmanager Actor = "accountmanager"
	Kandidaat      Actor = "kandidaat"
	Klantmanager   Actor = "klantmanager"
	Admin          Actor = "admin"
	System         Actor = "system"
)

// ActorOf is the actor a signed-in principal acts as.
func ActorOf(p authz.Principal) Actor {
	switch p.Role {
	case authz.Werkgever, authz.Zorgaanbieder:
		return Organisation
	case authz.Accountmanager:
		return Accountmanager
	case authz.Klantmanager:
		return Klantmanager
	case authz.Kandidaat:
		return Kandidaat
	case authz.Admin:
		return Admin
	}
	return System
}

type rule = statemachine.Rule[State, Actor]

var staffAndOrg = []Actor{Organisation, Accountmanager, Admin}

// staffOrgAndSystem: the system too, for a kandidaat who is erased.
var staffOrgAndSystem = []Actor{Organisation, Accountmanager, Admin, System}

// machine lists, per target state, where it may come from and who may move it.
var machine = statemachine.Machine[State, Actor]{Noun: "An invite", Err: ErrTransition, NamesNL: stateNL,
	Rules: map[State]rule{
		Invited:  {From: []State{AwaitingApproval}, Actors: []Actor{Accountmanager, Admin}},
		Viewed:   {From: []State{Invited}, Actors: []Actor{Kandidaat}},
		Accepted: {From: []State{Invited, Viewed}, Actors: []Actor{Kandidaat}},
		Declined: {From: []State{Invited, Viewed}, Actors: []Actor{Kandidaat}},
		Expired:  {From: []State{Invited, Viewed}, Actors: []Actor{System}},
		// The system withdraws and closes the invites of a kandidaat who is
		// erased (CloseForErasure).
		Withdrawn:     {From: []State{AwaitingApproval, Invited, Viewed}, Actors: staffOrgAndSystem},
		Introduced:    {From: []State{Accepted}, Actors: staffAndOrg},
		IntakePlanned: {From: []State{Accepted, Introduced, IntakePlanned}, Actors: staffAndOrg},
		Placed:        {From: []State{Introduced, IntakePlanned}, Actors: staffAndOrg},
		NotPlaced:     {From: []State{Accepted, Introduced, IntakePlanned}, Actors: staffOrgAndSystem},
	},
	Conflict: func(from State) *apperr.ConflictError {
		switch from {
		case Expired:
			return &apperr.ConflictError{Code: "inviteExpired", Msg: msg.M("invite.expired")}
		case Withdrawn:
			return &apperr.ConflictError{Code: "inviteWithdrawn", Msg: msg.M("invite.withdrawn")}
		}
		return nil
	},
}

var stateNL = map[State]string{AwaitingApproval: "wacht op goedkeuring", Invited: "uitgenodigd", Viewed: "bekeken", Accepted: "geaccepteerd",
	Declined: "afgewezen", Expired: "verlopen", Withdrawn: "ingetrokken", Introduced: "kennisgemaakt", IntakePlanned: "gesprek gepland",
	Placed: "geplaatst", NotPlaced: "niet geplaatst"}

// ErrTransition is a transition the machine does not allow (409).
var ErrTransition = errors.New("invite transition not allowed")

// Check reports whether actor may move an invite from one state to another,
// as a 409 naming both states when not.
func Check(from, to State, actor Actor) error { return machine.Check(from, to, actor) }

// DeclineReasons are the fixed answers to "waarom niet?".
var DeclineReasons = []string{"geen_interesse", "reistijd", "uren", "ander_werk", "gezondheid", "anders"}

// IntakeModes are how an intake takes place.
var IntakeModes = []string{"op_locatie", "online", "telefonisch"}

// ContractTypes of a placement.
var ContractTypes = []string{"vast", "tijdelijk", "uitzend", "oproep", "leerwerk", "proefplaatsing", "geen"}

// EndReasons of a placement that ends early.
var EndReasons = []string{"proeftijd", "contract_afgelopen", "ontslag_werkgever", "ontslag_werknemer", "ziekte", "anders"}

// FollowUpWeeks are the follow-ups after a placement starts; the last
// decides duurzame uitstroom.
var FollowUpWeeks = []int{4, 13, 26}

// Settings are a region's invite rules with the defaults filled in (what
// the region wrote is identity.RegionSettings.Invites).
type Settings struct {
	PerOpening            int  // open invites per opening
	PerOrganisationPerDay int  // invites per organisation per 24 hours
	Approval              bool // an accountmanager approves before invites leave
	TTL                   time.Duration
	RemindAfter           time.Duration
	TTLDays               int
	RemindAfterDays       int
}

// DefaultSettings apply where a region sets nothing.
var DefaultSettings = Settings{PerOpening: 25, PerOrganisationPerDay: 100, TTLDays: 7, RemindAfterDays: 3}

// Invite is one invite as its readers see it.
type Invite struct {
	ID, RegionID, OpeningID, OrganisationID, CandidateID string
	OpeningTitle, OrganisationName, CandidateCode        string
	State                                                State
	Message, Advice                                      string
	InvitedBy                                            string
	SentAt, ExpiresAt                                    *time.Time
	DeclineReason                                        string
	DeclineNote                                          string
	IntakeAt                                             *time.Time
	IntakeMode, IntakePlace                              string
	OutcomeNote                                          string
	CreatedAt, UpdatedAt                                 time.Time
	// Disclosed: the kandidaat accepted and has not withdrawn.
	Disclosed  bool
	SharePhone bool
	Placement  *Placement
	Events     []Event
}

// Event is one entry of an invite's log.
type Event struct {
	At       time.Time
	Actor    Actor
	From, To State
	Reason   string
}

// Placement is the work that came of an invite.
type Placement struct {
	ID              string
	StartDate       time.Time
	ContractType    string
	Hours           int
	HourlyWageCents int64
	// BelowMinimumWageReason says why a paid contract is below the adult
	// minimum wage: jeugdloon or loondispensatie; "" otherwise.
	BelowMinimumWageReason string
	TrialPeriodMonths      int
	EndedOn                *time.Time
	EndReason              string
	Durable                *bool
	// Thanked: whom the signed-in organisation user thanked for it
	// (klantmanager, accountmanager; Get only).
	Thanked []string
}

// Contact is what a kandidaat shared by accepting.
type Contact struct {
	Name, Email, Phone string
}
