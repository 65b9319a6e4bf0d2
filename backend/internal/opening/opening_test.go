package opening

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// Every from → to pair and actor: allowed exactly for the pairs below and
// the actors who may write an opening; a wrong state is a 409 with code
// stateTransition naming both states, a wrong actor a 403.
func TestStateMachine(t *testing.T) {
	allowed := map[[2]State]bool{
		{Draft, Open}: true, {Draft, Closed}: true,
		{Open, Paused}: true, {Open, Filled}: true, {Open, Closed}: true,
		{Paused, Open}: true, {Paused, Filled}: true, {Paused, Closed}: true,
	}
	for _, from := range States {
		for _, to := range States {
			for _, a := range []Actor{Organisation, Accountmanager, Admin} {
				err := Check(from, to, a)
				if allowed[[2]State{from, to}] != (err == nil) {
					t.Errorf("%s → %s by %s: %v", from, to, a, err)
				}
				if err != nil && (!errors.Is(err, ErrTransition) || !errors.Is(err, apperr.ErrConflict)) {
					t.Errorf("%s → %s must be a conflict: %v", from, to, err)
				}
			}
			if err := Check(from, to, ""); err == nil || (allowed[[2]State{from, to}] && !errors.Is(err, apperr.ErrForbidden)) {
				t.Errorf("%s → %s by nobody: %v", from, to, err)
			}
		}
		var next []State
		for _, to := range States {
			if allowed[[2]State{from, to}] {
				next = append(next, to)
			}
		}
		if got := (Opening{State: from}).AllowedStates(); !slices.Equal(got, next) {
			t.Errorf("allowed from %s: %v, want %v", from, got, next)
		}
	}
	var ce *apperr.ConflictError
	if err := Check(Filled, Open, Organisation); !errors.As(err, &ce) || ce.Code != "stateTransition" ||
		ce.Msg.In(msg.NL) != "Van vervuld naar open kan niet." || ce.Msg.In(msg.EN) != "An opening cannot go from filled to open." {
		t.Errorf("refused transition: %v", err)
	}
}

func TestKindsFor(t *testing.T) {
	if k := KindsFor("zorgaanbieder"); len(k) != 1 || k[0] != Participatieplek {
		t.Errorf("zorgaanbieder: %v", k)
	}
	if k := KindsFor("werkgever"); len(k) != 3 {
		t.Errorf("werkgever: %v", k)
	}
}

func TestCheckTerms(t *testing.T) {
	today := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	ok := Terms{Kind: Vacature, HoursMin: 24, HoursMax: 32, WageMinCents: 1450, WageMaxCents: 1800, Places: 2, StartDate: today.AddDate(0, 0, 7), IsNew: true, Today: today}
	if err := CheckTerms(ok); err != nil {
		t.Fatalf("valid terms: %v", err)
	}
	fieldsOf := func(err error) map[string]string {
		var inv *apperr.InvalidError
		if !errors.As(err, &inv) {
			return nil
		}
		out := map[string]string{}
		for _, f := range inv.Fields {
			out[f.Name] = f.Code
		}
		return out
	}
	cases := []struct {
		name  string
		edit  func(*Terms)
		field string
		code  string
	}{
		{"hours min > max", func(t *Terms) { t.HoursMin, t.HoursMax = 32, 24 }, "hoursMax", "minMax"},
		{"hours over 60", func(t *Terms) { t.HoursMax = 61 }, "hoursMax", "range"},
		{"wage min > max", func(t *Terms) { t.WageMinCents, t.WageMaxCents = 2000, 1500 }, "wageMaxCents", "minMax"},
		{"wage on a participatieplek", func(t *Terms) { t.Kind = Participatieplek }, "wageMinCents", "notAllowed"},
		{"no places", func(t *Terms) { t.Places = 0 }, "places", "minimum"},
		{"starts in the past", func(t *Terms) { t.StartDate = today.AddDate(0, 0, -1) }, "startDate", "minimum"},
	}
	for _, c := range cases {
		terms := ok
		c.edit(&terms)
		if got := fieldsOf(CheckTerms(terms)); got[c.field] != c.code {
			t.Errorf("%s: want %s/%s, got %v", c.name, c.field, c.code, got)
		}
	}
	old := ok
	old.IsNew, old.StartDate = false, today.AddDate(0, -2, 0)
	if err := CheckTerms(old); err != nil {
		t.Errorf("an existing opening may have started already: %v", err)
	}
}
