// Package seed fills a database with a demo region, so `make run` shows a
// working Werkhaven. Seeding is idempotent: running it twice changes nothing.
package seed

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/identity"
	"github.com/werkhaven/werkhaven/backend/internal/platform/geo"
	"github.com/werkhaven/werkhaven/backend/internal/subsidy"
)

// The demo region.
const (
	DemoRegionSlug = "demo"
	DemoRegionName = "Werkgeversservicepunt Demoregio"
	// DemoPassword is every demo user's password. It is printed by
	// `werkhaven seed`; production refuses to seed.
	DemoPassword = "Demo-Werkhaven-2026"
	// The demo region's desk, shown to organisations whose postcode no
	// region serves.
	DemoRegionEmail = "werkgevers@demo.werkhaven.nl"
	DemoRegionPhone = "030 123 45 67"
	// DemoServiceAreaKm: the demo region serves the Utrecht area, the PC4
	// areas whose centre lies within this distance of Utrecht's (3511).
	DemoServiceAreaKm = 15
)

// DemoServiceArea is the PC4 areas the demo region serves.
func DemoServiceArea() []string {
	centre, err := geo.Lookup("3511")
	if err != nil {
		return nil
	}
	return geo.Within(centre.Lat, centre.Lon, DemoServiceAreaKm)
}

// Login is a seeded account.
type Login struct {
	Role         string
	Email        string
	DisplayName  string
	Organisation string
}

// Result tells what the seed created or found.
type Result struct {
	RegionID   string
	RegionName string
	Logins     []Login
}

type demoOrg struct {
	kind, name, kvk, postcode string
}

var demoOrgs = []demoOrg{
	{"werkgever", "Bakkerij De Korenschoof", "12345670", "3511 AB"},
	{"werkgever", "Logistiek Centrum Nieuwegein", "23456781", "3439 LM"},
	{"werkgever", "Zorghotel Het Anker", "34567892", "3731 CE"},
	{"zorgaanbieder", "Dagbesteding De Werkplaats", "45678903", "3572 GV"},
	{"dienstverlener", "Jobcoach Utrecht BV", "56789014", "3526 KS"},
}

// demoAddresses are the demo organisations' addresses and (made up)
// btw-identificatienummers, by KvK number, for their invoices.
var demoAddresses = map[string][3]string{
	"12345670": {"Oudegracht 120", "Utrecht", "NL001234567B01"},
	"23456781": {"Het Klooster 8", "Nieuwegein", "NL002345678B01"},
	"34567892": {"Dorpsstraat 3", "Zeist", "NL003456789B01"},
	"45678903": {"Biltstraat 200", "Utrecht", "NL004567890B01"},
	"56789014": {"Vondellaan 47", "Utrecht", "NL005678901B01"},
}

type demoUser struct {
	role, email, name string
	org               int // index in demoOrgs, -1 for staff
}

var demoUsers = []demoUser{
	// The platform administrator belongs to no region (it creates regions
	// and invites their first admins).
	{"platform", "platform@demo.werkhaven.nl", "Pim Platform", -1},
	{"admin", "beheer@demo.werkhaven.nl", "Anouk de Beheerder", -1},
	{"accountmanager", "am.jansen@demo.werkhaven.nl", "Jeroen Jansen", -1},
	{"accountmanager", "am.elbaz@demo.werkhaven.nl", "Samira El Baz", -1},
	{"klantmanager", "km.devries@demo.werkhaven.nl", "Femke de Vries", -1},
	{"klantmanager", "km.bakker@demo.werkhaven.nl", "Daan Bakker", -1},
	{"werkgever", "hr@korenschoof.demo.werkhaven.nl", "Petra Korenschoof", 0},
	{"werkgever", "hr@lcn.demo.werkhaven.nl", "Mehmet Yilmaz", 1},
	{"werkgever", "hr@hetanker.demo.werkhaven.nl", "Ingrid Visser", 2},
	{"zorgaanbieder", "info@dewerkplaats.demo.werkhaven.nl", "Lotte Smit", 3},
	{"zorgaanbieder", "planning@jobcoachutrecht.demo.werkhaven.nl", "Ruben de Groot", 4},
	{"kandidaat", "kandidaat@demo.werkhaven.nl", "Kandidaat K-7F3A2", -1},
}

