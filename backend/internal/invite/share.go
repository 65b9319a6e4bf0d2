package invite

import (
	"context"
	"fmt"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// Share is Jouw aandeel: the placements credited to one klantmanager or
// accountmanager that started in a period, how many were still at work at
// 13 and 26 weeks, and the thank-yous they received in the period.
type Share struct {
	From, To       time.Time
	Placements     int
	Week13, Week26 Retention
	ThankYous      []ThankYouReceived
}

// Retention counts the placements whose 13- or 26-week point has passed:
// still at work (answered yes), no longer (answered no, or ended before the
// point), and not answered yet.
type Retention struct {
	Due, StillEmployed, Ended, Unanswered int
}

// ThankYouReceived is a thank-you as its recipient sees it: from an
// organisation (by name) or from "een kandidaat" (OrganisationName empty).
type ThankYouReceived struct {
	ID, Message, SenderKind, OrganisationName string
	CreatedAt                                 time.Time
}

// creditedPlacement is what Retention needs of one placement.
type creditedPlacement struct {
	StartDate                time.Time
	EndedOn                  *time.Time
	Still13, Still26         *bool
	Cancelled13, Cancelled26 bool
	Answered13, Answered26   bool
}

// ShareDefaultMonths is the default period of Jouw aandeel.
const ShareDefaultMonths = 12

// MyShare is Jouw aandeel of p (a klantmanager or an accountmanager) for
// the placements that started between from and to (dates; nil: the last 12
// months up to today).
func (s *Service) MyShare(ctx context.Context, p authz.Principal, from, to *time.Time) (Share, error) {
	col := map[authz.Role]string{authz.Klantmanager: "pl.klantmanager_id", authz.Accountmanager: "pl.accountmanager_id"}[p.Role]
	if col == "" {
		return Share{}, fmt.Errorf("share: %w", apperr.ErrForbidden)
	}
	today := s.today()
	sh := Share{To: today, From: today.AddDate(0, -ShareDefaultMonths, 0)}
	if to != nil {
		sh.To = *to
	}
	if from != nil {
		sh.From = *from
	} else if to != nil {
		sh.From = sh.To.AddDate(0, -ShareDefaultMonths, 0)
	}
	if sh.From.After(sh.To) {
		return Share{}, apperr.Invalid("from", "range", msg.M("thanks.periodRange"))
	}
	db := s.DB.WithContext(ctx)
	var rows []creditedPlacement
	err := db.Table("placements pl").Select(`pl.start_date, pl.ended_on,
		f13.still_employed AS still13, f13.cancelled_at IS NOT NULL AS cancelled13, f13.answered_at IS NOT NULL AS answered13,
		f26.still_employed AS still26, f26.cancelled_at IS NOT NULL AS cancelled26, f26.answered_at IS NOT NULL AS answered26`).
		Joins("LEFT JOIN follow_ups f13 ON f13.placement_id = pl.id AND f13.week = 13").
		Joins("LEFT JOIN follow_ups f26 ON f26.placement_id = pl.id AND f26.week = 26").
		Where("pl.region_id = ? AND "+col+" = ? AND pl.start_date BETWEEN ? AND ?", p.RegionID, p.UserID, sh.From, sh.To).
		Scan(&rows).Error
	if err != nil {
		return Share{}, err
	}
	sh.Placements = len(rows)
	for _, r := range rows {
		sh.Week13.add(today, r.StartDate, 13, r.EndedOn, r.Answered13, r.Still13, r.Cancelled13)
		sh.Week26.add(today, r.StartDate, 26, r.EndedOn, r.Answered26, r.Still26, r.Cancelled26)
	}
	err = db.Table("thank_yous t").Select("t.id, t.message, t.sender_kind, COALESCE(org.name, '') AS organisation_name, t.created_at").
		Joins("LEFT JOIN organisation_directory org ON org.id = t.organisation_id").
		Where("t.region_id = ? AND t.recipient_id = ? AND t.created_at >= ? AND t.created_at < ?", p.RegionID, p.UserID, sh.From, sh.To.AddDate(0, 0, 1)).
		Order("t.created_at DESC, t.id").Limit(200).Scan(&sh.ThankYous).Error
	return sh, err
}

// add counts one placement at its week-w point, if that point has passed
// by today.
func (r *Retention) add(today, start time.Time, w int, endedOn *time.Time, answered bool, still *bool, cancelled bool) {
	point := start.AddDate(0, 0, 7*w)
	if point.After(today) {
		return
	}
	r.Due++
	switch {
	case answered && still != nil && *still:
		r.StillEmployed++
	case answered, cancelled, endedOn != nil && !endedOn.After(point):
		r.Ended++
	default:
		r.Unanswered++
	}
}
