package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
)

type demoCandidate struct {
	name, occupation, pc4 string
	skills                []string
	rung, hoursMin, hours int
	support               []string
	consent               bool
	staleDays             int // days since last confirmation
}

var demoCandidateList = []demoCandidate{
	{"Sanne de Boer", "bakker", "3511", []string{"haccp", "klantgericht", "nederlands-b1"}, 4, 20, 32, []string{"jobcoach"}, true, 10},
	{"Mohamed Amrani", "orderpicker", "3431", []string{"orderpicken", "scannen-handscanner", "vca-basis"}, 5, 32, 40, nil, true, 30},
	{"Anna Kowalska", "magazijnmedewerker", "3439", []string{"heftruckcertificaat", "voorraadbeheer", "pools-b1"}, 5, 24, 40, nil, true, 95},
	{"Tim Verhoeven", "keukenhulp", "3731", []string{"haccp", "inpakken"}, 4, 12, 24, []string{"rustige-werkplek", "vaste-structuur"}, true, 5},
	{"Yusuf Demir", "kok", "3521", []string{"haccp", "svh-sociale-hygiene", "turks-b1"}, 5, 32, 38, nil, true, 40},
	{"Lisa Janssen", "winkelmedewerker", "3561", []string{"kassasysteem", "klantgericht", "nederlands-b2"}, 4, 16, 24, []string{"opbouw-uren"}, true, 200},
	{"Hamid Rahimi", "hovenier", "3572", []string{"fiets", "nederlands-a2"}, 3, 8, 16, []string{"vaste-begeleider", "eenvoudige-instructies"}, true, 20},
	{"Eline Bos", "productiemedewerker", "3401", []string{"inpakken", "vca-basis"}, 4, 24, 32, []string{"jobcoach", "aangepaste-werkplek"}, true, 60},
	{"Kofi Mensah", "orderpicker", "3454", []string{"orderpicken", "engels-b1"}, 5, 32, 40, nil, false, 15},
	{"Olena Shevchenko", "verkoopmedewerker", "3526", []string{"kassasysteem", "oekraiens-b1", "nederlands-a2"}, 4, 20, 32, nil, true, 12},
	{"Peter van Dijk", "magazijnmedewerker", "3705", []string{"rijbewijs-b", "heftruckcertificaat"}, 6, 36, 40, nil, true, 3},
	{"Mariam Tesfay", "keukenhulp", "3607", []string{"tigrinya-b1", "haccp"}, 2, 8, 12, []string{"vaste-begeleider", "rustige-werkplek"}, true, 25},
	// A bakery pool for the demo vacature in 3511 (15 km): 3, 5, 8, 8 and 12 km away, one too far for their own limit.
	{"Joost Mulder", "banketbakker", "3584", []string{"haccp", "rijbewijs-b"}, 5, 24, 36, nil, true, 7},
	{"Fenna Visser", "bakker", "3991", []string{"haccp", "klantgericht"}, 4, 16, 24, []string{"opbouw-uren"}, true, 50},
	{"Rachid Ouali", "gebakmaker", "3705", []string{"haccp"}, 6, 32, 38, nil, true, 12},
	{"Lieke Smits", "bakker", "3437", []string{"klantgericht"}, 4, 20, 28, []string{"jobcoach"}, true, 30},
	{"Daan Hoekstra", "bakker", "3451", []string{"haccp"}, 5, 24, 32, nil, true, 3},
	// 12 km away (Breukelen) with a driving licence: narrowing the bakery pool to 10 km leaves them out.
	{"Sem de Wit", "bakker", "3621", []string{"haccp", "rijbewijs-b"}, 5, 24, 32, nil, true, 20},
}

// demoTravel and demoLicence override the generated travel distance and
// driving licence for the bakery pool.
var demoTravel = map[string]int{"Joost Mulder": 15, "Fenna Visser": 10, "Rachid Ouali": 20, "Lieke Smits": 10, "Daan Hoekstra": 5, "Sem de Wit": 15}
var demoLicence = map[string]bool{"Joost Mulder": true, "Rachid Ouali": true, "Sem de Wit": true}

// demoNoEmail are the demo candidates without an e-mail address.
var demoNoEmail = []string{"Hamid Rahimi", "Mariam Tesfay"}

// DemoCandidateEmail is a demo candidate's address: "Joost Mulder" →
// joost.mulder@kandidaat.demo.werkhaven.nl (the development mail catcher
// shows what is sent to it).
func DemoCandidateEmail(name string) string {
	return strings.ReplaceAll(strings.ToLower(name), " ", ".") + "@kandidaat.demo.werkhaven.nl"
}

// demoKandidaatCode is the public code of the demo kandidaat's account.
const demoKandidaatCode = "K-7F3A2"

