package msg

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var placeholder = regexp.MustCompile(`\{[0-9]+\}`)

// Every message has both languages, the same placeholders in each, and
// never both languages in one string.
func TestCatalogue(t *testing.T) {
	if len(All()) == 0 {
		t.Fatal("empty catalogue")
	}
	for id, text := range All() {
		if !strings.Contains(string(id), ".") {
			t.Errorf("%s: ids are <domain>.<what>", id)
		}
		if strings.TrimSpace(text.NL) == "" || strings.TrimSpace(text.EN) == "" {
			t.Errorf("%s: a language is missing: %+v", id, text)
		}
		for _, s := range []string{text.NL, text.EN} {
			if strings.Contains(s, " / ") {
				t.Errorf("%s: %q joins two languages", id, s)
			}
		}
		// Both languages usually take the same arguments; where they differ
		// (a state's Dutch name against its code), together they still use
		// {0}…{n-1} without a gap, so no argument is forgotten.
		all := append(placeholder.FindAllString(text.NL, -1), placeholder.FindAllString(text.EN, -1)...)
		seen := map[int]bool{}
		for _, p := range all {
			n, _ := strconv.Atoi(strings.Trim(p, "{}"))
			seen[n] = true
		}
		for i := range len(seen) {
			if !seen[i] {
				t.Errorf("%s: placeholders skip {%d}: %q / %q", id, i, text.NL, text.EN)
			}
		}
	}
}

func TestRender(t *testing.T) {
	cases := []struct {
		lang Lang
		id   ID
		args []any
		want string
	}{
		{NL, FieldMaxLength, []any{1000}, "De waarde is te lang (maximaal 1.000 tekens)."},
		{EN, FieldMaxLength, []any{1000}, "The value is too long (at most 1,000 characters)."},
		{EN, FieldEnum, []any{"a, b"}, "Choose one of the allowed values: a, b."},
		{NL, FieldRequired, nil, "Dit veld is verplicht."},
		{NL, Title(404), nil, "Niet gevonden"},
		{EN, "no.such.id", nil, "no.such.id"},
	}
	for _, c := range cases {
		if got := c.id.In(c.lang, c.args...); got != c.want {
			t.Errorf("%s in %s: %q, want %q", c.id, c.lang, got, c.want)
		}
	}
	if got := format(-1234567, NL); got != "-1.234.567" {
		t.Errorf("format: %q", got)
	}
	for _, c := range []struct {
		cents Cents
		lang  Lang
		want  string
	}{{1471, NL, "14,71"}, {1471, EN, "14.71"}, {405, NL, "4,05"}, {123450, NL, "1.234,50"}, {123450, EN, "1,234.50"}, {-5, NL, "-0,05"}} {
		if got := format(c.cents, c.lang); got != c.want {
			t.Errorf("format(Cents(%d), %s) = %q, want %q", c.cents, c.lang, got, c.want)
		}
	}
}

func TestParse(t *testing.T) {
	cases := map[string]Lang{
		"":                        NL,
		"en":                      EN,
		"en-GB,en;q=0.9":          EN,
		"nl-NL,nl;q=0.9,en;q=0.8": NL,
		"de-DE,en;q=0.5,nl;q=0.4": EN,
		"de-DE,fr":                NL,
		"en;q=0,nl":               NL,
		"NL":                      NL,
	}
	for header, want := range cases {
		if got := Parse(header); got != want {
			t.Errorf("Parse(%q) = %s, want %s", header, got, want)
		}
	}
}

var (
	usedInCode = regexp.MustCompile(`msg\.M\("([A-Za-z]+\.[A-Za-z0-9]+)"`)
	declared   = regexp.MustCompile(`\bID = "([A-Za-z]+\.[A-Za-z0-9]+)"`)
)

// Every message the code names exists, and every message in the catalogue
// is named somewhere (a literal id in msg.M or a constant here); titles
// are named by status.
func TestCatalogueMatchesTheCode(t *testing.T) {
	used := map[string]string{}
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, re := range []*regexp.Regexp{usedInCode, declared} {
			for _, m := range re.FindAllStringSubmatch(string(b), -1) {
				used[m[1]] = path
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for id, where := range used {
		if !Has(ID(id)) {
			t.Errorf("%s names %s, which the catalogue (messages.json) does not have", where, id)
		}
	}
	for id := range All() {
		if _, ok := used[string(id)]; !ok && !strings.HasPrefix(string(id), "status.") {
			t.Errorf("%s is in the catalogue but no code names it", id)
		}
	}
}
