package opening

import "testing"

// fairnessFlagged is the reviewed list of vacancy wording the check must
// flag, with the ground it must name. Phrases are written the way Dutch job
// ads are; each one is a requirement or preference on a protected ground.
var fairnessFlagged = []struct {
	text string
	cat  FairnessCategory
}{
	// leeftijd
	{"Wij zoeken een jonge, dynamische collega", Age},
	{"Geschikt voor scholieren en studenten tot 23 jaar", Age},
	{"Bijbaan voor scholieren van 15 tot 18 jaar", Age},
	{"Wij zoeken enthousiaste jongeren tot 27 jaar", Age},
	{"Je bent een jonge hond met veel energie", Age},
	{"Ben jij onze nieuwe jonge hond?", Age},
	{"Niet ouder dan 30", Age},
	{"Je bent niet ouder dan 35 jaar", Age},
	{"Leeftijd max 30 jaar", Age},
	{"Kandidaat is maximaal 45 jaar", Age},
	{"Max. 25 jr.", Age},
	{"Je bent tussen 18 en 25 jaar", Age},
	{"Leeftijd: 20-30 jaar", Age},
	{"Je bent jonger dan 40", Age},
	{"Sollicitanten onder de 30 hebben de voorkeur", Age},
	{"Je komt in een jong en dynamisch team", Age},
	{"Wij zijn een jong team en zoeken versterking", Age},
	{"Ben jij een jonge enthousiasteling?", Age},
	{"Wij zoeken jong talent voor onze winkel", Age},
	{"Geschikt voor een 18-25 jarige", Age},
	{"Wij zoeken een 20-jarige medewerker", Age},
	{"Je bent eind twintig of begin dertig", Age},
	{"Wij zoeken een twintiger met rijbewijs", Age},
	{"Ideaal voor een dertiger", Age},
	{"Geen 50-plussers", Age},
	{"50-plussers komen helaas niet in aanmerking", Age},
	{"Niet geschikt voor ouderen", Age},
	{"Geen AOW'ers", Age},
	{"Je bent minimaal 25 jaar oud", Age},
	{"Je bent 30 jaar of ouder", Age},
	{"Je bent 25 jaar of jonger", Age},
	{"Maximumleeftijd 35 jaar", Age},
	{"Er geldt een leeftijdsgrens", Age},
	{"Bij voorkeur geboren na 1995", Age},
	{"Vermeld in je sollicitatie je leeftijd", Age},
	{"Je hebt maximaal 5 jaar werkervaring", Age},
	{"Je bent jong en leergierig", Age},
	{"Een team vol jonge mensen", Age},
	{"Wij zoeken jonge mensen die willen leren", Age},
	{"Jonge honden gezocht voor onze sales", Age},
	{"Vers bloed? Wij zoeken jong bloed!", Age},
	{"Je bent niet ouder dan dertig", Age},
	{"Leeftijd tussen de 20 en 35 jaar", Age},
	{"Jeugdige uitstraling is een pré", Age},
	{"Jongere kandidaten hebben de voorkeur", Age},
	{"Jonge medewerkers gezocht voor de bediening", Age},
	{"Gezocht: young professional voor marketing", Age},

	// geslacht
	{"Je bent een vlotte jongedame", Gender},
	{"Alleen mannen vanwege het zware werk", Gender},
	{"Wij zoeken een vrouwelijke medewerker", Gender},
	{"Dame gezocht voor de receptie", Gender},
	{"Bij voorkeur een man", Gender},
	{"Liefst een vrouw voor de kassa", Gender},
	{"Stoere mannen gezocht voor de bouw", Gender},
	{"Wij zoeken een sterke man voor het magazijn", Gender},
	{"Ben jij de vlotte meid die wij zoeken?", Gender},
	{"Magazijnmedewerker (m)", Gender},
	{"Receptioniste (v)", Gender},
	{"Vrouwen komen niet in aanmerking", Gender},
	{"Niet geschikt voor vrouwen", Gender},
	{"Dit is echt mannenwerk", Gender},
	{"Uitsluitend heren", Gender},
	{"Mannelijke chauffeur gezocht", Gender},
	{"Je bent een handige man", Gender},
	{"Geen vrouwen op de bouwplaats", Gender},
	{"Geslacht: man", Gender},

	// afkomst en nationaliteit
	{"Geen Polen", Origin},
	{"Bij voorkeur van Nederlandse afkomst", Origin},
	{"Moedertaal Nederlands is een pré", Origin},
	{"Je hebt de Nederlandse nationaliteit", Origin},
	{"Geen buitenlanders", Origin},
	{"Alleen Nederlanders", Origin},
	{"Liever geen Oost-Europeanen", Origin},
	{"Marokkanen en Turken zijn niet gewenst", Origin},
	{"Je spreekt accentloos Nederlands", Origin},
	{"Nederlands is je moedertaal", Origin},
	{"Wij zoeken een native speaker", Origin},
	{"Geboren en getogen in Nederland", Origin},
	{"Je hebt een Nederlands uiterlijk", Origin},
	{"Blanke kandidaten hebben de voorkeur", Origin},
	{"Wij zoeken een Poolse chauffeur", Origin},
	{"Geen statushouders", Origin},
	{"Alleen autochtone kandidaten", Origin},
	{"Je bent van Hollandse komaf", Origin},
	{"Kandidaten met een migratieachtergrond worden niet aangenomen", Origin},
	{"Uitsluitend Nederlandse kandidaten", Origin},
	{"Bij voorkeur een westerse achtergrond", Origin},
	{"Geen Roemenen of Bulgaren", Origin},
	{"Vermeld je nationaliteit en geboorteland", Origin},

	// religie
	{"Je bent christelijk", Religion},
	{"Geen hoofddoek tijdens het werk", Religion},
	{"Hoofddoeken zijn niet toegestaan", Religion},
	{"Je bent christen", Religion},
	{"Geen moslims", Religion},
	{"Je hebt een christelijke achtergrond", Religion},
	{"Je bent actief lid van een kerk", Religion},
	{"Religieuze uitingen zijn niet toegestaan", Religion},
	{"Bidden tijdens werktijd is niet toegestaan", Religion},
	{"Je deelt ons geloof", Religion},
	{"Alleen gelovige kandidaten", Religion},
	{"Het is niet toegestaan een hoofddoek te dragen", Religion},

	// gezondheid en beperking
	{"Je hebt geen chronische ziekte", Health},
	{"Wij vragen iemand die kerngezond is", Health},
	{"Geen beperking", Health},
	{"Niet geschikt voor mensen met een beperking", Health},
	{"Je bent 100% gezond", Health},
	{"Je hebt geen ziekteverleden", Health},
	{"Je bent zelden ziek", Health},
	{"Mensen met een handicap komen niet in aanmerking", Health},
	{"Geen psychische klachten", Health},
	{"Je bent in goede gezondheid", Health},
	{"Geen rugklachten", Health},
	{"Je bent psychisch stabiel", Health},
	{"Wajongers komen niet in aanmerking", Health},
	{"Geen burn-outverleden", Health},
	{"Je hebt een laag verzuim", Health},
	{"Alleen valide kandidaten", Health},
	{"Gezond van lijf en leden", Health},
	{"Zonder lichamelijke beperkingen", Health},

	// zwangerschap
	{"Geen kinderwens in de komende jaren", Pregnancy},
	{"Je bent niet zwanger", Pregnancy},
	{"Je bent niet van plan om zwanger te worden", Pregnancy},
	{"Zwangere vrouwen komen niet in aanmerking", Pregnancy},
	{"Heb je een kinderwens? Dan is deze baan niet voor jou", Pregnancy},
	{"Geen zwangerschap de komende twee jaar", Pregnancy},
	{"Ben je zwanger, dan kun je niet solliciteren", Pregnancy},

	// seksuele geaardheid
	{"Geen homo's", Orientation},
	{"Je bent heteroseksueel", Orientation},
	{"Heteroseksuele man gezocht", Orientation},
	{"Alleen hetero's", Orientation},
	{"Vermeld je seksuele voorkeur", Orientation},
	{"Lesbiennes zijn niet welkom", Orientation},
	{"Met een normale geaardheid", Orientation},

	// burgerlijke staat
	{"Je bent bij voorkeur getrouwd", CivilStatus},
	{"Vrijgezel en flexibel", CivilStatus},
	{"Geen kinderen", CivilStatus},
	{"Je hebt geen jonge kinderen", CivilStatus},
	{"Beheerdersechtpaar gezocht", CivilStatus},
	{"Bij voorkeur alleenstaand", CivilStatus},
	{"Geen gezinsverplichtingen", CivilStatus},
	{"Vermeld je burgerlijke staat", CivilStatus},
	{"Je bent ongehuwd", CivilStatus},
	{"Alleen getrouwde kandidaten", CivilStatus},
	{"Zonder zorgtaken thuis", CivilStatus},
}

