package msg

// invite's messages.
const (
	InviteFollowUpNotDue         ID = "invite.followUpNotDue"
	InviteCodeNotInPool          ID = "invite.codeNotInPool"
	InviteCodeUnreachable        ID = "invite.codeUnreachable"
	InviteCodeAlreadyInvited     ID = "invite.codeAlreadyInvited"
	InviteReasonEnum             ID = "invite.reasonEnum"
	InviteNoteMaxLength          ID = "invite.noteMaxLength"
	InviteReasonNotAllowed       ID = "invite.reasonNotAllowed"
	InviteNothingShared          ID = "invite.nothingShared"
	InviteEndedOnRequired        ID = "invite.endedOnRequired"
	InviteEndReasonNotAllowed    ID = "invite.endReasonNotAllowed"
	InviteFollowUpClosed         ID = "invite.followUpClosed"
	InviteNotSharing             ID = "invite.notSharing"
	InviteModeEnum               ID = "invite.modeEnum"
	InvitePlaceRequired          ID = "invite.placeRequired"
	InviteAtRange                ID = "invite.atRange"
	InviteConsentWithdrawn       ID = "invite.consentWithdrawn"
	InviteContractTypeEnum       ID = "invite.contractTypeEnum"
	InviteHourlyWageCentsRange   ID = "invite.hourlyWageCentsRange"
	InviteTrialPeriodMonthsRange ID = "invite.trialPeriodMonthsRange"
	InviteStartDateRange         ID = "invite.startDateRange"
	InviteExpired                ID = "invite.expired"
	InviteWithdrawn              ID = "invite.withdrawn"
	InviteMessageRequired        ID = "invite.messageRequired"
	InviteCandidateIdsRequired   ID = "invite.candidateIdsRequired"
	InviteOpeningNotOpen         ID = "invite.openingNotOpen"
	InviteInvitesPerOpening      ID = "invite.invitesPerOpening"
	InviteInvitesPerDay          ID = "invite.invitesPerDay"
	InviteUnknown                ID = "invite.unknown"
	InviteNotInvitable           ID = "invite.notInvitable"
	InviteAlreadyInvited         ID = "invite.alreadyInvited"
	InviteStateEnum              ID = "invite.stateEnum"
	InviteNotInPool              ID = "invite.notInPool"
	InviteDecided                ID = "invite.decided"
)

var inviteTexts = map[ID]Text{
	InviteFollowUpNotDue:         {"Deze vraag komt pas op {0}.", "This follow-up is not due until {0}."},
	InviteCodeNotInPool:          {"{0} staat niet (meer) in de pool: geen toestemming, niet beschikbaar of niet recent bevestigd.", "{0} is not in the pool (any more)."},
	InviteCodeUnreachable:        {"{0} heeft geen e-mailadres; vraag de klantmanager om contact.", "{0} has no e-mail address; ask the klantmanager."},
	InviteCodeAlreadyInvited:     {"{0} is al uitgenodigd voor deze vacature.", "{0} was invited for this opening already."},
	InviteReasonEnum:             {"Kies een reden uit de lijst.", "Choose a reason from the list."},
	InviteNoteMaxLength:          {"Hoogstens 500 tekens.", "At most 500 characters."},
	InviteReasonNotAllowed:       {"Een reden hoort bij nee zeggen.", "A reason goes with declining."},
	InviteNothingShared:          {"U deelt met deze organisatie geen gegevens.", "You share no details with this organisation."},
	InviteEndedOnRequired:        {"Wanneer eindigde het werk?", "When did the work end?"},
	InviteEndReasonNotAllowed:    {"Een einddatum hoort bij nee.", "An end date goes with no."},
	InviteFollowUpClosed:         {"Deze vraag is al beantwoord.", "This follow-up was answered already."},
	InviteNotSharing:             {"De kandidaat deelt (nu) geen contactgegevens met u.", "The candidate does not share contact details with you (now)."},
	InviteModeEnum:               {"Kies op_locatie, online of telefonisch.", "Choose op_locatie, online or telefonisch."},
	InvitePlaceRequired:          {"Waar is het gesprek?", "Where is the meeting?"},
	InviteAtRange:                {"Kies een moment in het komende jaar.", "Choose a time within the coming year."},
	InviteConsentWithdrawn:       {"De kandidaat heeft de toestemming ingetrokken.", "The candidate withdrew consent."},
	InviteContractTypeEnum:       {"Kies een contractsoort uit de lijst.", "Choose a contract type from the list."},
	InviteHourlyWageCentsRange:   {"Een uurloon van 0 tot 200 euro, in centen.", "An hourly wage of 0 to 200 euro, in cents."},
	InviteTrialPeriodMonthsRange: {"Een proeftijd is 0 tot 2 maanden.", "A trial period is 0 to 2 months."},
	InviteStartDateRange:         {"Kies een startdatum tussen drie maanden geleden en over een jaar.", "Choose a start date from three months ago to a year ahead."},
	InviteExpired:                {"Deze uitnodiging is verlopen.", "This invite has expired."},
	InviteWithdrawn:              {"Deze uitnodiging is ingetrokken.", "This invite was withdrawn."},
	InviteMessageRequired:        {"Schrijf een kort bericht aan de kandidaat.", "Write a short message to the candidate."},
	InviteCandidateIdsRequired:   {"Kies minstens één kandidaat.", "Choose at least one candidate."},
	InviteOpeningNotOpen:         {"Alleen voor een open vacature kunt u uitnodigen.", "You can only invite for an open opening."},
	InviteInvitesPerOpening:      {"Er staan al {0} uitnodigingen open voor deze vacature; het maximum is {1}. Wacht op antwoorden.", "{0} invites are open for this opening; the limit is {1}."},
	InviteInvitesPerDay:          {"Uw organisatie kan {0} uitnodigingen per dag versturen.", "Your organisation can send {0} invites a day."},
	InviteUnknown:                {"Deze kandidaat kennen we niet in uw regio.", "Unknown candidate."},
	InviteNotInvitable:           {"Niet elke kandidaat kan worden uitgenodigd; er is niemand uitgenodigd.", "Not every candidate can be invited; nobody was invited."},
	InviteAlreadyInvited:         {"Deze kandidaat is al uitgenodigd.", "This candidate was invited already."},
	InviteStateEnum:              {"Kies invited, withdrawn, introduced of not_placed.", "Choose invited, withdrawn, introduced or not_placed."},
	InviteNotInPool:              {"Deze kandidaat staat niet meer in de pool.", "This candidate is no longer in the pool."},
	InviteDecided:                {"De kandidaat heeft al beslist.", "The candidate has decided already."},
}
