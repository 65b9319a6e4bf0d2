package occupation

import "testing"

func TestNames(t *testing.T) {
	o := Occupation{Label: "orderpicker", AltLabels: []string{"orderverzamelaar"}}
	for q, want := range map[string]bool{"orderpikker": true, "Orderpicker": true, "orderverzamelaar": true, "order": false, "magazijn": false, "": false} {
		if got := names(o, q); got != want {
			t.Errorf("names(%q) = %v, want %v", q, got, want)
		}
	}
	// An everyday title (data/titles.csv) names its occupation too.
	keuken := Occupation{ID: "f756fdab-7726-4c48-bfcc-94ff8810fc08", Label: "medewerker keuken"}
	if !names(keuken, "afwasser") || names(Occupation{Label: "kok"}, "afwasser") {
		t.Errorf("names: afwasser names medewerker keuken and nothing else")
	}
	if d := editDistance("kitten", "sitting"); d != 3 {
		t.Errorf("editDistance = %d", d)
	}
}
