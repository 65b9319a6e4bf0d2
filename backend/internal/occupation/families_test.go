package occupation

import (
	"slices"
	"strings"
	"testing"
)

// The embedded families parse, so Families and FamiliesOf never panic.
func TestEmbeddedFamiliesParse(t *testing.T) {
	if _, err := parseFamilies(familiesCSV); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFamilies(); err != nil {
		t.Fatal(err)
	}
}

// loaded is Families without the panic, so a bad edit fails the tests with
// the parse error.
func loaded(t *testing.T) []Family {
	t.Helper()
	fs, err := LoadFamilies()
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func escoByID(t *testing.T) map[string]occupationRow {
	t.Helper()
	occs, err := parseOccupations(occupationsCSV)
	if err != nil {
		t.Fatal(err)
	}
	byID := make(map[string]occupationRow, len(occs))
	for _, o := range occs {
		byID[o.ID] = o
	}
	return byID
}

// codedTooHigh are occupations ESCO puts among professionals that are
// entry-level work in Dutch practice: a helpende thuiszorg (ISCO 2635 in
// ESCO) is MBO-2 care support work.
var codedTooHigh = map[string]bool{"helpende thuiszorg": true}

// Every row names an ESCO occupation, repeats its label, and no family holds
// managers (ISCO major group 1) or professionals (2), but for codedTooHigh.
func TestFamiliesRowsMatchESCO(t *testing.T) {
	byID := escoByID(t)
	recs := familyRows(t)
	for _, r := range recs {
		fam, id, label := r[0], r[3], r[4]
		o, ok := byID[id]
		if !ok {
			t.Errorf("%s: %s (%s) is not in esco_occupations_nl.csv", fam, id, label)
			continue
		}
		if o.Label != label {
			t.Errorf("%s: %s has label %q, the file says %q", fam, id, o.Label, label)
		}
		if (strings.HasPrefix(o.ISCOGroup, "1") || strings.HasPrefix(o.ISCOGroup, "2")) && !codedTooHigh[label] {
			t.Errorf("%s: %s (ISCO %s) is a manager or professional, not entry-level work", fam, label, o.ISCOGroup)
		}
	}
}

// familyRows are the data rows of families.csv, read without parseFamilies.
func familyRows(t *testing.T) [][]string {
	t.Helper()
	recs, err := readCSV(familiesCSV, familiesHeader)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestFamiliesShape(t *testing.T) {
	fs := loaded(t)
	if len(fs) < 11 {
		t.Errorf("%d families, want at least the 11 common entry-level ones", len(fs))
	}
	seen := map[string]bool{}
	in := map[string]int{}
	for _, f := range fs {
		if seen[f.ID] {
			t.Errorf("family id %s twice", f.ID)
		}
		seen[f.ID] = true
		if len(f.Occupations) < 3 {
			t.Errorf("%s has %d occupations, want ≥ 3", f.ID, len(f.Occupations))
		}
		for _, id := range f.Occupations {
			in[id]++
		}
	}
	for id, n := range in {
		if n > 2 {
			t.Errorf("%s is in %d families, at most 2 allowed", id, n)
		}
		if got := len(FamiliesOf(id)); got != n {
			t.Errorf("FamiliesOf(%s) has %d families, want %d", id, got, n)
		}
	}
	for _, want := range []string{"bakkerij", "magazijn", "schoonmaak", "keuken", "winkel_kassa", "productie_inpak",
		"groenvoorziening", "zorg_ondersteunend", "horeca_bediening", "beveiliging", "bezorging"} {
		if !seen[want] {
			t.Errorf("no family %s", want)
		}
	}
	if FamiliesOf("no-such-id") != nil {
		t.Error("FamiliesOf an unknown id is not empty")
	}
}

// Families hands out copies: a caller cannot change the shared data.
func TestFamiliesAreCopies(t *testing.T) {
	a := Families()
	a[0].Occupations[0] = "changed"
	if Families()[0].Occupations[0] == "changed" {
		t.Error("Families returned the shared slice")
	}
}

// ESCO ids of occupations the tests name; labels as in the ESCO file.
const (
	bakkerijmedewerker     = "5d9e63a2"
	bakker                 = "1aadb308"
	verkoopspecialistBrood = "2e9c9404"
	magazijnmedewerker     = "bea705fe"
	orderpicker            = "cd94def5"
	magazijnchef           = "2f5de1ab"
	kok                    = "90f75f67"
	chefkok                = "01484951"
	medewerkerKeuken       = "f756fdab" // afwashulp, bordenwasser
	keukenhulp             = "e1cf6897"
	baksteenvormer         = "149062d6"
	pottenbakker           = "97896345"
	schoonmakerGebouwen    = "303a1e34"
	schoonmakerCacaobonen  = "5520bfd0"
	heftruckchauffeur      = "eeac6251"
	vrachtwagenchauffeur   = "45037d43"
	fietskoerier           = "3a959644"
	beveiliger             = "31808988"
	hotelportier           = "3cc51201" // bagagist, piccolo
	horecaportier          = "43ee9c1a" // uitsmijter
	zorghulp               = "d38c2107"
	medewerkerGroen        = "a48b9a5a"
	verkoopspecialistTuin  = "c0768628" // bloemist
	oberServeerster        = "d5db9d5c"
	hoofdsommelier         = "a20e4b15"
	kassamedewerker        = "2b871272"
	afdelingsmanagerKassa  = "c76dda38"
	receptionist           = "f7b04542"
	verpleeghulp           = "87d0795a"
)

// resolve turns an id prefix (enough to be unique) into the full ESCO id.
func resolve(t *testing.T, byID map[string]occupationRow, prefix string) string {
	t.Helper()
	var found []string
	for id := range byID {
		if strings.HasPrefix(id, prefix) {
			found = append(found, id)
		}
	}
	if len(found) != 1 {
		t.Fatalf("id prefix %s matches %d occupations", prefix, len(found))
	}
	return found[0]
}

func familyOf(fs []Family, id string) *Family {
	for i := range fs {
		if fs[i].ID == id {
			return &fs[i]
		}
	}
	return nil
}

func TestFamiliesContain(t *testing.T) {
	byID := escoByID(t)
	fs := loaded(t)
	for fam, members := range map[string][]string{
		"bakkerij":     {bakkerijmedewerker, bakker, verkoopspecialistBrood},
		"magazijn":     {magazijnmedewerker, orderpicker, heftruckchauffeur},
		"keuken":       {keukenhulp, medewerkerKeuken},
		"schoonmaak":   {schoonmakerGebouwen},
		"winkel_kassa": {kassamedewerker, verkoopspecialistBrood},
		"beveiliging":  {beveiliger},
	} {
		f := familyOf(fs, fam)
		if f == nil {
			t.Errorf("no family %s", fam)
			continue
		}
		for _, p := range members {
			id := resolve(t, byID, p)
			if !slices.Contains(f.Occupations, id) {
				t.Errorf("%s lacks %s", fam, byID[id].Label)
			}
		}
	}
	for _, want := range []struct{ id, label string }{
		{bakkerijmedewerker, "bakkerijmedewerker"},
		{bakker, "bakker"},
		{verkoopspecialistBrood, "verkoopspecialist brood en banket"},
		{magazijnmedewerker, "magazijnmedewerker"},
		{orderpicker, "orderpicker"},
	} {
		if got := byID[resolve(t, byID, want.id)].Label; got != want.label {
			t.Errorf("%s is %q, the test means %q", want.id, got, want.label)
		}
	}
}

// Pairs a werkgever would never treat as the same work, often look-alikes
// that a search on labels finds together: they must not share a family.
func TestFamiliesKeepApart(t *testing.T) {
	byID := escoByID(t)
	pairs := [][2]string{
		{chefkok, keukenhulp},                        // leads the kitchen vs. helps in it
		{kok, medewerkerKeuken},                      // cooks vs. washes up
		{bakker, baksteenvormer},                     // "steenbakker"
		{bakkerijmedewerker, pottenbakker},           // "bakker" in the label
		{magazijnmedewerker, magazijnchef},           // different level
		{schoonmakerGebouwen, schoonmakerCacaobonen}, // food processing, not cleaning
		{heftruckchauffeur, vrachtwagenchauffeur},    // "chauffeur", different licence and work
		{vrachtwagenchauffeur, fietskoerier},         // both deliver, not the same job
		{beveiliger, hotelportier},                   // "portier": bagagist, not security
		{hotelportier, horecaportier},                // bagagist vs. uitsmijter
		{zorghulp, schoonmakerGebouwen},              // care vs. cleaning
		{medewerkerGroen, verkoopspecialistTuin},     // gardens vs. a flower shop
		{oberServeerster, hoofdsommelier},            // different level
		{kassamedewerker, afdelingsmanagerKassa},     // different level
		{receptionist, zorghulp},
		{verpleeghulp, kok},
	}
	fs := loaded(t)
	for _, p := range pairs {
		a, b := resolve(t, byID, p[0]), resolve(t, byID, p[1])
		for _, f := range fs {
			if slices.Contains(f.Occupations, a) && slices.Contains(f.Occupations, b) {
				t.Errorf("%s holds both %s and %s", f.ID, byID[a].Label, byID[b].Label)
			}
		}
	}
}

func TestParseFamiliesRejects(t *testing.T) {
	const h = familiesHeader + "\n"
	row := func(fam, occ string) string { return fam + ",N,E," + occ + ",label\n" }
	three := row("a", "1") + row("a", "2") + row("a", "3")
	for name, data := range map[string]string{
		"bad header":        "family,name,esco_id\n" + three,
		"empty":             h,
		"too few":           h + row("a", "1") + row("a", "2"),
		"duplicate member":  h + three + row("a", "1"),
		"split family":      h + three + row("b", "4") + row("b", "5") + row("b", "6") + row("a", "7"),
		"names differ":      h + three + "a,Other,E,4,label\n",
		"three families":    h + three + row("b", "1") + row("b", "5") + row("b", "6") + row("c", "1") + row("c", "8") + row("c", "9"),
		"missing field":     h + three + "a,N,E,4\n",
		"empty occupation":  h + three + "a,N,E,,label\n",
		"no header at all":  "",
		"comment only file": "# nothing\n",
	} {
		if _, err := parseFamilies([]byte(data)); err == nil {
			t.Errorf("%s: parsed", name)
		}
	}
	ok := h + "# comment\n" + three + row("b", "1") + row("b", "5") + row("b", "6")
	fs, err := parseFamilies([]byte(ok))
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 || !slices.Equal(fs[0].Occupations, []string{"1", "2", "3"}) {
		t.Errorf("parsed %+v", fs)
	}
}

// The neighbour file parses, names families only, and relates both ways.
func TestFamilyNeighbours(t *testing.T) {
	n, err := loadNeighbours()
	if err != nil {
		t.Fatal(err)
	}
	for a, bs := range n {
		for _, b := range bs {
			if !slices.Contains(n[b], a) {
				t.Errorf("%s → %s but not back", a, b)
			}
		}
	}
	var names []string
	for _, f := range NeighbourFamilies("keuken") {
		names = append(names, f.ID)
	}
	if !slices.Contains(names, "koks") {
		t.Errorf("keuken's neighbours %v, want koks", names)
	}
	if len(NeighbourFamilies("beveiliging")) != 0 {
		t.Errorf("beveiliging has no neighbours")
	}
}
