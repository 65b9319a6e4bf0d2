// Package insight answers GET /figures: for the cohort of openings
// published in a period, the funnel from publication to lasting work, the
// rates between its stages with their 95% Wilson intervals, the times
// between steps, and the same funnel per service, occupation and
// organisation. Invariants:
//
//   - It only reads, and only the read-only views the owning packages
//     define (opening_facts, invite_facts, placement_facts…); it owns no
//     table and never reads personal data.
//   - Every count is a count of rows a plain SQL count over the base
//     tables gives (the tests prove it on the demo data and on generated
//     history).
//   - A follow-up whose point (4, 13 or 26 weeks after the start) has
//     passed counts in the denominator of its retention whether it was
//     answered or not; unanswered ones are their own count.
//   - A rate over fewer than 10 is marked small; a rate over 0 has no value.
//   - Scope: accountmanagers and admins see their region, klantmanagers the
//     invites and placements of their own caseload, organisation users their
//     own organisation's openings.
package insight

import (
	"math"
	"time"
)

// Period is a closed range of calendar days (Europe/Amsterdam).
type Period struct {
	From, To time.Time // dates, To inclusive
}

// Filter narrows the figures.
type Filter struct {
	Period
	OccupationID   string
	OrganisationID string
	// Service keeps only that service kind in PerService.
	Service string
}

// Retention is what the follow-ups at one week say about the placements
// whose point at that week has passed (Due): still employed (Yes), no
// longer (No, including follow-ups cancelled after an earlier "no"), or
// not answered yet (Unanswered). Yes + No + Unanswered = Due.
type Retention struct {
	Due, Yes, No, Unanswered int
}

// Funnel counts one cohort's stages.
type Funnel struct {
	OpeningsPublished     int
	OpeningsWithPoolViews int
	InvitesSent           int
	InvitesAccepted       int
	InvitesDeclined       int
	InvitesExpired        int
	IntakesPlanned        int
	Placements            int
	StillEmployed4w       Retention
	StillEmployed13w      Retention
	StillEmployed26w      Retention
}

// add sums b into f.
func (f *Funnel) add(b Funnel) {
	f.OpeningsPublished += b.OpeningsPublished
	f.OpeningsWithPoolViews += b.OpeningsWithPoolViews
	f.InvitesSent += b.InvitesSent
	f.InvitesAccepted += b.InvitesAccepted
	f.InvitesDeclined += b.InvitesDeclined
	f.InvitesExpired += b.InvitesExpired
	f.IntakesPlanned += b.IntakesPlanned
	f.Placements += b.Placements
	f.StillEmployed4w.add(b.StillEmployed4w)
	f.StillEmployed13w.add(b.StillEmployed13w)
	f.StillEmployed26w.add(b.StillEmployed26w)
}

func (r *Retention) add(b Retention) {
	r.Due, r.Yes, r.No, r.Unanswered = r.Due+b.Due, r.Yes+b.Yes, r.No+b.No, r.Unanswered+b.Unanswered
}

// SmallN is the n below which a rate is marked small.
const SmallN = 10

// Rate is Numerator out of N between two stages, with its 95% Wilson
// interval. Value, Low and High are nil when N is 0.
type Rate struct {
	From, To         string
	Numerator, N     int
	Value, Low, High *float64
	Small            bool
}

// z is the 97.5th percentile of the standard normal distribution.
const z = 1.959963984540054

// Wilson returns the 95% Wilson score interval of k successes out of n;
// ok is false when n is 0 (no interval).
func Wilson(k, n int) (low, high float64, ok bool) {
	if n <= 0 || k < 0 || k > n {
		return 0, 0, false
	}
	nf, p := float64(n), float64(k)/float64(n)
	z2 := z * z
	den := 1 + z2/nf
	centre := (p + z2/(2*nf)) / den
	half := z * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf)) / den
	return math.Max(0, centre-half), math.Min(1, centre+half), true
}

// NewRate builds the rate k/n from one stage to another.
func NewRate(from, to string, k, n int) Rate {
	r := Rate{From: from, To: to, Numerator: k, N: n, Small: n < SmallN}
	if low, high, ok := Wilson(k, n); ok {
		v := float64(k) / float64(n)
		r.Value, r.Low, r.High = &v, &low, &high
	}
	return r
}

// Rates are the rates between a funnel's consecutive stages; each
// numerator is a subset of its n. The retention rates count the
// placements whose point has passed, unanswered follow-ups included.
func (f Funnel) Rates() []Rate {
	return []Rate{
		NewRate("openingsPublished", "openingsWithPoolViews", f.OpeningsWithPoolViews, f.OpeningsPublished),
		NewRate("invitesSent", "invitesAccepted", f.InvitesAccepted, f.InvitesSent),
		NewRate("invitesSent", "invitesDeclined", f.InvitesDeclined, f.InvitesSent),
		NewRate("invitesSent", "invitesExpired", f.InvitesExpired, f.InvitesSent),
		NewRate("invitesAccepted", "intakesPlanned", f.IntakesPlanned, f.InvitesAccepted),
		NewRate("invitesAccepted", "placements", f.Placements, f.InvitesAccepted),
		retentionRate("stillEmployed4w", f.StillEmployed4w),
		retentionRate("stillEmployed13w", f.StillEmployed13w),
		retentionRate("stillEmployed26w", f.StillEmployed26w),
	}
}

func retentionRate(to string, r Retention) Rate { return NewRate("placements", to, r.Yes, r.Due) }

// Duration is the median and 90th percentile of one step's time, in
// hours, over N cases (nil when N is 0).
type Duration struct {
	Name        string
	N           int
	MedianHours *float64
	P90Hours    *float64
}

// The steps whose times the figures give.
const (
	PublishToFirstInvite     = "publishToFirstInvite"
	InviteToDecision         = "inviteToDecision"
	ReviewRequestToAnswer    = "reviewRequestToAnswer"
	BookingRequestToApproval = "bookingRequestToApproval"
)

// ServiceGroup is the placements with (With) or without a service, and
// their retention at 13 and 26 weeks: a difference between groups, not an
// effect of the service.
type ServiceGroup struct {
	Service          string
	With             bool
	Placements       int
	StillEmployed13w Retention
	StillEmployed26w Retention
	Retention13w     Rate
	Retention26w     Rate
}

// Group is the funnel of one occupation or organisation.
type Group struct {
	ID, Label string
	Funnel    Funnel
	Rates     []Rate
}

// Figures is the whole answer.
type Figures struct {
	Period          Period
	Funnel          Funnel
	Rates           []Rate
	Times           []Duration
	PerService      []ServiceGroup
	PerOccupation   []Group
	PerOrganisation []Group
}
