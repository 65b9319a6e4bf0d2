package mail

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// LinkTemplate renders a mail carrying a single-use link in the recipient's
// language (Dutch unless they chose English); Subject is "Dutch / English".
// Links carry the token in the URL fragment, which browsers never send to
// the server: it cannot end up in access logs or proxies.
type LinkTemplate struct {
	BaseURL string
	Path    string
	Subject string
	NL, EN  string
}

// Link is the address of a single-use link: the front end's path with the
// token in the fragment.
func Link(baseURL, path, token string) string {
	return strings.TrimRight(baseURL, "/") + path + "#token=" + token
}

// LinkData is the data of a LinkTemplate mail.
type LinkData struct {
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expiresAt"`
	InvitedBy string    `json:"invitedBy"`
}

// Render satisfies Template.
func (t LinkTemplate) Render(r Recipient, raw json.RawMessage) (string, string, error) {
	var d LinkData
	if err := json.Unmarshal(raw, &d); err != nil || d.Token == "" {
		return "", "", fmt.Errorf("mail data: %v", err)
	}
	link := Link(t.BaseURL, t.Path, d.Token)
	ams, _ := time.LoadLocation("Europe/Amsterdam")
	until := d.ExpiresAt.In(ams).Format("2-1-2006 15:04")
	replacer := strings.NewReplacer("{name}", r.DisplayName, "{link}", link, "{until}", until, "{invitedBy}", d.InvitedBy)
	text, subject := t.NL, t.Subject
	if r.English() {
		text = t.EN
	}
	if nl, en, ok := strings.Cut(t.Subject, " / "); ok {
		subject = nl
		if r.English() {
			subject = en
		}
	}
	body := replacer.Replace(text)
	if line := r.ContactLine(); line != "" {
		body += "\n\n" + line
	}
	return subject, body + "\n\nWerkhaven\n", nil
}