// fairnessAcceptable is wording the check must leave alone: groups named
// as the people the work is for, welcoming statements, the legal minimum
// ages, language levels, work permits, physical demands of the work.
var fairnessAcceptable = []string{
	"Wij zoeken een begeleider voor jongeren tot 23 jaar",
	"Voor onze studenten tot 23 jaar zoeken wij een mentor",
	"Je verzorgt een jonge hond en twee katten in het asiel",
	"Je werkt op een christelijke school en respecteert haar identiteit",
	"Je begeleidt jongeren op de camping",
	"Wij zijn een startend bedrijf",
	"Je leest werkinstructies in het Nederlands",
	"Magazijnmedewerker (m/v/x)",
	"Orderpicker m/v, 32-38 uur per week",
	"Je spreekt Nederlands op B1-niveau",
	"Je hebt een geldige werkvergunning",
	"Tillen tot 20 kg hoort bij het werk",
	"Je werkt in een hecht en enthousiast team",
	"Gastvrouw of gastheer voor ons restaurant",
	"Ervaring met jongeren in de jeugdzorg",
	"Starters en herintreders zijn welkom, ook met een beperking",
	"Wij bieden een jobcoach en een aangepaste werkplek",
	"Je krijgt 25 dagen vakantie per jaar",
	"Minimaal 2 jaar ervaring als kok",
	"Je bent minimaal 18 jaar vanwege het schenken van alcohol",
	"Je bent 16 jaar of ouder",
	"Vanaf 18 jaar",
	"Je begeleidt jongeren tot 23 jaar",
	"Je werkt met kinderen van 4 tot 12 jaar",
	"Je werkt met jonge kinderen in de kinderopvang",
	"Wij zijn een jong bedrijf met grote ambities",
	"Een jonge organisatie in de zorg",
	"Wij bestaan al 25 jaar",
	"Wij vieren dit jaar ons 50-jarig jubileum",
	"Het 25-jarige jubileum vieren we samen",
	"Je werkt 20 tot 32 uur per week",
	"Salaris tussen 2500 en 3100 euro",
	"Tussen 20 en 30 uur per week",
	"Contract voor 1 jaar met uitzicht op vast",
	"Leeftijd is geen bezwaar",
	"Iedereen is welkom, ongeacht leeftijd, afkomst, geloof, geslacht of geaardheid",
	"50-plussers zijn van harte welkom",
	"Ook gepensioneerden kunnen reageren",
	"Je helpt ouderen met hun boodschappen",
	"Je werkt in de ouderenzorg",
	"Ervaring in de ouderenzorg is mooi meegenomen",
	"Je begeleidt jonge mensen met autisme",
	"Wij investeren in opleiding voor iedereen",
	"Je bent flexibel en stressbestendig",
	"Je bent fysiek fit en vindt buiten werken fijn",
	"Het werk is fysiek zwaar: je tilt regelmatig tot 25 kg",
	"Je kunt lang staan",
	"Wij zoeken een man of vrouw voor de bediening",
	"Man of vrouw gezocht voor de bar",
	"Verkoper (m/v)",
	"Je werkt in een team van mannen en vrouwen",
	"Je adviseert vrouwelijke klanten over lingerie",
	"Je begeleidt vrouwen in de opvang",
	"Je werkt met Poolse en Nederlandse collega's",
	"Je spreekt Pools en Nederlands",
	"Kennis van de Duitse taal is een pré",
	"Je kookt Marokkaanse en Turkse gerechten",
	"Je rijdt ritten naar Duitsland en Polen",
	"Statushouders en nieuwkomers zijn van harte welkom",
	"Wij verwelkomen kandidaten met een migratieachtergrond",
	"Nederlands hoeft niet je moedertaal te zijn",
	"Je hebt een EU-paspoort of een geldige werkvergunning",
	"Je hebt een Nederlands rijbewijs B",
	"Wij zijn een christelijke school en vragen dat je de identiteit onderschrijft",
	"Je hebt respect voor ieders geloof",
	"Geloof in jezelf en in je collega's",
	"Je gelooft in de kracht van samenwerken",
	"Hoofdbedekking en haarnetje zijn verplicht in de productie",
	"Er is een stille ruimte om te bidden of te mediteren",
	"Wij houden rekening met religieuze feestdagen",
	"Je draagt veiligheidsschoenen en een helm",
	"Je werkt aan een goede gezondheid van de bewoners",
	"Je bevordert een gezonde leefstijl",
	"Wij bieden een gezonde lunch",
	"Je meldt je ziek bij je leidinggevende",
	"Wij helpen je bij ziekte met een goede regeling",
	"Het pand is rolstoeltoegankelijk",
	"Geschikt voor mensen met een arbeidsbeperking",
	"Je hebt ervaring met mensen met een verstandelijke beperking",
	"Geen ervaring nodig, wij leiden je op",
	"Geen diploma nodig",
	"Je geeft geen medicatie",
	"Wij vullen het zwangerschapsverlof aan tot 100%",
	"Je begeleidt zwangere vrouwen in de kraamzorg",
	"Ouderschapsverlof en zorgverlof zijn goed geregeld",
	"Wij zijn een LHBTI-vriendelijke werkgever",
	"Je geeft voorlichting over seksuele diversiteit",
	"Werktijden die passen bij je gezin",
	"Wij houden rekening met je gezinssituatie",
	"Je werkt met kinderen en hun ouders",
	"Je ondersteunt alleenstaande ouders bij de opvoeding",
	"Je organiseert vrijgezellenfeesten en bruiloften",
	"Je werkt zelfstandig, maar je staat er nooit alleen voor",
	"Je werkt alleen met vrouwen in de sportschool",
	"Wij zoeken iemand die goed kan plannen",
	"Ben jij onze nieuwe collega?",
	"Wij zoeken een vakman voor de renovatie",
	"Wij zoeken een gastvrouw voor de receptie",
	"Je bent leergierig en wilt je ontwikkelen",
	"Je hebt 30 jaar ervaring? Ook welkom",
	"Het contract loopt tot 31 december",
	"Werken bij een bedrijf met een jonge geschiedenis",
	"Je verdient tot 3000 euro per maand",
	"Onder de 30 graden werken we buiten",
	"Je rijdt maximaal 40 km per dag",
	"De doelgroep is tussen de 18 en 27 jaar",
	"Je coacht studenten tot 30 jaar",
	"Je werkt samen met een jonge ondernemer",
	"Wij bieden jonge ouders flexibele werktijden",
	"Je werkt op een afdeling voor jonge mensen met dementie",
	"Je zorgt dat afval goed gescheiden wordt",
	"Wij zijn partner van de gemeente",
	"Je bent een echte teamspeler",
	"Je hebt een rijbewijs B; rijbewijs C is een pré",
	"Je bent in het bezit van een VOG",
	"Nederlandse en Engelse taal in woord en geschrift",
	"Alleen Nederlandse teksten redigeren",
	"Je werkt in een internationaal team",
	"Wij zoeken een Duitstalige klantenservicemedewerker",
	"Je bent op zondag beschikbaar",
	"Je kunt in het weekend werken",
	"Je werkt in de kinderopvang met baby's en peuters",
	"Kerstpakket en 13e maand",
	"Wij zoeken jong en oud",
	"Jonge honden en oude rotten in het vak: iedereen is welkom",
	"Je werkt met jonge en oudere collega's",
	"Je werkt in een divers team", "Je helpt jonge ondernemers op weg", "Onze klanten zijn 18 tot 25 jaar", "Je hebt 5 jaar ervaring",
	"Minimaal 3 jaar werkervaring", "Je verzorgt ouderen in een verpleeghuis", "Voor jongeren tot 27 jaar geldt een andere regeling",
	"Je bent minimaal 21 jaar (verplicht voor rijbewijs C)", "Je houdt van werken met dieren", "Wij zoeken een enthousiaste collega",
	"Gezocht: medewerker bediening (m/v/x)", "Zij/hij werkt zelfstandig", "Je werkt met mannen in de daklozenopvang",
	"Je spreekt Arabisch of Turks, dat helpt in contact met klanten", "Wij hebben klanten in heel Europa", "Je bent communicatief vaardig",
	"Nederlands op niveau B1 of hoger", "Je hebt een Verklaring Omtrent het Gedrag", "Je bent bereid om een medische keuring te ondergaan voor rijbewijs C",
	"Je helpt mensen met een beperking aan werk", "Wij passen de werkplek aan als je een beperking hebt", "Zwangerschapsverlof volgens de cao",
	"Je werkt ook op christelijke feestdagen", "Kerstdagen zijn wij gesloten", "Wij zijn een gezinsvriendelijke werkgever",
	"Je werkt met gezinnen in de wijk", "Je geeft les aan kinderen van 12 tot 16 jaar", "Je hebt een afgeronde opleiding op mbo-niveau",
	"Pensioenregeling via het ABP", "Wij zijn 30 jaar jong", "Onze vestiging bestaat 20 jaar", "Ook 65-plussers zijn welkom",
	"Je bent geen 9-tot-5-type", "Geen dag is hetzelfde", "Je bent geen beginner", "Je tilt zonder moeite 15 kilo",
	"Je bent in het bezit van rijbewijs B", "Je begeleidt mensen met een psychische kwetsbaarheid", "Wij zoeken een kok met passie",
	"Een jong en groeiend bedrijf", "Meertalig? Dat is mooi meegenomen", "Je werkt in de thuiszorg bij ouderen en gezinnen",
	"Je werkt vanuit ons kantoor in Utrecht", "Wij zijn een familiebedrijf", "Je werkt met jonge dieren op de boerderij",
}

