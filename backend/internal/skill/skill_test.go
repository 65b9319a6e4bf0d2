package skill_test

import (
	"regexp"
	"slices"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/skill"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

func vocab(t *testing.T) *skill.Vocabulary {
	t.Helper()
	v, err := skill.Load()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// The vocabulary stays curated: 150–300 entries, stable slug ids, known
// categories, Dutch and English labels, no label used twice.
func TestVocabularyIsWellFormed(t *testing.T) {
	v := vocab(t)
	if n := len(v.All); n < 150 || n > 300 {
		t.Fatalf("%d entries, want 150–300", n)
	}
	slug := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	labels := map[string]string{}
	for _, s := range v.All {
		if !slug.MatchString(s.ID) || !slices.Contains(skill.Categories, s.Category) || s.LabelNL == "" || s.LabelEN == "" {
			t.Errorf("malformed entry %+v", s)
		}
		if other, dup := labels[s.LabelNL]; dup {
			t.Errorf("label %q used by %s and %s", s.LabelNL, other, s.ID)
		}
		labels[s.LabelNL] = s.ID
	}
	for _, want := range []string{"heftruckcertificaat", "vca-basis", "rijbewijs-b", "klantgericht", "kassasysteem", "fysiek-zwaar", "nederlands-b1"} {
		if _, ok := v.Get(want); !ok {
			t.Errorf("the issue's example %s is missing", want)
		}
	}
}

func TestFind(t *testing.T) {
	v := vocab(t)
	ids := func(ss []skill.Skill) []string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = s.ID
		}
		return out
	}
	if got := ids(v.Find("heftruck", "", 5)); len(got) == 0 || got[0] != "heftruckcertificaat" {
		t.Errorf("heftruck: %v", got)
	}
	if got := ids(v.Find("hygienisch", "", 5)); !slices.Contains(got, "hygienisch") {
		t.Errorf("accents are ignored: %v", got)
	}
	if got := ids(v.Find("kassa", "", 10)); len(got) < 2 || got[0] != "kassasysteem" && got[0] != "kassa-certificaat" {
		t.Errorf("kassa: %v", got)
	}
	if got := ids(v.Find("epj", "", 5)); len(got) == 0 || got[0] != "elektrische-pallettruck" {
		t.Errorf("synonym epj: %v", got)
	}
	for _, s := range v.Find("", "rijbewijs", 100) {
		if s.Category != "rijbewijs" {
			t.Errorf("category filter leaked %s", s.ID)
		}
	}
	if got := v.Find("b1", "taal", 3); len(got) != 3 {
		t.Errorf("limit: %d", len(got))
	}
	// Issue 22: a werkgever of a bakery types "deeg"; words inside labels
	// and synonyms count, and so does each word of a longer search.
	for q, want := range map[string]string{"deeg": "bakken", "Deeg kneden": "bakken", "brood": "bakken", "elektrische truck": "elektrische-pallettruck",
		"keuken": "koken", "magazijn": "orderpicken",
		// The words a vacature wraps a requirement in do not count, and
		// everyday names find the vocabulary's entry.
		"Engels spreken": "engels-b1", "ervaring met een heftruck": "heftruckcertificaat", "kennis van Excel": "excel",
		"in het bezit van een VOG": "vog", "tillift": "zorg-persoonlijke-verzorging", "nt2": "nederlands-b1",
		"SVPB": "wsb-beveiliging", "dementie": "ouderen", "telefoneren": "telefoon", "MS Office": "word"} {
		if got := ids(v.Find(q, "", 5)); !slices.Contains(got, want) {
			t.Errorf("%q: %v, want %s among them", q, got, want)
		}
	}
	if got := v.Find("xyzzy", "", 5); len(got) != 0 {
		t.Errorf("nonsense matched %v", ids(got))
	}
	if unknown := v.Unknown([]string{"vca-basis", "toveren", "rijbewijs-b"}); !slices.Equal(unknown, []string{"toveren"}) {
		t.Errorf("unknown: %v", unknown)
	}
}

func TestStoreLoadsOnce(t *testing.T) {
	db := testkit.DB(t)
	v := vocab(t)
	ctx := testkit.Context(t)
	n, err := skill.Store(ctx, db.Gorm, v)
	if err != nil || n != len(v.All) {
		t.Fatalf("store: %d %v", n, err)
	}
	if n, err := skill.Store(ctx, db.Gorm, v); err != nil || n != 0 {
		t.Fatalf("second store must be a no-op: %d %v", n, err)
	}
	var count int64
	db.Gorm.Raw(`SELECT count(*) FROM skills WHERE category = 'certificaat' AND 'heftruck' = ANY(synonyms)`).Scan(&count)
	if count != 1 {
		t.Fatalf("heftruck synonym row: %d", count)
	}
}
