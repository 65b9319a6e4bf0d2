package booking

import (
	"errors"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
)

// Every from → to pair and actor: allowed exactly where rules say; wrong
// state 409, wrong actor 403.
func TestCheck(t *testing.T) {
	actors := []Actor{Organisation, Accountmanager, Provider, Admin, System, Stripe}
	allowed := 0
	for _, from := range States {
		for _, to := range States {
			for _, a := range actors {
				err := Check(from, to, a)
				r, ok := machine.Rules[to]
				want := ok && contains(r.From, from) && contains(r.Actors, a)
				if want != (err == nil) {
					t.Errorf("%s → %s by %s: %v", from, to, a, err)
				}
				if err != nil && !errors.Is(err, ErrTransition) && !errors.Is(err, apperr.ErrForbidden) {
					t.Errorf("%s → %s by %s: %v", from, to, a, err)
				}
				if err == nil {
					allowed++
				}
			}
		}
	}
	if allowed < 20 {
		t.Fatalf("only %d allowed transitions", allowed)
	}
	for _, c := range []struct {
		from, to State
		actor    Actor
		ok       bool
	}{
		{Completed, Cancelled, Organisation, false}, {AwaitingPayment, Paid, Organisation, false}, {AwaitingPayment, Paid, Stripe, true},
		{AwaitingApproval, Approved, Organisation, false}, {Paid, Confirmed, Provider, true}, {Confirmed, Completed, Provider, false},
		{Expired, Paid, Stripe, false}, {Paid, Cancelled, Organisation, true},
	} {
		if err := Check(c.from, c.to, c.actor); (err == nil) != c.ok {
			t.Errorf("%s → %s by %s: %v", c.from, c.to, c.actor, err)
		}
	}
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// The cancellation policy: free until N hours before the start (or until
// the provider confirms a service without a start), then the percentage.
func TestFee(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	in := func(h int) *time.Time { t := now.Add(time.Duration(h) * time.Hour); return &t }
	for _, c := range []struct {
		name      string
		paid      int64
		start     *time.Time
		confirmed bool
		free, pct int
		want      int64
	}{
		{"long before", 40000, in(72), true, 48, 50, 0},
		{"just inside the free window", 40000, in(49), false, 48, 50, 0},
		{"inside 48 hours", 40000, in(47), false, 48, 50, 20000},
		{"after the start", 40000, in(-1), true, 48, 100, 40000},
		{"no start, unconfirmed", 13600, nil, false, 48, 50, 0},
		{"no start, confirmed", 13600, nil, true, 48, 50, 6800},
		{"nothing paid", 0, in(1), true, 48, 50, 0},
		{"odd cents round down", 999, in(1), false, 48, 50, 499},
	} {
		if got := Fee(c.paid, c.start, c.confirmed, c.free, c.pct, now); got != c.want {
			t.Errorf("%s: fee %d, want %d", c.name, got, c.want)
		}
	}
}
