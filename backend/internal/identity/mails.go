package identity

import (
	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
)

// MailTemplates are identity's mail templates, by name.
func MailTemplates(baseURL string) map[string]mail.Template {
	return map[string]mail.Template{
		"password_reset": mail.LinkTemplate{BaseURL: baseURL, Path: "/wachtwoord-herstellen", Subject: "Nieuw wachtwoord kiezen / Choose a new password",
			NL: "Beste {name},\n\nU vroeg om een nieuw wachtwoord voor Werkhaven. Kies een nieuw wachtwoord via deze link:\n\n{link}\n\nDe link werkt één keer en tot {until}. Vroeg u niet om een nieuw wachtwoord? Dan hoeft u niets te doen.",
			EN: "Dear {name},\n\nYou asked for a new Werkhaven password. Choose one here (the link works once, until {until}):\n\n{link}\n\nIf you did not ask for this, you need not do anything."},
		"invitation": mail.LinkTemplate{BaseURL: baseURL, Path: "/uitnodiging", Subject: "Uitnodiging voor Werkhaven / Invitation to Werkhaven",
			NL: "Beste {name},\n\n{invitedBy} nodigt u uit voor Werkhaven. Kies uw wachtwoord via deze link:\n\n{link}\n\nDe link werkt één keer en tot {until}.",
			EN: "Dear {name},\n\n{invitedBy} invites you to Werkhaven. Choose your password here (the link works once, until {until}):\n\n{link}"},
		"magic_link": mail.LinkTemplate{BaseURL: baseURL, Path: "/inloggen/link", Subject: "Uw link om in te loggen / Your sign-in link",
			NL: "Beste {name},\n\nKlik op deze link om in te loggen bij Werkhaven:\n\n{link}\n\nDe link werkt één keer. U kunt hem gebruiken tot {until}. Vroeg u niet om deze link? Dan hoeft u niets te doen.",
			EN: "Dear {name},\n\nUse this link to sign in to Werkhaven (it works once, until {until}):\n\n{link}\n\nIf you did not ask for this link, you need not do anything."},
		RegistrationMail: mail.LinkTemplate{BaseURL: baseURL, Path: "/aanmelden/bevestigen", Subject: "Bevestig uw aanmelding bij Werkhaven / Confirm your sign-up",
			NL: "Beste {name},\n\nU heeft uw organisatie aangemeld bij Werkhaven. Bevestig uw e-mailadres via deze link:\n\n{link}\n\nDe link werkt één keer en tot {until}. Daarna bekijkt een accountmanager van de regio uw aanmelding. Meldde u zich niet aan? Dan hoeft u niets te doen; de aanmelding wordt na 7 dagen verwijderd.",
			EN: "Dear {name},\n\nYou signed your organisation up for Werkhaven. Confirm your e-mail address here (the link works once, until {until}):\n\n{link}\n\nAn accountmanager of the region then reviews your sign-up. If you did not sign up, you need not do anything; the sign-up is deleted after 7 days."},
	}
}
