package candidate

import (
	"strconv"
	"strings"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// The export document, section by section, from the export's records.

func (l exportLabeller) document() exportMyDataResponse {
	e := l.e
	return exportMyDataResponse{ExportHeading: l.heading("document"), GeneratedAt: e.GeneratedAt, Language: string(l.lang),
		Contact: exportContact{ExportHeading: l.heading("contact"), Name: e.Identity.Name, Email: e.Identity.Email, Phone: e.Identity.Phone,
			Street: e.Identity.Street, Postcode: e.Identity.Postcode, Place: e.Identity.Place, MailLanguage: l.choice(languageLabels, e.Identity.Language)},
		Account:         l.account(),
		Profile:         l.profile(),
		Consents:        section(l, "consents", e.Consents, l.consent),
		Invites:         section(l, "invites", e.Invites, l.invite),
		Disclosures:     section(l, "disclosures", filter(e.Invites, func(in InviteRecord) bool { return in.Disclosure != nil }), l.disclosure),
		Placements:      section(l, "placements", filter(e.Invites, func(in InviteRecord) bool { return in.Placement != nil }), l.placement),
		Recommendations: section(l, "recommendations", e.Pools.Pins, l.pin),
		PoolAppearances: section(l, "poolAppearances", e.Pools.Weeks, func(w WeekRecord) exportWeek { return exportWeek(w) }),
		Services:        section(l, "services", e.Bookings, l.booking),
		LKSApplications: section(l, "lksApplications", e.LKSApplications, l.lks),
		Mails:           section(l, "mails", e.Mails, l.mail),
		ConfirmationLinks: section(l, "confirmationLinks", e.ConfirmationLinks, func(c ConfirmationLink) exportLink {
			return exportLink{Purpose: l.choice(linkPurposeLabels, "confirm"), SentAt: c.SentAt, ValidUntil: c.ExpiresAt, UsedAt: c.UsedAt}
		}),
		Notifications: section(l, "notifications", e.Notifications, l.notification),
		History:       section(l, "history", e.History, l.event),
		AccessLog:     section(l, "accessLog", e.Reads, l.read),
	}
}

func section[T, B any](l exportLabeller, name string, items []T, f func(T) B) exportSection[B] {
	return exportSection[B]{ExportHeading: l.heading(name), Items: httpapi.Items(items, f)}
}

func filter[T any](items []T, keep func(T) bool) []T {
	var out []T
	for _, it := range items {
		if keep(it) {
			out = append(out, it)
		}
	}
	return out
}

func (l exportLabeller) account() exportAccount {
	a := l.e.Account
	out := exportAccount{ExportHeading: l.heading("account"), Email: a.Email, CreatedAt: a.CreatedAt, SignIns: []exportSignIn{}, Links: []exportLink{}}
	for _, s := range a.Sessions {
		out.SignIns = append(out.SignIns, exportSignIn{StartedAt: s.StartedAt, LastSeenAt: s.LastSeenAt, ExpiresAt: s.ExpiresAt, Method: l.choice(sessionKindLabels, s.Kind)})
	}
	for _, k := range a.Links {
		out.Links = append(out.Links, exportLink{Purpose: l.choice(linkPurposeLabels, k.Purpose), SentAt: k.CreatedAt, ValidUntil: k.ExpiresAt, UsedAt: k.UsedAt})
	}
	return out
}

func (l exportLabeller) profile() exportProfile {
	c := l.e.Candidate
	p := c.Profile
	out := exportProfile{ExportHeading: l.heading("profile"), PublicCode: c.PublicCode, Status: l.choice(statusLabels, string(c.Status)),
		Freshness: l.choice(freshnessLabels, string(c.Freshness)), ConfirmedAt: c.ConfirmedAt, RemindedAt: c.RemindedAt, Consent: c.Consent,
		ConsentAt: c.ConsentAt, Klantmanager: l.actor(c.KlantmanagerID, "klantmanager", ""), Occupations: []exportLabelled{}, Skills: []exportLabelled{},
		Experience: p.Experience, Education: l.optChoice(educationLabels, p.Education), Languages: []exportLanguage{}, DrivingLicence: p.DrivingLicence,
		OwnTransport: p.OwnTransport, PC4: p.PC4, MaxTravelKm: p.MaxTravelKm, HoursMin: p.HoursMin, HoursMax: p.HoursMax,
		Days: l.choices(dayLabels, p.Days), DayParts: l.choices(dayPartLabels, p.DayParts), AvailableFrom: dateOf(p.AvailableFrom),
		SupportNeeds: l.choices(supportLabels, p.SupportNeeds), Doelgroepregister: p.Doelgroepregister, Praktijkroute: p.Praktijkroute,
		LKSIndicatie: p.LKSIndicatie, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
	for i, id := range p.Occupations {
		label := id
		if i < len(c.OccupationLabels) && c.OccupationLabels[i] != "" {
			label = c.OccupationLabels[i]
		}
		out.Occupations = append(out.Occupations, exportLabelled{ID: id, Label: label})
	}
	for _, id := range p.Skills {
		label := id
		if s, ok := l.skills.Get(id); ok {
			label = s.LabelNL
			if l.lang == msg.EN {
				label = s.LabelEN
			}
		}
		out.Skills = append(out.Skills, exportLabelled{ID: id, Label: label})
	}
	for _, lg := range p.Languages {
		out.Languages = append(out.Languages, exportLanguage{Code: lg.Code, Label: l.choice(languageLabels, lg.Code).Label, Level: lg.Level})
	}
	if p.Rung != nil {
		r := l.choice(rungLabels, strconv.Itoa(*p.Rung))
		out.Rung = &r
	}
	return out
}

func (l exportLabeller) consent(c Consent) exportConsent {
	by := l.actor(c.RecordedBy, "", "")
	if c.RecordedBy == "" && strings.HasPrefix(c.Method, "kandidaat_") {
		by = l.actor("", "kandidaat", "")
	}
	return exportConsent{Given: c.Given, Method: l.choice(consentMethodLabels, c.Method), Note: c.Note, RecordedBy: by, RecordedAt: c.RecordedAt}
}

// decisionOf is the kandidaat's answer to an invite in its state.
func decisionOf(state string) string {
	switch state {
	case "awaiting_approval":
		return "notSent"
	case "invited", "viewed":
		return "open"
	case "declined", "expired", "withdrawn":
		return state
	}
	return "accepted"
}

func (l exportLabeller) invite(in InviteRecord) exportInvite {
	out := exportInvite{ID: in.ID, OrganisationName: in.OrganisationName, OpeningTitle: in.OpeningTitle, State: l.choice(inviteStateLabels, in.State),
		Decision: l.choice(decisionLabels, decisionOf(in.State)), Message: in.Message, Advice: in.Advice, CreatedAt: in.CreatedAt, SentAt: in.SentAt,
		RemindedAt: in.RemindedAt, ExpiresAt: in.ExpiresAt, DeclineReason: l.optChoice(declineReasonLabels, in.DeclineReason), DeclineNote: in.DeclineNote,
		IntakeAt: in.IntakeAt, IntakeMode: l.optChoice(intakeModeLabels, in.IntakeMode), IntakePlace: in.IntakePlace, OutcomeNote: in.OutcomeNote,
		History: []exportInviteStep{}}
	for _, ev := range in.Events {
		at := ev.At
		switch {
		case ev.To == "viewed" && out.ViewedAt == nil:
			out.ViewedAt = &at
		case (ev.To == "accepted" || ev.To == "declined") && ev.Actor == "kandidaat" && out.DecidedAt == nil:
			out.DecidedAt = &at
		}
		step := exportInviteStep{At: ev.At, Actor: l.actor(ev.ActorUserID, ev.Actor, in.OrganisationName), State: l.choice(inviteStateLabels, ev.To), Reason: ev.Reason}
		step.Description = step.State.Label
		switch {
		case ev.Reason == "disclosure_withdrawn":
			step.Description, step.Reason = l.text(msg.M("export.disclosureWithdrawn")), ""
		case ev.To == "declined" && ev.Reason != "":
			step.Reason = l.choice(declineReasonLabels, ev.Reason).Label
		}
		out.History = append(out.History, step)
	}
	return out
}

func (l exportLabeller) disclosure(in InviteRecord) exportDisclosure {
	d := in.Disclosure
	shared := []string{"name", "email"}
	if d.SharePhone {
		shared = append(shared, "phone")
	}
	out := exportDisclosure{InviteID: in.ID, OrganisationName: in.OrganisationName, OpeningTitle: in.OpeningTitle, Shared: l.choices(sharedLabels, shared),
		GrantedAt: d.GrantedAt, Active: d.WithdrawnAt == nil, SharedUntil: d.WithdrawnAt, Until: l.text(msg.M("export.untilActive"))}
	if d.WithdrawnAt != nil {
		out.Until = l.text(msg.M("export.untilStopped"))
	}
	return out
}

func (l exportLabeller) placement(in InviteRecord) exportPlacement {
	p := in.Placement
	out := exportPlacement{OrganisationName: in.OrganisationName, OpeningTitle: in.OpeningTitle, StartDate: p.StartDate.Format(time.DateOnly),
		ContractType: l.choice(contractTypeLabels, p.ContractType), Hours: p.Hours, HourlyWageCents: p.HourlyWageCents, TrialPeriodMonths: p.TrialPeriodMonths,
		EndedOn: dateOf(p.EndedOn), EndReason: l.optChoice(endReasonLabels, p.EndReason), Durable: p.Durable, CreatedAt: p.CreatedAt,
		CreatedBy: l.actor(p.CreatedBy, "", in.OrganisationName), FollowUps: []exportFollowUp{}}
	for _, f := range p.FollowUps {
		out.FollowUps = append(out.FollowUps, exportFollowUp{Week: f.Week, DueOn: f.DueOn.Format(time.DateOnly), AnsweredAt: f.AnsweredAt,
			StillEmployed: f.StillEmployed, CancelledAt: f.CancelledAt})
	}
	out.ThankYous = httpapi.Items(p.ThankYous, func(t ThankYouRecord) exportThankYou {
		return exportThankYou{Message: t.Message, CreatedAt: t.CreatedAt.UTC()}
	})
	return out
}

func (l exportLabeller) pin(p PinRecord) exportRecommendation {
	return exportRecommendation{OpeningTitle: p.OpeningTitle, OrganisationName: p.OrganisationName, Note: p.Note, PinnedAt: p.PinnedAt,
		PinnedBy: l.actor(p.PinnedBy, "accountmanager", "")}
}

func (l exportLabeller) booking(b BookingRecord) exportService {
	return exportService{ServiceTitle: b.ServiceTitle, ProviderName: b.ProviderName, OrganisationName: b.OrganisationName,
		State: l.choice(bookingStateLabels, b.State), StartsAt: b.StartsAt, EndsAt: b.EndsAt, Note: b.Note, RequestedAt: b.CreatedAt,
		RequestedBy: l.actor(b.RequestedBy, "organisation", b.OrganisationName), HoursEntries: hoursEntries(b.Hours), Sharing: l.sharing(b.Consent)}
}

func (l exportLabeller) sharing(c *BookingConsentRecord) *exportSharing {
	if c == nil {
		return nil
	}
	return &exportSharing{State: l.choice(sharingStateLabels, c.State), AskedAt: c.AskedAt, DecidedAt: c.DecidedAt,
		Via: l.optChoice(sharingViaLabels, c.DecidedVia), RevokedAt: c.RevokedAt}
}

func hoursEntries(hs []BookingHoursRecord) []exportHours {
	var out []exportHours
	for _, h := range hs {
		out = append(out, exportHours{WorkedOn: h.WorkedOn.Format(time.DateOnly), Hours: h.Hours, Note: h.Note})
	}
	return out
}

func (l exportLabeller) lks(a LKSRecord) exportLks {
	out := exportLks{OrganisationName: a.OrganisationName, OpeningTitle: a.OpeningTitle, State: l.choice(lksStateLabels, a.State),
		WageValuePercent: a.WageValuePercent, AssessedOn: dateOf(a.AssessedOn), MonthlyCents: a.MonthlyCents, Motivation: a.Motivation,
		ReassessOn: dateOf(a.ReassessOn), AppliedAt: a.CreatedAt, AppliedBy: l.actor(a.CreatedBy, "organisation", a.OrganisationName), DecidedAt: a.DecidedAt}
	if a.DecidedBy != "" {
		by := l.actor(a.DecidedBy, "accountmanager", "")
		out.DecidedBy = &by
	}
	return out
}

func (l exportLabeller) mail(m mail.Record) exportMail {
	return exportMail{Kind: l.choice(mailLabels, m.Template), QueuedAt: m.QueuedAt, SentAt: m.SentAt}
}

func (l exportLabeller) notification(n notification.Item) exportNotification {
	title := n.TitleNL
	if l.lang == msg.EN {
		title = n.TitleEN
	}
	return exportNotification{Title: title, CreatedAt: n.CreatedAt.UTC(), ReadAt: n.ReadAt}
}

func (l exportLabeller) event(a audit.Entry) exportEvent {
	action := l.choice(actionLabels, a.Action)
	if a.Action == "session.sign_in" && a.Outcome != audit.Success {
		action.Label = l.text(msg.M("export.signInFailed"))
	}
	out := exportEvent{At: a.OccurredAt, Action: action, Actor: l.actor(a.ActorUserID, a.ActorRole, "")}
	if out.Actor.Role == "kandidaat" {
		out.IP = a.IP
	}
	return out
}

// read says who read the personal data and why (the audit entry's "via").
func (l exportLabeller) read(a audit.Entry) exportRead {
	via, _ := a.Details["via"].(string)
	reason := l.text(readReasonLabels["other"])
	switch {
	case via == "candidate" || via == "caseload" || via == "caseload_export":
		reason = l.text(readReasonLabels[via])
	case strings.HasPrefix(via, "booking:"):
		reason = l.text(readReasonLabels["booking"])
	case strings.HasPrefix(via, "invite:"):
		id := strings.TrimPrefix(via, "invite:")
		for _, in := range l.e.Invites {
			if in.ID == id {
				reason = msg.M(readReasonLabels["invite"].ID, in.OpeningTitle).In(l.lang)
			}
		}
	}
	return exportRead{At: a.OccurredAt, Actor: l.actor(a.ActorUserID, a.ActorRole, ""), Reason: reason}
}