// DemoCandidates fills the klantmanagers' caseloads (once) and links the
// demo kandidaat's account to the first candidate (public code K-7F3A2).
func DemoCandidates(ctx context.Context, db *gorm.DB, svc *candidate.Service, regionID string) (int, error) {
	var existing int64
	if err := db.WithContext(ctx).Table("candidates").Where("region_id = ?", regionID).Count(&existing).Error; err != nil || existing > 0 {
		return 0, err
	}
	var kms []string
	if err := db.WithContext(ctx).Table("users").Where("region_id = ? AND role = 'klantmanager'", regionID).Order("email DESC").Pluck("id", &kms).Error; err != nil || len(kms) == 0 {
		return 0, fmt.Errorf("demo candidates: no klantmanagers (%v)", err)
	}
	var kandidaat string
	_ = db.WithContext(ctx).Table("users").Where("region_id = ? AND role = 'kandidaat' AND display_name = ?", regionID, "Kandidaat "+demoKandidaatCode).Pluck("id", &kandidaat).Error
	rnd := rand.New(rand.NewPCG(7, 11))
	for i, d := range demoCandidateList {
		p := authz.Principal{UserID: kms[i%len(kms)], RegionID: regionID, Role: authz.Klantmanager}
		pctx := authz.WithPrincipal(ctx, p)
		occ, err := occupationID(ctx, db, d.occupation)
		if err != nil {
			return i, fmt.Errorf("demo candidate %s: %w", d.name, err)
		}
		rung, hmin, hmax, km := d.rung, d.hoursMin, d.hours, 10+rnd.IntN(4)*5
		if t, ok := demoTravel[d.name]; ok {
			km = t
		}
		from := time.Now().AddDate(0, 0, rnd.IntN(30)).Truncate(24 * time.Hour)
		prof := candidate.Profile{Occupations: []string{occ}, Skills: d.skills, PC4: d.pc4, MaxTravelKm: &km, HoursMin: &hmin, HoursMax: &hmax,
			Rung: &rung, SupportNeeds: d.support, Education: candidate.Education[2+rnd.IntN(4)], AvailableFrom: &from,
			Languages: []candidate.Language{{Code: "nl", Level: []string{"A2", "B1", "B2"}[rnd.IntN(3)]}}, Days: []string{"ma", "di", "wo", "do"},
			Experience: "Werkervaring via een leerwerktraject; betrouwbaar en op tijd.", Doelgroepregister: i%3 == 0, LKSIndicatie: i%4 == 0,
			DrivingLicence: demoLicence[d.name] || slices.Contains(d.skills, candidate.LicenceSkill)}
		// Most demo kandidaten have an e-mail address (so an account, and
		// invites reach them); two do not, as in real caseloads. The first
		// gets the demo kandidaat's address below.
		email := ""
		if i > 0 && !slices.Contains(demoNoEmail, d.name) {
			email = DemoCandidateEmail(d.name)
		}
		c, err := svc.Create(pctx, p, prof, candidate.Identity{Name: d.name, Email: email, Phone: fmt.Sprintf("06 %08d", 10000000+i*7919)}, "")
		if err != nil {
			return i, fmt.Errorf("demo candidate %s: %w", d.name, err)
		}
		if d.consent {
			if _, err := svc.SetConsent(pctx, p, c.ID, true, "klantmanager_gesprek", "", ""); err != nil {
				return i, err
			}
		}
		// Back-date the last confirmation (to show stale profiles) and link
		// the demo kandidaat; the search projection follows via the outbox.
		var link func(tx *gorm.DB) error
		updates := map[string]any{}
		if i == 0 && kandidaat != "" {
			updates["public_code"], updates["user_id"] = demoKandidaatCode, kandidaat
			link = func(tx *gorm.DB) error {
				return tx.Exec(`UPDATE candidate_identities SET email = (SELECT email FROM users WHERE id = ?) WHERE candidate_id = ?`, kandidaat, c.ID).Error
			}
		}
		if err := backdateCandidate(ctx, db, svc, c.ID, d.staleDays, updates, link); err != nil {
			return i, err
		}
	}
	return len(demoCandidateList), nil
}

// backdateCandidate sets a candidate's last confirmation to days ago (to
// show stale and expired profiles) with further column updates, runs extra
// in the same transaction, and queues the search projection.
func backdateCandidate(ctx context.Context, db *gorm.DB, svc *candidate.Service, id string, days int, updates map[string]any, extra func(tx *gorm.DB) error) error {
	u := map[string]any{"confirmed_at": time.Now().AddDate(0, 0, -days), "updated_at": time.Now()}
	for k, v := range updates {
		u[k] = v
	}
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if extra != nil {
			if err := extra(tx); err != nil {
				return err
			}
		}
		if err := tx.Table("candidates").Where("id = ?", id).Updates(u).Error; err != nil {
			return err
		}
		return search.Enqueue(ctx, tx, svc.Jobs, candidate.IndexName, id)
	})
}
