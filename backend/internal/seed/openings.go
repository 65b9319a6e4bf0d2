package seed

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
)

type demoOpening struct {
	org, occupation string
	fields          opening.Fields
	state           opening.State
	review          bool // ask the accountmanager to review (fairness hit)
	// acceptable are labels of further occupations ("ook passend"),
	// resolved to ids into fields.AcceptableOccupations.
	acceptable []string
}

var demoOpenings = []demoOpening{
	{org: "Bakkerij De Korenschoof", occupation: "bakker", state: opening.Open, fields: opening.Fields{Kind: opening.Vacature,
		Title: "Medewerker bakkerij (ochtend)", Description: "Je helpt vanaf 6 uur 's ochtends bij het bakken van brood en banket. Je werkt in een klein, vast team. Een jobcoach is welkom.",
		RequiredSkills: []string{"haccp"}, NiceSkills: []string{"klantgericht"}, Postcode: "3511 AB", MaxTravelKm: 15, HoursMin: 20, HoursMax: 32,
		Days: []string{"ma", "di", "wo", "do", "vr"}, DayParts: []string{"ochtend"}, ContractType: "tijdelijk", WageMinCents: 230000, WageMaxCents: 260000,
		Places: 2, Support: []string{"jobcoach", "vaste-structuur", "opbouw-uren"}, Banenafspraak: true}},
	{org: "Bakkerij De Korenschoof", occupation: "bakker", state: opening.Draft, review: true, fields: opening.Fields{Kind: opening.Leerwerkplek,
		Title: "Jonge collega voor de winkel", Description: "Je leert het vak in onze winkel en bakkerij.", Postcode: "3511 AB", MaxTravelKm: 10,
		HoursMin: 24, HoursMax: 32, ContractType: "leerwerk", Places: 1, Support: []string{"vaste-begeleider"}}},
	{org: "Logistiek Centrum Nieuwegein", occupation: "orderpicker", state: opening.Open, fields: opening.Fields{Kind: opening.Vacature,
		Title: "Orderpicker", Description: "Je verzamelt bestellingen met een scanner en een elektrische pallettruck. Werken in ploegen.",
		RequiredSkills: []string{"vca-basis"}, NiceSkills: []string{"heftruckcertificaat"}, Postcode: "3439 LM", MaxTravelKm: 25, HoursMin: 32, HoursMax: 40,
		DayParts: []string{"ochtend", "middag"}, ContractType: "uitzend", WageMinCents: 240000, WageMaxCents: 270000, Places: 5,
		Support: []string{"eenvoudige-instructies"}}},
	{org: "Logistiek Centrum Nieuwegein", occupation: "magazijnmedewerker", state: opening.Open, fields: opening.Fields{Kind: opening.Proefplaats,
		Title: "Proefplaats magazijn", Description: "Twee maanden proefplaatsing met behoud van uitkering, daarna kans op een contract.",
		Postcode: "3439 LM", MaxTravelKm: 20, HoursMin: 16, HoursMax: 24, ContractType: "geen", Places: 2, Support: []string{"jobcoach", "opbouw-uren"}}},
	{org: "Zorghotel Het Anker", occupation: "keukenhulp", state: opening.Open, fields: opening.Fields{Kind: opening.Vacature,
		Title: "Keukenhulp", Description: "Je helpt in de keuken van ons zorghotel: groenten snijden, afwassen, klaarzetten.",
		Postcode: "3731 CE", MaxTravelKm: 15, HoursMin: 12, HoursMax: 24, DayParts: []string{"middag", "avond"}, ContractType: "tijdelijk",
		WageMinCents: 210000, WageMaxCents: 230000, Places: 1, Support: []string{"rustige-werkplek", "flexibele-uren"}}},
	{org: "Dagbesteding De Werkplaats", occupation: "hovenier", state: opening.Open, fields: opening.Fields{Kind: opening.Participatieplek,
		Title: "Meewerken in de tuinploeg", Description: "Samen met de groep onderhoud je tuinen in de wijk. Je bepaalt zelf het tempo.",
		Postcode: "3572 GV", MaxTravelKm: 10, HoursMin: 4, HoursMax: 16, Days: []string{"di", "do"}, ContractType: "geen", Places: 4,
		Support: []string{"vaste-begeleider", "vaste-structuur", "rustige-werkplek"}}},
}

