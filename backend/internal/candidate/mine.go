package candidate

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
)

// mine loads the signed-in kandidaat's own candidate.
func (s *Service) mine(ctx context.Context, db *gorm.DB, p authz.Principal) (Row, error) {
	if p.Role != authz.Kandidaat {
		return Row{}, fmt.Errorf("not a kandidaat: %w", apperr.ErrForbidden)
	}
	var r Row
	err := db.WithContext(ctx).Where("user_id = ? AND region_id = ? AND status <> ?", p.UserID, p.RegionID, string(Erased)).Take(&r).Error
	return r, database.Translate(err, "load own profile")
}

// Mine is the kandidaat's own profile and personal data (the read is audited).
func (s *Service) Mine(ctx context.Context, p authz.Principal, ip string) (Candidate, Identity, error) {
	r, err := s.mine(ctx, s.DB, p)
	if err != nil {
		return Candidate{}, Identity{}, err
	}
	id, err := s.readIdentity(ctx, r.ID, ip, "self")
	if err != nil {
		return Candidate{}, Identity{}, err
	}
	c := s.toCandidate(r)
	return c, id, s.withLabels(ctx, &c)
}

// ConfirmMine confirms availability from the kandidaat's own session.
func (s *Service) ConfirmMine(ctx context.Context, p authz.Principal, ip string) (Candidate, error) {
	var id string
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		r, err := s.mine(ctx, tx.Clauses(lockRow()), p)
		if err != nil {
			return err
		}
		id = r.ID
		return s.confirm(ctx, tx, r, false, "kandidaat_portaal", ip)
	})
	if err != nil {
		return Candidate{}, err
	}
	var r Row
	if err := s.DB.WithContext(ctx).Where("id = ?", id).Take(&r).Error; err != nil {
		return Candidate{}, err
	}
	c := s.toCandidate(r)
	return c, s.withLabels(ctx, &c)
}

// ConsentMine records the kandidaat's own consent or its withdrawal.
func (s *Service) ConsentMine(ctx context.Context, p authz.Principal, given bool, ip string) (Candidate, error) {
	var out Row
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		r, err := s.mine(ctx, tx.Clauses(lockRow()), p)
		if err != nil {
			return err
		}
		if r.Consent == given {
			out = r // nothing changes: idempotent
			return nil
		}
		out, err = s.recordConsent(ctx, tx, r, given, "kandidaat_portaal", "", &p.UserID, ip)
		return err
	})
	if err != nil {
		return Candidate{}, err
	}
	c := s.toCandidate(out)
	return c, s.withLabels(ctx, &c)
}