// fairnessFlaggedMore is more wording that must be flagged, on any ground.
var fairnessFlaggedMore = []string{
	"Wij zoeken een jonge collega voor ons magazijn", "Je bent jonger dan 35 jaar", "Leeftijd tot 30 jaar", "leeftijdsindicatie 20-30",
	"Je bent tussen de 25 en 35", "Je bent begin twintig", "Wij zoeken een jonge vent", "Geen 55+", "Ouderen hoeven niet te reageren",
	"Pas afgestudeerd en maximaal 28 jaar", "Een jonge en frisse uitstraling", "Ben jij een jonge, ambitieuze starter?",
	"Wij zoeken mannen voor de sloop", "Alleen vrouwelijke sollicitanten", "Wij zoeken een representatieve dame",
	"Heren gezocht voor beveiliging", "Geen Marokkanen", "Alleen Nederlandse chauffeurs", "Geen Oost-Europese uitzendkrachten",
	"Je bent Nederlander", "Wij zoeken een echte Hollander", "Geen mensen met een hoofddoek", "Moslims worden niet aangenomen",
	"Je bent katholiek", "Geen allochtonen", "Zonder hoofddoek", "Je bent kerngezond en fit", "Geen medische klachten",
	"Geen handicap", "Je hebt geen lichamelijke beperkingen", "Je bent nooit ziek", "Zwangere vrouwen niet gewenst",
	"Je hebt geen kinderwens", "Geen homoseksuelen", "Alleen heteroseksuele kandidaten", "Getrouwde mannen hebben de voorkeur",
	"Ongetrouwde vrouw gezocht", "Je bent single", "Je hebt geen partner", "Geen alleenstaande moeders", "Vrijgezellen gezocht",
	"Een 25-jarige gezocht", "Je bent rond de 30", "Tot maximaal 30 jaar", "Je bent niet ouder dan 40 jaar oud",
	"Jonge vrouw gezocht voor de bediening", "Jonge gozer voor ons magazijn", "Leeftijdscategorie: 18-30", "Wij zoeken een jongedame",
	"Je hebt een lichte huidskleur", "Geen zwarte mensen", "Geen zigeuners", "Geen Syriërs", "Poolse krachten niet gewenst",
	"Wij zoeken enthousiaste jongelui", "Ben je jonger dan 30?", "Geen vrouwen met kleine kinderen", "Geen jonge moeders",
	"Je bent gezond", "Zonder ziekteverleden", "Wij zoeken een jonge moeder", "Gezocht: jonge chauffeur",
	"jonge en gemotiveerde medewerkers", "leuke jonge meiden gezocht", "Geen gelovigen", "Niet-gelovige kandidaten gezocht",
}

