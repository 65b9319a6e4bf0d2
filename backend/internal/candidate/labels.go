package candidate

import (
	"slices"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
	"github.com/werkhaven/werkhaven/backend/internal/skill"
)

// The export's words for stored codes, by code. Each names a message of the
// catalogue (platform/msg/messages.json), so the overview reads in the
// kandidaat's language, Dutch first; a code without a label shows as itself.
var (
	statusLabels = map[string]msg.Message{
		"available":  msg.M("export.statusAvailable"),
		"in_process": msg.M("export.statusInProcess"),
		"placed":     msg.M("export.statusPlaced"),
		"paused":     msg.M("export.statusPaused"),
	}
	freshnessLabels = map[string]msg.Message{
		"fresh":   msg.M("export.freshnessFresh"),
		"stale":   msg.M("export.freshnessStale"),
		"expired": msg.M("export.freshnessExpired"),
	}
	educationLabels = map[string]msg.Message{
		"geen": msg.M("export.educationGeen"),
		"vmbo": msg.M("export.educationVmbo"),
		"mbo1": msg.M("export.educationMbo1"),
		"mbo2": msg.M("export.educationMbo2"),
		"mbo3": msg.M("export.educationMbo3"),
		"mbo4": msg.M("export.educationMbo4"),
		"havo": msg.M("export.educationHavo"),
		"vwo":  msg.M("export.educationVwo"),
		"hbo":  msg.M("export.educationHbo"),
		"wo":   msg.M("export.educationWo"),
	}
	languageLabels = map[string]msg.Message{
		"nl":    msg.M("export.languageNl"),
		"en":    msg.M("export.languageEn"),
		"ar":    msg.M("export.languageAr"),
		"tr":    msg.M("export.languageTr"),
		"pl":    msg.M("export.languagePl"),
		"ro":    msg.M("export.languageRo"),
		"bg":    msg.M("export.languageBg"),
		"es":    msg.M("export.languageEs"),
		"fr":    msg.M("export.languageFr"),
		"de":    msg.M("export.languageDe"),
		"pt":    msg.M("export.languagePt"),
		"uk":    msg.M("export.languageUk"),
		"ru":    msg.M("export.languageRu"),
		"ti":    msg.M("export.languageTi"),
		"so":    msg.M("export.languageSo"),
		"fa":    msg.M("export.languageFa"),
		"prs":   msg.M("export.languagePrs"),
		"ps":    msg.M("export.languagePs"),
		"zh":    msg.M("export.languageZh"),
		"other": msg.M("export.languageOther"),
	}
	dayLabels = map[string]msg.Message{
		"ma": msg.M("export.dayMa"),
		"di": msg.M("export.dayDi"),
		"wo": msg.M("export.dayWo"),
		"do": msg.M("export.dayDo"),
		"vr": msg.M("export.dayVr"),
		"za": msg.M("export.dayZa"),
		"zo": msg.M("export.dayZo"),
	}
	dayPartLabels = map[string]msg.Message{
		"ochtend": msg.M("export.dayPartOchtend"),
		"middag":  msg.M("export.dayPartMiddag"),
		"avond":   msg.M("export.dayPartAvond"),
		"nacht":   msg.M("export.dayPartNacht"),
	}
	rungLabels = map[string]msg.Message{
		"1": msg.M("export.rung1"),
		"2": msg.M("export.rung2"),
		"3": msg.M("export.rung3"),
		"4": msg.M("export.rung4"),
		"5": msg.M("export.rung5"),
		"6": msg.M("export.rung6"),
	}
	supportLabels = map[string]msg.Message{
		"jobcoach":               msg.M("export.supportJobcoach"),
		"aangepaste-werkplek":    msg.M("export.supportAangepasteWerkplek"),
		"rustige-werkplek":       msg.M("export.supportRustigeWerkplek"),
		"vaste-structuur":        msg.M("export.supportVasteStructuur"),
		"flexibele-uren":         msg.M("export.supportFlexibeleUren"),
		"vaste-begeleider":       msg.M("export.supportVasteBegeleider"),
		"opbouw-uren":            msg.M("export.supportOpbouwUren"),
		"eenvoudige-instructies": msg.M("export.supportEenvoudigeInstructies"),
	}
	consentMethodLabels = map[string]msg.Message{
		"klantmanager_gesprek": msg.M("export.consentMethodKlantmanagerGesprek"),
		"klantmanager_papier":  msg.M("export.consentMethodKlantmanagerPapier"),
		"kandidaat_link":       msg.M("export.consentMethodKandidaatLink"),
		"kandidaat_portaal":    msg.M("export.consentMethodKandidaatPortaal"),
	}
	inviteStateLabels = map[string]msg.Message{
		"awaiting_approval": msg.M("export.inviteStateAwaitingApproval"),
		"invited":           msg.M("export.inviteStateInvited"),
		"viewed":            msg.M("export.inviteStateViewed"),
		"accepted":          msg.M("export.inviteStateAccepted"),
		"introduced":        msg.M("export.inviteStateIntroduced"),
		"intake_planned":    msg.M("export.inviteStateIntakePlanned"),
		"placed":            msg.M("export.inviteStatePlaced"),
		"not_placed":        msg.M("export.inviteStateNotPlaced"),
		"declined":          msg.M("export.inviteStateDeclined"),
		"expired":           msg.M("export.inviteStateExpired"),
		"withdrawn":         msg.M("export.inviteStateWithdrawn"),
	}
	declineReasonLabels = map[string]msg.Message{
		"geen_interesse": msg.M("export.declineReasonGeenInteresse"),
		"reistijd":       msg.M("export.declineReasonReistijd"),
		"uren":           msg.M("export.declineReasonUren"),
		"ander_werk":     msg.M("export.declineReasonAnderWerk"),
		"gezondheid":     msg.M("export.declineReasonGezondheid"),
		"anders":         msg.M("export.declineReasonAnders"),
	}
	intakeModeLabels = map[string]msg.Message{
		"op_locatie":  msg.M("export.intakeModeOpLocatie"),
		"online":      msg.M("export.intakeModeOnline"),
		"telefonisch": msg.M("export.intakeModeTelefonisch"),
	}
	contractTypeLabels = map[string]msg.Message{
		"vast":           msg.M("export.contractTypeVast"),
		"tijdelijk":      msg.M("export.contractTypeTijdelijk"),
		"uitzend":        msg.M("export.contractTypeUitzend"),
		"oproep":         msg.M("export.contractTypeOproep"),
		"leerwerk":       msg.M("export.contractTypeLeerwerk"),
		"proefplaatsing": msg.M("export.contractTypeProefplaatsing"),
		"geen":           msg.M("export.contractTypeGeen"),
	}
	endReasonLabels = map[string]msg.Message{
		"proeftijd":          msg.M("export.endReasonProeftijd"),
		"contract_afgelopen": msg.M("export.endReasonContractAfgelopen"),
		"ontslag_werkgever":  msg.M("export.endReasonOntslagWerkgever"),
		"ontslag_werknemer":  msg.M("export.endReasonOntslagWerknemer"),
		"ziekte":             msg.M("export.endReasonZiekte"),
		"anders":             msg.M("export.endReasonAnders"),
	}
	bookingStateLabels = map[string]msg.Message{
		"requested":         msg.M("export.bookingStateRequested"),
		"awaiting_approval": msg.M("export.bookingStateAwaitingApproval"),
		"approved":          msg.M("export.bookingStateApproved"),
		"rejected":          msg.M("export.bookingStateRejected"),
		"awaiting_payment":  msg.M("export.bookingStateAwaitingPayment"),
		"paid":              msg.M("export.bookingStatePaid"),
		"confirmed":         msg.M("export.bookingStateConfirmed"),
		"in_progress":       msg.M("export.bookingStateInProgress"),
		"completed":         msg.M("export.bookingStateCompleted"),
		"cancelled":         msg.M("export.bookingStateCancelled"),
		"refunded":          msg.M("export.bookingStateRefunded"),
		"expired":           msg.M("export.bookingStateExpired"),
	}
	sharingStateLabels = map[string]msg.Message{
		"asked":    msg.M("export.sharingAsked"),
		"granted":  msg.M("export.sharingGranted"),
		"declined": msg.M("export.sharingDeclined"),
		"revoked":  msg.M("export.sharingRevoked"),
	}
	sharingViaLabels = map[string]msg.Message{
		"mail_link": msg.M("export.sharingViaMailLink"),
		"in_app":    msg.M("export.sharingViaInApp"),
	}
	lksStateLabels = map[string]msg.Message{
		"applied":   msg.M("export.lksStateApplied"),
		"assessed":  msg.M("export.lksStateAssessed"),
		"granted":   msg.M("export.lksStateGranted"),
		"refused":   msg.M("export.lksStateRefused"),
		"withdrawn": msg.M("export.lksStateWithdrawn"),
		"ended":     msg.M("export.lksStateEnded"),
	}
	decisionLabels = map[string]msg.Message{
		"accepted":  msg.M("export.decisionAccepted"),
		"declined":  msg.M("export.decisionDeclined"),
		"open":      msg.M("export.decisionOpen"),
		"expired":   msg.M("export.decisionExpired"),
		"withdrawn": msg.M("export.decisionWithdrawn"),
		"notSent":   msg.M("export.decisionNotSent"),
	}
	sharedLabels = map[string]msg.Message{
		"name":  msg.M("export.sharedName"),
		"email": msg.M("export.sharedEmail"),
		"phone": msg.M("export.sharedPhone"),
	}
	sessionKindLabels = map[string]msg.Message{
		"password":   msg.M("export.sessionKindPassword"),
		"magic_link": msg.M("export.sessionKindMagicLink"),
	}
	linkPurposeLabels = map[string]msg.Message{
		"magic_link":     msg.M("export.linkPurposeMagicLink"),
		"password_reset": msg.M("export.linkPurposePasswordReset"),
		"invitation":     msg.M("export.linkPurposeInvitation"),
		"confirm":        msg.M("export.linkPurposeConfirm"),
	}
	mailLabels = map[string]msg.Message{
		"magic_link":            msg.M("export.mailMagicLink"),
		"availability_confirm":  msg.M("export.mailAvailabilityConfirm"),
		"match_invite":          msg.M("export.mailMatchInvite"),
		"match_invite_reminder": msg.M("export.mailMatchInviteReminder"),
		"booking_consent":       msg.M("export.mailBookingConsent"),
		"notification":          msg.M("export.mailNotification"),
		"password_reset":        msg.M("export.mailPasswordReset"),
		"invitation":            msg.M("export.mailInvitation"),
	}
	actionLabels = map[string]msg.Message{
		"candidate.created":                msg.M("export.actionCandidateCreated"),
		"candidate.profile_updated":        msg.M("export.actionCandidateProfileUpdated"),
		"candidate.identity_updated":       msg.M("export.actionCandidateIdentityUpdated"),
		"candidate.consent_given":          msg.M("export.actionCandidateConsentGiven"),
		"candidate.consent_withdrawn":      msg.M("export.actionCandidateConsentWithdrawn"),
		"candidate.confirmation_requested": msg.M("export.actionCandidateConfirmationRequested"),
		"candidate.reminder_sent":          msg.M("export.actionCandidateReminderSent"),
		"candidate.availability_confirmed": msg.M("export.actionCandidateAvailabilityConfirmed"),
		"candidate.data_exported":          msg.M("export.actionCandidateDataExported"),
		"candidate.indications_read":       msg.M("export.actionCandidateIndicationsRead"),
		"candidate.erased":                 msg.M("export.actionCandidateErased"),
		"session.sign_in":                  msg.M("export.actionSessionSignIn"),
		"session.sign_out":                 msg.M("export.actionSessionSignOut"),
		"session.sign_out_everywhere":      msg.M("export.actionSessionSignOutEverywhere"),
		"session.magic_link_requested":     msg.M("export.actionSessionMagicLinkRequested"),
	}
	roleLabels = map[string]msg.Message{
		"kandidaat":      msg.M("export.roleKandidaat"),
		"klantmanager":   msg.M("export.roleKlantmanager"),
		"accountmanager": msg.M("export.roleAccountmanager"),
		"admin":          msg.M("export.roleAdmin"),
		"werkgever":      msg.M("export.roleWerkgever"),
		"zorgaanbieder":  msg.M("export.roleZorgaanbieder"),
		"organisation":   msg.M("export.roleOrganisation"),
		"system":         msg.M("export.roleSystem"),
	}
	readReasonLabels = map[string]msg.Message{
		"candidate":       msg.M("export.readReasonCandidate"),
		"caseload":        msg.M("export.readReasonCaseload"),
		"caseload_export": msg.M("export.readReasonCaseloadExport"),
		"invite":          msg.M("export.readReasonInvite"),
		"booking":         msg.M("export.readReasonBooking"),
		"other":           msg.M("export.readReasonOther"),
	}
)

