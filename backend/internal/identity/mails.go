package identity

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
)

// mailTemplate renders identity's mails, Dutch first and English below.
// Links carry the token in the URL fragment, which browsers never send to
// the server: it cannot end up in access logs or proxies.
type mailTemplate struct {
	baseURL string
	path    string
	subject string
	nl, en  string
}

type tokenMailData struct {
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expiresAt"`
	InvitedBy string    `json:"invitedBy"`
}

func (t mailTemplate) Render(r mail.Recipient, raw json.RawMessage) (string, string, error) {
	var d tokenMailData
	if err := json.Unmarshal(raw, &d); err != nil || d.Token == "" {
		return "", "", fmt.Errorf("mail data: %v", err)
	}
	link := strings.TrimRight(t.baseURL, "/") + t.path + "#token=" + d.Token
	ams, _ := time.LoadLocation("Europe/Amsterdam")
	until := d.ExpiresAt.In(ams).Format("2-1-2006 15:04")
	replacer := strings.NewReplacer("{name}", r.DisplayName, "{link}", link, "{until}", until, "{invitedBy}", d.InvitedBy)
	body := replacer.Replace(t.nl) + "\n\n----\n\n" + replacer.Replace(t.en) + "\n\nWerkhaven\n"
	return t.subject, body, nil
}

// MailTemplates are identity's mail templates, by name.
func MailTemplates(baseURL string) map[string]mail.Template {
	return map[string]mail.Template{
		"password_reset": mailTemplate{baseURL: baseURL, path: "/wachtwoord-herstellen", subject: "Nieuw wachtwoord kiezen / Choose a new password",
			nl: "Beste {name},\n\nU vroeg om een nieuw wachtwoord voor Werkhaven. Kies een nieuw wachtwoord via deze link:\n\n{link}\n\nDe link werkt één keer en tot {until}. Vroeg u niet om een nieuw wachtwoord? Dan hoeft u niets te doen.",
			en: "Dear {name},\n\nYou asked for a new Werkhaven password. Choose one here (the link works once, until {until}):\n\n{link}\n\nIf you did not ask for this, you need not do anything."},
		"invitation": mailTemplate{baseURL: baseURL, path: "/uitnodiging", subject: "Uitnodiging voor Werkhaven / Invitation to Werkhaven",
			nl: "Beste {name},\n\n{invitedBy} nodigt u uit voor Werkhaven. Kies uw wachtwoord via deze link:\n\n{link}\n\nDe link werkt één keer en tot {until}.",
			en: "Dear {name},\n\n{invitedBy} invites you to Werkhaven. Choose your password here (the link works once, until {until}):\n\n{link}"},
		"magic_link": mailTemplate{baseURL: baseURL, path: "/inloggen/link", subject: "Uw link om in te loggen / Your sign-in link",
			nl: "Beste {name},\n\nKlik op deze link om in te loggen bij Werkhaven:\n\n{link}\n\nDe link werkt één keer. U kunt hem gebruiken tot {until}. Vroeg u niet om deze link? Dan hoeft u niets te doen.",
			en: "Dear {name},\n\nUse this link to sign in to Werkhaven (it works once, until {until}):\n\n{link}\n\nIf you did not ask for this link, you need not do anything."},
	}
}
