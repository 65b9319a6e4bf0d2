package candidate

import (
	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
)

// ConfirmationMail is the template name of the availability mail.
const ConfirmationMail = "availability_confirm"

// MailTemplates are the candidate mails, by name.
func MailTemplates(baseURL string) map[string]mail.Template {
	return map[string]mail.Template{
		ConfirmationMail: mail.LinkTemplate{BaseURL: baseURL, Path: "/beschikbaarheid", Subject: "Bent u nog op zoek naar werk? / Are you still looking for work?",
			NL: "Hallo,\n\nU staat bij de gemeente ingeschreven als werkzoekende. Zoekt u nog werk? Klik dan op deze link en bevestig dat uw gegevens kloppen:\n\n{link}\n\nDe link werkt tot {until}. Doet u niets, dan tonen we uw profiel na een tijdje niet meer aan werkgevers. U kunt altijd weer bevestigen.",
			EN: "Hello,\n\nYou are registered with the municipality as looking for work. Are you still looking? Click this link and confirm your details are right:\n\n{link}\n\nThe link works until {until}. If you do nothing, employers will stop seeing your profile after a while. You can always confirm again."},
	}
}
