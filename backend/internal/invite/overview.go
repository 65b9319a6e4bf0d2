package invite

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
)

// Overview is the work waiting for p on their start page, as counts: the
// invites and follow-ups p sees (organisation users their organisation's,
// accountmanagers their portfolio's, klantmanagers their caseload's,
// kandidaten their own, admins the region's) and, for klantmanagers, the
// caseload to confirm. A count that does not apply to p's role is nil.
type Overview struct {
	// InvitesAwaitingKandidaat: sent, not answered yet.
	InvitesAwaitingKandidaat *int
	// InvitesAwaitingApproval: waiting for the accountmanager's approval.
	InvitesAwaitingApproval *int
	// FollowUpsDue: "nog in dienst?" to answer now.
	FollowUpsDue *int
	// CandidatesToConfirm: the klantmanager's caseload not confirmed recently.
	CandidatesToConfirm *int
}

// MyOverview counts the work waiting for p.
func (s *Service) MyOverview(ctx context.Context, p authz.Principal) (Overview, error) {
	db := s.DB.WithContext(ctx)
	var o Overview
	count := func(into **int, q *gorm.DB) error {
		var n int64
		if err := q.Count(&n).Error; err != nil {
			return err
		}
		v := int(n)
		*into = &v
		return nil
	}
	invites := func(states ...State) *gorm.DB {
		q := scope(db.Table("invites i").Joins("JOIN candidate_codes c ON c.id = i.candidate_id"), p).Where("i.state IN ?", states)
		if p.Role == authz.Accountmanager {
			q = q.Joins("JOIN organisation_directory org ON org.id = i.organisation_id").Where("org.accountmanager_id = ?", p.UserID)
		}
		return q
	}
	due := func() *gorm.DB {
		return followUps(db, p).Where("f.due_on <= ? AND f.answered_at IS NULL AND f.cancelled_at IS NULL", s.today())
	}
	var err error
	switch p.Role {
	case authz.Werkgever, authz.Zorgaanbieder:
		err = firstErr(count(&o.InvitesAwaitingKandidaat, invites(Invited, Viewed)), count(&o.FollowUpsDue, due()))
	case authz.Accountmanager, authz.Admin:
		err = firstErr(count(&o.InvitesAwaitingApproval, invites(AwaitingApproval)), count(&o.FollowUpsDue, due()))
	case authz.Klantmanager:
		err = count(&o.InvitesAwaitingKandidaat, invites(Invited, Viewed))
		if err == nil {
			var n int
			n, err = s.Candidates.ToConfirm(ctx, db, p.RegionID, p.UserID)
			o.CandidatesToConfirm = &n
		}
	case authz.Kandidaat:
		err = count(&o.InvitesAwaitingKandidaat, invites(Invited, Viewed))
	default:
		err = fmt.Errorf("overview: %w", apperr.ErrForbidden)
	}
	return o, err
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
