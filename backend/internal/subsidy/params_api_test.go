package subsidy_test

import (
	"context"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/subsidy"
)

// The stored parameters resolve like the defaults: migrate's national
// values and the demo region's own policy, which another region lacks.
func TestStoredParameters(t *testing.T) {
	f := apptest.New(t)
	s := f.App.Subsidies
	on := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	p, err := s.Params(context.Background(), nil, f.RegionA, on, "date")
	if err != nil {
		t.Fatal(err)
	}
	if wml, _ := p.Get(subsidy.WMLMonth); wml != 229440 {
		t.Errorf("wml %d, want 229440", wml)
	}
	if m, ok := p.Get(subsidy.LKSApplyMonths); !ok || m != 6 {
		t.Errorf("demo region's LKS term %d %v, want 6", m, ok)
	}
	pb, err := s.Params(context.Background(), nil, f.RegionB, on, "date")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := pb.Get(subsidy.LKSApplyMonths); ok {
		t.Error("region B has the demo region's policy")
	}
	if _, err := s.Params(context.Background(), nil, f.RegionA, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), "date"); err == nil {
		t.Error("a day before the first period resolved")
	}
}