func TestFairnessPhraseList(t *testing.T) {
	if len(fairnessFlagged) < 100 || len(fairnessAcceptable) < 100 {
		t.Fatalf("the list must hold at least 100 + 100 phrases: %d flagged, %d acceptable", len(fairnessFlagged), len(fairnessAcceptable))
	}
	missed := 0
	for _, p := range fairnessFlagged {
		hits := CheckFairness("", p.text)
		if len(hits) == 0 {
			missed++
			t.Errorf("not flagged: %q (want %s)", p.text, p.cat)
			continue
		}
		if hits[0].Category != p.cat {
			t.Errorf("%q: flagged as %s (%s, %q), want %s", p.text, hits[0].Category, hits[0].Rule, hits[0].Match, p.cat)
		}
		if hits[0].ReasonNL == "" || hits[0].ReasonEN == "" {
			t.Errorf("%q: hit without a reason: %+v", p.text, hits[0])
		}
	}
	for _, text := range fairnessFlaggedMore {
		if len(CheckFairness("", text)) == 0 {
			missed++
			t.Errorf("not flagged: %q", text)
		}
	}
	wrong := 0
	for _, text := range fairnessAcceptable {
		if hits := CheckFairness("Vacature", text); len(hits) != 0 {
			wrong++
			t.Errorf("acceptable text flagged: %q: %s %q", text, hits[0].Rule, hits[0].Match)
		}
	}
	t.Logf("%d flagged phrases (%d missed), %d acceptable phrases (%d flagged)", len(fairnessFlagged)+len(fairnessFlaggedMore), missed, len(fairnessAcceptable), wrong)
}

func TestFairnessCategoriesHaveReasons(t *testing.T) {
	for _, c := range FairnessCategories {
		if r := reasons[c]; r[0] == "" || r[1] == "" {
			t.Errorf("%s has no reason", c)
		}
	}
	for _, r := range fairnessRules {
		if _, ok := reasons[r.category]; !ok {
			t.Errorf("rule %s: unknown category %s", r.id, r.category)
		}
	}
}
