package httpapi

import (
	"slices"
	"testing"
)

func TestCSVForDutchSpreadsheets(t *testing.T) {
	got := string(CSV([]string{"Naam", "Notitie"}, [][]string{{"Zoë; de Vries", "=HYPERLINK(\"x\")"}, {"-5", "regel\ntwee"}, {"@a", ""}}))
	want := "\uFEFFNaam;Notitie\r\n\"Zoë; de Vries\";\"'=HYPERLINK(\"\"x\"\")\"\r\n'-5;\"regel\r\ntwee\"\r\n'@a;\r\n"
	if got != want {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}

func TestPagingAndSorting(t *testing.T) {
	all := []int{1, 2, 3, 4, 5, 6, 7}
	for _, c := range []struct {
		p    Paging
		want []int
	}{{Paging{Page: 1, PageSize: 3}, []int{1, 2, 3}}, {Paging{Page: 3, PageSize: 3}, []int{7}}, {Paging{Page: 4, PageSize: 3}, []int{}}, {Paging{}, all}} {
		if got := Window(all, c.p); !slices.Equal(got, c.want) {
			t.Errorf("%+v: %v, want %v", c.p, got, c.want)
		}
	}
	out := PageOf(all[:3], 7, Paging{Page: 1, PageSize: 3}, func(i int) int { return i })
	if out.Body.TotalPages != 3 || out.Body.Total != 7 || out.Body.PageSize != 3 {
		t.Errorf("page body %+v", out.Body)
	}
	cols := map[string]string{"name": "o.name"}
	if got := OrderBy("-name", cols, "o.id"); got != "o.name DESC, o.id" {
		t.Errorf("OrderBy -name: %q", got)
	}
	if got := OrderBy("x", cols, "o.id"); got != "o.id" {
		t.Errorf("OrderBy unknown: %q", got)
	}
	if !Matches(Words("  de VRIES "), "Anna de Vries") || Matches(Words("de jong"), "Anna de Vries") {
		t.Error("Matches: every word, case-insensitive")
	}
	if got := Like(`50%_a\`); got != `%50\%\_a\\%` {
		t.Errorf("Like: %q", got)
	}
}
