package candidate

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

// Filter narrows the caseload.
type Filter struct {
	Status     Status
	Freshness  Freshness
	Incomplete bool   // completeness below 80
	Q          string // words in the name, public code or occupations
	Sort       string // a CaseloadSorts value; default -updatedAt
}

// CaseloadSorts are the fields the caseload sorts on; '-' first is descending.
var CaseloadSorts = []string{"updatedAt", "-updatedAt", "confirmedAt", "-confirmedAt", "code", "-code", "name", "-name", "completeness", "-completeness"}

// caseloadMax bounds one caseload read: a klantmanager's caseload is a few
// hundred, a region's (an admin) a few thousand.
const caseloadMax = 5000

// Entry is a caseload line: the candidate and its name (an audited read).
type Entry struct {
	Candidate
	Name string
}

// List returns one page of p's caseload with names, and how many candidates
// f selects in all. The names on the page are audited as one event naming
// those candidates (the names of the others were only compared with f.Q).
func (s *Service) List(ctx context.Context, p authz.Principal, f Filter, offset, limit int, ip string) ([]Entry, int, error) {
	all, err := s.caseload(ctx, p, f)
	if err != nil {
		return nil, 0, err
	}
	page := all[min(offset, len(all)):min(offset+limit, len(all))]
	return page, len(all), s.auditNames(ctx, page, "caseload", ip)
}

// ExportCaseload returns every candidate of p's caseload that f selects, for a CSV
// download; the names are audited as an export.
func (s *Service) ExportCaseload(ctx context.Context, p authz.Principal, f Filter, ip string) ([]Entry, error) {
	all, err := s.caseload(ctx, p, f)
	if err != nil {
		return nil, err
	}
	return all, s.auditNames(ctx, all, "caseload_export", ip)
}

// caseload reads the candidates of p's caseload that f selects, in f's
// order, with their names and occupation labels.
func (s *Service) caseload(ctx context.Context, p authz.Principal, f Filter) ([]Entry, error) {
	q := scope(s.DB.WithContext(ctx).Model(&Row{}), p)
	if f.Status != "" {
		q = q.Where("candidates.status = ?", string(f.Status))
	}
	now := s.now()
	switch f.Freshness {
	case Fresh:
		q = q.Where("candidates.confirmed_at > ?", now.Add(-StaleAfter))
	case Stale:
		q = q.Where("candidates.confirmed_at <= ? AND candidates.confirmed_at > ?", now.Add(-StaleAfter), now.Add(-ExpiredAfter))
	case Expired:
		q = q.Where("candidates.confirmed_at <= ?", now.Add(-ExpiredAfter))
	}
	var rows []Row
	if err := q.Order("candidates.public_code").Limit(caseloadMax).Find(&rows).Error; err != nil {
		return nil, err
	}
	names := map[string]string{}
	if len(rows) > 0 {
		ids := make([]string, len(rows))
		for i, r := range rows {
			ids[i] = r.ID
		}
		var idents []identityRow
		if err := s.DB.WithContext(ctx).Select("candidate_id", "name").Where("candidate_id IN ?", ids).Find(&idents).Error; err != nil {
			return nil, err
		}
		for _, i := range idents {
			names[i.CandidateID] = i.Name
		}
	}
	out := make([]Entry, 0, len(rows))
	for _, r := range rows {
		c := s.toCandidate(r)
		if f.Incomplete && c.Completeness >= 80 {
			continue
		}
		out = append(out, Entry{Candidate: c, Name: names[r.ID]})
	}
	ptrs := make([]*Candidate, len(out))
	for i := range out {
		ptrs[i] = &out[i].Candidate
	}
	if err := s.withLabels(ctx, ptrs...); err != nil {
		return nil, err
	}
	if words := httpapi.Words(f.Q); len(words) > 0 {
		out = slices.DeleteFunc(out, func(e Entry) bool {
			return !httpapi.Matches(words, append([]string{e.Name, e.PublicCode}, e.OccupationLabels...)...)
		})
	}
	sortCaseload(out, f.Sort)
	return out, nil
}

// sortCaseload orders entries by sort (ties by public code, which is unique).
func sortCaseload(out []Entry, sort string) {
	field, desc := httpapi.SortField(cmp.Or(sort, "-updatedAt"))
	by := map[string]func(a, b Entry) int{
		"updatedAt":    func(a, b Entry) int { return a.UpdatedAt.Compare(b.UpdatedAt) },
		"confirmedAt":  func(a, b Entry) int { return a.ConfirmedAt.Compare(b.ConfirmedAt) },
		"code":         func(a, b Entry) int { return 0 },
		"name":         func(a, b Entry) int { return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)) },
		"completeness": func(a, b Entry) int { return cmp.Compare(a.Completeness, b.Completeness) },
	}[field]
	if by == nil {
		by = func(a, b Entry) int { return 0 }
	}
	slices.SortStableFunc(out, func(a, b Entry) int {
		c := by(a, b)
		if desc {
			c = -c
		}
		if c == 0 {
			c = strings.Compare(a.PublicCode, b.PublicCode)
			if desc && field == "code" {
				c = -c
			}
		}
		return c
	})
}

// auditNames records that the names of entries were read (via caseload: on
// screen; caseload_export: downloaded), as one event naming the candidates.
func (s *Service) auditNames(ctx context.Context, entries []Entry, via, ip string) error {
	if len(entries) == 0 {
		return nil
	}
	ids := make([]string, len(entries))
	for i, e := range entries {
		ids[i] = e.ID
	}
	return audit.Record(ctx, s.DB, audit.FromPrincipal(ctx, audit.Event{Action: "candidate.identity_read", IP: ip,
		SubjectType: "candidate", Details: map[string]any{"fields": []string{"name"}, "candidates": ids, "via": via}}))
}
