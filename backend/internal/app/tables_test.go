package app_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// owners holds the one package (a path under backend/internal) that owns
// each table and view the migrations create. Only the owner's SQL names a
// table; another domain asks the owner through a small interface it
// declares, and app.New wires the owner's service into it. A view is the
// owner's read-only face for reporting: anyone may read it, only the owner
// writes through it.
var owners = map[string]string{
	// 00001, 00003, 00005: regions, their users and organisations.
	"regions":          "identity",
	"users":            "identity",
	"organisations":    "identity",
	"sessions":         "identity",
	"auth_tokens":      "identity",
	"sign_in_failures": "identity",
	"contact_moments":  "identity",
	// 00002: ESCO reference data.
	"isco_groups":    "occupation",
	"occupations":    "occupation",
	"reference_data": "platform/database", // LoadReference's checksums, for every reference set
	// 00003: plumbing.
	"mail_outbox":  "platform/mail",
	"audit_events": "audit",
	// 00004
	"skills": "skill",
	// 00006
	"openings":      "opening",
	"fairness_hits": "opening",
	// 00007, 00010
	"search_outbox":          "platform/search",
	"search_rebuilds":        "platform/search",
	"search_rebuild_touched": "platform/search",
	// 00008
	"candidates":           "candidate",
	"candidate_identities": "candidate",
	"candidate_consents":   "candidate",
	"candidate_tokens":     "candidate",
	// 00009, 00011
	"pool_pins":  "matching",
	"pool_views": "matching",
	// 00014: the PC4 areas of a region's candidates, kept by a trigger on
	// candidates (no Go code writes it); it exists for the pool's travel
	// filter, which is its only reader.
	"region_pc4s": "matching",
	// 00012
	"invites":               "invite",
	"invite_tokens":         "invite",
	"invite_events":         "invite",
	"disclosures":           "invite",
	"placements":            "invite",
	"follow_ups":            "invite",
	"thank_yous":            "invite",
	"notifications":         "notification",
	"notification_settings": "notification",
	// 00013
	"services":         "booking",
	"service_hours":    "booking",
	"service_closures": "booking",
	"bookings":         "booking",
	"booking_events":   "booking",
	"booking_periods":  "booking",
	"payments":         "booking",
	"stripe_events":    "booking",
	// 00020
	"payment_issues": "booking",
	// 00038
	"booking_hours":      "booking",
	"booking_extensions": "booking",
	// 00046, 00047: the kandidaat's agreement to share with a booking's provider, and its mailed links.
	"booking_consents":       "booking",
	"booking_consent_tokens": "booking",
	// 00048: invoices, their numbering, and who they name.
	"invoices":         "booking",
	"invoice_counters": "booking",
	"invoice_parties":  "identity",
	// 00017: a region's changes to related occupations.
	"occupation_relations": "occupation",
	// 00019: requests for mailed links, counted to limit them.
	"mail_requests": "identity",
	"read_counts":   "identity",
	// 00032: the PC4 areas a region serves and organisations' own sign-ups.
	"region_service_areas":       "identity",
	"organisation_registrations": "identity",
	// 00021: the figures subsidies are computed from.
	"subsidy_parameters": "subsidy",
	// 00023: LKS applications, their log and the subsidy reminders sent.
	"lks_applications":       "subsidy",
	"lks_application_events": "subsidy",
	"subsidy_reminders":      "subsidy",
	// 00026: the figures' view of granted loonkostensubsidie.
	"lks_facts": "subsidy",
	// 00025: the openings' event log.
	"opening_events": "opening",
	// 00042: Berichten.
	"messages": "message",
	// 00016: read-only views, each owned by the package whose data it shows.
	"organisation_directory": "identity",
	"user_names":             "identity",
	"organisation_contacts":  "identity",
	"occupation_labels":      "occupation",
	"opening_titles":         "opening",
	"candidate_codes":        "candidate",
	// 00025: the figures' read-only views (package insight reads them).
	"opening_facts":       "opening",
	"opening_event_facts": "opening",
	"pool_view_facts":     "matching",
	"invite_facts":        "invite",
	"placement_facts":     "invite",
	"follow_up_facts":     "invite",
	"booking_facts":       "booking",
	// 00028: the figures' summaries, kept by triggers in the transaction of
	// each change to invites, candidates, placements and follow-ups (no Go
	// code writes them), and their read-only views for package insight.
	"invite_counts":           "invite",
	"placement_outcomes":      "invite",
	"invite_count_facts":      "invite",
	"placement_outcome_facts": "invite",
}

// riverTables are created by River's own migrations (database.Migrate runs
// them after goose), not by ours; platform/jobs is the only package that
// speaks to River.
var riverTables = []string{"river_client", "river_client_queue", "river_job", "river_leader", "river_migration", "river_queue"}