// DemoOpenings gives the demo organisations openings (once: an organisation
// that has openings keeps them), created through the service so their
// index jobs are queued, as each organisation's accountmanager.
func DemoOpenings(ctx context.Context, db *gorm.DB, svc *opening.Service, regionID string) (int, error) {
	created := 0
	for _, d := range demoOpenings {
		_, isNew, err := seedOpening(ctx, db, svc, regionID, d)
		if err != nil {
			return created, err
		}
		if isNew {
			created++
		}
	}
	return created, nil
}

// occupationID resolves an occupation label (as in the ESCO table) to its id.
func occupationID(ctx context.Context, db *gorm.DB, label string) (string, error) {
	var id string
	if err := db.WithContext(ctx).Raw(`SELECT id FROM occupations WHERE label = ?`, label).Scan(&id).Error; err != nil || id == "" {
		return "", fmt.Errorf("occupation %s missing (run migrate first): %v", label, err)
	}
	return id, nil
}

// seedOpening creates d through the service as its organisation's
// accountmanager (so its index jobs are queued) unless the organisation
// already has an opening with that title; it returns the opening's id and
// whether it was created now.
func seedOpening(ctx context.Context, db *gorm.DB, svc *opening.Service, regionID string, d demoOpening) (string, bool, error) {
	var org struct {
		ID, AccountmanagerID, Existing string
	}
	err := db.WithContext(ctx).Raw(`SELECT o.id, coalesce(o.accountmanager_id::text, '') AS accountmanager_id,
			coalesce((SELECT id::text FROM openings WHERE organisation_id = o.id AND title = ? ORDER BY created_at LIMIT 1), '') AS existing
		FROM organisations o WHERE o.region_id = ? AND o.name = ?`, d.fields.Title, regionID, d.org).Scan(&org).Error
	if err != nil || org.ID == "" {
		return "", false, fmt.Errorf("opening %s: organisation %s: %v", d.fields.Title, d.org, err)
	}
	if org.Existing != "" {
		return org.Existing, false, nil
	}
	occ, err := occupationID(ctx, db, d.occupation)
	if err != nil {
		return "", false, fmt.Errorf("opening %s: %w", d.fields.Title, err)
	}
	p := authz.Principal{UserID: org.AccountmanagerID, RegionID: regionID, Role: authz.Accountmanager}
	pctx := authz.WithPrincipal(ctx, p)
	f := d.fields
	f.OccupationID = occ
	for _, label := range d.acceptable {
		id, err := occupationID(ctx, db, label)
		if err != nil {
			return "", false, fmt.Errorf("opening %s: %w", f.Title, err)
		}
		f.AcceptableOccupations = append(f.AcceptableOccupations, id)
	}
	start := time.Now().AddDate(0, 1, 0).Truncate(24 * time.Hour)
	f.StartDate = &start
	o, err := svc.Create(pctx, p, org.ID, f, "")
	if err != nil {
		return "", false, fmt.Errorf("opening %s: %w", f.Title, err)
	}
	if d.state == opening.Open {
		if _, err := svc.Transition(pctx, p, o.ID, opening.StateChange{To: opening.Open}, ""); err != nil {
			return "", false, fmt.Errorf("publish opening %s: %w", f.Title, err)
		}
	}
	if d.review {
		// The fairness check blocks it; the organisation asks for a review.
		_, _ = svc.Transition(pctx, p, o.ID, opening.StateChange{To: opening.Open}, "")
		if _, err := svc.RequestReview(pctx, p, o.ID, ""); err != nil {
			return "", false, err
		}
	}
	return o.ID, true, nil
}
