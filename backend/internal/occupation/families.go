package occupation

import (
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
)

// Occupation families are curated groups of occupations that a werkgever
// would treat as the same work at the same level when hiring for an
// entry-level job, across ISCO unit groups: bakkerijmedewerker (8160),
// bakker (7512) and verkoopspecialist brood en banket (5223) are one
// family. They are reviewed data (data/families.csv, whose header says how),
// shipped in the binary.
//
// Invariants, checked when the data is parsed:
//   - a family's rows are contiguous, so family ids are unique; every family has at least
//     minFamilyOccupations occupations, each listed once;
//   - an occupation is in at most maxFamiliesPerOccupation families;
//   - Families keeps the order of the file; a family's occupations keep
//     their order too.
//
// families_test.go checks the rest: every id is an occupation in
// esco_occupations_nl.csv with the label the file repeats, no family holds
// managers or professionals, and pairs a werkgever would never treat as the
// same work never share a family.

//go:embed data/families.csv
var familiesCSV []byte

const (
	minFamilyOccupations     = 3
	maxFamiliesPerOccupation = 2
	familiesHeader           = "family,name_nl,name_en,esco_id,label_nl"
)

// Family is a curated group of occupations that count as the same work.
type Family struct {
	ID          string   // e.g. "bakkerij"
	NameNL      string   // e.g. "Bakkerij"
	NameEN      string   // e.g. "Bakery"
	Occupations []string // occupation ids (last part of the ESCO URI)
}

type familySet struct {
	list []Family
	of   map[string][]int // occupation id → indexes into list
}

var loadFamilies = sync.OnceValues(func() (familySet, error) {
	list, err := parseFamilies(familiesCSV)
	if err != nil {
		return familySet{}, err
	}
	of := make(map[string][]int)
	for i, f := range list {
		for _, id := range f.Occupations {
			of[id] = append(of[id], i)
		}
	}
	return familySet{list: list, of: of}, nil
})

// LoadFamilies returns the bundled families, or why the embedded file is
// malformed. The file is parsed once.
func LoadFamilies() ([]Family, error) {
	set, err := loadFamilies()
	if err != nil {
		return nil, err
	}
	out := make([]Family, len(set.list))
	for i, f := range set.list {
		out[i] = f.clone()
	}
	return out, nil
}

// Families returns the bundled families in file order. It panics if the
// embedded file is malformed, which TestEmbeddedFamiliesParse rules out
// before a binary is built.
func Families() []Family {
	fs, err := LoadFamilies()
	if err != nil {
		panic(err)
	}
	return fs
}

// FamiliesOf returns the families (at most two) that hold the occupation,
// in file order; none for an unknown id or one in no family. It panics like
// Families.
func FamiliesOf(occupationID string) []Family {
	set, err := loadFamilies()
	if err != nil {
		panic(err)
	}
	var out []Family
	for _, i := range set.of[occupationID] {
		out = append(out, set.list[i].clone())
	}
	return out
}

func (f Family) clone() Family {
	f.Occupations = slices.Clone(f.Occupations)
	return f
}

// parseFamilies reads families.csv: '#' lines are comments, then a header
// and one row per occupation in a family. It enforces the invariants above.
func parseFamilies(data []byte) ([]Family, error) {
	r, err := csvReader(data, familiesHeader)
	if err != nil {
		return nil, fmt.Errorf("families: %w", err)
	}
	var list []Family
	index := map[string]int{}
	count := map[string]int{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("families: %w", err)
		}
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		id, nameNL, nameEN, occ := rec[0], rec[1], rec[2], rec[3]
		line, _ := r.FieldPos(0)
		if id == "" || nameNL == "" || nameEN == "" || occ == "" {
			return nil, fmt.Errorf("families: line %d: empty field", line)
		}
		i, ok := index[id]
		if ok && i != len(list)-1 {
			return nil, fmt.Errorf("families: line %d: family %s appears again after other families (duplicate id?)", line, id)
		}
		if !ok {
			i = len(list)
			index[id] = i
			list = append(list, Family{ID: id, NameNL: nameNL, NameEN: nameEN})
		}
		f := &list[i]
		if f.NameNL != nameNL || f.NameEN != nameEN {
			return nil, fmt.Errorf("families: line %d: family %s has names %q/%q, earlier %q/%q", line, id, nameNL, nameEN, f.NameNL, f.NameEN)
		}
		if slices.Contains(f.Occupations, occ) {
			return nil, fmt.Errorf("families: line %d: occupation %s listed twice in %s", line, occ, id)
		}
		f.Occupations = append(f.Occupations, occ)
		if count[occ]++; count[occ] > maxFamiliesPerOccupation {
			return nil, fmt.Errorf("families: line %d: occupation %s is in more than %d families", line, occ, maxFamiliesPerOccupation)
		}
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("families: no families")
	}
	for _, f := range list {
		if len(f.Occupations) < minFamilyOccupations {
			return nil, fmt.Errorf("families: %s has %d occupations, want at least %d", f.ID, len(f.Occupations), minFamilyOccupations)
		}
	}
	return list, nil
}

//go:embed data/family_neighbours.csv
var neighboursCSV []byte

// loadNeighbours reads family_neighbours.csv into family id → neighbour
// family ids (both ways). Every id must be a family.
var loadNeighbours = sync.OnceValues(func() (map[string][]string, error) {
	fams, err := LoadFamilies()
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, f := range fams {
		known[f.ID] = true
	}
	recs, err := readCSV(neighboursCSV, "family_a,family_b,why")
	if err != nil {
		return nil, fmt.Errorf("family neighbours: %w", err)
	}
	out := map[string][]string{}
	for _, rec := range recs {
		a, b := strings.TrimSpace(rec[0]), strings.TrimSpace(rec[1])
		if !known[a] || !known[b] || a == b {
			return nil, fmt.Errorf("family neighbours: %s,%s: both must be different families of families.csv", a, b)
		}
		if slices.Contains(out[a], b) {
			return nil, fmt.Errorf("family neighbours: %s,%s listed twice", a, b)
		}
		out[a], out[b] = append(out[a], b), append(out[b], a)
	}
	return out, nil
})

// NeighbourFamilies are the families whose work is related to family id's
// (family_neighbours.csv), in file order. It panics like Families.
func NeighbourFamilies(id string) []Family {
	n, err := loadNeighbours()
	if err != nil {
		panic(err)
	}
	set, _ := loadFamilies()
	var out []Family
	for _, nb := range n[id] {
		for _, f := range set.list {
			if f.ID == nb {
				out = append(out, f.clone())
			}
		}
	}
	return out
}