// sectionTexts are each section's title and explanation.
var sectionTexts = map[string][2]msg.Message{
	"document":          {msg.M("export.documentTitle"), msg.M("export.documentExplanation")},
	"contact":           {msg.M("export.contactTitle"), msg.M("export.contactExplanation")},
	"account":           {msg.M("export.accountTitle"), msg.M("export.accountExplanation")},
	"profile":           {msg.M("export.profileTitle"), msg.M("export.profileExplanation")},
	"consents":          {msg.M("export.consentsTitle"), msg.M("export.consentsExplanation")},
	"invites":           {msg.M("export.invitesTitle"), msg.M("export.invitesExplanation")},
	"disclosures":       {msg.M("export.disclosuresTitle"), msg.M("export.disclosuresExplanation")},
	"placements":        {msg.M("export.placementsTitle"), msg.M("export.placementsExplanation")},
	"recommendations":   {msg.M("export.recommendationsTitle"), msg.M("export.recommendationsExplanation")},
	"poolAppearances":   {msg.M("export.poolAppearancesTitle"), msg.M("export.poolAppearancesExplanation")},
	"services":          {msg.M("export.servicesTitle"), msg.M("export.servicesExplanation")},
	"lksApplications":   {msg.M("export.lksApplicationsTitle"), msg.M("export.lksApplicationsExplanation")},
	"mails":             {msg.M("export.mailsTitle"), msg.M("export.mailsExplanation")},
	"confirmationLinks": {msg.M("export.confirmationLinksTitle"), msg.M("export.confirmationLinksExplanation")},
	"notifications":     {msg.M("export.notificationsTitle"), msg.M("export.notificationsExplanation")},
	"history":           {msg.M("export.historyTitle"), msg.M("export.historyExplanation")},
	"accessLog":         {msg.M("export.accessLogTitle"), msg.M("export.accessLogExplanation")},
}

