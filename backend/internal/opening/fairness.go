// Package opening holds the organisations' openings: vacatures,
// proefplaatsen, leerwerkplekken and participatieplekken. This file is the
// fairness check: title and description are screened for requirements that
// Dutch equal-treatment law (Algemene wet gelijke behandeling, WGBL for age)
// forbids in recruitment, so a discriminatory opening is never published.
// The check is a set of patterns per ground (age in any wording, origin and
// nationality, religion, gender, pregnancy, health and disability, sexual
// orientation, civil status); a restriction ("geen", "alleen", "bij
// voorkeur", "... niet gewenst") on a group is what is flagged, a mention
// of that group is not ("ook 50-plussers zijn welkom", "je begeleidt
// jongeren"). fairness_phrases_test.go holds the reviewed list of flagged
// and acceptable phrases the patterns must keep to.
//
// Every creation, state change and review request is appended to the
// opening's event log (opening_events) in the transaction of the change;
// the log is append-only (a trigger refuses UPDATE and DELETE).
package opening

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// FairnessCategory is the ground a requirement discriminates on.
type FairnessCategory string

// The grounds the check looks for.
const (
	Age         FairnessCategory = "leeftijd"
	Gender      FairnessCategory = "geslacht"
	Origin      FairnessCategory = "afkomst"
	Religion    FairnessCategory = "religie"
	Health      FairnessCategory = "gezondheid"
	Pregnancy   FairnessCategory = "zwangerschap"
	Orientation FairnessCategory = "seksuele_geaardheid"
	CivilStatus FairnessCategory = "burgerlijke_staat"
)

// FairnessCategories lists every ground, in the order the API declares them.
var FairnessCategories = []FairnessCategory{Age, Gender, Origin, Religion, Health, Pregnancy, Orientation, CivilStatus}

