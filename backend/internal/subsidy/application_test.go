package subsidy

import (
	"errors"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
)

// The rule table: who may take which step from where, and what a refused
// step answers.
func TestApplicationSteps(t *testing.T) {
	for _, c := range []struct {
		from, to AppState
		actor    Actor
		code     string // "" allowed, "forbidden", or the 409's code
	}{
		{Applied, Assessed, ByAccountmanager, ""},
		{Assessed, Assessed, ByAdmin, ""},
		{Assessed, Granted, ByAccountmanager, ""},
		{Applied, Refused, ByAdmin, ""},
		{Applied, Withdrawn, ByOrganisation, ""},
		{Granted, Ended, BySystem, ""},
		{Applied, Granted, ByOrganisation, "forbidden"},
		{Applied, Withdrawn, ByAccountmanager, "forbidden"},
		{Granted, Refused, ByAccountmanager, "alreadyDecided"},
		{Refused, Granted, ByAdmin, "alreadyDecided"},
		{Granted, Withdrawn, ByOrganisation, "alreadyDecided"},
		{Withdrawn, Assessed, ByAccountmanager, "applicationClosed"},
		{Applied, Ended, BySystem, "stateTransition"},
	} {
		err := CheckStep(c.from, c.to, c.actor)
		var ce *apperr.ConflictError
		switch {
		case c.code == "" && err != nil:
			t.Errorf("%s → %s by %s: %v", c.from, c.to, c.actor, err)
		case c.code == "forbidden" && !errors.Is(err, apperr.ErrForbidden):
			t.Errorf("%s → %s by %s: %v, want forbidden", c.from, c.to, c.actor, err)
		case c.code != "" && c.code != "forbidden" && (!errors.As(err, &ce) || ce.Code != c.code || !errors.Is(err, ErrTransition)):
			t.Errorf("%s → %s by %s: %v, want 409 %s", c.from, c.to, c.actor, err, c.code)
		}
	}
}

// A reminder is met when what it asks for is done.
func TestDeadlineMet(t *testing.T) {
	type app = struct {
		State    string
		Assessed bool
	}
	if met("lksApply", nil) || !met("lksApply", []app{{State: "applied"}}) {
		t.Error("lksApply is met by an application, and only then")
	}
	if met("lksFlatRateEnds", []app{{State: "applied"}}) || !met("lksFlatRateEnds", []app{{State: "assessed", Assessed: true}}) {
		t.Error("the flat rate's end is met by an assessed loonwaarde")
	}
	if met("lkvRequest", []app{{State: "granted", Assessed: true}}) {
		t.Error("an LKS application does not meet UWV's LKV request")
	}
}
