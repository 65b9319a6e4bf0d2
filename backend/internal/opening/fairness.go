// Package opening holds the organisations' openings: vacatures,
// proefplaatsen, leerwerkplekken and participatieplekken. This file is the
// fairness check: title and description are screened for requirements that
// Dutch equal-treatment law (Algemene wet gelijke behandeling, WGBL for age)
// forbids in recruitment, so a discriminatory opening is never published.
//
// Every creation, state change and review request is appended to the
// opening's event log (opening_events) in the transaction of the change;
// the log is append-only (a trigger refuses UPDATE and DELETE).
package opening

import (
	"regexp"
	"sort"
	"strings"
)

// FairnessCategory is the ground a requirement discriminates on.
type FairnessCategory string

// The grounds the check looks for.
const (
	Age       FairnessCategory = "leeftijd"
	Gender    FairnessCategory = "geslacht"
	Origin    FairnessCategory = "afkomst"
	Religion  FairnessCategory = "religie"
	Health    FairnessCategory = "gezondheid"
	Pregnancy FairnessCategory = "zwangerschap"
)

// fairnessRule is one maintained phrase or pattern.
type fairnessRule struct {
	id       string
	category FairnessCategory
	re       *regexp.Regexp
	nl, en   string
}

// FairnessHit is one problem found in a text.
type FairnessHit struct {
	Rule     string
	Category FairnessCategory
	Field    string // "title" or "description"
	Match    string // the words as written
	Start    int    // byte offset in the field
	ReasonNL string
	ReasonEN string
}

func rule(id string, cat FairnessCategory, pattern, nl, en string) fairnessRule {
	return fairnessRule{id: id, category: cat, re: regexp.MustCompile(`(?i)` + pattern), nl: nl, en: en}
}

const (
	ageNL = "Een leeftijdseis mag niet, tenzij daar een wettelijke reden voor is. Beschrijf wat iemand moet kunnen of kennen."
	ageEN = "Age requirements are not allowed unless the law requires them. Describe what the person must be able to do."
)

