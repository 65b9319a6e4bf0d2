package seed

import (
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/subsidy"
)

// DemoSubsidySource is the source of the demo region's municipal policy:
// example values a real region replaces with its gemeente's.
const DemoSubsidySource = "Demo-regio: voorbeeldwaarde — stel in volgens de beleidsregels van uw gemeente"

// DemoSubsidyParameters are the demo region's regional subsidy parameters
// (municipal policy), valid from 1 January 2025: LKS applied for within 6
// months of the start, the loonwaarde re-assessed after 12, a proefplaatsing
// of 2 months that may be extended by 1.
func DemoSubsidyParameters() []subsidy.Value {
	from := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	v := func(k subsidy.Key, n int64) subsidy.Value {
		return subsidy.Value{Key: k, Value: n, ValidFrom: from, Source: DemoSubsidySource}
	}
	return []subsidy.Value{v(subsidy.LKSApplyMonths, 6), v(subsidy.LKSReassessMonths, 12), v(subsidy.ProefMonths, 2), v(subsidy.ProefExtendMonths, 1)}
}
