package matching

import "github.com/meilisearch/meilisearch-go"

// TraceSearches makes the service call f with every multi-search it sends:
// the benchmark replays a pool's requests as its "raw" query.
func (s *Service) TraceSearches(f func([]*meilisearch.SearchRequest)) { s.trace = f }