// fairnessRules is the list, reviewed for Dutch job ads. Inclusive forms such
// as "(m/v)", "(m/v/x)" and job titles are not flagged.
var fairnessRules = []fairnessRule{
	rule("age-max", Age, `\b(max(imaal|\.)?|hooguit|niet ouder dan|tot)\s+\d{2}\s*jaar\b`, ageNL, ageEN),
	rule("age-range", Age, `\b(tussen\s+(de\s+)?\d{2}\s+en\s+\d{2}\s*jaar|\d{2}\s*(-|tot)\s*\d{2}\s*jaar(\s+oud)?)\b`, ageNL, ageEN),
	rule("age-min", Age, `\b(min(imaal|\.)?|vanaf|ouder dan)\s+(2[5-9]|[3-9]\d)\s*jaar\s+oud\b`, ageNL, ageEN),
	rule("age-young", Age, `\b(jonge|jongere|jong|jeugdige|young)\s+(collega|medewerker|kracht|talent|mensen|man|vrouw|enthousiasteling|professional)s?\b`, ageNL, ageEN),
	rule("age-team", Age, `\bjong\s+(en\s+dynamisch\s+)?team\b`, "'Jong team' sluit oudere kandidaten uit. Beschrijf liever de sfeer, bijvoorbeeld 'een hecht en enthousiast team'.", "'Young team' excludes older candidates. Describe the atmosphere instead."),
	rule("age-generation", Age, `\b(millennial|gen\s?z|pensioengerechtigd|geen\s+55\+|geen\s+ouderen)\b`, ageNL, ageEN),
	rule("age-birth", Age, `\b(geboren\s+na|geboortejaar|leeftijd\s+(tot|max|onder))`, ageNL, ageEN),
	rule("gender-only", Gender, `\b(alleen|uitsluitend|enkel)\s+(mannen|vrouwen|dames|heren|mannelijke|vrouwelijke)\b`, "Een eis over het geslacht mag niet. Iedereen die het werk kan doen, mag reageren.", "Gender requirements are not allowed."),
	rule("gender-adjective", Gender, `\b(mannelijke|vrouwelijke)\s+(kandidaat|kandidaten|collega|medewerker|kracht|sollicitant)`, "Een eis over het geslacht mag niet. Iedereen die het werk kan doen, mag reageren.", "Gender requirements are not allowed."),
	rule("gender-wanted", Gender, `\b(man|vrouw|dame|heer|jongen|meisje)\s+gezocht\b`, "Een eis over het geslacht mag niet. Gebruik een neutrale functienaam, eventueel met (m/v/x).", "Gender requirements are not allowed; use a neutral job title."),
	rule("origin", Origin, `\b(nederlandse|autochtone|westerse|europese)\s+(afkomst|achtergrond|origine|komaf)\b|\bautochto(on|ne)\b|\bgeen\s+(buitenlanders|allochtonen|migranten|vluchtelingen)\b`, "Een eis over afkomst mag niet.", "Requirements about origin are not allowed."),
	rule("origin-mother-tongue", Origin, `\b(moedertaal\s+nederlands|nederlands\s+als\s+moedertaal|native\s+speaker)\b`, "Vraag niet naar een moedertaal. Vraag het taalniveau dat het werk nodig heeft, bijvoorbeeld 'Nederlands op B1-niveau'.", "Ask for the language level the job needs (e.g. Dutch at B1), not a mother tongue."),
	rule("origin-nationality", Origin, `\b(nederlandse\s+nationaliteit|paspoort\s+verplicht)\b`, "Een eis over nationaliteit mag alleen als de wet die stelt. Een geldige werkvergunning vragen mag wel.", "Nationality requirements are only allowed where the law requires them; asking for a valid work permit is fine."),
	rule("origin-appearance", Origin, `\b(blank|blanke|licht\s+getint|getinte|huidskleur)\b`, "Een eis over uiterlijk of huidskleur mag niet.", "Requirements about appearance or skin colour are not allowed."),
	rule("religion", Religion, `\b(geen\s+hoofddoek|zonder\s+hoofddoek|christelijke\s+achtergrond|niet[\s-]gelovig|geen\s+(moslims|joden|christenen)|religie\s+(vereist|verplicht))\b`, "Een eis over religie of levensovertuiging mag niet (alleen bij organisaties op religieuze grondslag en als het voor de functie nodig is).", "Requirements about religion are not allowed."),
	rule("health", Health, `\b(geen\s+(beperking|handicap|chronische\s+(ziekte|aandoening)|ziekteverleden|medische\s+klachten)|kerngezond|100\s*%\s*gezond|gezond\s+van\s+lijf\s+en\s+leden)\b`, "Vraag niet naar gezondheid of een beperking. Beschrijf wat het werk vraagt, bijvoorbeeld 'tillen tot 20 kg'.", "Do not ask about health or disability; describe what the work demands."),
	rule("pregnancy", Pregnancy, `\b(niet\s+zwanger|geen\s+(zwangerschap|kinderwens|kinderen|kleine\s+kinderen)|zonder\s+kinderwens)\b`, "Vragen over zwangerschap of kinderwens mogen niet.", "Questions about pregnancy or plans for children are not allowed."),
}

// CheckFairness screens an opening's title and description and returns
// every hit, in the order they appear (title first).
func CheckFairness(title, description string) []FairnessHit {
	var hits []FairnessHit
	for _, field := range []struct{ name, text string }{{"title", title}, {"description", description}} {
		var inField []FairnessHit
		for _, r := range fairnessRules {
			for _, loc := range r.re.FindAllStringIndex(field.text, -1) {
				inField = append(inField, FairnessHit{Rule: r.id, Category: r.category, Field: field.name,
					Match: strings.TrimSpace(field.text[loc[0]:loc[1]]), Start: loc[0], ReasonNL: r.nl, ReasonEN: r.en})
			}
		}
		sort.SliceStable(inField, func(i, j int) bool { return inField[i].Start < inField[j].Start })
		hits = append(hits, inField...)
	}
	return hits
}
