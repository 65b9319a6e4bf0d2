package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/lib/pq"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
)

type demoService struct {
	kind, titleNL, titleEN, descriptionNL, provider, unit string
	priceCents                                            int64
	approval, schedulable                                 bool
	eligibility                                           []string
	freeHours, feePercent, slotMinutes, capacity          int
}

// demoServices is the demo region's services desk, in B1 Dutch.
var demoServices = []demoService{
	{"jobcoaching", "Jobcoaching op de werkvloer", "Job coaching at work", "Een jobcoach komt naar uw bedrijf. De coach helpt uw nieuwe collega en u. U kiest het aantal uren.",
		"Jobcoach Utrecht BV", "per_hour", 8500, true, false, []string{"placement"}, 48, 50, 60, 1},
	{"loonwaardebepaling", "Loonwaardebepaling", "Wage value assessment", "Een deskundige kijkt op de werkplek wat uw medewerker kan. Dat is nodig voor loonkostensubsidie.",
		"", "free", 0, false, true, nil, 24, 0, 120, 2},
	{"proefplaatsing", "Proefplaatsing (2 maanden)", "Trial placement (2 months)", "Uw nieuwe collega werkt twee maanden op proef. De uitkering loopt door. U betaalt geen loon.",
		"", "free", 0, true, false, []string{"opening"}, 0, 0, 60, 1},
	{"werkplekaanpassing", "Werkplekaanpassing", "Workplace adaptation", "Een aangepaste stoel, tafel of ander hulpmiddel. Voor medewerkers uit het doelgroepregister.",
		"", "fixed", 25000, true, false, []string{"placement", "doelgroepregister"}, 0, 0, 60, 1},
	{"scholing", "Opleiding orderpicker (per maand)", "Order picker training (monthly)", "Een praktijkopleiding van een paar maanden. U betaalt per maand.",
		"Jobcoach Utrecht BV", "per_month", 30000, false, false, nil, 0, 100, 60, 1},
	{"intake", "Kennismakingsgesprek met de gemeente", "Intake with the municipality", "Een gesprek van een uur over wat de gemeente voor u kan doen.",
		"", "free", 0, false, true, nil, 24, 0, 60, 1},
	{"no_riskpolis_info", "Uitleg no-riskpolis", "No-risk policy explained", "Wij leggen uit hoe de no-riskpolis van UWV u beschermt als uw medewerker ziek wordt.",
		"", "free", 0, false, false, nil, 0, 0, 60, 1},
	{"reiskosten", "Reiskostenvergoeding", "Travel allowance", "Een vergoeding voor de reis van uw nieuwe collega, als die ver moet reizen.",
		"", "free", 0, true, false, []string{"placement"}, 0, 0, 60, 1},
}