// fairnessRule is one maintained pattern. A match is dropped when the text
// of its sentence before it ends in notBefore, or the text after it starts
// with notAfter (Go's regexp has no look-around).
type fairnessRule struct {
	id                  string
	category            FairnessCategory
	re                  *regexp.Regexp
	notBefore, notAfter *regexp.Regexp
	nl, en              string
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

// reasons per ground, in B1 Dutch and English.
var reasons = map[FairnessCategory][2]string{
	Age: {"Een leeftijdseis mag niet, ook niet in andere woorden (zoals 'jonge collega' of 'niet ouder dan 30'), tenzij de wet die stelt. Beschrijf wat iemand moet kunnen of kennen.",
		"Age requirements are not allowed, in any wording, unless the law requires them. Describe what the person must be able to do."},
	Gender: {"Een eis over het geslacht mag niet. Iedereen die het werk kan doen, mag reageren. Gebruik een neutrale functienaam, eventueel met (m/v/x).",
		"Gender requirements are not allowed; use a neutral job title."},
	Origin: {"Een eis over afkomst, nationaliteit of huidskleur mag niet. Vraag het taalniveau dat het werk nodig heeft (bijvoorbeeld 'Nederlands op B1-niveau') of een geldige werkvergunning.",
		"Requirements about origin, nationality or skin colour are not allowed; ask for the language level the job needs or a valid work permit."},
	Religion: {"Een eis over religie of levensovertuiging mag niet (alleen bij organisaties op religieuze grondslag en als het voor de functie nodig is).",
		"Requirements about religion or belief are not allowed."},
	Health: {"Vraag niet naar gezondheid, ziekte of een beperking. Beschrijf wat het werk vraagt, bijvoorbeeld 'tillen tot 20 kg'.",
		"Do not ask about health, illness or disability; describe what the work demands."},
	Pregnancy: {"Vragen of eisen over zwangerschap of kinderwens mogen niet.",
		"Questions or requirements about pregnancy or plans for children are not allowed."},
	Orientation: {"Een eis over seksuele geaardheid mag niet.",
		"Requirements about sexual orientation are not allowed."},
	CivilStatus: {"Een eis over burgerlijke staat of gezinssituatie (getrouwd, alleenstaand, kinderen) mag niet.",
		"Requirements about civil status or family situation are not allowed."},
}

func rule(id string, cat FairnessCategory, pattern string) fairnessRule {
	return fairnessRule{id: id, category: cat, re: regexp.MustCompile(`(?i)` + pattern), nl: reasons[cat][0], en: reasons[cat][1]}
}

func (r fairnessRule) except(before, after string) fairnessRule {
	if before != "" {
		r.notBefore = regexp.MustCompile(`(?i)(?:` + before + `)$`)
	}
	if after != "" {
		r.notAfter = regexp.MustCompile(`(?i)^(?:` + after + `)`)
	}
	return r
}

// alt joins alternatives into one non-capturing group.
func alt(parts ...string) string { return `(?:` + strings.Join(parts, "|") + `)` }

// The building blocks. Words are matched as words (\b); Go's \b is ASCII, so
// every alternative starts and ends in an ASCII letter or digit where it
// needs one.
var (
	// ages a requirement names: 15 to 75, in digits or words
	ageNum = alt(`1[5-9]`, `[2-6]\d`, `7[0-5]`,
		`(?:(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:en|ën))?(?:twintig|dertig|veertig|vijftig|zestig)`)
	// minimum ages that are more than the legal ones for work (16, 18, 21)
	ageMinNum = alt(`2[2-9]`, `[3-7]\d`,
		`(?:(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:en|ën))?(?:dertig|veertig|vijftig|zestig)`, `(?:twee|drie|vier|vijf|zes|zeven|acht|negen)(?:en|ën)twintig`)
	years = `\s*(?:jaar\b|jr\b\.?)`
	// words for a person applying or working
	person = alt(`man`, `mannen`, `vrouw`, `vrouwen`, `dame`, `dames`, `heer`, `heren`, `jongen`, `jongens`, `meid`, `meiden`,
		`meisje`, `meisjes`, `kerel`, `kerels`, `vent`, `gast`, `gasten`, `kandidaat`, `kandidaten`, `collega`, `collega's`, `collega’s`,
		`\p{L}*medewerkers?`, `\p{L}*medewerksters?`, `\p{L}*kracht(?:en)?`, `sollicitant(?:en)?`, `personen`, `persoon`,
		`werknemers?`, `types?`, `professionals?`, `starters?`, `chauffeurs?`, `vakmannen`, `vakman`, `enthousiastelingen`,
		`enthousiasteling`, `aanpakkers?`, `doeners?`, `teamspelers?`, `werkers?`, `monteurs?`, `verkopers?`, `verkoopsters?`,
		`schoonmakers?`, `begeleiders?`, `stagiairs?`, `hulpen`, `hulp`, `jongeman`, `gozers?`, `jongedames?`, `jongelui`, `bezorgers?`, `koks?`, `leerlingen`)
	// a restriction placed on a group
	restrict = `\b` + alt(`geen`, `liever\s+geen`, `liefst\s+geen`, `alleen`, `uitsluitend`, `enkel`, `bij\s+voorkeur`, `liefst`,
		`voorkeur\s+voor`, `niet\s+geschikt\s+voor`, `ongeschikt\s+voor`, `niet\s+voor`, `geen\s+plaats\s+voor`, `zonder`,
		`behalve`, `exclusief`, `only`, `no`) + `\s+`
	// up to two articles or adjectives between the restriction and the group ("geen oudere", "alleen sterke")
	adjs = `(?:(?:een|de|het|echte?|[\p{L}-]+e)\s+){0,2}`
	// what follows a group to exclude it
	refused = `\s+(?:(?:zijn|is|worden|wordt|komen|komt|hoeven|hoeft|kunnen|kan|mogen|mag)\s+)?(?:helaas\s+|echt\s+)?` +
		alt(`niet\s+(?:gewenst|welkom|in\s+aanmerking|aangenomen|geschikt|toegestaan|te\s+(?:solliciteren|reageren)|mogelijk)`,
			`ongewenst`, `uitgesloten`, `verboden`, `niet\s+reageren`, `niet\s+solliciteren`, `geen\s+optie`, `een\s+bezwaar`,
			`not\s+welcome`)
	// words that say the group is the clients, not the applicants
	clients = `(?:kinderen|jongeren|leerlingen|cliënten|clienten|pupillen|jeugdigen|bewoners|patiënten|patienten|deelnemers|` +
		`baby's|peuters|tieners|doelgroep|studenten|scholieren|klanten|ouderen|senioren|sporters|` +
		`gezinnen|cursisten|gasten|bezoekers)\b(?:[\s,]+[\p{L}'’-]+){0,4}[\s,]+`
	helping = `(?:\b(?:help\p{L}*|begeleid\p{L}*|ondersteun\p{L}*|coach\p{L}*|train\p{L}*|leer\p{L}*|bereik\p{L}*|geef\p{L}*|zorg\p{L}*|met|voor|van|aan|bij|in|onder|tussen)\s+(?:[\p{L}'’-]+\s+){0,2})`
	units   = `\s*(?:uur|uren|euro|€|kg|kilo|km|graden|procent|%|minuten|dagen|weken|maanden|cm|meter|medewerkers|mensen|personen|man\b|stuks|vestigingen|klanten|m2)`
	// pupils and students, sought as applicants with an age limit (age-seek-pupils)
	pupils    = alt(`scholieren`, `studenten`, `jongeren`, `leerlingen`)
	orNeutral = `\s*(?:of|en|/|&|\+)\s*(?:een\s+)?(?:[\p{L}-]+e\s+)?(?:man|vrouw|dame|heer|vrouwen|mannen|dames|heren|jongen|meisje|meid|x|v|m|anders)\b`
)

// group lists, per ground
var (
	ageGroups = alt(`ouderen\b`, `oudere\b`, `senioren\b`, `bejaarden\b`, `gepensioneerden\b`, `pensionado's`, `aow['’-]?ers\b`,
		`aow-gerechtigden\b`, `\d\d-?plussers\b`, `(?:vijftig|zestig|vijfenvijftig|veertig|vijfenveertig)-?plussers\b`,
		`\d\d\s?\+(?:['’]?ers\b)?`, `jongeren\b`, `jongere\s+(?:mensen|kandidaten|collega's|sollicitanten)\b`, `herintreders\b`, `babyboomers\b`)
	genderGroups = alt(`mannen`, `vrouwen`, `dames`, `heren`, `man`, `vrouw`, `dame`, `heer`, `mannelijke`, `vrouwelijke`, `jongens`,
		`meiden`, `meisjes`, `jongen`, `meid`, `meisje`, `vent`, `kerels?`, `moeders?`, `vaders?`, `transgenders?`, `males?`, `females?`, `men`, `women`) + `\b`
	natAdj = alt(`nederlandse`, `hollandse`, `poolse`, `roemeense`, `bulgaarse`, `marokkaanse`, `turkse`, `surinaamse`, `antilliaanse`,
		`kaapverdiaanse`, `syrische`, `afrikaanse`, `noord-afrikaanse`, `oost-europese`, `arabische`, `chinese`, `aziatische`, `eritrese`,
		`somalische`, `afghaanse`, `oekraïense`, `oekraiense`, `russische`, `indiase`, `indonesische`, `belgische`, `duitse`, `spaanse`,
		`portugese`, `italiaanse`, `hongaarse`, `litouwse`, `letse`, `griekse`, `buitenlandse`, `allochtone`, `autochtone`, `westerse`,
		`niet-westerse`, `europese`, `niet-europese`, `islamitische`, `joodse`, `irakese`, `iraanse`, `ghanese`, `nigeriaanse`, `filipijnse`)
	natGroups = alt(natAdj+`\b`, `nederlanders\b`, `hollanders\b`, `polen\b`, `roemenen\b`, `bulgaren\b`, `marokkanen\b`, `turken\b`,
		`surinamers\b`, `antillianen\b`, `kaapverdianen\b`, `syri[eë]rs\b`, `afrikanen\b`, `oost-europeanen\b`, `oostblokkers\b`,
		`arabieren\b`, `chinezen\b`, `aziaten\b`, `zigeuners\b`, `roma\b`, `eritree[eë]rs\b`, `somali[eë]rs\b`, `afghanen\b`,
		`oekra[iï]ners\b`, `russen\b`, `indi[eë]rs\b`, `indonesi[eë]rs\b`, `belgen\b`, `duitsers\b`, `spanjaarden\b`, `portugezen\b`,
		`italianen\b`, `hongaren\b`, `litouwers\b`, `letten\b`, `grieken\b`, `irakezen\b`, `iraniërs\b`, `buitenlanders\b`,
		`allochtonen\b`, `autochtonen\b`, `migranten\b`, `arbeidsmigranten\b`, `expats\b`, `statushouders\b`, `vluchtelingen\b`,
		`asielzoekers\b`, `nieuwkomers\b`, `niet-westerlingen\b`, `westerlingen\b`, `niet-nederlanders\b`, `europeanen\b`,
		`donkere\b`, `zwarten\b`, `gekleurde\b`, `kleurlingen\b`, `blanken\b`, `blanke\b`, `getinte\b`,
		`mensen\s+met\s+een\s+(?:\p{L}+\s+)?migratieachtergrond\b`, `migratieachtergrond\b`, `foreigners\b`)
	religionGroups = alt(`hoofddoek\p{L}*`, `boerka's?`, `boerkini`, `nikab`, `niqaa?b`, `keppel\p{L}*`, `tulband\p{L}*`,
		`hoofdbedekking\p{L}*`, `sluier\p{L}*`, `religieuze\s+(?:\p{L}+\s+)?(?:kleding|symbolen|tekens|uitingen|kentekenen|hoofdbedekking)`,
		`moslims?`, `moslima's?`, `islamieten`, `islamitische`, `joden`, `joodse`, `christenen`, `christelijke`, `christelijk`,
		`katholieken`, `katholieke`, `protestanten`, `protestantse`, `hindoes`, `hindoestanen`, `gelovigen`, `gelovige`, `gelovig`,
		`ongelovigen`, `atheïsten`, `atheisten`, `sikhs`, `boeddhisten`, `gereformeerden`, `gereformeerde`, `evangelische`,
		`religieuzen`, `religieus`, `kerkgangers`, `moslimvrouwen`, `muslims`,
		`(?:mensen|vrouwen|kandidaten|sollicitanten|medewerkers|collega's)\s+met\s+(?:een\s+)?(?:hoofddoek|keppel|tulband|boerka|nikab|hoofdbedekking)\p{L}*`) + `\b`
	healthGroups = alt(`beperking`, `beperkingen`, `handicaps?`, `gehandicapt`, `gehandicapten`, `arbeidsbeperking`, `arbeidsgehandicapt\p{L}*`,
		`chronische\s+(?:ziekte|ziektes|ziekten|aandoening|aandoeningen|klachten|pijn)`, `chronisch\s+zieke?n?`, `ziekteverleden`,
		`ziektegeschiedenis`, `medische\s+(?:voorgeschiedenis|klachten|problemen|beperkingen|aandoening)`,
		`(?:lichamelijke|fysieke|psychische|geestelijke|mentale|verstandelijke)\s+(?:beperking|beperkingen|klachten|problemen|aandoening|aandoeningen|handicap|ziekte|gezondheidsproblemen|kwetsbaarheid)`,
		`psychiatrische\s+(?:achtergrond|voorgeschiedenis|aandoening|problemen|klachten|diagnose)`, `ggz-?verleden`, `ggz-?achtergrond`,
		`burn-?out\p{L}*`, `rugklachten`, `gezondheidsklachten`, `gezondheidsproblemen`, `ziekte`, `ziektes`, `ziekten`, `ziekteverzuim`,
		`verzuimverleden`, `verzuimhistorie`, `arbeidsongeschikt\p{L}*`, `wajong\p{L}*`, `wia-?uitkering`, `wao-?\p{L}*`, `rolstoel\p{L}*`,
		`medicijngebruik`, `hiv`, `diabetes`, `epilepsie`, `autisme`, `adhd`, `dyslexie`, `depressie`, `mindervalide\p{L}*`,
		`invalide\p{L}*`, `doven`, `blinden`, `slechthorenden`, `slechtzienden`, `ziekelijke`,
		`mensen\s+met\s+(?:een\s+)?(?:\p{L}+\s+)?(?:beperking|handicap|aandoening|ziekte|arbeidsbeperking)`,
		`disabilities`, `disability`) + `\b`
	orientationGroups = alt(`homo's`, `homo`, `homoseksue\p{L}*`, `homofiel\p{L}*`, `lesbisch\p{L}*`, `lesbiennes?`, `biseksue\p{L}*`,
		`hetero's`, `hetero`, `heteroseksue\p{L}*`, `transgenders?`, `transseksue\p{L}*`, `lhb\p{L}*`, `lgb\p{L}*`, `queers?`,
		`flikkers?`, `gays?`) + `\b`
	civilGroups = alt(`ongehuwd\p{L}*`, `ongetrouwd\p{L}*`, `vrijgezel`, `alleenstaand\p{L}*`, `gehuwd\p{L}*`, `getrouwd\p{L}*`,
		`samenwonend\p{L}*`, `singles?`, `kinderloze?`, `\p{L}*echtpa(?:ar|ren)`, `gezin`, `gezinnen`, `gezinsverplichtingen`,
		`zorgtaken`, `zorgverplichtingen`, `mantelzorgtaken`, `kinderen`, `kind`, `partner`, `vaste\s+relatie`, `relatie`,
		`married`) + `\b`
)

// fairnessRules is the list, reviewed for Dutch job ads. Inclusive forms such
// as "(m/v)", "(m/v/x)" and job titles are not flagged; nor is a group
// named as the people the work is for ("je begeleidt jongeren tot 23 jaar").
var fairnessRules = []fairnessRule{
	// leeftijd
	rule("age-max", Age, `\b`+alt(`max(?:imaal|imum)?\.?`, `hooguit`, `hoogstens`, `ten\s+hoogste`, `tot(?:\s+en\s+met)?`, `t/m`,
		`onder\s+de`, `beneden\s+de`, `niet\s+boven\s+de`, `up\s+to`)+`\s+(?:de\s+)?(?:leeftijd\s+van\s+)?`+ageNum+years).
		except(clients+`(?:van\s+|in\s+de\s+leeftijd\s+van\s+)?`+`|`+clients+`\S*\s*`, `\s*(?:\p{L}+\s+)?(?:ervaring|werkervaring|geleden|garantie|in\s+dienst|bestaan|contract|looptijd|oud\s+zijn|ervaren)`),
	rule("age-upper", Age, `\b`+alt(`niet\s+ouder\s+dan`, `jonger\s+dan`, `onder\s+de`, `beneden\s+de`, `niet\s+boven\s+de`, `younger\s+than`, `under`)+
		`\s+(?:de\s+)?`+ageNum+`\b(?:`+years+`(?:\s+oud)?)?`).except(`\bniet\s+|`+clients+`\S*\s*`, units),
	rule("age-min", Age, `\b`+alt(`ouder\s+dan`, `niet\s+jonger\s+dan`, `boven\s+de`, `min(?:imaal|imum)?\.?`, `vanaf`, `minstens`,
		`ten\s*minste`, `over`)+`\s+(?:de\s+)?(?:leeftijd\s+van\s+)?`+ageMinNum+`\b(?:`+years+`(?:\s+oud)?)?`).
		except(`\bniet\s+|`+clients+`\S*\s*`, units+`|\s*(?:jaar\s+|jr\.?\s+)?(?:\p{L}+\s+)?(?:ervaring|werkervaring|geleden|in\s+dienst|bestaan|contract)|\s*(?:jaar|jr)?\s*(?:[,;:]|\s)\s*(?:ervaring|werkervaring)`),
	rule("age-range", Age, alt(`\btussen\s+(?:de\s+)?`+ageNum+`\s+en\s+`+ageNum+`\b(?:`+years+`(?:\s+oud)?)?`,
		`\b`+ageNum+`\s*(?:-|–|tot|à|a)\s*`+ageNum+years+`(?:\s+oud)?`)).except(clients+`\S*\s*`, units+`|\s*(?:jaar\s+)?(?:\p{L}+\s+)?(?:ervaring|werkervaring|geleden)`),
	rule("age-years-old", Age, `\b`+alt(`je\s+bent`, `jij\s+bent`, `u\s+bent`, `ben\s+je`, `ben\s+jij`, `bent\s+u`, `is`, `leeftijd`)+
		`\s+(?:ongeveer\s+|rond\s+|circa\s+|ca\.\s+|tussen\s+)?(?:de\s+)?`+ageNum+years+`(?:\s+oud)?`).
		except(``, `\s*(?:of|en)\s+(?:ouder|jonger|meer)|\s+(?:\p{L}+\s+)?(?:ervaring|werkervaring|in\s+dienst|bij\s+ons)`),
	rule("age-or-younger", Age, `\b`+ageNum+years+`\s+of\s+(?:jonger|minder)\b`),
	rule("age-or-older", Age, `\b`+ageMinNum+years+`\s+of\s+ouder\b`),
	rule("age-jarige", Age, `\b`+ageNum+`\s*(?:-|–|tot|à)?\s*(?:`+ageNum+`\s*-?\s*)?jarigen?\b`).
		except(``, `\s+(?:jubileum|bestaan|ervaring|geschiedenis|traditie|contract|feest|verjaardag|huwelijk|dienstverband|bedrijf|organisatie|familiebedrijf)`),
	rule("age-decade", Age, alt(`\b(?:twintigers?|dertigers?|veertigers?|twentysomethings?)\b`,
		`\b(?:eind|begin|midden|half|ergens\s+in\s+de|in\s+de|rond\s+de)\s+(?:de\s+)?(?:twintig|dertig|veertig|vijftig|20|30|40|50)\b(?:`+years+`)?`)).
		except(`\b(?:jaren|de)\s+`, units+`|\s*(?:['’]?er|-?jaren)`),
	rule("age-label", Age, `\b`+alt(`leeftijd`, `leeftijdsgrens`, `leeftijdscategorie`, `leeftijdsindicatie`, `leeftijdseis`, `maximumleeftijd`,
		`maximale\s+leeftijd`, `gewenste\s+leeftijd`, `ideale\s+leeftijd`, `age`)+
		`(?:\s*(?::|is|van|tot|max\.?|maximaal|onder|tussen|ca\.?|circa|rond|ongeveer|bij|voorkeur|de|-|–))*\s*`+ageNum+`\b`).
		except(clients+`\S*\s*|\b(?:de|hun)\s+`, ``),
	rule("age-min-label", Age, `\b`+alt(`minimumleeftijd`, `minimale\s+leeftijd`, `leeftijd\s+(?:vanaf|minimaal)`)+`\s*:?\s*`+ageMinNum+`\b`),
	rule("age-limit-word", Age, `\b`+alt(`leeftijdsgrens`, `maximumleeftijd`, `maximale\s+leeftijd`, `leeftijdseis`, `leeftijdslimiet`)+`\b`).
		except(`\b(?:geen|zonder|wettelijke|wettelijk)\s+(?:\p{L}+\s+)?`, ``),
	rule("age-birth", Age, alt(`\bgeboren\s+(?:na|voor|vóór|tussen|in\s+of\s+na|vanaf|ná)\s+(?:19|20)\d\d\b`, `\bgeboortejaar\b`,
		`\b(?:vermeld|noem|geef|stuur)\s+(?:\p{L}+\s+){0,3}(?:je|jouw|uw)\s+(?:leeftijd|geboortedatum)\b`, `\b(?:leeftijd|geboortedatum)\s+(?:en|,)\s+(?:een\s+)?foto\b`,
		`\bfoto\s+(?:en|,)\s+(?:\p{L}+\s+)?(?:leeftijd|geboortedatum)\b`)),
	rule("age-young", Age, `\b(?:jong|jonge|jongere|jeugdig|jeugdige|young)\b(?:[\s,]+(?:en\s+)?(?:[\p{L}-]+(?:e|ig|isch|ief|eus|is|d|t|l|k|s)))?(?:[\s,]+(?:en\s+)?(?:[\p{L}-]+(?:e|ig|isch|ief|eus|is|d|t|l|k)))?[\s,]+`+
		alt(person, `team`, `teams`, `bloed`, `honden`, `uitstraling`, `goden`, `god`, `ambitieuzelingen`, `blik`, `garde`)+`\b`).
		except(``, `\s*(?:met|van|en|of)\s+(?:\p{L}+\s+){0,2}(?:ervaring)|\s+(?:\p{L}+\s+)?(?:kinderen|jongeren|cliënten|clienten|dieren|planten)`),
	rule("age-young-people", Age, `\b(?:jonge|jong|jeugdige|frisse\s+jonge)\s+`+alt(`mensen`, `talent(?:en)?`, `sporters`, `ambitieuze\s+mensen`)+`\b`).
		except(helping, ``),
	// "je bent jong", "je bent een jonge hond" (but "je verzorgt een jonge hond" is work with animals).
	rule("age-you-young", Age, `\b`+alt(`je\s+bent`, `jij\s+bent`, `u\s+bent`, `ben\s+je`, `ben\s+jij`, `bent\s+u`)+`\s+(?:nog\s+)?`+
		alt(`(?:jong|jeugdig)\b`, `(?:(?:een|de|onze)\s+)?(?:[\p{L}-]+e\s+)?jonge\s+hond\b`)).
		except(``, `\s+(?:van\s+(?:geest|hart)|genoeg)`),
	// An age limit on pupils or students sought as applicants ("bijbaan voor scholieren tot 18 jaar");
	// the same group as the people the work is for ("je begeleidt jongeren tot 23 jaar") is not.
	rule("age-seek-pupils", Age, `\b(?:zoek\p{L}*|gezocht:?|geschikt\s+voor|bijbaan\s+voor|vakantiewerk\s+voor|vakantiebaan\s+voor|werk\s+voor)\s+`+
		`(?:(?:wij|we|jullie|enkele|\d+|[\p{L}-]+e)\s+){0,2}`+pupils+`(?:\s+(?:en|of)\s+`+pupils+`)?\s+(?:van\s+|tussen\s+|in\s+de\s+leeftijd\s+van\s+)?`+
		alt(`tot(?:\s+en\s+met)?\s+`+ageNum, `t/m\s+`+ageNum, `onder\s+de\s+`+ageNum, ageNum+`\s*(?:-|–|tot|t/m|en)\s*`+ageNum)+years),
	rule("age-team-of-young", Age, `\bteam\s+(?:van|vol|met)\s+(?:\p{L}+\s+)?(?:jonge|jeugdige|young)\s+`+alt(person, `mensen`, `talent(?:en)?`)+`\b`),
	rule("age-max-experience", Age, `\b`+alt(`max(?:imaal|imum)?\.?`, `hooguit`, `niet\s+meer\s+dan`, `ten\s+hoogste`, `hoogstens`)+
		`\s+\d{1,2}`+years+`\s+(?:relevante\s+|werk)?(?:werk)?ervaring\b`),
	rule("age-group", Age, restrict+adjs+ageGroups).except(`\bniet\s+|\bnot\s+`, `\s*(?:zorg|werk|ervaring)`),
	rule("age-group-refused", Age, ageGroups+refused),
	rule("age-generation", Age, alt(`\bmillennials?\b`, `\bgen(?:eratie)?[\s-]?z(?:['’]?ers)?\b`, `\bpensioengerechtigd\p{L}*`, `\bjong\s+bloed\b`)).
		except(`\b(?:ook|en)\s+`, `\s+(?:\p{L}+\s+)?(?:welkom|zijn\s+welkom)`),
	rule("age-young-word", Age, alt(`\bzoek\p{L}*\s+(?:wij\s+|we\s+)?(?:een\s+|enkele\s+)?(?:[\p{L}-]+e\s+)?(?:jongedames?|jongemannen|jongeman|jongelui|jongeren)\b`,
		`\b(?:jongedames?|jongemannen|jongeman|jongelui)\s+gezocht\b`)),
	rule("age-en", Age, alt(`\byoung\s+(?:and\s+\p{L}+\s+)?(?:team|colleague|people|professional|talent)s?\b`, `\bmax(?:imum)?\s+age\b`)),

	// geslacht
	rule("gender-restrict", Gender, restrict+adjs+genderGroups).
		except(`\bniet\s+|\bnot\s+`, orNeutral+`|\s+(?:collega's|collega’s|\p{L}*medewerkers?)\s+(?:en|of)`+`|\s+(?:in\s+|op\s+)?(?:het|de|een)\s+(?:team|winkel|afdeling)|\s+(?:alleen|overboord)`),
	rule("gender-adjective", Gender, `\b(?:mannelijke|vrouwelijke)\s+(?:[\p{L}-]+e\s+)?`+alt(person, `\p{L}*(?:medewerk|kandida|sollicitant|collega|chauffeur|monteur|begeleid|verkop|werknem|professional|docent|verpleeg|verzorg|beveilig)\p{L}*`)+`\b`).
		except(helping+`|\b(?:ook|en|of)\s+`, orNeutral),
	rule("gender-wanted", Gender, `\b`+alt(`man`, `vrouw`, `dame`, `heer`, `jongen`, `meisje`, `meid`, `mannen`, `vrouwen`, `dames`,
		`heren`, `jongens`, `meiden`, `meisjes`, `kerels?`, `vent`)+`\s+gezocht\b`).except(`(?:of|en|/|&)\s*`, ``),
	rule("gender-seek", Gender, `\bzoek\p{L}*\s+(?:wij\s+|we\s+|ik\s+|jullie\s+)?(?:een\s+|enkele\s+|twee\s+|drie\s+|\d+\s+)?(?:[\p{L}-]+e\s+){0,2}`+
		alt(`man`, `vrouw`, `moeder`, `vader`, `dame`, `heer`, `jongen`, `meisje`, `meid`, `mannen`, `vrouwen`, `dames`, `heren`, `jongens`, `meiden`, `kerels?`, `vent`)+`\b`).
		except(``, orNeutral+`|\s*\(m/v`),
	rule("gender-you-are", Gender, `\b(?:je|jij|u)\s+(?:bent|is)\s+(?:een\s+)?(?:[\p{L}-]+e\s+)?`+alt(`man`, `vrouw`, `dame`, `heer`, `jongen`, `meid`, `vent`, `kerel`, `jongedame`, `jongeman`)+`\b`).
		except(``, orNeutral+`|\s+van\s+(?:je|uw)\s+woord`),
	rule("gender-are-you", Gender, `\bben\s+(?:jij|je)\s+(?:een|de|onze)\s+(?:[\p{L}-]+e\s+)?`+alt(`man`, `vrouw`, `dame`, `heer`, `jongen`, `meid`, `vent`, `kerel`, `jongedame`, `jongeman`)+`\b`).
		except(``, orNeutral),
	rule("gender-marker", Gender, `\((?:m|v|man|vrouw|male|female|f)\)`),
	rule("gender-work", Gender, `\b(?:mannenwerk|vrouwenwerk|mannenbaan|vrouwenbaan|mannenberoep|vrouwenberoep|mannenjob|vrouwenjob)\b`).
		except(`\bgeen\s+(?:typisch\s+)?|\bniet\s+(?:alleen\s+)?`, ``),
	rule("gender-field", Gender, `\bgeslacht\s*:\s*(?:man|vrouw|m|v)\b`),
	rule("gender-refused", Gender, `\b(?:mannen|vrouwen|dames|heren|transgenders)`+refused),
	rule("gender-en", Gender, alt(`\b(?:male|female|men|women)\s+only\b`, `\bonly\s+(?:male|female|men|women)\b`)),

	// afkomst en nationaliteit
	rule("origin-restrict", Origin, restrict+adjs+natGroups).
		except(`\bniet\s+|\bnot\s+`, `\s*(?:sprekend|sprekende|talig|talige|taal|taalvaardigheid|en\s+\p{L}+\s+(?:sprekend|taal|talig)|klanten|markt|producten|keuken|gerechten|recepten|les|teksten|bedrijven|vestigingen|cursus|taalles|diploma|rijbewijs|wetgeving|regels|bodem|grond|vlag|routes?|ritten|snelwegen|wegen|merken|wijnen|feestdagen|kust)\b`),
	rule("origin-background", Origin, `\b(?:van\s+)?`+alt(natAdj, `nederlands`, `hollands`, `westers`, `europees`, `buitenlands`, `oosters`)+
		`\s+(?:afkomst|komaf|origine|achtergrond|herkomst|roots|bloed|ouders|nationaliteit|paspoort|uiterlijk|accent|voorkomen|type|afstamming)\b`).
		except(`\b(?:ongeacht|ook)\s+(?:\p{L}+\s+)?`, `\s*(?:\p{L}+\s+){0,4}(?:welkom|aangemoedigd|uitgenodigd|nodig\s+om\s+te\s+werken)`),
	rule("origin-seek", Origin, alt(`\bzoek\p{L}*\s+(?:wij\s+|we\s+)?(?:een\s+|enkele\s+|\d+\s+)?(?:[\p{L}-]+e\s+)?`+natAdj+`\s+[\p{L}-]+`,
		natAdj+`\s+(?:[\p{L}-]+\s+)?`+person+`\s+gezocht\b`, `\b(?:nederlanders?|hollanders?)\s+gezocht\b`)).
		except(``, `\s*(?:sprekend|talig|\p{L}*talige|kennis)`),
	rule("origin-born", Origin, alt(`\bgeboren\s+(?:en\s+getogen\s+)?in\s+nederland\b`, `\bin\s+nederland\s+geboren\b`,
		`\b(?:geboren|rasechte|echte|autochtone|volbloed|oer-?hollandse|oer-?nederlandse|blanke)\s+(?:nederlanders?|hollanders?)\b`,
		`\b(?:je|jij|u)\s+(?:bent|is)\s+(?:een\s+)?(?:\p{L}+\s+)?(?:nederlander|hollander)\b`, `\bautochto(?:on|ne|nen)\b`, `\ballochto(?:on|ne)\b`)).
		except(`\b(?:ongeacht|ook)\s+(?:\p{L}+\s+)?`, ``),
	rule("origin-accent", Origin, alt(`\baccentloos\b`, `\baccentloze\b`, `\bzonder\s+(?:\p{L}+\s+)?accent\b`, `\bgeen\s+(?:\p{L}+\s+)?accent\b`, `\baccentvrij\p{L}*`)).
		except(`\b(?:ook\s+met\s+een\s+)`, ``),
	rule("origin-mother-tongue", Origin, alt(`\bmoedertaal\b`, `\bnative\s+speakers?\b`, `\bnative\s+(?:dutch|english)\b`, `\bmoedertaalspreker\p{L}*`)).
		except(`\b(?:niet|geen)\s+(?:je\s+|jouw\s+|uw\s+|de\s+)?|\b(?:ongeacht|hoeft)\s+(?:\p{L}+\s+){0,3}`, `\s*(?:hoeft|is\s+niet|maakt\s+niet|is\s+geen)`),
	rule("origin-nationality", Origin, alt(`\bpaspoort\s+verplicht\b`, `\bnationaliteit\s*(?::|vereist|verplicht)`,
		`\b(?:vermeld|noem|geef)\s+(?:\p{L}+\s+){0,3}(?:je|jouw|uw)\s+(?:nationaliteit|afkomst|geboorteland)\b`)),
	rule("origin-appearance", Origin, alt(`\b(?:blanke|witte|zwarte|donkere|getinte|lichtgetinte|gekleurde|licht\s+getinte)\s+`+alt(person, `mensen`, `huid`, `huidskleur`)+`\b`,
		`\b(?:lichte|donkere|blanke|witte|getinte|zwarte)\s+huidskleur\b`, `\bhuidskleur\s*:`, `\b(?:je|jij|u)\s+(?:bent|is)\s+blank\b`,
		`\b(?:westers|europees|nederlands|hollands|noord-europees)\s+(?:uiterlijk|voorkomen)\b`)).except(`\bongeacht\s+(?:\p{L}+\s+)?`, ``),
	rule("origin-refused", Origin, natGroups+`(?:\s+`+person+`)?`+refused),
	rule("origin-en", Origin, alt(`\bdutch\s+(?:nationals?|origin|background)\s+only\b`, `\bno\s+foreigners\b`, `\bwhite\s+(?:people|candidates)\b`)),

	// religie
	rule("religion-restrict", Religion, restrict+adjs+religionGroups).
		except(`\bniet\s+|\bnot\s+`, `\s*(?:feestdagen|feest|scholen|school|organisaties?|instellingen?|identiteit|grondslag|achtergrond\s+vereist)\b`),
	rule("religion-refused", Religion, religionGroups+`(?:\s+`+person+`)?`+refused),
	rule("religion-nonbeliever", Religion, `\b(?:niet[\s-]gelovige|ongelovige|gelovige|christelijke|islamitische|katholieke|joodse)\s+`+person+`\s+(?:gezocht|gevraagd)\b`),
	rule("religion-you-are", Religion, `\b(?:je|jij|u)\s+(?:bent|is)\s+(?:een\s+)?(?:\p{L}+\s+)?`+alt(`christen`, `christelijk`, `moslim`, `moslima`, `katholiek`, `protestants`,
		`joods`, `gelovig`, `niet-gelovig`, `atheïst`, `atheist`, `hindoe`, `islamitisch`, `gereformeerd`, `religieus`, `kerkelijk`)+`\b`),
	rule("religion-member", Religion, `\blid\s+van\s+(?:een|de|onze)\s+(?:\p{L}+\s+)?(?:kerk|moskee|synagoge|kerkgenootschap|geloofsgemeenschap|gemeente)\b`).
		except(`\bongeacht\s+(?:\p{L}+\s+){0,3}`, ``),
	rule("religion-background", Religion, `\b(?:christelijke|islamitische|joodse|katholieke|protestantse|religieuze|gereformeerde|hindoestaanse)\s+(?:achtergrond|afkomst|opvoeding|geloofsovertuiging)\b`).
		except(`\bongeacht\s+(?:\p{L}+\s+){0,3}`, ``),
	rule("religion-share", Religion, `\b(?:deelt|delen|deel\s+je|belijdt|praktiseert|aanhangt)\s+(?:ons|onze|het|de|dit)\s+(?:\p{L}+\s+)?(?:geloof|religie|levensovertuiging|geloofsovertuiging)\b`),
	rule("religion-field", Religion, alt(`\b(?:religie|geloof|geloofsovertuiging)\s*(?::|vereist|verplicht)`,
		`\b(?:vermeld|noem|geef)\s+(?:\p{L}+\s+){0,3}(?:je|jouw|uw)\s+(?:religie|geloof|geloofsovertuiging)\b`)),
	rule("religion-praying", Religion, `\b(?:bidden|gebed|gebeden|gebedspauzes?|ramadan|vasten|hoofddoek\p{L}*)\s+(?:\p{L}+\s+){0,4}?(?:niet\s+toegestaan|verboden|niet\s+mogelijk|mag\s+niet|niet\s+gewenst|niet\s+dragen|is\s+niet\s+toegestaan|niet\s+aan\s+de\s+orde)`),
	rule("religion-no-dress", Religion, `\bniet\s+(?:toegestaan\s+)?(?:om\s+)?(?:een\s+)?(?:hoofddoek|boerka|keppel|tulband|hoofdbedekking)\p{L}*\s+(?:te\s+)?dragen\b`),
	rule("religion-en", Religion, alt(`\bno\s+(?:headscarf|headscarves|hijab|muslims|jews)\b`, `\bchristians?\s+only\b`)),

	// gezondheid en beperking
	rule("health-restrict", Health, restrict+adjs+healthGroups).
		except(`\bniet\s+|\bnot\s+`, `\s+(?:in\s+(?:je\s+|de\s+)?(?:werktijden|beschikbaarheid|uren|reistijd|rijbewijs)|qua\s+|op\s+het\s+gebied|aan\s+(?:het\s+)?aantal|van\s+de\s+werktijden|-?uitkering\s+nodig)`),
	rule("health-refused", Health, healthGroups+refused),
	rule("health-fit", Health, alt(`\bkerngezond\b`, `\b(?:100|honderd)\s*(?:%|procent)\s*(?:gezond|fit)`, `\bgezond\s+van\s+lijf\s+en\s+leden\b`,
		`\b(?:je|jij|u)\s+(?:bent|is)\s+(?:\p{L}+\s+)?gezond\b`, `\b(?:lichamelijk|fysiek|psychisch|mentaal|geestelijk)\s+(?:volledig\s+|helemaal\s+|100%\s+)?(?:gezond|stabiel)\b`,
		`\b(?:in\s+)?(?:een\s+)?(?:goede|uitstekende|blakende|perfecte|prima)\s+(?:lichamelijke\s+|fysieke\s+|algemene\s+|psychische\s+)?gezondheid\b`,
		`\bgezondheid\s+(?:is\s+)?(?:vereist|verplicht|een\s+must|noodzakelijk)`)).
		except(`\b(?:aan|voor|bevorder\p{L}*|bewaak\p{L}*|houd\p{L}*|zorg\p{L}*|werk\p{L}*\s+aan|stimuleer\p{L}*|richt\p{L}*)\s+(?:\p{L}+\s+){0,3}|\bblijf\s+|\bblijven\s+`, `\s+(?:van|voor)\s+(?:de|onze|hun|je|alle)\b|\s+(?:te\s+)?(?:blijven|houden)`),
	rule("health-sick", Health, alt(`\b(?:nooit|zelden|weinig|nauwelijks|amper|niet\s+vaak|bijna\s+nooit)\s+ziek\b`, `\b(?:je|u)\s+(?:bent|wordt)\s+niet\s+(?:snel\s+|vaak\s+)?ziek\b`,
		`\b(?:laag|weinig)\s+(?:ziekte)?verzuim\b`, `\bgeen\s+(?:ziekte)?verzuim\b`, `\bverzuim(?:cijfers|percentage)\s+(?:\p{L}+\s+){0,3}(?:laag|onder)`)),
	rule("health-valid", Health, alt(`\bvalide\s+`+alt(person, `mensen`)+`\b`, `\b(?:je|jij|u)\s+(?:bent|is)\s+(?:volledig\s+)?valide\b`)),
	rule("health-field", Health, `\b(?:vermeld|noem|geef)\s+(?:\p{L}+\s+){0,3}(?:je|jouw|uw)\s+(?:ziekteverzuim|ziekteverleden|gezondheid|medische\s+\p{L}+|beperking)\b`),
	rule("health-en", Health, alt(`\bno\s+(?:disabilities|disabled|health\s+issues)\b`, `\bperfect\s+health\b`)),

	// zwangerschap
	rule("pregnancy-negated", Pregnancy, `\b(?:geen|niet|zonder|never|not)\s+(?:(?:van\s+plan|plannen|om|binnenkort|de|in|komende|eerste|\p{N}+|twee|drie|jaar|jaren|met|op|je|u|bent|zijn|worden|te|gaan|snel)\s+){0,5}(?:zwanger|zwangere|zwangeren|zwangerschap|zwangerschappen|zwangerschapsverlof|in\s+verwachting|pregnant)\b`).
		except(`\bvragen\s+|\bwij\s+|\bwe\s+`, ``),
	rule("pregnancy-refused", Pregnancy, `\b(?:zwanger\p{L}*|in\s+verwachting)\b`+`\s*(?:[\p{L}-]+\s+){0,3}?`+alt(`niet\s+(?:gewenst|welkom|mogelijk|toegestaan|in\s+aanmerking|geschikt)`,
		`ongewenst`, `uitgesloten`, `is\s+een\s+bezwaar`, `geen\s+optie`, `ongeschikt`)),
	rule("pregnancy-wish", Pregnancy, alt(`\bkinderwens\p{L}*`, `\bgezinsuitbreiding\b`, `\bzwangerschapstest\p{L}*`, `\banticonceptie\b`,
		`\b(?:ben|bent|is)\s+(?:je|jij|u)\s+zwanger\b`, `\bniet\s+van\s+plan\s+(?:om\s+)?(?:\p{L}+\s+){0,3}(?:zwanger|kinderen)\b`,
		`\bplannen\s+(?:voor|om)\s+(?:\p{L}+\s+){0,2}(?:kinderen|zwanger)\b`)).except(`\bongeacht\s+(?:\p{L}+\s+){0,3}`, ``),

	// seksuele geaardheid
	rule("orientation-restrict", Orientation, restrict+adjs+orientationGroups).
		except(`\bniet\s+|\bnot\s+`, `\s*(?:-?vriendelijk\p{L}*|netwerk|beleid|voorlichting|jongeren|cliënten|community|gemeenschap|emancipatie)\b`),
	rule("orientation-refused", Orientation, orientationGroups+refused),
	rule("orientation-you-are", Orientation, `\b(?:je|jij|u)\s+(?:bent|is)\s+(?:\p{L}+\s+)?`+alt(`hetero\p{L}*`, `homo\p{L}*`, `lesbisch`, `biseksueel`, `straight`)+`\b`),
	rule("orientation-person", Orientation, `\b(?:hetero\p{L}*|homo\p{L}*|lesbische|biseksuele)\s+`+person+`\b`).except(helping, ``),
	rule("orientation-ask", Orientation, alt(`\b(?:je|jouw|uw)\s+(?:seksuele\s+)?(?:geaardheid|seksuele\s+voorkeur|seksuele\s+oriëntatie|seksuele\s+orientatie)\b`,
		`\b(?:normale|juiste|gewone|traditionele)\s+(?:seksuele\s+)?(?:geaardheid|voorkeur|oriëntatie|orientatie)\b`)).
		except(`\b(?:ongeacht|los\s+van|wat\s+ook)\s+(?:\p{L}+\s+){0,2}`, `\s+(?:maakt|doet)\s+(?:\p{L}+\s+)?niet`),

	// burgerlijke staat en gezin
	rule("civil-restrict", CivilStatus, restrict+adjs+civilGroups).
		except(`\bniet\s+|\bnot\s+|\bmet\s+`, `\s*(?:onder|jonger|op\s+de|in\s+de|toegelaten|aanwezig|in\s+de\s+buurt|meenemen|mee\s+naar|of\s+dieren|-?opvang|zijn\s+toegestaan|begeleid|nodig|mee)\b|\s+(?:van|voor)\s+(?:het\s+)?(?:werk|bedrijf|klanten|leveranciers)`),
	rule("civil-refused", CivilStatus, civilGroups+refused),
	rule("civil-you-are", CivilStatus, `\b(?:je|jij|u)\s+(?:bent|is|heeft|hebt)\s+(?:\p{L}+\s+){0,2}`+alt(`ongehuwd`, `ongetrouwd`, `vrijgezel`, `single`, `alleenstaand`,
		`getrouwd`, `gehuwd`, `gescheiden`, `samenwonend`, `kinderloos`, `weduwe`, `weduwnaar`, `geen\s+(?:\p{L}+\s+)?kinderen`, `geen\s+partner`, `geen\s+gezin`)+`\b`),
	rule("civil-word", CivilStatus, alt(`\bvrijgezel\b`, `\bvrijgezellen\s+(?:gezocht|gevraagd|hebben\s+de\s+voorkeur)`, `\b\p{L}*echtpa(?:ar|ren)\b`, `\bkinderloos\b`, `\bburgerlijke\s+staat\b`, `\bgezinssituatie\b`)).
		except(`\b(?:ongeacht|rekening\s+houden\s+met|past\s+bij|bij)\s+(?:\p{L}+\s+){0,2}|\b(?:je|jouw|uw)\s+|\brekening\s+met\s+(?:\p{L}+\s+){0,2}`,
			`\s+(?:\p{L}+\s+){0,2}(?:maakt|doet)\s+(?:\p{L}+\s+)?niet`),
	rule("civil-field", CivilStatus, `\b(?:vermeld|noem|geef)\s+(?:\p{L}+\s+){0,3}(?:je|jouw|uw)\s+(?:burgerlijke\s+staat|gezinssituatie|gezinssamenstelling)\b`),
	rule("civil-person", CivilStatus, `\b(?:ongehuwde|ongetrouwde|getrouwde|gehuwde|alleenstaande|gescheiden|samenwonende|kinderloze)\s+`+alt(person, `stel(?:len)?`)+`\b`).
		except(helping+`|\b(?:ook|en)\s+`, ``),
	rule("civil-en", CivilStatus, alt(`\b(?:single|unmarried|married)\s+(?:candidates|applicants)\s+only\b`, `\bno\s+children\b`)),
}

// lookBack is how far before a match notBefore looks, within the sentence.
const lookBack = 80

// CheckFairness screens an opening's title and description and returns
// every hit, in the order they appear (title first). Where two rules match
// overlapping words, the first (and longest) match is reported.
func CheckFairness(title, description string) []FairnessHit {
	key := title + "\x00" + description
	if hits, ok := fairnessMemo.Load(key); ok {
		return slices.Clone(hits.([]FairnessHit))
	}
	hits := checkFairness(title, description)
	if fairnessMemoSize.Add(1) > fairnessMemoMax {
		fairnessMemo.Clear() // rare: many texts; start over
		fairnessMemoSize.Store(0)
	}
	fairnessMemo.Store(key, hits)
	return slices.Clone(hits)
}

// fairnessMemo remembers the hits of texts already screened: every read
// of an opening carries them (a pool reads its opening on each page), and
// the rules are some hundred regular expressions. Bounded by
// fairnessMemoMax texts.
var (
	fairnessMemo     sync.Map
	fairnessMemoSize atomic.Int64
)

const fairnessMemoMax = 10_000

func checkFairness(title, description string) []FairnessHit {
	var hits []FairnessHit
	for _, field := range []struct{ name, text string }{{"title", title}, {"description", description}} {
		hits = append(hits, checkText(field.name, field.text)...)
	}
	return hits
}

func checkText(field, text string) []FairnessHit {
	var found []FairnessHit
	for _, r := range fairnessRules {
		for _, loc := range r.re.FindAllStringIndex(text, -1) {
			if r.excluded(text, loc[0], loc[1]) {
				continue
			}
			match := text[loc[0]:loc[1]]
			trimmed := strings.TrimLeft(match, " \t\n,")
			start := loc[0] + len(match) - len(trimmed)
			found = append(found, FairnessHit{Rule: r.id, Category: r.category, Field: field,
				Match: strings.TrimSpace(trimmed), Start: start, ReasonNL: r.nl, ReasonEN: r.en})
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].Start != found[j].Start {
			return found[i].Start < found[j].Start
		}
		return len(found[i].Match) > len(found[j].Match)
	})
	var out []FairnessHit
	end := -1
	for _, h := range found {
		if h.Start < end {
			continue
		}
		out = append(out, h)
		end = h.Start + len(h.Match)
	}
	return out
}

