package invite

import (
	"context"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// FollowUp is one "nog in dienst?" task after a placement.
type FollowUp struct {
	ID, PlacementID, InviteID                     string
	Week                                          int
	DueOn                                         time.Time
	CandidateCode, OrganisationName, OpeningTitle string
	AnsweredAt                                    *time.Time
	StillEmployed                                 *bool
	Cancelled                                     bool
}

type followUpRow struct {
	ID               string
	PlacementID      string
	InviteID         string
	Week             int
	DueOn            time.Time
	CandidateCode    string
	OrganisationName string
	OpeningTitle     string
	AnsweredAt       *time.Time
	StillEmployed    *bool
	CancelledAt      *time.Time
	OrganisationID   string
	RegionID         string
	KlantmanagerID   string
	CandidateID      string
}

const followUpSelect = `f.id, f.placement_id, pl.invite_id, f.week, f.due_on, c.public_code AS candidate_code, org.name AS organisation_name,
	o.title AS opening_title, f.answered_at, f.still_employed, f.cancelled_at, f.organisation_id, f.region_id, c.klantmanager_id, pl.candidate_id`

// followUpView is follow-ups with the candidate's code, the organisation's
// name and the opening's title (from the views their packages define).
func followUpView(db *gorm.DB) *gorm.DB {
	return db.Table("follow_ups f").Select(followUpSelect).
		Joins("JOIN placements pl ON pl.id = f.placement_id").
		Joins("JOIN candidate_codes c ON c.id = pl.candidate_id").
		Joins("JOIN organisation_directory org ON org.id = f.organisation_id").
		Joins("JOIN opening_titles o ON o.id = pl.opening_id")
}

// followUps are the follow-ups p answers.
func followUps(db *gorm.DB, p authz.Principal) *gorm.DB {
	q := followUpView(db).Where("f.region_id = ?", p.RegionID)
	switch {
	case p.Role.IsOrganisationRole():
		return q.Where("f.organisation_id = ?", p.OrganisationID)
	case p.Role == authz.Accountmanager:
		return q.Where("org.accountmanager_id = ?", p.UserID)
	case p.Role == authz.Admin:
		return q
	}
	return q.Where("false")
}

func (r followUpRow) toFollowUp() FollowUp {
	return FollowUp{ID: r.ID, PlacementID: r.PlacementID, InviteID: r.InviteID, Week: r.Week, DueOn: r.DueOn, CandidateCode: r.CandidateCode,
		OrganisationName: r.OrganisationName, OpeningTitle: r.OpeningTitle, AnsweredAt: r.AnsweredAt, StillEmployed: r.StillEmployed, Cancelled: r.CancelledAt != nil}
}

func (s *Service) today() time.Time {
	y, m, d := s.now().In(amsterdam).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

var amsterdam = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		panic(err)
	}
	return loc
}()

// FollowUps lists the follow-up tasks p answers: accountmanagers those of
// their portfolio, organisation users their own, admins the region's. With
// due, only those due today or earlier and not answered.
func (s *Service) FollowUps(ctx context.Context, p authz.Principal, due bool) ([]FollowUp, error) {
	if !p.Has(authz.Accountmanager, authz.Admin, authz.Werkgever, authz.Zorgaanbieder) {
		return nil, fmt.Errorf("follow-ups: %w", apperr.ErrForbidden)
	}
	q := followUps(s.DB.WithContext(ctx), p)
	if due {
		q = q.Where("f.due_on <= ? AND f.answered_at IS NULL AND f.cancelled_at IS NULL", s.today())
	}
	var rows []followUpRow
	if err := q.Order("f.due_on, f.id").Limit(500).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]FollowUp, len(rows))
	for i, r := range rows {
		out[i] = r.toFollowUp()
	}
	return out, nil
}

// Answer is the reply to "nog in dienst?".
type Answer struct {
	StillEmployed bool
	EndedOn       *time.Time
	EndReason     string
}