// Demo creates the demo region with organisations and one or more users per
// role if they are missing; existing rows are left as they are.
func Demo(ctx context.Context, db *gorm.DB) (Result, error) {
	var res Result
	hash, err := identity.HashPassword(DemoPassword)
	if err != nil {
		return res, err
	}
	err = db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Raw(`INSERT INTO regions (slug, name) VALUES (?, ?)
			ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug RETURNING id::text, name`,
			DemoRegionSlug, DemoRegionName).Row().Scan(&res.RegionID, &res.RegionName); err != nil {
			return fmt.Errorf("demo region: %w", err)
		}
		if err := tx.Exec(`UPDATE regions SET contact_email = ?, contact_phone = ? WHERE id = ? AND contact_email = ''`,
			DemoRegionEmail, DemoRegionPhone, res.RegionID).Error; err != nil {
			return fmt.Errorf("demo region contact: %w", err)
		}
		// The municipality as the supplier of its own services on invoices.
		if err := tx.Exec(`UPDATE regions SET legal_name = 'Gemeente Utrecht (demo)', street = 'Stadsplateau 1', postcode = '3521 AZ', city = 'Utrecht',
			kvk_number = '76543210', vat_number = 'NL009876543B01' WHERE id = ? AND street = ''`, res.RegionID).Error; err != nil {
			return fmt.Errorf("demo region address: %w", err)
		}
		// The Utrecht area, unless an admin has set the region's area.
		if err := tx.Exec(`INSERT INTO region_service_areas (pc4, region_id)
			SELECT pc4, ? FROM unnest(?::text[]) AS pc4
			WHERE NOT EXISTS (SELECT 1 FROM region_service_areas WHERE region_id = ?)
			ON CONFLICT (pc4) DO NOTHING`, res.RegionID, "{"+strings.Join(DemoServiceArea(), ",")+"}", res.RegionID).Error; err != nil {
			return fmt.Errorf("demo service area: %w", err)
		}
		// Staff first: organisations name an accountmanager.
		ids := map[string]string{}
		for _, u := range demoUsers {
			if u.org >= 0 {
				continue
			}
			id, err := upsertUser(tx, res.RegionID, "", u, hash)
			if err != nil {
				return err
			}
			ids[u.email] = id
		}
		orgIDs := make([]string, len(demoOrgs))
		for i, o := range demoOrgs {
			am := ids["am.jansen@demo.werkhaven.nl"]
			if i%2 == 1 {
				am = ids["am.elbaz@demo.werkhaven.nl"]
			}
			id, err := upsertOrganisation(tx, res.RegionID, o, am)
			if err != nil {
				return err
			}
			orgIDs[i] = id
			if a, ok := demoAddresses[o.kvk]; ok {
				if err := tx.Exec(`UPDATE organisations SET street = ?, city = ?, vat_number = ? WHERE id = ? AND street = ''`, a[0], a[1], a[2], id).Error; err != nil {
					return fmt.Errorf("demo address %s: %w", o.name, err)
				}
			}
		}
		for _, u := range demoUsers {
			if u.org < 0 {
				continue
			}
			if _, err := upsertUser(tx, res.RegionID, orgIDs[u.org], u, hash); err != nil {
				return err
			}
		}
		// The region's municipal subsidy policy: example values, kept when
		// an admin changed them.
		return subsidy.StoreRegional(ctx, tx, res.RegionID, DemoSubsidyParameters())
	})
	if err != nil {
		return Result{}, err
	}
	for _, u := range demoUsers {
		l := Login{Role: u.role, Email: u.email, DisplayName: u.name}
		if u.org >= 0 {
			l.Organisation = demoOrgs[u.org].name
		}
		res.Logins = append(res.Logins, l)
	}
	return res, nil
}

// upsertOrganisation creates an organisation (or finds it by KvK number)
// with its accountmanager.
func upsertOrganisation(tx *gorm.DB, regionID string, o demoOrg, accountmanagerID string) (string, error) {
	var id string
	if err := tx.Raw(`INSERT INTO organisations (region_id, kind, name, kvk_number, postcode, accountmanager_id) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (region_id, kvk_number) DO UPDATE SET kvk_number = EXCLUDED.kvk_number RETURNING id::text`,
		regionID, o.kind, o.name, o.kvk, o.postcode, accountmanagerID).Row().Scan(&id); err != nil {
		return "", fmt.Errorf("organisation %s: %w", o.name, err)
	}
	return id, nil
}

func upsertUser(tx *gorm.DB, regionID, orgID string, u demoUser, hash string) (string, error) {
	var region, org, pw any = regionID, nil, nil
	if u.role == "platform" {
		region = nil
	}
	if orgID != "" {
		org = orgID
	}
	if u.role != "kandidaat" {
		pw = hash
	}
	var id string
	err := tx.Raw(`INSERT INTO users (region_id, organisation_id, email, display_name, role, status, password_hash)
		VALUES (?, ?, ?, ?, ?, 'active', ?)
		ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id::text`,
		region, org, u.email, u.name, u.role, pw).Row().Scan(&id)
	if err != nil {
		return "", fmt.Errorf("demo user %s: %w", u.email, err)
	}
	return id, nil
}
