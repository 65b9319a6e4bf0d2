package opening

import (
	"context"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

// PortfolioEntry is one organisation as its accountmanager follows it.
type PortfolioEntry struct {
	OrganisationID     string
	Name               string
	Kind               string
	Postcode           string
	AccountmanagerID   string
	AccountmanagerName string
	Open, Draft        int
	Paused, Filled     int
	ReviewRequested    int // openings whose organisation asked for a review
	FairnessBlocked    int // publish attempts the fairness check blocked, last 90 days
	LastContactOn      *time.Time
	LastContactKind    string
}

// PortfolioFilter narrows and orders the portfolio.
type PortfolioFilter struct {
	// Mine keeps the caller's own organisations (the default for accountmanagers).
	Mine bool
	// AccountmanagerID keeps one accountmanager's organisations.
	AccountmanagerID string
	Kind             string
	Query            string // words in the name
	// Attention keeps organisations with a review request or blocked publication.
	Attention bool
	// Sort: name (default), lastContact (longest ago first), open (fewest
	// first); '-' first for descending.
	Sort string
}

// portfolioSorts maps the portfolio's sort fields onto columns; never
// contacted counts as longest ago.
var portfolioSorts = map[string]string{"name": "org.name", "lastContact": "coalesce(lc.occurred_on, '0001-01-01')", "open": "open"}

// Portfolio lists the region's organisations with their openings and last
// contact, for accountmanagers and admins. What it shows of organisations,
// their accountmanagers and contact moments comes from identity's views.
func (s *Service) Portfolio(ctx context.Context, p authz.Principal, f PortfolioFilter) ([]PortfolioEntry, error) {
	q := s.DB.WithContext(ctx).Table("organisation_directory org").Select(`org.id AS organisation_id, org.name, org.kind, org.postcode,
			coalesce(org.accountmanager_id::text, '') AS accountmanager_id, coalesce(am.display_name, '') AS accountmanager_name,
			coalesce(op.open, 0) AS open, coalesce(op.draft, 0) AS draft, coalesce(op.paused, 0) AS paused, coalesce(op.filled, 0) AS filled,
			coalesce(op.review_requested, 0) AS review_requested, coalesce(fh.blocked, 0) AS fairness_blocked,
			lc.occurred_on AS last_contact_on, coalesce(lc.kind, '') AS last_contact_kind`).
		Joins("LEFT JOIN user_names am ON am.id = org.accountmanager_id").
		Joins(`LEFT JOIN (SELECT organisation_id,
				count(*) FILTER (WHERE state = 'open') AS open, count(*) FILTER (WHERE state = 'draft') AS draft,
				count(*) FILTER (WHERE state = 'paused') AS paused, count(*) FILTER (WHERE state = 'filled') AS filled,
				count(*) FILTER (WHERE review_requested_at IS NOT NULL) AS review_requested
			FROM openings WHERE region_id = ? GROUP BY organisation_id) op ON op.organisation_id = org.id`, p.RegionID).
		Joins(`LEFT JOIN (SELECT organisation_id, count(*) AS blocked FROM fairness_hits
			WHERE region_id = ? AND outcome = 'blocked' AND created_at > ? GROUP BY organisation_id) fh ON fh.organisation_id = org.id`,
			p.RegionID, s.now().AddDate(0, 0, -90)).
		Joins(`LEFT JOIN LATERAL (SELECT occurred_on, kind FROM organisation_contacts c WHERE c.organisation_id = org.id
			ORDER BY occurred_on DESC, created_at DESC LIMIT 1) lc ON true`).
		Where("org.region_id = ? AND org.kind IN ('werkgever', 'zorgaanbieder')", p.RegionID)
	if f.Mine {
		q = q.Where("org.accountmanager_id = ?", p.UserID)
	} else if f.AccountmanagerID != "" {
		q = q.Where("org.accountmanager_id = ?", f.AccountmanagerID)
	}
	if f.Kind != "" {
		q = q.Where("org.kind = ?", f.Kind)
	}
	for _, w := range httpapi.Words(f.Query) {
		q = q.Where("org.name ILIKE ?", httpapi.Like(w))
	}
	if f.Attention {
		q = q.Where("(coalesce(op.review_requested, 0) > 0 OR coalesce(fh.blocked, 0) > 0)")
	}
	q = q.Order(httpapi.OrderBy(f.Sort, portfolioSorts, "org.name, org.id"))
	var out []PortfolioEntry
	if err := q.Limit(1000).Scan(&out).Error; err != nil {
		return nil, database.Translate(err, "portfolio")
	}
	return out, nil
}
