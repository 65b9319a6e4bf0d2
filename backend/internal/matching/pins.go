package matching

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// pins are an opening's pinned candidates with their notes.
func (s *Service) pins(ctx context.Context, openingID string) (map[string]string, error) {
	var rows []struct{ CandidateID, Note string }
	if err := s.DB.WithContext(ctx).Table("pool_pins").Select("candidate_id, note").Where("opening_id = ?", openingID).Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.CandidateID] = r.Note
	}
	return out, nil
}

// Pin recommends a candidate for an opening (accountmanagers and admins of
// the region). The candidate must be in the region with consent; pinning
// twice updates the note.
func (s *Service) Pin(ctx context.Context, p authz.Principal, openingID, candidateID, note, ip string) error {
	if !p.Has(authz.Admin, authz.Accountmanager) {
		return fmt.Errorf("pin: %w", apperr.ErrForbidden)
	}
	o, err := s.Openings.Get(ctx, p, openingID)
	if err != nil {
		return err
	}
	if o.State == opening.Closed || o.State == opening.Filled {
		return &apperr.ConflictError{Code: "openingFinished", Msg: msg.M("matching.pinOpeningFinished")}
	}
	consent, err := s.Candidates.Consent(ctx, p.RegionID, candidateID)
	if err != nil {
		return apperr.Invalid("candidateId", "unknown", msg.M("matching.candidateIdUnknown"))
	}
	if !consent {
		return &apperr.ConflictError{Code: "noConsent", Msg: msg.M("matching.noConsent")}
	}
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`INSERT INTO pool_pins (opening_id, candidate_id, region_id, note, pinned_by) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (opening_id, candidate_id) DO UPDATE SET note = EXCLUDED.note, pinned_by = EXCLUDED.pinned_by, pinned_at = now()`,
			openingID, candidateID, p.RegionID, strings.TrimSpace(note), p.UserID).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "pool.pinned", IP: ip, SubjectType: "opening", SubjectID: openingID,
			Details: map[string]any{"candidateId": candidateID}}))
	})
}

// Unpin removes a recommendation; removing one that is not there is a 404.
func (s *Service) Unpin(ctx context.Context, p authz.Principal, openingID, candidateID, ip string) error {
	if _, err := s.Openings.Get(ctx, p, openingID); err != nil {
		return err
	}
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Exec(`DELETE FROM pool_pins WHERE opening_id = ? AND candidate_id = ? AND region_id = ?`, openingID, candidateID, p.RegionID)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("pin: %w", apperr.ErrNotFound)
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "pool.unpinned", IP: ip, SubjectType: "opening", SubjectID: openingID,
			Details: map[string]any{"candidateId": candidateID}}))
	})
}
