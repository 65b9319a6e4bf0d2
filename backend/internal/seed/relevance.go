package seed

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
)

// relevanceJSON is the hand-judged relevance set (see data/README.md): the
// candidates, the openings and, per opening, a werkgever's grades.
//
//go:embed data/relevance.json
var relevanceJSON []byte

// RelevanceResult is what RelevanceSet created: the openings with their
// judgements, for a ranking evaluation.
type RelevanceResult struct {
	Openings []JudgedOpening
}

// JudgedOpening is one opening with a werkgever's judgement of the pool.
// Grades maps a candidate's name to 2 ("I'd invite them") or 1 ("I'd
// consider them"); candidates not in Grades are 0. MustNot names the
// candidates that would be wrong to show at all. PooledGrades holds the
// pooled judgements (see data/README.md): candidates the first judge left
// ungraded but who pass the pool's hard filters, graded 0, 1 or 2 by an
// independent assessor after the first run, without seeing ranks or bands.
// A name is in at most one of Grades, MustNot and PooledGrades.
type JudgedOpening struct {
	ID, Title    string
	Grades       map[string]int
	MustNot      []string
	PooledGrades map[string]int
	// Corrected are judgements corrected after the first run for a factual
	// error, each with its reason in the JSON (corrections).
	Corrected map[string]int
}

type relevanceData struct {
	Organisations []relOrganisation `json:"organisations"`
	Candidates    []relCandidate    `json:"candidates"`
	Openings      []relOpening      `json:"openings"`
}

type relOrganisation struct {
	Kind     string `json:"kind"`
	Name     string `json:"name"`
	KvK      string `json:"kvk"`
	Postcode string `json:"postcode"`
}

type relCandidate struct {
	Name             string   `json:"name"`
	Occupations      []string `json:"occupations"` // ESCO labels
	Skills           []string `json:"skills"`
	PC4              string   `json:"pc4"`
	MaxTravelKm      int      `json:"maxTravelKm"`
	Hours            [2]int   `json:"hours"` // min, max per week
	Rung             int      `json:"rung"`
	Consent          bool     `json:"consent"`
	ConfirmedDaysAgo int      `json:"confirmedDaysAgo"` // fresh < 90, stale 90–180, expired > 180
	DrivingLicence   bool     `json:"drivingLicence"`
	Status           string   `json:"status"` // empty: available
	Note             string   `json:"note"`
}

type relOpening struct {
	Org                   string         `json:"org"`
	Kind                  opening.Kind   `json:"kind"`
	Title                 string         `json:"title"`
	Description           string         `json:"description"`
	Occupation            string         `json:"occupation"`            // ESCO label
	AcceptableOccupations []string       `json:"acceptableOccupations"` // ESCO labels, "ook passend"
	RequiredSkills        []string       `json:"requiredSkills"`
	MandatorySkills       []string       `json:"mandatorySkills"`
	NiceSkills            []string       `json:"niceSkills"`
	Postcode              string         `json:"postcode"`
	MaxTravelKm           int            `json:"maxTravelKm"`
	HoursMin              int            `json:"hoursMin"`
	HoursMax              int            `json:"hoursMax"`
	Why                   string         `json:"why"`
	Grades                map[string]int `json:"grades"`
	MustNot               []string       `json:"mustNot"`
	PooledGrades          map[string]int `json:"pooledGrades"` // independent assessor's 0/1/2 for retrieved-but-unjudged candidates
	PooledWhy             string         `json:"pooledWhy"`
	Corrections           []correction   `json:"corrections"`
}

// correction is a judgement changed after the first run because it rested
// on a factual error (not on where the pool ranked someone), with the
// reason written next to it.
type correction struct {
	Name  string `json:"name"`
	Was   string `json:"was"`
	Grade int    `json:"grade"`
	Why   string `json:"why"`
}

func loadRelevance() (relevanceData, error) {
	var d relevanceData
	if err := json.Unmarshal(relevanceJSON, &d); err != nil {
		return d, fmt.Errorf("relevance.json: %w", err)
	}
	return d, nil
}

// contractFor is the contract type an opening of kind k is created with.
func contractFor(k opening.Kind) string {
	switch k {
	case opening.Proefplaats, opening.Participatieplek:
		return "geen"
	case opening.Leerwerkplek:
		return "leerwerk"
	}
	return "tijdelijk"
}

