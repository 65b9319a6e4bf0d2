package opening

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/lib/pq"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
)

// The readers below are what other domains may ask of an opening by id,
// without naming the openings table (tables_test.go); each takes the
// caller's db, which inside a transaction is the transaction. Lists that
// show an opening's title read the opening_titles view.

// Lock holds the opening's row until tx ends, so that decisions counted per
// opening (open invites) are taken one at a time.
func (s *Service) Lock(ctx context.Context, tx *gorm.DB, id string) error {
	return tx.WithContext(ctx).Exec(`SELECT 1 FROM openings WHERE id = ? FOR UPDATE`, id).Error
}

// Offer is the work an opening offers, as a kandidaat reads it in an
// invite.
type Offer struct {
	Kind        string
	Place       string
	HoursMin    int
	HoursMax    int
	StartDate   *time.Time
	Support     []string
	Description string
	Days        []string // ma..zo, in order
	DayParts    []string // ochtend, middag, avond, nacht
}

// Offer reads what opening id offers (no tenancy check: the caller holds an
// invite for it).
func (s *Service) Offer(ctx context.Context, db *gorm.DB, id string) (Offer, error) {
	var r struct {
		Kind        string
		Place       string
		HoursMin    int
		HoursMax    int
		StartDate   *time.Time
		Support     pq.StringArray `gorm:"type:text[]"`
		Description string
		Days        pq.StringArray `gorm:"type:text[]"`
		DayParts    pq.StringArray `gorm:"type:text[]"`
	}
	if err := db.WithContext(ctx).Raw(`SELECT kind, place, hours_min, hours_max, start_date, support, description, days, day_parts FROM openings WHERE id = ?`, id).Scan(&r).Error; err != nil {
		return Offer{}, err
	}
	return Offer{Kind: r.Kind, Place: r.Place, HoursMin: r.HoursMin, HoursMax: r.HoursMax, StartDate: r.StartDate, Support: []string(r.Support),
		Description: r.Description, Days: inOrder(r.Days, Days), DayParts: inOrder(r.DayParts, DayParts)}, nil
}

// BelongsTo reports whether opening id is the organisation's.
func (s *Service) BelongsTo(ctx context.Context, db *gorm.DB, id, orgID string) (bool, error) {
	var n int64
	err := db.WithContext(ctx).Raw(`SELECT count(*) FROM openings WHERE id = ? AND organisation_id = ?`, id, orgID).Scan(&n).Error
	return n > 0, err
}

// FillIfFull marks an open or paused opening filled, in tx, once placed
// (its placements so far) reaches its places (issue 22): a vacature with one
// place is no longer open after its placement. It reports whether it did;
// an opening with places left, or already filled or closed, stays as it is.
func (s *Service) FillIfFull(ctx context.Context, tx *gorm.DB, p authz.Principal, id string, placed int, ip string) (bool, error) {
	var r Row
	if err := tx.WithContext(ctx).Clauses(clause.Locking{Strength: "UPDATE"}).Where("id = ?", id).Take(&r).Error; err != nil {
		return false, database.Translate(err, "load opening")
	}
	from := State(r.State)
	if (from != Open && from != Paused) || placed < r.Places {
		return false, nil
	}
	now := s.now()
	if err := tx.Model(&Row{}).Where("id = ?", id).Updates(map[string]any{"state": string(Filled), "filled_count": r.Places, "updated_at": now}).Error; err != nil {
		return false, database.Translate(err, "fill opening")
	}
	r.State = string(Filled)
	if err := appendEvent(ctx, tx, r, p, eventStateChanged, from, Filled, now); err != nil {
		return false, err
	}
	if err := s.enqueueSync(ctx, tx, r); err != nil {
		return false, err
	}
	return true, audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "opening.state_changed", IP: ip, SubjectType: "opening", SubjectID: id,
		Details: map[string]any{"from": string(from), "to": string(Filled), "filledCount": r.Places, "reason": "allPlacesFilled"}}))
}

// inOrder returns the values of got in the order of all.
func inOrder(got, all []string) []string {
	out := []string{}
	for _, a := range all {
		if slices.Contains(got, a) {
			out = append(out, a)
		}
	}
	return out
}

// Workplace is where an opening's work is done: what the provider of a
// person-bound service needs to find the kandidaat (package booking).
type Workplace struct {
	Title, Postcode, Place string
}

// Workplace reads opening id's title, postcode and place, in db (no
// tenancy check: the caller holds a booking for it).
func (s *Service) Workplace(ctx context.Context, db *gorm.DB, id string) (Workplace, error) {
	var w Workplace
	err := db.WithContext(ctx).Raw(`SELECT title, postcode, place FROM openings WHERE id = ?`, id).Scan(&w).Error
	if err == nil && w.Title == "" {
		err = fmt.Errorf("opening %s: %w", id, apperr.ErrNotFound)
	}
	return w, err
}