// excluded reports whether the words around a match say it is not a
// requirement: the rule's own exceptions, and "ongeacht" ("ongeacht
// leeftijd, afkomst of geloof") just before it.
func (r fairnessRule) excluded(text string, start, end int) bool {
	before := sentenceBefore(text, start)
	after := sentenceAfter(text, end)
	if r.notBefore != nil && r.notBefore.MatchString(before) {
		return true
	}
	if r.notAfter != nil && r.notAfter.MatchString(after) {
		return true
	}
	if strings.HasPrefix(r.id, "age-young") && youngAndOld.MatchString(before+text[start:end]+after) {
		return true // "jong en oud", "jonge honden en oude rotten": every age
	}
	return ongeacht.MatchString(before)
}

var (
	ongeacht    = regexp.MustCompile(`(?i)\b(?:ongeacht|regardless\s+of)\b[^.!?;:]*$`)
	youngAndOld = regexp.MustCompile(`(?i)\b(?:oud|oude|oudere|ouderen|old|older)\b`)
)

func sentenceBefore(text string, start int) string {
	from := max(0, start-lookBack)
	b := text[from:start]
	if i := strings.LastIndexAny(b, ".!?\n"); i >= 0 {
		b = b[i+1:]
	}
	return b
}

func sentenceAfter(text string, end int) string {
	a := text[end:]
	if i := strings.IndexAny(a, ".!?\n"); i >= 0 {
		a = a[:i]
	}
	return a
}
