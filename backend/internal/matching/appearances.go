package matching

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/candidate"
)

// Week is how often a candidate appeared in pools in one ISO week.
type Week struct {
	Week     string // e.g. 2026-W48
	Openings int    // distinct openings whose pool showed the candidate
}

// Appearances counts, per week since since, the distinct openings whose
// organisation (werkgever or zorgaanbieder) saw the candidate in its pool:
// counts only, never who looked.
func (s *Service) Appearances(ctx context.Context, regionID, candidateID string, since time.Time) ([]Week, error) {
	return appearances(ctx, s.DB, regionID, candidateID, since)
}

func appearances(ctx context.Context, db *gorm.DB, regionID, candidateID string, since time.Time) ([]Week, error) {
	var rows []Week
	err := db.WithContext(ctx).Raw(`SELECT to_char(date_trunc('week', viewed_at AT TIME ZONE 'Europe/Amsterdam'), 'IYYY-"W"IW') AS week,
		count(DISTINCT opening_id) AS openings FROM pool_views
		WHERE candidate_id = ? AND region_id = ? AND viewer_role IN ('werkgever', 'zorgaanbieder') AND viewed_at > ?
		GROUP BY 1 ORDER BY 1`, candidateID, regionID, since).Scan(&rows).Error
	return rows, err
}

// CandidatePools are, for the kandidaat's export (AVG art. 15), the
// accountmanagers' recommendations of candidateID and every week it
// appeared in pools (counts only, as Appearances), read in db.
func (s *Service) CandidatePools(ctx context.Context, db *gorm.DB, regionID, candidateID string) (candidate.PoolRecords, error) {
	out := candidate.PoolRecords{Pins: []candidate.PinRecord{}, Weeks: []candidate.WeekRecord{}}
	if err := db.WithContext(ctx).Raw(`SELECT o.title AS opening_title, coalesce(org.name, '') AS organisation_name, p.note, p.pinned_by::text AS pinned_by, p.pinned_at
		FROM pool_pins p JOIN opening_titles o ON o.id = p.opening_id LEFT JOIN organisation_directory org ON org.id = o.organisation_id
		WHERE p.candidate_id = ? AND p.region_id = ? ORDER BY p.pinned_at DESC`, candidateID, regionID).Scan(&out.Pins).Error; err != nil {
		return candidate.PoolRecords{}, err
	}
	weeks, err := appearances(ctx, db, regionID, candidateID, time.Time{})
	for _, w := range weeks {
		out.Weeks = append(out.Weeks, candidate.WeekRecord(w))
	}
	return out, err
}