// exempt packages may name any table: they are not domain code but build
// or inspect state across every domain on purpose. Keep this short; a
// domain package never belongs here.
var exempt = map[string]string{
	"app":         "the composition root, which builds every domain",
	"app/apptest": "the API tests' rig sets up and inspects state across domains",
	"testkit":     "test helpers build fixtures across domains",
	"seed":        "writes the demo region across every domain, as an operator's script would",
}

// migrationObjects reads the tables and views the goose migrations create
// and have not dropped since (their Up sections, in file order).
func migrationObjects(t *testing.T) (tables, views map[string]string) {
	t.Helper()
	tables, views = map[string]string{}, map[string]string{}
	for _, mig := range migrationUps(t) {
		f, up := mig.file, mig.up
		for _, m := range objectDDL.FindAllStringSubmatch(up, -1) {
			kind := tables
			if strings.EqualFold(m[2], "VIEW") {
				kind = views
			}
			if strings.EqualFold(m[1], "DROP") {
				delete(kind, m[3])
				continue
			}
			kind[m[3]] = filepath.Base(f)
		}
	}
	return tables, views
}

// migration is the Up section of one goose migration, without comments.
type migration struct{ file, up string }

// migrationUps reads the goose migrations' Up sections, in file order.
func migrationUps(t *testing.T) []migration {
	t.Helper()
	files, err := filepath.Glob("../../migrations/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no migrations found under backend/migrations (%v)", err)
	}
	out := make([]migration, len(files))
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		up, _, _ := strings.Cut(string(b), "-- +goose Down")
		out[i] = migration{file: f, up: stripSQLComments(up)}
	}
	return out
}

// objectDDL finds CREATE and DROP of tables and views, in file order.
var objectDDL = regexp.MustCompile(`(?i)\b(CREATE|DROP)\s+(?:OR\s+REPLACE\s+)?(?:UNLOGGED\s+|MATERIALIZED\s+)?(TABLE|VIEW)\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?(?:public\.)?"?([a-z_][a-z0-9_]*)"?`)

var sqlComment = regexp.MustCompile(`--[^\n]*`)

func stripSQLComments(s string) string { return sqlComment.ReplaceAllString(s, "") }

// use is one place where a package's Go code names a table.
type use struct {
	pkg, table, pos string
	write           bool // named where it is changed (INTO, UPDATE, DELETE FROM, TABLE, TRUNCATE), not only read
}

// sqlWord finds the words after which SQL names a table: FROM and JOIN
// (read), INTO, UPDATE, TABLE, TRUNCATE, LOCK (write; DELETE FROM is seen
// as FROM preceded by DELETE). A table list after FROM (FROM a x, b y) is
// followed through its commas.
var sqlWord = regexp.MustCompile(`(?i)\b(DELETE\s+FROM|FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE|LOCK)\s+(?:ONLY\s+|LATERAL\s+|IF\s+EXISTS\s+)?`)

var (
	sqlIdent   = regexp.MustCompile(`^(?:public\.)?"?([A-Za-z_][A-Za-z0-9_]*)"?`)
	sqlAlias   = regexp.MustCompile(`^\s*(?:(?i:AS)\s+)?[A-Za-z_][A-Za-z0-9_]*`)
	sqlComma   = regexp.MustCompile(`^\s*,\s*`)
	sqlKeyword = map[string]bool{"WHERE": true, "ON": true, "JOIN": true, "LEFT": true, "RIGHT": true, "INNER": true,
		"FULL": true, "CROSS": true, "SET": true, "GROUP": true, "ORDER": true, "LIMIT": true, "USING": true, "RETURNING": true,
		"UNION": true, "HAVING": true, "WINDOW": true, "FOR": true, "OFFSET": true, "NATURAL": true, "EXCEPT": true, "INTERSECT": true}
)

// tablesIn returns the names that s, an SQL text, uses as tables, and
// whether each is written.
func tablesIn(s string) (names []string, writes []bool) {
	for _, loc := range sqlWord.FindAllStringSubmatchIndex(s, -1) {
		word := strings.ToUpper(strings.Fields(s[loc[2]:loc[3]])[0])
		write := word != "FROM" && word != "JOIN"
		rest := s[loc[1]:]
		for {
			m := sqlIdent.FindStringSubmatch(rest)
			if m == nil || sqlKeyword[strings.ToUpper(m[1])] {
				break
			}
			names, writes = append(names, m[1]), append(writes, write)
			rest = rest[len(m[0]):]
			if word != "FROM" && word != "DELETE" {
				break
			}
			// FROM a [AS] x, b y: skip an alias, then follow a comma.
			if a := sqlAlias.FindString(rest); a != "" && !sqlKeyword[strings.ToUpper(lastWord(a))] {
				rest = rest[len(a):]
			}
			c := sqlComma.FindString(rest)
			if c == "" {
				break
			}
			rest = rest[len(c):]
		}
	}
	return names, writes
}

