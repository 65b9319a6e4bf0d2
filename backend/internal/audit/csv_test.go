package audit_test

import (
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// The CSV names everything in words in the asked language, and a name
// cannot start a spreadsheet formula.
func TestCSV(t *testing.T) {
	at := time.Date(2026, 12, 4, 10, 30, 0, 0, time.UTC)
	e := audit.Entry{OccurredAt: at, Action: "session.sign_in", Outcome: audit.Denied, ActorName: "=HYPERLINK(1)", ActorRole: "admin",
		SubjectType: "organisation", SubjectName: "+Bakkerij", SubjectID: "o1"}
	nl := string(audit.CSV([]audit.Entry{e}, msg.NL))
	want := "\ufeffTijdstip (UTC);Handeling;Code;Uitkomst;Persoon;Rol;Soort onderwerp;Onderwerp;Onderwerp-id\r\n" +
		"2026-12-04 10:30:00;Ingelogd;session.sign_in;Geweigerd;'=HYPERLINK(1);Beheerder;Organisatie;'+Bakkerij;o1\r\n"
	if nl != want {
		t.Errorf("Dutch CSV:\n%q\nwant\n%q", nl, want)
	}
	if en := string(audit.CSV([]audit.Entry{e}, msg.EN)); !strings.Contains(en, "Signed in;session.sign_in;Denied;'=HYPERLINK(1);Administrator;Organisation;") {
		t.Errorf("English CSV: %q", en)
	}
}
