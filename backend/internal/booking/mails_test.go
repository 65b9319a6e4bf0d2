package booking

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
)

// The consent mail asks in the kandidaat's language, names who asks and
// what is shared, carries the link in its fragment and says how to stop.
func TestConsentMail(t *testing.T) {
	data, _ := json.Marshal(consentMail{Token: "geheim-token-geheim", ExpiresAt: time.Date(2030, 1, 15, 12, 0, 0, 0, time.UTC), ServiceNL: "Jobcoaching op de werkvloer",
		ServiceEN: "Job coaching at work", Provider: "Jobcoach Utrecht BV", Organisation: "Zorghotel Het Anker", Language: "nl"})
	tmpl := Templates("https://werkhaven.example/")[ConsentMail]
	for _, c := range []struct {
		lang, subject string
		want          []string
	}{
		{"nl", "Mag Jobcoach Utrecht BV uw gegevens krijgen?", []string{"Beste Yusuf Demir", "Zorghotel Het Anker heeft de dienst 'Jobcoaching op de werkvloer'",
			"uw naam, uw telefoonnummer en het adres van uw werk", "https://werkhaven.example/toestemming-delen#token=geheim-token-geheim", "tot 15-1-2030", "stoppen met delen"}},
		{"en", "May Jobcoach Utrecht BV have your details?", []string{"Dear Yusuf Demir", "'Job coaching at work'", "your name, your phone number",
			"/toestemming-delen#token=geheim-token-geheim", "stop sharing"}},
	} {
		subject, text, err := tmpl.Render(mail.Recipient{DisplayName: "Yusuf Demir", Language: c.lang}, data)
		if err != nil || subject != c.subject {
			t.Fatalf("%s: %q, %v", c.lang, subject, err)
		}
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s mail lacks %q:\n%s", c.lang, w, text)
			}
		}
	}
	if _, _, err := tmpl.Render(mail.Recipient{}, json.RawMessage(`{}`)); err == nil {
		t.Error("a mail without its link rendered")
	}
}
