package invite

import (
	"errors"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
)

// Every from → to pair and every actor: allowed exactly where rules say,
// a 409 (ErrTransition) for a wrong state, 403 (ErrForbidden) for a wrong actor.
func TestCheck(t *testing.T) {
	actors := []Actor{Organisation, Accountmanager, Kandidaat, Klantmanager, Admin, System}
	allowed := map[[3]string]bool{}
	for to, r := range rules {
		for _, from := range r.from {
			for _, a := range r.actors {
				allowed[[3]string{string(from), string(to), string(a)}] = true
			}
		}
	}
	n := 0
	for _, from := range States {
		for _, to := range States {
			for _, a := range actors {
				err := Check(from, to, a)
				want := allowed[[3]string{string(from), string(to), string(a)}]
				if want != (err == nil) {
					t.Errorf("%s → %s by %s: %v, want allowed=%v", from, to, a, err, want)
				}
				if err != nil && !errors.Is(err, ErrTransition) && !errors.Is(err, apperr.ErrForbidden) {
					t.Errorf("%s → %s by %s: %v is neither a transition nor a forbidden error", from, to, a, err)
				}
				n++
			}
		}
	}
	if n != len(States)*len(States)*len(actors) || len(allowed) < 20 {
		t.Fatalf("checked %d, %d allowed", n, len(allowed))
	}
	// The journey's spine, and the refusals the issue names.
	for _, c := range []struct {
		from, to State
		actor    Actor
		ok       bool
	}{
		{Invited, Accepted, Kandidaat, true}, {Viewed, Declined, Kandidaat, true}, {Invited, Expired, System, true},
		{Accepted, Introduced, Organisation, true}, {IntakePlanned, Placed, Accountmanager, true},
		{Expired, Accepted, Kandidaat, false}, {Withdrawn, Accepted, Kandidaat, false}, {Invited, Placed, Organisation, false},
		{Accepted, Placed, Organisation, false}, {Invited, Accepted, Organisation, false}, {AwaitingApproval, Invited, Organisation, false},
	} {
		if err := Check(c.from, c.to, c.actor); (err == nil) != c.ok {
			t.Errorf("%s → %s by %s: %v", c.from, c.to, c.actor, err)
		}
	}
	var ce *apperr.ConflictError
	if err := Check(Expired, Accepted, Kandidaat); !errors.As(err, &ce) || ce.Code != "inviteExpired" {
		t.Errorf("accept after expiry: %v", err)
	}
}
