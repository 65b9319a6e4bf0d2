package occupation

import "testing"

func TestNames(t *testing.T) {
	o := Occupation{Label: "orderpicker", AltLabels: []string{"orderverzamelaar"}}
	for q, want := range map[string]bool{"orderpikker": true, "Orderpicker": true, "orderverzamelaar": true, "order": false, "magazijn": false, "": false} {
		if got := names(o, q); got != want {
			t.Errorf("names(%q) = %v, want %v", q, got, want)
		}
	}
	if d := editDistance("kitten", "sitting"); d != 3 {
		t.Errorf("editDistance = %d", d)
	}
}
