package occupation

import "testing"

// The embedded titles parse, so TitlesOf never panics.
func TestEmbeddedTitlesParse(t *testing.T) {
	if _, err := parseTitles(titlesCSV); err != nil {
		t.Fatal(err)
	}
	if got := TitlesOf("f756fdab-7726-4c48-bfcc-94ff8810fc08"); len(got) == 0 || got[0] != "afwasser" {
		t.Fatalf("medewerker keuken: titles %v, want afwasser first", got)
	}
}

// Every row names an ESCO occupation and repeats its label.
func TestTitlesRowsMatchESCO(t *testing.T) {
	byID := escoByID(t)
	recs, err := readCSV(titlesCSV, titlesHeader)
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs {
		title, id, label := rec[0], rec[1], rec[2]
		o, ok := byID[id]
		switch {
		case !ok:
			t.Errorf("%s: %s (%s) is not in esco_occupations_nl.csv", title, id, label)
		case o.Label != label:
			t.Errorf("%s: %s is %q in ESCO, the file says %q", title, id, o.Label, label)
		}
	}
}

// The parser refuses what the file's rules forbid.
func TestParseTitlesRefuses(t *testing.T) {
	const id = "f756fdab-7726-4c48-bfcc-94ff8810fc08"
	for name, body := range map[string]string{
		"header":     "titel,esco_id,label_nl\nafwasser," + id + ",x\n",
		"upper case": titlesHeader + "\nAfwasser," + id + ",x\n",
		"spaces":     titlesHeader + "\n afwasser," + id + ",x\n",
		"empty":      titlesHeader + "\nafwasser,,x\n",
		"twice":      titlesHeader + "\nafwasser," + id + ",x\nafwasser," + id + ",x\n",
		"too many":   titlesHeader + "\nchauffeur,a,x\nchauffeur,b,x\nchauffeur,c,x\nchauffeur,d,x\nchauffeur,e,x\n",
		"no rows":    titlesHeader + "\n",
	} {
		if _, err := parseTitles([]byte(body)); err == nil {
			t.Errorf("%s: parsed, want an error", name)
		}
	}
}
