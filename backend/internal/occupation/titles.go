package occupation

import (
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
)

// Everyday job titles are the words Dutch werkgevers use for work that
// ESCO's Dutch labels lack or rank low ("afwasser", "pakketbezorger",
// "tuinman"), each mapped to the ESCO occupations that work is. They are
// reviewed data (data/titles.csv, whose header says how), shipped in the
// binary, and searched before the labels in the occupations index.
//
// Invariants, checked when the data is parsed: a title is lower case and
// trimmed; a title maps to at most maxTitleOccupations occupations, each
// once. titles_test.go checks that every id is an occupation in
// esco_occupations_nl.csv with the label the file repeats.

//go:embed data/titles.csv
var titlesCSV []byte

const (
	maxTitleOccupations = 4
	titlesHeader        = "title,esco_id,label_nl"
)

// loadTitles maps each occupation id to its everyday titles, in file order.
var loadTitles = sync.OnceValues(func() (map[string][]string, error) { return parseTitles(titlesCSV) })

// TitlesOf returns the everyday titles of an occupation (none for most). It
// panics if the embedded file is malformed, which TestEmbeddedTitlesParse
// rules out before a binary is built.
func TitlesOf(occupationID string) []string {
	of, err := loadTitles()
	if err != nil {
		panic(err)
	}
	return slices.Clone(of[occupationID])
}

// parseTitles reads titles.csv: '#' lines are comments, then a header and
// one row per title and occupation. It enforces the invariants above.
func parseTitles(data []byte) (map[string][]string, error) {
	r, err := csvReader(data, titlesHeader)
	if err != nil {
		return nil, fmt.Errorf("titles: %w", err)
	}
	of := map[string][]string{}
	per := map[string]int{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("titles: %w", err)
		}
		title, occ := rec[0], rec[1]
		line, _ := r.FieldPos(0)
		if title == "" || occ == "" {
			return nil, fmt.Errorf("titles: line %d: empty field", line)
		}
		if title != strings.ToLower(strings.TrimSpace(title)) {
			return nil, fmt.Errorf("titles: line %d: %q is not lower case and trimmed", line, title)
		}
		if slices.Contains(of[occ], title) {
			return nil, fmt.Errorf("titles: line %d: %q maps to %s twice", line, title, occ)
		}
		if per[title]++; per[title] > maxTitleOccupations {
			return nil, fmt.Errorf("titles: line %d: %q maps to more than %d occupations", line, title, maxTitleOccupations)
		}
		of[occ] = append(of[occ], title)
	}
	if len(of) == 0 {
		return nil, fmt.Errorf("titles: no titles")
	}
	return of, nil
}