func lastWord(s string) string {
	f := strings.Fields(s)
	return f[len(f)-1]
}

// nonSQLCalls take prose, not SQL: a "from openings" in an error message is
// not a query.
var nonSQLCalls = map[string]bool{"Errorf": true, "New": true, "Info": true, "Warn": true, "Error": true, "Debug": true,
	"InfoContext": true, "WarnContext": true, "ErrorContext": true, "DebugContext": true}

// packageUses parses every non-test Go file under backend/internal and
// returns, per package, each table its string literals name: SQL text,
// GORM's .Table("x [alias]") and a row type's TableName() "x".
func packageUses(t *testing.T, root string, known map[string]bool) map[string][]use {
	t.Helper()
	out := map[string][]use{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		pkg := filepath.ToSlash(filepath.Dir(rel))
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		add := func(lit *ast.BasicLit, names []string, writes []bool) {
			for i, n := range names {
				if known[n] {
					p := fset.Position(lit.Pos())
					out[pkg] = append(out[pkg], use{pkg: pkg, table: n, write: writes[i], pos: fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)})
				}
			}
		}
		prose := map[*ast.BasicLit]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Field:
				// Struct tags (json:"from") are not SQL, and a field holds no other literal.
				return false
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok || len(n.Args) == 0 {
					return true
				}
				lit, ok := n.Args[0].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				if nonSQLCalls[sel.Sel.Name] {
					prose[lit] = true
				}
				if sel.Sel.Name == "Table" {
					s, _ := strconv.Unquote(lit.Value)
					if m := sqlIdent.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
						add(lit, []string{m[1]}, []bool{false})
					}
					prose[lit] = true // counted; a "JOIN" inside .Table("a JOIN b") is rare enough to spell as .Joins
				}
			case *ast.KeyValueExpr:
				// eventlog.Log{Table: "invite_events"}: a field named Table holds a table.
				if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Table" {
					if lit, ok := n.Value.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						s, _ := strconv.Unquote(lit.Value)
						add(lit, []string{s}, []bool{true})
						prose[lit] = true
					}
				}
			case *ast.FuncDecl:
				if n.Name.Name == "TableName" && n.Recv != nil && n.Body != nil && len(n.Body.List) == 1 {
					if r, ok := n.Body.List[0].(*ast.ReturnStmt); ok && len(r.Results) == 1 {
						if lit, ok := r.Results[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							s, _ := strconv.Unquote(lit.Value)
							add(lit, []string{s}, []bool{true})
							prose[lit] = true
						}
					}
				}
			case *ast.BasicLit:
				if n.Kind == token.STRING && !prose[n] {
					s, err := strconv.Unquote(n.Value)
					if err == nil {
						names, writes := tablesIn(s)
						add(n, names, writes)
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestTableOwners holds each table to one owning package: every table and
// view the migrations create has an owner, and no package's SQL names a
// table another package owns (reading another package's view is allowed).
// scripts/table-owners.sh prints its report.
func TestTableOwners(t *testing.T) {
	tables, views := migrationObjects(t)
	all := map[string]string{}
	maps.Copy(all, tables)
	maps.Copy(all, views)

	// (a) every table and view has an owner, and every owner is a package.
	for _, name := range slices.Sorted(maps.Keys(all)) {
		owner, ok := owners[name]
		if !ok {
			t.Errorf("%s (created in %s) has no owner: add it to owners in tables_test.go", name, all[name])
			continue
		}
		if fi, err := os.Stat(filepath.Join("..", owner)); err != nil || !fi.IsDir() {
			t.Errorf("%s: owner %q is not a package under backend/internal", name, owner)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(owners)) {
		if _, ok := all[name]; !ok {
			t.Errorf("owners names %s, which no migration creates: remove it", name)
		}
	}
	known := map[string]bool{}
	for n := range all {
		known[n] = true
	}
	for _, n := range riverTables {
		known[n] = true
	}
	owner := func(n string) string {
		if slices.Contains(riverTables, n) {
			return "platform/jobs"
		}
		return owners[n]
	}

	// (b) no package names a table it does not own.
	uses := packageUses(t, "..", known)
	if len(uses["identity"]) == 0 || len(uses["invite"]) == 0 {
		t.Fatalf("found no SQL in identity or invite: the scanner is broken")
	}
	violations := 0
	for _, pkg := range slices.Sorted(maps.Keys(uses)) {
		t.Run(pkg, func(t *testing.T) {
			byTable := map[string][]use{}
			for _, u := range uses[pkg] {
				byTable[u.table] = append(byTable[u.table], u)
			}
			why, isExempt := exempt[pkg]
			if isExempt {
				t.Logf("exempt: %s", why)
			}
			for _, table := range slices.Sorted(maps.Keys(byTable)) {
				us := byTable[table]
				var at []string
				write := false
				for _, u := range us {
					at = append(at, u.pos)
					write = write || u.write
				}
				at = slices.Compact(at)
				o := owner(table)
				_, isView := views[table]
				switch {
				case o == pkg:
					t.Logf("%-24s own", table)
				case isExempt:
					t.Logf("%-24s exempt (owner %s)", table, o)
				case isView && !write:
					t.Logf("%-24s view (owner %s)", table, o)
				default:
					violations++
					kind := "table"
					if isView {
						kind = "view, written"
					}
					if o == "" {
						o = "nobody yet"
					}
					t.Errorf("%-24s VIOLATION: %s owned by %s, named at %s", table, kind, o, strings.Join(at, ", "))
				}
			}
		})
	}
	t.Logf("%d tables, %d views, %d packages name tables, %d violations", len(tables), len(views), len(uses), violations)
}

// TestTablesIn keeps the SQL scanner honest on the shapes this code base
// writes.
func TestTablesIn(t *testing.T) {
	for _, c := range []struct {
		sql  string
		want []string
	}{
		{"SELECT * FROM openings o JOIN organisations org ON org.id = o.organisation_id", []string{"openings", "organisations"}},
		{"SELECT 1 FROM candidates c, openings o WHERE c.id = o.id", []string{"candidates", "openings"}},
		{"SELECT 1 FROM candidates AS c , public.openings WHERE true", []string{"candidates", "openings"}},
		{"UPDATE invites SET state = 'x' FROM openings o WHERE o.id = invites.opening_id", []string{"invites", "openings"}},
		{"DELETE FROM follow_ups WHERE id = ?", []string{"follow_ups"}},
		{"INSERT INTO pool_views (id) VALUES (?) ON CONFLICT DO UPDATE SET x = 1", []string{"pool_views"}},
		{"SELECT extract(epoch FROM viewed_at) FROM pool_views", []string{"viewed_at", "pool_views"}},
		{"LEFT JOIN LATERAL (SELECT 1) x ON true", nil},
		{"openings_count from_date", nil},
	} {
		got, _ := tablesIn(c.sql)
		if !slices.Equal(got, c.want) {
			t.Errorf("tablesIn(%q) = %q, want %q", c.sql, got, c.want)
		}
	}
}

// TestPackageUses keeps the Go scanner honest: every way this code base
// names a table is found, and prose, struct tags and test files are not.
func TestPackageUses(t *testing.T) {
	root := t.TempDir()
	src := "package shop\n\n" +
		"import \"fmt\"\n\n" +
		"type row struct {\n\tFrom string `json:\"from\" gorm:\"column:from\"`\n}\n\n" +
		"func (row) TableName() string { return \"orders\" }\n\n" +
		"var log = struct{ Table, Subject string }{Table: \"order_events\", Subject: \"order_id\"}\n\n" +
		"func q(db interface{ Table(string) any; Joins(string) any; Raw(string) any }) error {\n" +
		"\tdb.Table(\"customers c\")\n" +
		"\tdb.Joins(\"LEFT JOIN invoices i ON i.order_id = o.id\")\n" +
		"\tdb.Raw(`UPDATE stock SET n = n - 1 FROM warehouses w, suppliers s WHERE true`)\n" +
		"\treturn fmt.Errorf(\"update payments from refunds: %w\", nil)\n}\n"
	if err := os.MkdirAll(filepath.Join(root, "shop"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "shop", "shop.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "shop", "shop_test.go"), []byte("package shop\n\nconst q = `DELETE FROM ledger`\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, n := range []string{"orders", "order_events", "customers", "invoices", "stock", "warehouses", "suppliers", "payments", "refunds", "ledger", "from"} {
		known[n] = true
	}
	var got []string
	for _, u := range packageUses(t, root, known)["shop"] {
		got = append(got, fmt.Sprintf("%s/%v", u.table, u.write))
	}
	slices.Sort(got)
	want := []string{"customers/false", "invoices/false", "order_events/true", "orders/true", "stock/true", "suppliers/false", "warehouses/false"}
	if !slices.Equal(got, want) {
		t.Errorf("packageUses found %q, want %q", got, want)
	}
}
