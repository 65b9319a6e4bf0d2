package invite

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
)

// Template names of the kandidaat's mails.
const (
	InviteMail   = "match_invite"
	ReminderMail = "match_invite_reminder"
)

// inviteMail is the sealed data of an invite mail: the offer and the link
// secret. Nothing about the kandidaat; the recipient is read at send time.
type inviteMail struct {
	Token        string     `json:"token"`
	ExpiresAt    time.Time  `json:"expiresAt"`
	Organisation string     `json:"organisation"`
	Title        string     `json:"title"`
	Place        string     `json:"place"`
	HoursMin     int        `json:"hoursMin"`
	HoursMax     int        `json:"hoursMax"`
	StartDate    *time.Time `json:"startDate,omitempty"`
	Support      []string   `json:"support"`
	Message      string     `json:"message"`
	Language     string     `json:"language"`
}

// openingFor loads an invite's opening for a timer (no signed-in user).
func (s *Service) openingFor(ctx context.Context, _ *gorm.DB, v viewRow) (opening.Opening, error) {
	return s.Openings.Get(ctx, authz.Principal{RegionID: v.RegionID, Role: authz.Admin}, v.OpeningID)
}

// supportNL and supportEN say in plain words what an organisation offers.
var supportNL = map[string]string{"jobcoach": "een jobcoach", "aangepaste-werkplek": "een aangepaste werkplek", "rustige-werkplek": "een rustige werkplek",
	"vaste-structuur": "een vaste structuur", "flexibele-uren": "flexibele uren", "vaste-begeleider": "een vaste begeleider",
	"opbouw-uren": "rustig meer uren gaan werken", "eenvoudige-instructies": "uitleg in eenvoudige taal"}
var supportEN = map[string]string{"jobcoach": "a job coach", "aangepaste-werkplek": "an adapted workplace", "rustige-werkplek": "a quiet workplace",
	"vaste-structuur": "a fixed routine", "flexibele-uren": "flexible hours", "vaste-begeleider": "one fixed supervisor",
	"opbouw-uren": "building up your hours slowly", "eenvoudige-instructies": "instructions in plain language"}

// Templates are the invite mails, by name.
func Templates(baseURL string) map[string]mail.Template {
	return map[string]mail.Template{InviteMail: inviteTemplate{baseURL: baseURL}, ReminderMail: inviteTemplate{baseURL: baseURL, reminder: true}}
}

type inviteTemplate struct {
	baseURL  string
	reminder bool
}

// Render writes the mail in B1 Dutch, or in English when the kandidaat
// prefers it, with a short line in the other language.
func (t inviteTemplate) Render(_ mail.Recipient, raw json.RawMessage) (string, string, error) {
	var d inviteMail
	if err := json.Unmarshal(raw, &d); err != nil || d.Token == "" {
		return "", "", fmt.Errorf("invite mail data: %v", err)
	}
	link := strings.TrimRight(t.baseURL, "/") + "/uitnodiging-werk#token=" + d.Token
	ams := amsterdam
	until := d.ExpiresAt.In(ams).Format("2-1-2006")
	start := ""
	if d.StartDate != nil {
		start = d.StartDate.Format("2-1-2006")
	}
	var nl, en strings.Builder
	if t.reminder {
		fmt.Fprintf(&nl, "Hallo,\n\nU heeft nog niet gereageerd op de uitnodiging van %s. U kunt nog kiezen tot %s.\n\n", d.Organisation, until)
		fmt.Fprintf(&en, "Hello,\n\nYou have not answered the invite from %s yet. You can still choose until %s.\n\n", d.Organisation, until)
	} else {
		fmt.Fprintf(&nl, "Hallo,\n\n%s wil graag met u kennismaken. Zij zochten in Werkhaven en vinden dat u goed past bij dit werk.\n\n", d.Organisation)
		fmt.Fprintf(&en, "Hello,\n\n%s would like to meet you. They searched Werkhaven and think you fit this work.\n\n", d.Organisation)
	}
	fmt.Fprintf(&nl, "Het werk: %s\nWaar: %s\nUren: %d tot %d uur per week\n", d.Title, d.Place, d.HoursMin, d.HoursMax)
	fmt.Fprintf(&en, "The work: %s\nWhere: %s\nHours: %d to %d hours a week\n", d.Title, d.Place, d.HoursMin, d.HoursMax)
	if start != "" {
		fmt.Fprintf(&nl, "Begin: %s\n", start)
		fmt.Fprintf(&en, "Start: %s\n", start)
	}
	if len(d.Support) > 0 {
		var snl, sen []string
		for _, s := range d.Support {
			snl, sen = append(snl, supportNL[s]), append(sen, supportEN[s])
		}
		fmt.Fprintf(&nl, "Hulp die zij bieden: %s\n", strings.Join(snl, ", "))
		fmt.Fprintf(&en, "Help they offer: %s\n", strings.Join(sen, ", "))
	}
	if !t.reminder {
		fmt.Fprintf(&nl, "\nZij schrijven:\n%q\n", d.Message)
		fmt.Fprintf(&en, "\nThey write:\n%q\n", d.Message)
	}
	fmt.Fprintf(&nl, "\nWilt u kennismaken? Kies ja of nee via deze link:\n%s\n\nDe werkgever ziet uw naam pas als u ja zegt. De link werkt één keer, tot %s. Vragen? Bel of mail uw klantmanager.\n", link, until)
	fmt.Fprintf(&en, "\nWould you like to meet them? Choose yes or no with this link:\n%s\n\nThe employer only sees your name if you say yes. The link works once, until %s. Questions? Contact your klantmanager.\n", link, until)
	subject := "Een werkgever wil met u kennismaken / An employer would like to meet you"
	if t.reminder {
		subject = "Herinnering: een werkgever wacht op uw antwoord / Reminder: an employer is waiting for your answer"
	}
	first, second := nl.String(), en.String()
	if d.Language == "en" {
		first, second = second, first
	}
	return subject, first + "\n----\n\n" + second + "\nWerkhaven\n", nil
}