// DemoServices fills the demo region's catalogue (once) and gives the
// demo jobcoach provider a (test) Stripe account for payouts.
func DemoServices(ctx context.Context, db *gorm.DB, regionID string) (int, error) {
	var existing int64
	if err := db.WithContext(ctx).Table("services").Where("region_id = ?", regionID).Count(&existing).Error; err != nil || existing > 0 {
		return 0, err
	}
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`UPDATE organisations SET stripe_account_id = 'acct_1DemoJobcoachUtrecht' WHERE region_id = ? AND name = 'Jobcoach Utrecht BV'`, regionID).Error; err != nil {
			return err
		}
		// A demo of an exempt service: vocational training (art. 11 lid 1
		// onderdeel o Wet OB); the others include 21 % btw.
		exempt := map[string]string{"scholing": "Vrijgesteld van btw: beroepsonderwijs (art. 11, lid 1, onderdeel o, Wet OB)"}
		for _, s := range demoServices {
			var provider *string
			if s.provider != "" {
				var id string
				if err := tx.Raw(`SELECT id::text FROM organisations WHERE region_id = ? AND name = ?`, regionID, s.provider).Row().Scan(&id); err != nil {
					return fmt.Errorf("demo service %s: provider %s: %w", s.kind, s.provider, err)
				}
				provider = &id
			}
			eligibility := s.eligibility
			if eligibility == nil {
				eligibility = []string{}
			}
			var id string
			if err := tx.Raw(`INSERT INTO services (region_id, kind, title_nl, title_en, description_nl, description_en, provider_id, price_cents, price_unit,
				requires_approval, eligibility, cancel_free_hours, cancel_fee_percent, schedulable, slot_minutes, capacity, person_bound, vat_rate, vat_exemption)
				VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? = '' THEN 21 END, ?) RETURNING id::text`, regionID, s.kind, s.titleNL, s.titleEN, s.descriptionNL, provider,
				s.priceCents, s.unit, s.approval, pq.StringArray(eligibility), s.freeHours, s.feePercent, s.schedulable, s.slotMinutes, s.capacity,
				s.kind == "jobcoaching" || s.kind == "werkplekaanpassing", exempt[s.kind], exempt[s.kind]).Row().Scan(&id); err != nil {
				return fmt.Errorf("demo service %s: %w", s.kind, err)
			}
			if s.schedulable {
				for wd := 1; wd <= 5; wd++ {
					if err := tx.Exec(`INSERT INTO service_hours (service_id, weekday, opens, closes) VALUES (?, ?, '09:00', '17:00')`, id, wd).Error; err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(demoServices), nil
}

// DemoPlacement records (once) that Zorghotel Het Anker placed Yusuf Demir
// in its Keukenhulp vacature two weeks ago, so the services desk has a
// placement to book jobcoaching for. The candidate's status becomes placed.
func DemoPlacement(ctx context.Context, db *gorm.DB, q search.Inserter, regionID string) (bool, error) {
	var existing int64
	if err := db.WithContext(ctx).Table("placements").Where("region_id = ?", regionID).Count(&existing).Error; err != nil || existing > 0 {
		return false, err
	}
	var ids struct {
		Candidate, Opening, Organisation, Admin string
	}
	err := db.WithContext(ctx).Raw(`SELECT (SELECT c.id::text FROM candidates c JOIN candidate_identities ci ON ci.candidate_id = c.id WHERE c.region_id = ? AND ci.name = 'Yusuf Demir') AS candidate,
		(SELECT o.id::text FROM openings o WHERE o.region_id = ? AND o.title = 'Keukenhulp') AS opening,
		(SELECT org.id::text FROM organisations org WHERE org.region_id = ? AND org.name = 'Zorghotel Het Anker') AS organisation,
		(SELECT u.id::text FROM users u WHERE u.region_id = ? AND u.role = 'admin' ORDER BY u.created_at LIMIT 1) AS admin`,
		regionID, regionID, regionID, regionID).Scan(&ids).Error
	if err != nil || ids.Candidate == "" || ids.Opening == "" || ids.Organisation == "" || ids.Admin == "" {
		return false, fmt.Errorf("demo placement: candidate, opening or organisation missing (seed them first): %v", err)
	}
	start := time.Now().AddDate(0, 0, -14)
	return true, db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		// The story starts a month ago: the opening was published before its
		// invite was sent (the figures' "publish → first invite" is never
		// negative). Its event log keeps the day the seed ran.
		if err := tx.Exec(`UPDATE openings SET published_at = least(published_at, ?), created_at = least(created_at, ?) WHERE id = ?`,
			start.AddDate(0, 0, -16), start.AddDate(0, 0, -16), ids.Opening).Error; err != nil {
			return err
		}
		var inviteID, placementID string
		// decided_at: the "accepted" event's time below (i = 1).
		if err := tx.Raw(`INSERT INTO invites (region_id, opening_id, organisation_id, candidate_id, state, message, invited_by, sent_at, expires_at, decided_at, created_at)
			VALUES (?, ?, ?, ?, 'placed', 'Wij zoeken een keukenhulp voor de middag. Kom kennismaken!', ?, ?, ?, ?, ?) RETURNING id::text`,
			regionID, ids.Opening, ids.Organisation, ids.Candidate, ids.Admin, start.AddDate(0, 0, -14), start.AddDate(0, 0, -7), start.AddDate(0, 0, -10),
			start.AddDate(0, 0, -14)).Row().Scan(&inviteID); err != nil {
			return err
		}
		for i, st := range []string{"invited", "accepted", "introduced", "placed"} {
			var from any
			if i > 0 {
				from = []string{"invited", "accepted", "introduced"}[i-1]
			}
			actor := map[string]string{"invited": "admin", "accepted": "kandidaat", "introduced": "admin", "placed": "admin"}[st]
			if err := tx.Exec(`INSERT INTO invite_events (invite_id, occurred_at, actor, from_state, to_state) VALUES (?, ?, ?, ?, ?)`,
				inviteID, start.AddDate(0, 0, -14+4*i), actor, from, st).Error; err != nil {
				return err
			}
		}
		if err := tx.Exec(`INSERT INTO disclosures (invite_id, candidate_id, organisation_id, opening_id, share_phone, granted_at) VALUES (?, ?, ?, ?, true, ?)`,
			inviteID, ids.Candidate, ids.Organisation, ids.Opening, start.AddDate(0, 0, -10)).Error; err != nil {
			return err
		}
		if err := tx.Raw(`INSERT INTO placements (invite_id, region_id, organisation_id, opening_id, candidate_id, start_date, contract_type, hours, hourly_wage_cents, trial_period_months, created_by,
				klantmanager_id, accountmanager_id)
			VALUES (?, ?, ?, ?, ?, ?, 'tijdelijk', 24, 1500, 1, ?, (SELECT klantmanager_id FROM candidates WHERE id = ?), (SELECT accountmanager_id FROM organisations WHERE id = ?))
			RETURNING id::text`, inviteID, regionID, ids.Organisation, ids.Opening, ids.Candidate, start, ids.Admin, ids.Candidate, ids.Organisation).Row().Scan(&placementID); err != nil {
			return err
		}
		for _, w := range []int{4, 13, 26} {
			if err := tx.Exec(`INSERT INTO follow_ups (placement_id, region_id, organisation_id, week, due_on) VALUES (?, ?, ?, ?, ?)`,
				placementID, regionID, ids.Organisation, w, start.AddDate(0, 0, 7*w)).Error; err != nil {
				return err
			}
		}
		if err := tx.Exec(`UPDATE candidates SET status = 'placed', updated_at = now() WHERE id = ?`, ids.Candidate).Error; err != nil {
			return err
		}
		return search.Enqueue(ctx, tx, q, "candidates", ids.Candidate)
	})
}