// exportLabeller renders an Export in one language.
type exportLabeller struct {
	lang   msg.Lang
	e      *Export
	skills *skill.Vocabulary
}

func (l exportLabeller) text(m msg.Message) string { return m.In(l.lang) }

func (l exportLabeller) heading(section string) ExportHeading {
	t := sectionTexts[section]
	return ExportHeading{Title: l.text(t[0]), Explanation: l.text(t[1])}
}

// choice is code v with its label (the code itself when it has none).
func (l exportLabeller) choice(labels map[string]msg.Message, v string) exportChoice {
	if m, ok := labels[v]; ok {
		return exportChoice{Value: v, Label: l.text(m)}
	}
	return exportChoice{Value: v, Label: v}
}

func (l exportLabeller) choices(labels map[string]msg.Message, vs []string) []exportChoice {
	out := make([]exportChoice, len(vs))
	for i, v := range vs {
		out[i] = l.choice(labels, v)
	}
	return out
}

// optChoice is nil for an empty code.
func (l exportLabeller) optChoice(labels map[string]msg.Message, v string) *exportChoice {
	if v == "" {
		return nil
	}
	c := l.choice(labels, v)
	return &c
}

var actorRoles = []string{"kandidaat", "klantmanager", "accountmanager", "admin", "werkgever", "zorgaanbieder", "organisation", "system"}