// RelevanceSet creates the relevance set in the region (organisations,
// candidates with identity and consent, published openings) and returns the
// openings with their judgements. Running it again creates nothing new:
// organisations are found by KvK number, candidates by name, openings by
// organisation and title.
func RelevanceSet(ctx context.Context, db *gorm.DB, cands *candidate.Service, opens *opening.Service, regionID string) (RelevanceResult, error) {
	var res RelevanceResult
	data, err := loadRelevance()
	if err != nil {
		return res, err
	}
	// Organisations get an accountmanager, as the demo's do.
	var ams []string
	if err := db.WithContext(ctx).Table("users").Where("region_id = ? AND role = 'accountmanager'", regionID).Order("email").Pluck("id", &ams).Error; err != nil || len(ams) == 0 {
		return res, fmt.Errorf("relevance set: no accountmanagers (%v)", err)
	}
	err = db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for i, o := range data.Organisations {
			if _, err := upsertOrganisation(tx, regionID, demoOrg{kind: o.Kind, name: o.Name, kvk: o.KvK, postcode: o.Postcode}, ams[i%len(ams)]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return res, fmt.Errorf("relevance set: %w", err)
	}
	var kms []string
	if err := db.WithContext(ctx).Table("users").Where("region_id = ? AND role = 'klantmanager'", regionID).Order("email").Pluck("id", &kms).Error; err != nil || len(kms) == 0 {
		return res, fmt.Errorf("relevance set: no klantmanagers (%v)", err)
	}
	for i, d := range data.Candidates {
		if err := seedRelevanceCandidate(ctx, db, cands, regionID, kms[i%len(kms)], i, d); err != nil {
			return res, err
		}
	}
	for _, o := range data.Openings {
		f := opening.Fields{Kind: o.Kind, Title: o.Title, Description: o.Description, RequiredSkills: o.RequiredSkills,
			MandatorySkills: o.MandatorySkills, NiceSkills: o.NiceSkills, Postcode: o.Postcode, MaxTravelKm: o.MaxTravelKm,
			HoursMin: o.HoursMin, HoursMax: o.HoursMax, ContractType: contractFor(o.Kind), Places: 1}
		id, _, err := seedOpening(ctx, db, opens, regionID, demoOpening{org: o.Org, occupation: o.Occupation, fields: f,
			state: opening.Open, acceptable: o.AcceptableOccupations})
		if err != nil {
			return res, fmt.Errorf("relevance set: %w", err)
		}
		corrected := map[string]int{}
		for _, c := range o.Corrections {
			corrected[c.Name] = c.Grade
		}
		res.Openings = append(res.Openings, JudgedOpening{ID: id, Title: o.Title, Grades: o.Grades, MustNot: o.MustNot,
			PooledGrades: o.PooledGrades, Corrected: corrected})
	}
	return res, nil
}

// seedRelevanceCandidate creates one candidate as klantmanager km (unless
// one with that name exists in the region), records consent if given, and
// back-dates the confirmation and sets the status.
func seedRelevanceCandidate(ctx context.Context, db *gorm.DB, svc *candidate.Service, regionID, km string, i int, d relCandidate) error {
	var n int64
	if err := db.WithContext(ctx).Table("candidates c").Joins("JOIN candidate_identities ci ON ci.candidate_id = c.id").
		Where("c.region_id = ? AND ci.name = ?", regionID, d.Name).Count(&n).Error; err != nil || n > 0 {
		return err
	}
	p := authz.Principal{UserID: km, RegionID: regionID, Role: authz.Klantmanager}
	pctx := authz.WithPrincipal(ctx, p)
	occs := make([]string, 0, len(d.Occupations))
	for _, label := range d.Occupations {
		id, err := occupationID(ctx, db, label)
		if err != nil {
			return fmt.Errorf("relevance candidate %s: %w", d.Name, err)
		}
		occs = append(occs, id)
	}
	km2, hmin, hmax, rung := d.MaxTravelKm, d.Hours[0], d.Hours[1], d.Rung
	from := time.Now().Truncate(24 * time.Hour)
	prof := candidate.Profile{Occupations: occs, Skills: d.Skills, PC4: d.PC4, MaxTravelKm: &km2, HoursMin: &hmin, HoursMax: &hmax,
		Rung: &rung, Education: "mbo2", AvailableFrom: &from, Languages: []candidate.Language{{Code: "nl", Level: "B1"}},
		Days: []string{"ma", "di", "wo", "do", "vr"}, Experience: "Werkervaring in het vak; betrouwbaar en op tijd.",
		DrivingLicence: d.DrivingLicence}
	c, err := svc.Create(pctx, p, prof, candidate.Identity{Name: d.Name, Phone: fmt.Sprintf("06 %08d", 20000000+i*7919)}, "")
	if err != nil {
		return fmt.Errorf("relevance candidate %s: %w", d.Name, err)
	}
	if d.Consent {
		if _, err := svc.SetConsent(pctx, p, c.ID, true, "klantmanager_gesprek", "", ""); err != nil {
			return fmt.Errorf("relevance candidate %s: consent: %w", d.Name, err)
		}
	}
	updates := map[string]any{}
	if d.Status != "" {
		updates["status"] = d.Status
	}
	return backdateCandidate(ctx, db, svc, c.ID, d.ConfirmedDaysAgo, updates, nil)
}