// AnswerFollowUp records whether the placed kandidaat still works there.
// Yes at 26 weeks is duurzame uitstroom; no records when and why the
// placement ended and cancels the later follow-ups.
func (s *Service) AnswerFollowUp(ctx context.Context, p authz.Principal, id string, a Answer, ip string) (FollowUp, error) {
	var bad apperr.Fields
	if !a.StillEmployed {
		if a.EndedOn == nil {
			bad.Add("endedOn", "required", msg.M("invite.endedOnRequired"))
		}
		if !slices.Contains(EndReasons, a.EndReason) {
			bad.Add("endReason", "enum", msg.M("invite.reasonEnum"))
		}
	} else if a.EndedOn != nil || a.EndReason != "" {
		bad.Add("endReason", "notAllowed", msg.M("invite.endReasonNotAllowed"))
	}
	if len(bad) > 0 {
		return FollowUp{}, &apperr.InvalidError{Fields: bad}
	}
	var out followUpRow
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if !p.Has(authz.Accountmanager, authz.Admin, authz.Werkgever, authz.Zorgaanbieder) {
			return fmt.Errorf("answer follow-up: %w", apperr.ErrForbidden)
		}
		var r followUpRow
		if err := followUps(tx, p).Where("f.id = ?", id).Take(&r).Error; err != nil {
			return database.Translate(err, "load follow-up")
		}
		if err := tx.Exec(`SELECT 1 FROM follow_ups WHERE id = ? FOR UPDATE`, id).Error; err != nil {
			return err
		}
		if err := tx.Raw(`SELECT answered_at, cancelled_at FROM follow_ups WHERE id = ?`, id).Row().Scan(&r.AnsweredAt, &r.CancelledAt); err != nil {
			return err
		}
		switch {
		case r.AnsweredAt != nil || r.CancelledAt != nil:
			return &apperr.ConflictError{Code: "followUpClosed", Msg: msg.M("invite.followUpClosed")}
		case r.DueOn.After(s.today()):
			return &apperr.ConflictError{Code: "followUpNotDue", Msg: msg.M("invite.followUpNotDue", r.DueOn.Format("2-1-2006"))}
		}
		now := s.now()
		if err := tx.Exec(`UPDATE follow_ups SET answered_at = ?, answered_by = ?, still_employed = ? WHERE id = ?`, now, p.UserID, a.StillEmployed, id).Error; err != nil {
			return err
		}
		r.AnsweredAt, r.StillEmployed = &now, &a.StillEmployed
		switch {
		case a.StillEmployed && r.Week == 26:
			if err := tx.Exec(`UPDATE placements SET durable = true WHERE id = ?`, r.PlacementID).Error; err != nil {
				return err
			}
		case !a.StillEmployed:
			if err := tx.Exec(`UPDATE placements SET ended_on = ?, end_reason = ?, durable = false WHERE id = ?`, *a.EndedOn, a.EndReason, r.PlacementID).Error; err != nil {
				return database.Translate(err, "end placement")
			}
			if err := tx.Exec(`UPDATE follow_ups SET cancelled_at = ? WHERE placement_id = ? AND answered_at IS NULL AND id <> ?`, now, r.PlacementID, id).Error; err != nil {
				return err
			}
			am, err := s.Organisations.Accountmanager(ctx, tx, r.OrganisationID)
			if err != nil {
				return err
			}
			n := notification.Notice{Kind: notification.PlacementEnded, Link: "/kandidaten/" + r.CandidateID,
				TitleNL: fmt.Sprintf("Het werk van %s bij %s is gestopt.", r.CandidateCode, r.OrganisationName),
				TitleEN: fmt.Sprintf("%s no longer works at %s.", r.CandidateCode, r.OrganisationName)}
			if err := s.Notify.Notify(ctx, tx, n, r.KlantmanagerID); err != nil {
				return err
			}
			n.Link = "/uitnodigingen/" + r.InviteID
			if err := s.Notify.Notify(ctx, tx, n, am); err != nil {
				return err
			}
		}
		out = r
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "placement.follow_up_answered", IP: ip, SubjectType: "placement",
			SubjectID: r.PlacementID, Details: map[string]any{"week": r.Week, "stillEmployed": a.StillEmployed}}))
	})
	if err != nil {
		return FollowUp{}, err
	}
	return out.toFollowUp(), nil
}

// PlacementItem is a placement in a list, by public code only.
type PlacementItem struct {
	ID, InviteID, OrganisationID, OrganisationName, OpeningTitle, CandidateCode string
	StartDate                                                                   time.Time
	Hours                                                                       int
	ContractType                                                                string
	EndedOn                                                                     *time.Time
	Durable                                                                     *bool
}

// Placements lists the placements p follows: organisation users their
// own, accountmanagers and admins the region's (newest first, at most 500).
func (s *Service) Placements(ctx context.Context, p authz.Principal, organisationID string) ([]PlacementItem, error) {
	q := s.DB.WithContext(ctx).Table("placements pl").Select(`pl.id, pl.invite_id, pl.organisation_id, org.name AS organisation_name, o.title AS opening_title,
		c.public_code AS candidate_code, pl.start_date, pl.hours, pl.contract_type, pl.ended_on, pl.durable`).
		Joins("JOIN organisation_directory org ON org.id = pl.organisation_id").Joins("JOIN opening_titles o ON o.id = pl.opening_id").
		Joins("JOIN candidate_codes c ON c.id = pl.candidate_id").Where("pl.region_id = ?", p.RegionID)
	switch {
	case p.Role.IsOrganisationRole():
		q = q.Where("pl.organisation_id = ?", p.OrganisationID)
	case p.Has(authz.Accountmanager, authz.Admin):
	default:
		return nil, fmt.Errorf("placements: %w", apperr.ErrForbidden)
	}
	if organisationID != "" {
		q = q.Where("pl.organisation_id = ?", organisationID)
	}
	var out []PlacementItem
	err := q.Order("pl.start_date DESC, pl.id").Limit(500).Scan(&out).Error
	return out, err
}
