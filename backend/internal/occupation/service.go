package occupation

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/meilisearch/meilisearch-go"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
)

// ErrSearchUnavailable means Meilisearch did not answer; the caller may retry.
var ErrSearchUnavailable = errors.New("occupation search unavailable")

// Service answers occupation look-ups: searches in Meilisearch and, for
// other domains, reads by id in Postgres (reference data, so no
// transaction is needed).
type Service struct {
	Search *search.Client
	DB     *gorm.DB
}

// Find returns up to limit occupations matching q, best first. After the
// best match come the best-known occupations of its ISCO-08 unit group, marked
// Near: someone typing "orderpikker" also sees "magazijnmedewerker". A word
// that names several occupations gets no near matches.
func (s *Service) Find(ctx context.Context, q string, limit int) ([]Occupation, error) {
	direct, err := s.search(ctx, q, &meilisearch.SearchRequest{Limit: int64(limit)})
	if err != nil || len(direct) == 0 || !names(direct[0], q) {
		// While someone is still typing ("magazijn"), the best hit is a
		// guess: its unit group would only add noise.
		return direct, err
	}
	if len(direct) > 1 && names(direct[1], q) {
		// The word names several occupations ("chauffeur": bus, taxi,
		// vrachtwagen): they come first, not the first one's unit group.
		return direct, nil
	}
	group, err := s.search(ctx, "", &meilisearch.SearchRequest{
		Filter: fmt.Sprintf("iscoGroup = %q", direct[0].ISCOGroup), Sort: []string{"altLabelCount:desc", "labelWords:asc"}, Limit: 3,
	})
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, o := range direct {
		seen[o.ID] = true
	}
	out := append(make([]Occupation, 0, limit), direct[0])
	for _, o := range group {
		if !seen[o.ID] {
			o.Near = true
			out = append(out, o)
		}
	}
	out = append(out, direct[1:]...)
	return out[:min(limit, len(out))], nil
}

func (s *Service) search(ctx context.Context, q string, req *meilisearch.SearchRequest) ([]Occupation, error) {
	res, err := s.Search.SearchIndex(IndexName).SearchWithContext(ctx, q, req)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSearchUnavailable, err)
	}
	var docs []document
	if err := res.Hits.DecodeInto(&docs); err != nil {
		return nil, fmt.Errorf("decode occupations: %w", err)
	}
	out := make([]Occupation, len(docs))
	for i, d := range docs {
		out[i] = Occupation{ID: d.ID, ESCOCode: d.ESCOCode, ISCOGroup: d.ISCOGroup, ISCOLabel: d.ISCOLabel, Label: d.Label, AltLabels: d.AltLabels}
	}
	return out, nil
}

// names reports whether q is (nearly: two typos at most) the occupation's
// label, one of its alternative labels or one of its everyday titles.
func names(o Occupation, q string) bool {
	q = strings.ToLower(strings.TrimSpace(q))
	if q == "" {
		return false
	}
	for _, l := range slices.Concat([]string{o.Label}, o.AltLabels, TitlesOf(o.ID)) {
		if editDistance(q, strings.ToLower(l)) <= 2 {
			return true
		}
	}
	return false
}

// editDistance is the Levenshtein distance between a and b (runes).
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
