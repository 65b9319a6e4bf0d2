package matching

import (
	"context"
	"time"
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
	var rows []Week
	err := s.DB.WithContext(ctx).Raw(`SELECT to_char(date_trunc('week', viewed_at AT TIME ZONE 'Europe/Amsterdam'), 'IYYY-"W"IW') AS week,
		count(DISTINCT opening_id) AS openings FROM pool_views
		WHERE candidate_id = ? AND region_id = ? AND viewer_role IN ('werkgever', 'zorgaanbieder') AND viewed_at > ?
		GROUP BY 1 ORDER BY 1`, candidateID, regionID, since).Scan(&rows).Error
	return rows, err
}
