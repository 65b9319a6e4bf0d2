package identity

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
)

// MailTemplates are identity's mail templates, by name.
func MailTemplates(baseURL string) map[string]mail.Template {
	return map[string]mail.Template{
		"password_reset": mail.LinkTemplate{BaseURL: baseURL, Path: "/wachtwoord-herstellen", Subject: "Nieuw wachtwoord kiezen / Choose a new password",
			NL: "Beste {name},\n\nU vroeg om een nieuw wachtwoord voor Werkhaven. Kies een nieuw wachtwoord via deze link:\n\n{link}\n\nDe link werkt één keer en tot {until}. Vroeg u niet om een nieuw wachtwoord? Dan hoeft u niets te doen.",
			EN: "Dear {name},\n\nYou asked for a new Werkhaven password. Choose one here (the link works once, until {until}):\n\n{link}\n\nIf you did not ask for this, you need not do anything."},
		"invitation": mail.LinkTemplate{BaseURL: baseURL, Path: InvitationPath, Subject: "Uitnodiging voor Werkhaven / Invitation to Werkhaven",
			NL: "Beste {name},\n\n{invitedBy} nodigt u uit voor Werkhaven. Kies uw wachtwoord via deze link:\n\n{link}\n\nDe link werkt één keer en tot {until}.",
			EN: "Dear {name},\n\n{invitedBy} invites you to Werkhaven. Choose your password here (the link works once, until {until}):\n\n{link}"},
		"magic_link": mail.LinkTemplate{BaseURL: baseURL, Path: "/inloggen/link", Subject: "Uw link om in te loggen / Your sign-in link",
			NL: "Beste {name},\n\nKlik op deze link om in te loggen bij Werkhaven:\n\n{link}\n\nDe link werkt één keer. U kunt hem gebruiken tot {until}. Vroeg u niet om deze link? Dan hoeft u niets te doen.",
			EN: "Dear {name},\n\nUse this link to sign in to Werkhaven (it works once, until {until}):\n\n{link}\n\nIf you did not ask for this link, you need not do anything."},
		DeclineMail: textTemplate{BaseURL: baseURL, Subject: "Uw aanmelding bij Werkhaven / Your sign-up for Werkhaven",
			NL: "Beste {name},\n\nWij hebben de aanmelding van {organisation} bij Werkhaven niet aangenomen. De reden:\n\n{reason}\n\nHeeft u vragen? Neem dan contact op met het Werkgeversservicepunt van uw regio.",
			EN: "Dear {name},\n\nWe did not accept the sign-up of {organisation} for Werkhaven. The reason:\n\n{reason}\n\nIf you have questions, please contact your region's employer desk."},
		ReminderMail: textTemplate{BaseURL: baseURL, Subject: "Aanmelding wacht op u / A sign-up is waiting",
			NL: "Beste {name},\n\nDe aanmelding van {organisation} wacht al 5 werkdagen op een beslissing. Bekijk hem hier:\n\n{link}",
			EN: "Dear {name},\n\nThe sign-up of {organisation} has been waiting for a decision for 5 working days. See it here:\n\n{link}"},
		RegistrationMail: mail.LinkTemplate{BaseURL: baseURL, Path: "/aanmelden/bevestigen", Subject: "Bevestig uw aanmelding bij Werkhaven / Confirm your sign-up",
			NL: "Beste {name},\n\nU heeft uw organisatie aangemeld bij Werkhaven. Bevestig uw e-mailadres via deze link:\n\n{link}\n\nDe link werkt één keer en tot {until}. Daarna bekijkt een accountmanager van de regio uw aanmelding. Meldde u zich niet aan? Dan hoeft u niets te doen; de aanmelding wordt na 7 dagen verwijderd.",
			EN: "Dear {name},\n\nYou signed your organisation up for Werkhaven. Confirm your e-mail address here (the link works once, until {until}):\n\n{link}\n\nAn accountmanager of the region then reviews your sign-up. If you did not sign up, you need not do anything; the sign-up is deleted after 7 days."},
	}
}

// InvitationPath is the front end's page where an invited user sets a
// password.
const InvitationPath = "/uitnodiging"

// declineData is the data of a DeclineMail.
type declineData struct {
	Organisation string `json:"organisation"`
	Reason       string `json:"reason"`
}

// reminderData is the data of a ReminderMail.
type reminderData struct {
	Organisation string `json:"organisation"`
}

// textTemplate renders a mail without a link from its data's fields,
// Dutch first and English below: {name} is the recipient, {field} a
// field of the data.
type textTemplate struct {
	BaseURL string
	Subject string
	NL, EN  string
}

// Render satisfies mail.Template.
func (t textTemplate) Render(r mail.Recipient, raw json.RawMessage) (string, string, error) {
	var d map[string]string
	if err := json.Unmarshal(raw, &d); err != nil {
		return "", "", fmt.Errorf("mail data: %w", err)
	}
	pairs := []string{"{name}", r.DisplayName, "{link}", strings.TrimRight(t.BaseURL, "/") + "/aanmeldingen"}
	for k, v := range d {
		pairs = append(pairs, "{"+k+"}", v)
	}
	rep := strings.NewReplacer(pairs...)
	return t.Subject, rep.Replace(t.NL) + "\n\n----\n\n" + rep.Replace(t.EN) + "\n\nWerkhaven\n", nil
}
