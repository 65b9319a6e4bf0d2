package invite

import (
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// The wage rule of a placement (hardening: a paid contract at 1 cent an
// hour was accepted):
//   - unpaid kinds (proefplaatsing, geen) carry no wage;
//   - a paid contract below the lowest youth minimum wage (30% of the adult
//     minimum, the rate for 15-year-olds) cannot be a wage and is refused;
//   - below the adult minimum wage it needs its reason: jeugdloon or
//     loondispensatie; at or above it, no reason.

// minimumWage is the statutory minimum wage for 21 and older, gross per
// hour in cents, from each date on (Wet minimumloon en minimumvakantiebijslag;
// the amounts of 1 January and 1 July as the government publishes them).
// A date after the last period uses the last period; docs/operations.md
// says how to add a period.
var minimumWage = []struct {
	From  time.Time
	Cents int64
}{
	{time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), 1327},
	{time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC), 1368},
	{time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), 1406},
	{time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC), 1440},
	{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), 1471},
}

// lowestYouthShare is the youth minimum wage of a 15-year-old as a share
// of the adult minimum: below it no contract can pay.
const lowestYouthShare = 0.30

// WageReasons are why a paid placement may pay less than the adult minimum.
var WageReasons = []string{"jeugdloon", "loondispensatie"}

// Unpaid are the placement kinds that carry no wage.
var Unpaid = []string{"proefplaatsing", "geen"}

// MinimumWageOn is the adult minimum hourly wage in cents on day d, and the
// date its period began.
func MinimumWageOn(d time.Time) (cents int64, from time.Time) {
	p := minimumWage[0]
	for _, m := range minimumWage {
		if !d.Before(m.From) {
			p = m
		}
	}
	return p.Cents, p.From
}

// checkWage adds what is wrong with a placement's wage to bad.
func checkWage(bad *apperr.Fields, contract string, start time.Time, cents int64, reason string) {
	unpaid := false
	for _, u := range Unpaid {
		unpaid = unpaid || u == contract
	}
	if unpaid {
		if cents != 0 {
			bad.Add("hourlyWageCents", "unpaid", msg.M("invite.wageUnpaid"))
		}
		if reason != "" {
			bad.Add("belowMinimumWageReason", "unpaid", msg.M("invite.wageUnpaid"))
		}
		return
	}
	min, from := MinimumWageOn(start)
	floor := int64(float64(min)*lowestYouthShare + 0.5)
	switch {
	case cents < floor:
		bad.Add("hourlyWageCents", "minimum", msg.M("invite.wageBelowAny", msg.Cents(floor), msg.Cents(min)))
	case cents < min && reason == "":
		bad.Add("hourlyWageCents", "belowMinimumWage", msg.M("invite.wageBelowMinimum", msg.Cents(min), from.Format(time.DateOnly)))
	case cents >= min && reason != "":
		bad.Add("belowMinimumWageReason", "notBelowMinimum", msg.M("invite.wageNotBelowMinimum", msg.Cents(min)))
	}
}
