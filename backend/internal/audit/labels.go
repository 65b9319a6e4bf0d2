package audit

import (
	_ "embed"
	"encoding/json"
	"maps"
	"slices"

	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// labels.json is the one catalogue of the audit log's words: every action
// code the code writes, every kind of subject, outcome and actor role, in
// Dutch and in English. The audit page, its filter and its CSV export all
// read it through the functions below. TestActionLabels keeps it complete:
// every action the backend records has a label in both languages.
//
//go:embed labels.json
var labelsJSON []byte

type catalogue struct {
	Actions  map[string]msg.Text `json:"actions"`
	Subjects map[string]msg.Text `json:"subjects"`
	Outcomes map[string]msg.Text `json:"outcomes"`
	Roles    map[string]msg.Text `json:"roles"`
}

var labels = func() catalogue {
	var c catalogue
	if err := json.Unmarshal(labelsJSON, &c); err != nil {
		panic("audit labels.json: " + err.Error())
	}
	return c
}()

func in(texts map[string]msg.Text, code string, lang msg.Lang) string {
	t, ok := texts[code]
	switch {
	case !ok:
		return code
	case lang == msg.EN:
		return t.EN
	default:
		return t.NL
	}
}

// ActionLabel is the action's label in lang; an unknown code is shown as
// itself.
func ActionLabel(code string, lang msg.Lang) string { return in(labels.Actions, code, lang) }

// SubjectLabel names a kind of subject (booking, candidate, …) in lang.
func SubjectLabel(kind string, lang msg.Lang) string { return in(labels.Subjects, kind, lang) }

// OutcomeLabel names an outcome in lang.
func OutcomeLabel(outcome string, lang msg.Lang) string { return in(labels.Outcomes, outcome, lang) }

// RoleLabel names an actor's role in lang.
func RoleLabel(role string, lang msg.Lang) string { return in(labels.Roles, role, lang) }

// Actions are the action codes the catalogue labels, sorted.
func Actions() []string { return slices.Sorted(maps.Keys(labels.Actions)) }

// Labelled reports whether the catalogue has a label for the action.
func Labelled(code string) bool {
	_, ok := labels.Actions[code]
	return ok
}
