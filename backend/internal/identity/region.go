package identity

import (
	"context"
	"encoding/json"

	"gorm.io/gorm"
)

// RegionSettings are the rules a region sets for itself (the jsonb column
// regions.settings), read and parsed here for every domain that has a rule
// there. Each key is parsed on its own: a key that is missing or does not
// parse is left nil and does not spoil the others; the domain owning the
// rule applies its default and its bounds.
type RegionSettings struct {
	// Invites is "invites": the invite limits and timers (package invite).
	Invites *InviteSettings
	// PlatformFeePercent is "platformFeePercent": the region's share of a
	// provider's paid booking (package booking).
	PlatformFeePercent *int64
	// PoolRungs is "poolRungs": the participatieladder range a kind of
	// opening reaches, {"default": [lo, hi], "participatieplek": [lo, hi]}
	// (package matching).
	PoolRungs map[string][2]int
}

// InviteSettings are a region's invite rules as written; zero means "not
// set" for the numbers.
type InviteSettings struct {
	PerOpening            int  `json:"perOpening"`
	PerOrganisationPerDay int  `json:"perOrganisationPerDay"`
	Approval              bool `json:"approval"`
	TTLDays               int  `json:"ttlDays"`
	RemindAfterDays       int  `json:"remindAfterDays"`
}

// RegionSettings reads a region's settings in db (the caller's transaction,
// if any). An unknown region is an error; settings that do not parse are
// not.
func (s *Service) RegionSettings(ctx context.Context, db *gorm.DB, regionID string) (RegionSettings, error) {
	var raw []byte
	if err := db.WithContext(ctx).Raw(`SELECT settings FROM regions WHERE id = ?`, regionID).Row().Scan(&raw); err != nil {
		return RegionSettings{}, err
	}
	return parseRegionSettings(raw), nil
}

func parseRegionSettings(raw []byte) RegionSettings {
	var out RegionSettings
	var keys map[string]json.RawMessage
	if json.Unmarshal(raw, &keys) != nil {
		return out
	}
	if v, ok := keys["invites"]; ok {
		var in InviteSettings
		if json.Unmarshal(v, &in) == nil {
			out.Invites = &in
		}
	}
	if v, ok := keys["platformFeePercent"]; ok {
		var n int64
		if json.Unmarshal(v, &n) == nil {
			out.PlatformFeePercent = &n
		}
	}
	if v, ok := keys["poolRungs"]; ok {
		var rungs map[string][2]int
		if json.Unmarshal(v, &rungs) == nil {
			out.PoolRungs = rungs
		}
	}
	return out
}
