package occupation

import (
	"context"
	"errors"
	"fmt"

	"github.com/meilisearch/meilisearch-go"

	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
)

// ErrSearchUnavailable means Meilisearch did not answer; the caller may retry.
var ErrSearchUnavailable = errors.New("occupation search unavailable")

// Service answers occupation look-ups.
type Service struct{ Search *search.Client }

// Find returns up to limit occupations matching q, best first.
func (s *Service) Find(ctx context.Context, q string, limit int) ([]Occupation, error) {
	var docs []document
	res, err := s.Search.Index(IndexName).SearchWithContext(ctx, q, &meilisearch.SearchRequest{Limit: int64(limit)})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSearchUnavailable, err)
	}
	if err := res.Hits.DecodeInto(&docs); err != nil {
		return nil, fmt.Errorf("decode occupations: %w", err)
	}
	out := make([]Occupation, len(docs))
	for i, d := range docs {
		out[i] = Occupation{ID: d.ID, ESCOCode: d.ESCOCode, ISCOGroup: d.ISCOGroup, ISCOLabel: d.ISCOLabel, Label: d.Label, AltLabels: d.AltLabels}
	}
	return out, nil
}
