package booking

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
)

// consentMail is the sealed data of the mail that asks a kandidaat to share
// their details with a booking's provider: the link secret and what the
// booking is. Nothing about the kandidaat; the recipient is read at send time.
type consentMail struct {
	Token        string    `json:"token"`
	ExpiresAt    time.Time `json:"expiresAt"`
	ServiceNL    string    `json:"serviceNl"`
	ServiceEN    string    `json:"serviceEn"`
	Provider     string    `json:"provider"`
	Organisation string    `json:"organisation"`
	Language     string    `json:"language"`
}

// Templates are the services desk's mails to kandidaten, by name.
func Templates(baseURL string) map[string]mail.Template {
	return map[string]mail.Template{ConsentMail: consentTemplate{baseURL: baseURL}}
}

type consentTemplate struct{ baseURL string }

// Render writes the mail in B1 Dutch, or in English when the kandidaat chose
// it: who asks, what would be shared, the single-use link and that they can
// stop sharing later.
func (t consentTemplate) Render(r mail.Recipient, raw json.RawMessage) (string, string, error) {
	var d consentMail
	if err := json.Unmarshal(raw, &d); err != nil || d.Token == "" {
		return "", "", fmt.Errorf("consent mail data: %v", err)
	}
	en := r.English() || (r.Language == "" && d.Language == "en")
	link := strings.TrimRight(t.baseURL, "/") + "/toestemming-delen#token=" + d.Token
	until := d.ExpiresAt.In(amsterdam).Format("2-1-2006")
	var b strings.Builder
	subject := fmt.Sprintf("Mag %s uw gegevens krijgen?", d.Provider)
	if en {
		subject = fmt.Sprintf("May %s have your details?", d.Provider)
		fmt.Fprintf(&b, "Dear %s,\n\n%s has asked for the service '%s' at your work. %s will do this.\n\n", r.DisplayName, d.Organisation, d.ServiceEN, d.Provider)
		fmt.Fprintf(&b, "For this, %s would like to know your name, your phone number and where you work.\nWe only give them these details if you say yes.\n\n", d.Provider)
		fmt.Fprintf(&b, "Choose yes or no with this link:\n%s\n\nThe link works once, until %s. After that you can choose in Werkhaven, under My details.\n", link, until)
		fmt.Fprintf(&b, "You can always stop sharing later. You do that in Werkhaven, under My details.\n")
	} else {
		fmt.Fprintf(&b, "Beste %s,\n\n%s heeft de dienst '%s' aangevraagd voor uw werk. %s gaat dat doen.\n\n", r.DisplayName, d.Organisation, d.ServiceNL, d.Provider)
		fmt.Fprintf(&b, "Daarvoor wil %s uw naam, uw telefoonnummer en het adres van uw werk weten.\nWij geven die gegevens alleen als u ja zegt.\n\n", d.Provider)
		fmt.Fprintf(&b, "Kies ja of nee via deze link:\n%s\n\nDe link werkt één keer, tot %s. Daarna kunt u kiezen in Werkhaven, bij Mijn gegevens.\n", link, until)
		fmt.Fprintf(&b, "U kunt later altijd stoppen met delen. Dat doet u in Werkhaven, bij Mijn gegevens.\n")
	}
	if line := r.ContactLine(); line != "" {
		fmt.Fprintf(&b, "%s\n", line)
	}
	return subject, b.String() + "\nWerkhaven\n", nil
}
