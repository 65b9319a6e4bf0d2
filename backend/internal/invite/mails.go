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
	Days         []string   `json:"days,omitempty"`
	DayParts     []string   `json:"dayParts,omitempty"`
}

// dayNames and dayPartNames name an opening's days and parts of the day.
var dayNames = map[string][2]string{"ma": {"maandag", "Monday"}, "di": {"dinsdag", "Tuesday"}, "wo": {"woensdag", "Wednesday"},
	"do": {"donderdag", "Thursday"}, "vr": {"vrijdag", "Friday"}, "za": {"zaterdag", "Saturday"}, "zo": {"zondag", "Sunday"}}
var dayPartNames = map[string][2]string{"ochtend": {"ochtend", "morning"}, "middag": {"middag", "afternoon"}, "avond": {"avond", "evening"}, "nacht": {"nacht", "night"}}

// when says on which days and parts of the day the work is, in one
// language (en: English), or "" when the opening names neither.
func when(days, parts []string, en bool) string {
	i := 0
	if en {
		i = 1
	}
	var d, p []string
	for _, x := range days {
		d = append(d, dayNames[x][i])
	}
	for _, x := range parts {
		p = append(p, dayPartNames[x][i])
	}
	join := func(xs []string) string {
		if len(xs) < 2 {
			return strings.Join(xs, "")
		}
		and := " en "
		if en {
			and = " and "
		}
		return strings.Join(xs[:len(xs)-1], ", ") + and + xs[len(xs)-1]
	}
	switch {
	case len(d) > 0 && len(p) > 0:
		if en {
			return join(d) + ", in the " + join(p)
		}
		return join(d) + ", in de " + join(p)
	case len(d) > 0:
		return join(d)
	case len(p) > 0:
		if en {
			return "in the " + join(p)
		}
		return "in de " + join(p)
	}
	return ""
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

// Render writes the mail in the kandidaat's language: B1 Dutch, or English
// when they chose it. It greets them by name (read at send time, never in
// the sealed data) and names their klantmanager for questions.
func (t inviteTemplate) Render(r mail.Recipient, raw json.RawMessage) (string, string, error) {
	var d inviteMail
	if err := json.Unmarshal(raw, &d); err != nil || d.Token == "" {
		return "", "", fmt.Errorf("invite mail data: %v", err)
	}
	en := r.English() || (r.Language == "" && d.Language == "en")
	link := strings.TrimRight(t.baseURL, "/") + "/uitnodiging-werk#token=" + d.Token
	until := d.ExpiresAt.In(amsterdam).Format("2-1-2006")
	// The mail's fixed words, by language: greeting, reminder, invite, the work, when.
	words := [2][5]string{
		{"Beste %s,\n\n", "U heeft nog niet gereageerd op de uitnodiging van %s. U kunt nog kiezen tot %s.\n\n",
			"%s wil graag met u kennismaken. Zij zochten in Werkhaven en vinden dat u goed past bij dit werk.\n\n",
			"Het werk: %s\nWaar: %s\nUren: %d tot %d uur per week\n", "Wanneer: %s\n"},
		{"Dear %s,\n\n", "You have not answered the invite from %s yet. You can still choose until %s.\n\n",
			"%s would like to meet you. They searched Werkhaven and think you fit this work.\n\n",
			"The work: %s\nWhere: %s\nHours: %d to %d hours a week\n", "When: %s\n"},
	}
	w := words[0]
	if en {
		w = words[1]
	}
	var b strings.Builder
	fmt.Fprintf(&b, w[0], r.DisplayName)
	if t.reminder {
		fmt.Fprintf(&b, w[1], d.Organisation, until)
	} else {
		fmt.Fprintf(&b, w[2], d.Organisation)
	}
	fmt.Fprintf(&b, w[3], d.Title, d.Place, d.HoursMin, d.HoursMax)
	if days := when(d.Days, d.DayParts, en); days != "" {
		fmt.Fprintf(&b, w[4], days)
	}
	if d.StartDate != nil {
		fmt.Fprintf(&b, "%s: %s\n", map[bool]string{false: "Begin", true: "Start"}[en], d.StartDate.Format("2-1-2006"))
	}
	if len(d.Support) > 0 {
		var names []string
		for _, s := range d.Support {
			if en {
				names = append(names, supportEN[s])
			} else {
				names = append(names, supportNL[s])
			}
		}
		fmt.Fprintf(&b, "%s: %s\n", map[bool]string{false: "Hulp die zij bieden", true: "Help they offer"}[en], strings.Join(names, ", "))
	}
	if !t.reminder {
		fmt.Fprintf(&b, "\n%s\n%q\n", map[bool]string{false: "Zij schrijven:", true: "They write:"}[en], d.Message)
	}
	subject := "Een werkgever wil met u kennismaken"
	if en {
		fmt.Fprintf(&b, "\nWould you like to meet them? Choose yes or no with this link:\n%s\n\nThe employer only sees your name if you say yes. The link works once, until %s.\n", link, until)
		subject = "An employer would like to meet you"
		if t.reminder {
			subject = "Reminder: an employer is waiting for your answer"
		}
	} else {
		fmt.Fprintf(&b, "\nWilt u kennismaken? Kies ja of nee via deze link:\n%s\n\nDe werkgever ziet uw naam pas als u ja zegt. De link werkt één keer, tot %s.\n", link, until)
		if t.reminder {
			subject = "Herinnering: een werkgever wacht op uw antwoord"
		}
	}
	if line := r.ContactLine(); line != "" {
		fmt.Fprintf(&b, "%s\n", line)
	}
	return subject, b.String() + "\nWerkhaven\n", nil
}
