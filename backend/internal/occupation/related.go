package occupation

import (
	"context"
	"slices"
	"sync"

	"gorm.io/gorm"
)

// Relatedness: which occupations count as the same or related work. It has
// three strengths beside Exact, from three sources, applied in this order:
//
//  1. Related: the same ISCO-08 unit group (ESCO's own classification), or
//     a neighbouring family (data/family_neighbours.csv: keukenhulp and kok);
//  2. Close: the same curated family (families.go), whatever the unit
//     group: bakkerijmedewerker, bakker, verkoopspecialist brood en banket;
//  3. the region's own changes (occupation_relations, made by its
//     accountmanagers): "add" makes a pair Close, "remove" takes away what
//     1 and 2 say about the pair.
//
// A relation has no direction: if bakker fits a bakkerijmedewerker
// vacature, a bakkerijmedewerker appears in a bakker's pool too (in the
// band after the bakers themselves). Reading it never writes, and a
// region's change holds from the next pool on.

// Strength is how close two occupations are; the zero value is unrelated.
type Strength int

// The strengths, weakest first (so max picks the closest).
const (
	Other Strength = iota
	Related
	Close
	Exact
)

// String is the strength's name in the API.
func (s Strength) String() string {
	return [...]string{"other", "related", "close", "exact"}[s]
}

// Relation is an occupation related to another, and why. Label and
// ISCOGroup are filled only for the suggestions (named).
type Relation struct {
	ID, Label, ISCOGroup string
	Strength             Strength
	// Source: "iscoGroup", "neighbourFamily", "family" or "region".
	Source string
	// Family is the family's Dutch name when Source is "family".
	Family string
}

// Related gives, for the occupations ids, every other occupation related to
// one of them in the region, by id with the closest strength found (no
// labels: a pool needs ids only; named adds them). The ids
// themselves are left out. A region's removal of a pair hides only that
// pair: what another of ids relates stays.
func (s *Service) Related(ctx context.Context, regionID string, ids []string) (map[string]Relation, error) {
	changes, err := s.regionChanges(ctx, s.DB, regionID, ids)
	if err != nil {
		return nil, err
	}
	out := map[string]Relation{}
	for _, id := range ids {
		one, err := s.relatedOne(ctx, id, changes)
		if err != nil {
			return nil, err
		}
		for k, r := range one {
			if old, ok := out[k]; !slices.Contains(ids, k) && (!ok || r.Strength > old.Strength) {
				out[k] = r
			}
		}
	}
	return out, nil
}

// relatedOne is Related for one occupation, given the region's changes.
func (s *Service) relatedOne(ctx context.Context, id string, changes []relationRow) (map[string]Relation, error) {
	out := map[string]Relation{}
	note := func(r Relation) {
		if old, ok := out[r.ID]; r.ID != id && (!ok || r.Strength > old.Strength) {
			out[r.ID] = r
		}
	}
	members, err := s.unitGroupOf(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, m := range members {
		note(Relation{ID: m, Strength: Related, Source: "iscoGroup"})
	}
	for _, f := range FamiliesOf(id) {
		for _, nf := range NeighbourFamilies(f.ID) {
			for _, m := range nf.Occupations {
				note(Relation{ID: m, Strength: Related, Source: "neighbourFamily", Family: nf.NameNL})
			}
		}
	}
	for _, f := range FamiliesOf(id) {
		for _, m := range f.Occupations {
			note(Relation{ID: m, Strength: Close, Source: "family", Family: f.NameNL})
		}
	}
	for _, c := range changes {
		other := c.other(id)
		switch {
		case other == "":
		case c.Action == ActionRemove:
			delete(out, other)
		default:
			out[other] = Relation{ID: other, Strength: Close, Source: "region"}
		}
	}
	return out, nil
}

// named fills in labels and unit groups (one query), for the suggestions.
func (s *Service) named(ctx context.Context, rel map[string]Relation) error {
	if len(rel) == 0 {
		return nil
	}
	ids := make([]string, 0, len(rel))
	for id := range rel {
		ids = append(ids, id)
	}
	var rows []struct{ ID, Label, ISCOGroup string }
	if err := s.DB.WithContext(ctx).Table("occupations").Select("id, label, isco_group").Where("id IN ?", ids).Scan(&rows).Error; err != nil {
		return err
	}
	for _, r := range rows {
		x := rel[r.ID]
		x.Label, x.ISCOGroup = r.Label, r.ISCOGroup
		rel[r.ID] = x
	}
	// An id the table does not know (a family row ahead of the data) is
	// left out rather than shown without a name.
	for id, x := range rel {
		if x.Label == "" {
			delete(rel, id)
		}
	}
	return nil
}

// unitGroupOf are the members of id's ISCO unit group (none for an
// unknown id). Reference data: cached for the life of the process.
func (s *Service) unitGroupOf(ctx context.Context, id string) ([]string, error) {
	if m, ok := groupMembers.Load(id); ok {
		return m.([]string), nil
	}
	var members []string
	err := s.DB.WithContext(ctx).Table("occupations").
		Where("isco_group = (SELECT isco_group FROM occupations WHERE id = ?)", id).Order("id").Pluck("id", &members).Error
	if err != nil {
		return nil, err
	}
	groupMembers.Store(id, members)
	return members, nil
}

var groupMembers sync.Map

// regionChanges are the region's relation changes that touch ids.
func (s *Service) regionChanges(ctx context.Context, db *gorm.DB, regionID string, ids []string) ([]relationRow, error) {
	var rows []relationRow
	err := db.WithContext(ctx).Where("region_id = ? AND (occupation_a IN ? OR occupation_b IN ?)", regionID, ids, ids).Find(&rows).Error
	return rows, err
}
