package invite

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
)

// Every from → to pair and every actor: allowed exactly where rules say,
// a 409 (ErrTransition) for a wrong state, 403 (ErrForbidden) for a wrong actor.
func TestCheck(t *testing.T) {
	actors := []Actor{Organisation, Accountmanager, Kandidaat, Klantmanager, Admin, System}
	allowed := map[[3]string]bool{}
	for to, r := range machine.Rules {
		for _, from := range r.From {
			for _, a := range r.Actors {
				allowed[[3]string{string(from), string(to), string(a)}] = true
			}
		}
	}
	n := 0
	for _, from := range States {
		for _, to := range States {
			for _, a := range actors {
				err := Check(from, to, a)
				want := allowed[[3]string{string(from), string(to), string(a)}]
				if want != (err == nil) {
					t.Errorf("%s → %s by %s: %v, want allowed=%v", from, to, a, err, want)
				}
				if err != nil && !errors.Is(err, ErrTransition) && !errors.Is(err, apperr.ErrForbidden) {
					t.Errorf("%s → %s by %s: %v is neither a transition nor a forbidden error", from, to, a, err)
				}
				n++
			}
		}
	}
	if n != len(States)*len(States)*len(actors) || len(allowed) < 20 {
		t.Fatalf("checked %d, %d allowed", n, len(allowed))
	}
	// The journey's spine, and the refusals the issue names.
	for _, c := range []struct {
		from, to State
		actor    Actor
		ok       bool
	}{
		{Invited, Accepted, Kandidaat, true}, {Viewed, Declined, Kandidaat, true}, {Invited, Expired, System, true},
		{Accepted, Introduced, Organisation, true}, {IntakePlanned, Placed, Accountmanager, true},
		{Expired, Accepted, Kandidaat, false}, {Withdrawn, Accepted, Kandidaat, false}, {Invited, Placed, Organisation, false},
		{Accepted, Placed, Organisation, false}, {Invited, Accepted, Organisation, false}, {AwaitingApproval, Invited, Organisation, false},
	} {
		if err := Check(c.from, c.to, c.actor); (err == nil) != c.ok {
			t.Errorf("%s → %s by %s: %v", c.from, c.to, c.actor, err)
		}
	}
	var ce *apperr.ConflictError
	if err := Check(Expired, Accepted, Kandidaat); !errors.As(err, &ce) || ce.Code != "inviteExpired" {
		t.Errorf("accept after expiry: %v", err)
	}
}

// The kandidaat's mail: B1 Dutch first, or English first when preferred;
// the offer, the message and the link with its token in the fragment.
func TestInviteMail(t *testing.T) {
	start := time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC)
	data := func(lang string) json.RawMessage {
		b, _ := json.Marshal(inviteMail{Token: "geheim-token", ExpiresAt: time.Date(2026, 12, 8, 10, 0, 0, 0, time.UTC), Organisation: "Bakkerij De Korenschoof",
			Title: "Medewerker bakkerij", Place: "Utrecht", HoursMin: 20, HoursMax: 32, StartDate: &start, Support: []string{"jobcoach"}, Message: "Kom kennismaken!", Language: lang})
		return b
	}
	tpl := Templates("https://werkhaven.test")[InviteMail]
	_, nl, err := tpl.Render(mail.Recipient{}, data("nl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Bakkerij De Korenschoof wil graag met u kennismaken", "Uren: 20 tot 32 uur per week", "Begin: 4-1-2027", "Hulp die zij bieden: een jobcoach",
		`"Kom kennismaken!"`, "https://werkhaven.test/uitnodiging-werk#token=geheim-token", "tot 8-12-2026"} {
		if !strings.Contains(nl, want) {
			t.Errorf("Dutch mail lacks %q:\n%s", want, nl)
		}
	}
	_, en, _ := tpl.Render(mail.Recipient{}, data("en"))
	if !strings.Contains(en, "would like to meet you") || strings.Contains(en, "kennismaken met") || strings.Contains(en, "wil graag") {
		t.Errorf("not English only for a kandidaat who prefers it:\n%s", en)
	}
	if strings.Contains(nl, "would like to meet you") || strings.Contains(nl, "----") {
		t.Errorf("not Dutch only by default:\n%s", nl)
	}
	// The recipient's own choice (read at send time) wins over the one sealed at queue time.
	subject, en2, _ := tpl.Render(mail.Recipient{DisplayName: "Anouk", Language: "en", Contact: mail.Contact{Name: "Sanne de Vries", Email: "km@gemeente.test"}}, data("nl"))
	if subject != "An employer would like to meet you" || !strings.HasPrefix(en2, "Dear Anouk,") || !strings.Contains(en2, "Your klantmanager is Sanne de Vries. Mail km@gemeente.test") {
		t.Errorf("English by the recipient: %s\n%s", subject, en2)
	}
	subject, reminder, _ := Templates("https://werkhaven.test")[ReminderMail].Render(mail.Recipient{}, data("nl"))
	if !strings.HasPrefix(subject, "Herinnering") || !strings.Contains(reminder, "nog niet gereageerd") {
		t.Errorf("reminder: %s\n%s", subject, reminder)
	}
}
