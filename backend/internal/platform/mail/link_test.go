package mail

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// A link mail is in one language, the recipient's (Dutch unless they chose
// English), with the subject's matching half and, for a kandidaat, the
// klantmanager to ask.
func TestLinkTemplateOneLanguage(t *testing.T) {
	tpl := LinkTemplate{BaseURL: "https://werkhaven.test", Path: "/inloggen/link", Subject: "Uw link / Your link",
		NL: "Beste {name},\n\nKlik: {link}", EN: "Dear {name},\n\nClick: {link}"}
	data, _ := json.Marshal(LinkData{Token: "abc", ExpiresAt: time.Now().Add(time.Hour)})
	km := Contact{Name: "Sanne de Vries", Email: "km@gemeente.test"}
	for _, c := range []struct {
		r             Recipient
		subject, want string
		not           []string
	}{
		{Recipient{DisplayName: "Anouk Jansen", Contact: km}, "Uw link", "Beste Anouk Jansen,", []string{"Dear", "----", "Questions"}},
		{Recipient{DisplayName: "Anouk Jansen", Language: "en", Contact: km}, "Your link", "Dear Anouk Jansen,", []string{"Beste", "----", "Vragen"}},
		{Recipient{DisplayName: "Petra (staff)"}, "Uw link", "Beste Petra (staff),", []string{"Dear", "klantmanager"}},
	} {
		subject, body, err := tpl.Render(c.r, data)
		if err != nil {
			t.Fatal(err)
		}
		if subject != c.subject || !strings.Contains(body, c.want) || !strings.Contains(body, "/inloggen/link#token=abc") {
			t.Errorf("%+v: %q\n%s", c.r, subject, body)
		}
		if c.r.Contact.Name != "" && (!strings.Contains(body, "Sanne de Vries") || !strings.Contains(body, "km@gemeente.test")) {
			t.Errorf("%+v: no klantmanager:\n%s", c.r, body)
		}
		for _, n := range c.not {
			if strings.Contains(body, n) {
				t.Errorf("%+v: has %q:\n%s", c.r, n, body)
			}
		}
	}
}
