// Package candidate holds the klantmanagers' candidates. A candidate is
// pseudonymous (public code, PC4, the profile a pool matches on); the
// personal data lives apart in candidate_identities and is only read through
// Service.Identity, which writes the audit log. Only an anonymous projection
// reaches Meilisearch, and only with recorded consent.
package candidate

import (
	"slices"
	"time"
)

// Status of a candidate.
type Status string

// The statuses; erased is what remains after AVG art. 17 erasure.
const (
	Available Status = "available"
	InProcess Status = "in_process"
	Placed    Status = "placed"
	Paused    Status = "paused"
	Erased    Status = "erased"
)

// Statuses a klantmanager sets.
var Statuses = []Status{Available, InProcess, Placed, Paused}

// Education levels, lowest first; the index is the level's rank, so a pool
// can ask for "at least mbo2".
var Education = []string{"geen", "vmbo", "mbo1", "mbo2", "mbo3", "mbo4", "havo", "vwo", "hbo", "wo"}

// EducationRank is the rank of a level (0 for unknown).
func EducationRank(level string) int {
	return slices.Index(Education, level) + 1
}

// CEFR levels of a language.
var CEFR = []string{"A1", "A2", "B1", "B2", "C1", "C2"}

// Language is a language with its CEFR level, e.g. {nl, B1}.
type Language struct {
	Code  string `json:"code"`
	Level string `json:"level"`
}

// Languages a profile can list (ISO 639-1).
var LanguageCodes = []string{"nl", "en", "ar", "tr", "pl", "ro", "bg", "es", "fr", "de", "pt", "uk", "ru", "ti", "so", "fa", "prs", "ps", "zh", "other"}

// ConsentMethods: how consent was given or withdrawn.
var ConsentMethods = []string{"kandidaat_link", "kandidaat_portaal", "klantmanager_papier", "klantmanager_gesprek"}

// Freshness of a profile: confirmed by the kandidaat within 90 days (fresh),
// within 180 (stale: "niet recent bevestigd", ranked lower) or longer ago
// (expired: out of the pools until confirmed).
type Freshness string

// The freshness labels.
const (
	Fresh   Freshness = "fresh"
	Stale   Freshness = "stale"
	Expired Freshness = "expired"
)

// Day is t's day number, whole UTC days since 1970: the search index
// filters on confirmation days (Document.ConfirmedDay), a few hundred
// values where seconds would be as many as there are candidates.
func Day(t time.Time) int64 { return t.Unix() / 86400 }

// Freshness windows.
const (
	StaleAfter   = 90 * 24 * time.Hour
	ExpiredAfter = 180 * 24 * time.Hour
	// RemindBefore: the first reminder goes out a week before a profile turns stale.
	RemindBefore = 7 * 24 * time.Hour
	// ConfirmTTL is how long a mailed confirmation link works.
	ConfirmTTL = 14 * 24 * time.Hour
)

// FreshnessOf labels a profile confirmed at confirmed, seen at now.
func FreshnessOf(confirmed, now time.Time) Freshness {
	switch age := now.Sub(confirmed); {
	case age >= ExpiredAfter:
		return Expired
	case age >= StaleAfter:
		return Stale
	}
	return Fresh
}

// Profile is the pseudonymous part of a candidate: what pools match on.
type Profile struct {
	Occupations       []string
	Skills            []string
	Experience        string
	Education         string
	Languages         []Language
	DrivingLicence    bool
	OwnTransport      bool
	PC4               string
	MaxTravelKm       *int
	HoursMin          *int
	HoursMax          *int
	Days              []string
	DayParts          []string
	AvailableFrom     *time.Time
	Rung              *int
	SupportNeeds      []string
	Doelgroepregister bool
	Praktijkroute     bool
	LKSIndicatie      bool
}

// Completeness scores a profile: the share of what a pool needs that is
// filled in, and what is missing (field names, in the order a klantmanager
// would fill them in).
func Completeness(p Profile) (score int, missing []string) {
	checks := []struct {
		field  string
		weight int
		ok     bool
	}{
		{"occupations", 20, len(p.Occupations) > 0},
		{"skills", 15, len(p.Skills) >= 3},
		{"pc4", 15, p.PC4 != ""},
		{"maxTravelKm", 5, p.MaxTravelKm != nil},
		{"hours", 10, p.HoursMin != nil && p.HoursMax != nil},
		{"rung", 10, p.Rung != nil},
		{"education", 5, p.Education != ""},
		{"languages", 5, len(p.Languages) > 0},
		{"availableFrom", 5, p.AvailableFrom != nil},
		{"days", 5, len(p.Days) > 0},
		{"experience", 5, len(p.Experience) >= 20},
	}
	total, got := 0, 0
	for _, c := range checks {
		total += c.weight
		if c.ok {
			got += c.weight
		} else {
			missing = append(missing, c.field)
		}
	}
	return got * 100 / total, missing
}
