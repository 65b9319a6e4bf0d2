package seed

import (
	"slices"
	"strings"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/subsidy"
)

// DemoSubsidySource is the source of the demo region's municipal policy:
// example values a real region replaces with its gemeente's.
const DemoSubsidySource = subsidy.DemoSource

// DemoSubsidyParameters are the demo region's regional subsidy parameters
// (municipal policy, subsidy.DemoRegional), valid from 1 January 2025: LKS
// applied for within 6 months of the start, the loonwaarde re-assessed
// after 12, a proefplaatsing of 2 months that may be extended by 1.
func DemoSubsidyParameters() []subsidy.Value {
	from := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]subsidy.Value, 0, len(subsidy.DemoRegional))
	for k, n := range subsidy.DemoRegional {
		out = append(out, subsidy.Value{Key: k, Value: n, ValidFrom: from, Source: DemoSubsidySource})
	}
	slices.SortFunc(out, func(a, b subsidy.Value) int { return strings.Compare(string(a.Key), string(b.Key)) })
	return out
}