// actor describes who acted: user userID (may be "") acting as role; org
// names the organisation when an organisation acted without a known user.
// The kandidaat is "u zelf", a timer or job "systeem", staff by role and
// name, organisation users by their organisation.
func (l exportLabeller) actor(userID, role, org string) exportActor {
	if (userID != "" && userID == l.e.UserID) || (userID == "" && role == "kandidaat") {
		return exportActor{Role: "kandidaat", Description: l.text(msg.M("export.actorSelf"))}
	}
	if p, ok := l.e.People[userID]; ok && userID != "" {
		role = p.Role
		if p.Organisation != "" {
			return exportActor{Role: role, Organisation: p.Organisation, Description: p.Organisation + " (" + l.roleLabel(role) + ")"}
		}
		return exportActor{Role: role, Name: p.Name, Description: l.roleLabel(role) + " " + p.Name}
	}
	switch {
	case role == "organisation" && org != "":
		return exportActor{Role: role, Organisation: org, Description: org}
	case role == "" || role == "system" || !slices.Contains(actorRoles, role):
		return exportActor{Role: "system", Description: l.text(msg.M("export.actorSystem"))}
	}
	return exportActor{Role: role, Description: l.roleLabel(role)}
}

func (l exportLabeller) roleLabel(role string) string { return l.choice(roleLabels, role).Label }

func dateOf(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.DateOnly)
}
