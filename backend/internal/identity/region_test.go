package identity

import (
	"reflect"
	"testing"
)

func TestParseRegionSettings(t *testing.T) {
	n := func(v int64) *int64 { return &v }
	for _, c := range []struct {
		name, raw string
		want      RegionSettings
	}{
		{"empty", `{}`, RegionSettings{}},
		{"not an object", `[1, 2]`, RegionSettings{}},
		{"every key", `{"invites": {"perOpening": 3, "approval": true}, "platformFeePercent": 12, "poolRungs": {"default": [3, 5]}}`,
			RegionSettings{Invites: &InviteSettings{PerOpening: 3, Approval: true}, PlatformFeePercent: n(12), PoolRungs: map[string][2]int{"default": {3, 5}}}},
		{"one bad key spoils only itself", `{"invites": {"perOpening": "veel"}, "platformFeePercent": 7}`, RegionSettings{PlatformFeePercent: n(7)}},
		{"a fraction is no percentage", `{"platformFeePercent": 12.5}`, RegionSettings{}},
		{"null is set to zero", `{"invites": null, "platformFeePercent": null}`, RegionSettings{Invites: &InviteSettings{}, PlatformFeePercent: n(0)}},
	} {
		if got := parseRegionSettings([]byte(c.raw)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: parseRegionSettings(%s) = %+v, want %+v", c.name, c.raw, got, c.want)
		}
	}
}
