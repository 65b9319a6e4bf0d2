package audit_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// actionCode is the shape of an action (the audit_events check, 00003).
var actionCode = regexp.MustCompile(`^[a-z_]+(\.[a-z_]+)+$`)

// sqlColumn is a column with its table alias (b.state, org.name) in the
// queries of files that also record audit events; no action area is that
// short but lks.
var sqlColumn = regexp.MustCompile(`^[a-z]{1,3}\.[a-z_]+$`)

// notActions are strings of an action's shape in files that record audit
// events, which are something else (problem codes, fields, columns).
var notActions = []string{
	"booking.unknown", "invite.unknown", "invite.decided", "opening.finished", "candidates.public_code", "eligibility.opening",
	"eligibility.placement", "identity.email", "identity.language", "identity.name", "identity.phone", "identity.postcode",
	"identity.street", "s.active", "subsidy.range", "apperr.duplicate", "apperr.unknown",
}

// notPrefixes build problem codes, not actions, from a prefix.
var notPrefixes = []string{"eligibility.", "fairness."}

// dynamic are the actions built as "prefix" + a state: the states each
// prefix takes (booking.State, the extension decisions in booking/hours.go,
// invite.State, subsidy.AppState).
var dynamic = map[string][]string{
	"booking.": {"requested", "awaiting_approval", "approved", "rejected", "awaiting_payment", "paid", "confirmed", "in_progress",
		"completed", "cancelled", "refunded", "expired"},
	"booking.extension_": {"approved", "refused"},
	"booking.consent_":   {"granted", "declined", "revoked"},
	"invite.": {"awaiting_approval", "invited", "viewed", "accepted", "declined", "expired", "withdrawn", "introduced",
		"intake_planned", "placed", "not_placed"},
	"lks.": {"applied", "assessed", "granted", "refused", "withdrawn", "ended"},
}

// TestActionLabels: every action code the backend records — a literal in a
// file that records audit events, or a prefix joined to a state — has a
// label in Dutch and in English in labels.json, and the catalogue holds no
// action nobody records.
func TestActionLabels(t *testing.T) {
	recorded := map[string]string{}
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !strings.Contains(string(src), "audit.Record(") && !strings.Contains(string(src), "FromPrincipal(ctx, Event{") {
			return nil
		}
		file, err := parser.ParseFile(token.NewFileSet(), path, src, 0)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if b, ok := n.(*ast.BinaryExpr); ok && b.Op == token.ADD {
				if lit, ok := b.X.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					prefix, _ := strconv.Unquote(lit.Value)
					if !slices.Contains(notPrefixes, prefix) && (strings.HasSuffix(prefix, ".") || strings.HasSuffix(prefix, "_") && strings.Contains(prefix, ".")) {
						states, ok := dynamic[prefix]
						if !ok {
							t.Errorf("%s builds an action from %q + …: add its values to dynamic in labels_test.go", path, prefix)
						}
						for _, s := range states {
							recorded[prefix+s] = path
						}
					}
				}
			}
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			if _, isPrefix := dynamic[s]; actionCode.MatchString(s) && !isPrefix && !slices.Contains(notActions, s) && (!sqlColumn.MatchString(s) || strings.HasPrefix(s, "lks.")) {
				recorded[s] = path
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(recorded) < 80 || recorded["session.sign_in"] == "" || recorded["booking.paid"] == "" {
		t.Fatalf("found only %d actions: the scanner is broken", len(recorded))
	}
	for code, where := range recorded {
		if !audit.Labelled(code) {
			t.Errorf("%s records %s, which labels.json does not label", where, code)
		}
	}
	for _, code := range audit.Actions() {
		nl, en := audit.ActionLabel(code, msg.NL), audit.ActionLabel(code, msg.EN)
		if nl == "" || en == "" || nl == code || en == code {
			t.Errorf("%s: labels %q / %q", code, nl, en)
		}
		if _, ok := recorded[code]; !ok {
			t.Errorf("labels.json labels %s, which no code records", code)
		}
	}
}
