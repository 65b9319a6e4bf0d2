// Package skill is the curated vocabulary of skills, certificates, languages
// and working conditions (data/skills_nl.json, reviewed; ~180 entries). It is
// small enough to search in memory: the typeahead needs no search engine.
// Openings and candidates store skill ids and validate them here.
package skill

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

//go:embed data/skills_nl.json
var skillsJSON []byte

// Categories of the vocabulary.
var Categories = []string{"certificaat", "rijbewijs", "taal", "vaardigheid", "werkhouding", "werkomstandigheid"}

// Skill is one entry of the vocabulary.
type Skill struct {
	ID       string   `json:"id"`
	Category string   `json:"category"`
	LabelNL  string   `json:"labelNl"`
	LabelEN  string   `json:"labelEn"`
	Synonyms []string `json:"synonyms"`
}

// Vocabulary is the parsed list with its search keys.
type Vocabulary struct {
	All  []Skill
	byID map[string]Skill
	keys [][]string // normalised label + synonyms per skill
}

// Load parses the bundled vocabulary.
func Load() (*Vocabulary, error) {
	var all []Skill
	if err := json.Unmarshal(skillsJSON, &all); err != nil {
		return nil, fmt.Errorf("skills vocabulary: %w", err)
	}
	v := &Vocabulary{All: all, byID: make(map[string]Skill, len(all))}
	for _, s := range all {
		if _, dup := v.byID[s.ID]; dup {
			return nil, fmt.Errorf("skills vocabulary: duplicate id %s", s.ID)
		}
		v.byID[s.ID] = s
		keys := []string{normalise(s.LabelNL), normalise(s.LabelEN)}
		for _, syn := range s.Synonyms {
			keys = append(keys, normalise(syn))
		}
		v.keys = append(v.keys, keys)
	}
	return v, nil
}

var fold = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// normalise lower-cases and strips accents: "Hygiënisch" matches "hygienisch".
func normalise(s string) string {
	out, _, err := transform.String(fold, strings.ToLower(strings.TrimSpace(s)))
	if err != nil {
		return strings.ToLower(s)
	}
	return out
}

// Get returns a skill by id.
func (v *Vocabulary) Get(id string) (Skill, bool) {
	s, ok := v.byID[id]
	return s, ok
}

// Unknown returns the ids that are not in the vocabulary, for validation.
func (v *Vocabulary) Unknown(ids []string) []string {
	var out []string
	for _, id := range ids {
		if _, ok := v.byID[id]; !ok {
			out = append(out, id)
		}
	}
	return out
}

// Find returns up to limit skills matching q (all when q is empty), best
// first: a label that starts with q, then a word of the label or a synonym
// that does, then q anywhere, then each of q's words somewhere in the label
// or synonyms ("deeg" finds Bakken through its synonyms), leaving out the
// words a requirement is wrapped in ("Engels spreken": fillers). category
// narrows the list when set.
func (v *Vocabulary) Find(q, category string, limit int) []Skill {
	q = normalise(q)
	words := significant(strings.Fields(q))
	type scored struct {
		s     Skill
		score int
	}
	var hits []scored
	for i, s := range v.All {
		if category != "" && s.Category != category {
			continue
		}
		score := 0
		if q == "" {
			score = 1
		}
		for k, key := range v.keys[i] {
			switch {
			case q == "":
			case strings.HasPrefix(key, q) && k < 2:
				score = max(score, 4)
			case strings.HasPrefix(key, q) || strings.Contains(key, " "+q) || strings.Contains(key, "-"+q):
				score = max(score, 3)
			case strings.Contains(key, q):
				score = max(score, 2)
			}
		}
		if score == 0 && q != "" && allWordsIn(words, v.keys[i]) {
			score = 1 // "elektrische truck": each word stands somewhere
		}
		if score > 0 {
			hits = append(hits, scored{s, score})
		}
	}
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].score != hits[b].score {
			return hits[a].score > hits[b].score
		}
		return hits[a].s.LabelNL < hits[b].s.LabelNL
	})
	out := make([]Skill, 0, min(limit, len(hits)))
	for _, h := range hits[:min(limit, len(hits))] {
		out = append(out, h.s)
	}
	return out
}

// fillers are the words a vacature wraps a requirement in ("ervaring met
// een heftruck", "Engels spreken", "in het bezit van rijbewijs B").
var fillers = map[string]bool{"ervaring": true, "met": true, "kennis": true, "van": true, "in": true, "bezit": true,
	"het": true, "de": true, "een": true, "goed": true, "kunnen": true, "spreken": true, "beheersing": true}

// significant drops the fillers from a search's words, unless nothing
// else is left.
func significant(words []string) []string {
	var out []string
	for _, w := range words {
		if !fillers[w] {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return words
	}
	return out
}

// allWordsIn says whether every word stands in one of keys.
func allWordsIn(words, keys []string) bool {
	for _, w := range words {
		found := false
		for _, k := range keys {
			if strings.Contains(k, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
