package msg

// opening's messages.
const (
	OpeningFinished                 ID = "opening.finished"
	OpeningFairnessHit              ID = "opening.fairnessHit"
	OpeningOrganisationIdRequired   ID = "opening.organisationIdRequired"
	OpeningWageMinCentsMinimum      ID = "opening.wageMinCentsMinimum"
	OpeningWageMaxCentsMinMax       ID = "opening.wageMaxCentsMinMax"
	OpeningWageMinCentsNotAllowed   ID = "opening.wageMinCentsNotAllowed"
	OpeningPlacesMinimum            ID = "opening.placesMinimum"
	OpeningStartDateMinimum         ID = "opening.startDateMinimum"
	OpeningTitleLength              ID = "opening.titleLength"
	OpeningTitlePattern             ID = "opening.titlePattern"
	OpeningDescriptionMaxLength     ID = "opening.descriptionMaxLength"
	OpeningDescriptionPattern       ID = "opening.descriptionPattern"
	OpeningKindNotAllowed           ID = "opening.kindNotAllowed"
	OpeningOccupationIdUnknown      ID = "opening.occupationIdUnknown"
	OpeningNiceSkillsDuplicate      ID = "opening.niceSkillsDuplicate"
	OpeningContractTypeEnum         ID = "opening.contractTypeEnum"
	OpeningContractTypeNotAllowed   ID = "opening.contractTypeNotAllowed"
	OpeningPlacesMaximum            ID = "opening.placesMaximum"
	OpeningPublishedTextBlocked     ID = "opening.publishedTextBlocked"
	OpeningOverrideReasonNotAllowed ID = "opening.overrideReasonNotAllowed"
	OpeningFilledCountNotAllowed    ID = "opening.filledCountNotAllowed"
	OpeningPublishBlocked           ID = "opening.publishBlocked"
	OpeningFilledCountRange         ID = "opening.filledCountRange"
	OpeningReviewNotNeeded          ID = "opening.reviewNotNeeded"
)

var openingTexts = map[ID]Text{
	OpeningFinished:                 {"Deze plek is {0} en kan niet meer veranderen.", "This opening is {1} and cannot change any more."},
	OpeningFairnessHit:              {"“{0}”: {1}", "“{0}”: {2}"},
	OpeningOrganisationIdRequired:   {"Kies de organisatie.", "Choose the organisation."},
	OpeningWageMinCentsMinimum:      {"Een loon kan niet negatief zijn.", "A wage cannot be negative."},
	OpeningWageMaxCentsMinMax:       {"Het maximumloon is lager dan het minimumloon.", "The maximum wage is below the minimum."},
	OpeningWageMinCentsNotAllowed:   {"Alleen een vacature heeft een loon.", "Only a vacature has a wage."},
	OpeningPlacesMinimum:            {"Er is minstens één plek.", "At least one place."},
	OpeningStartDateMinimum:         {"Een nieuwe plek kan niet in het verleden beginnen.", "A new opening cannot start in the past."},
	OpeningTitleLength:              {"Een titel heeft 3 tot 120 tekens.", "A title has 3 to 120 characters."},
	OpeningTitlePattern:             {"Een titel is één regel tekst.", "A title is one line of text."},
	OpeningDescriptionMaxLength:     {"De omschrijving heeft hoogstens 5000 tekens.", "The description has at most 5000 characters."},
	OpeningDescriptionPattern:       {"Alleen gewone tekst.", "Plain text only."},
	OpeningKindNotAllowed:           {"Deze organisatie kan geen {0} plaatsen.", "This organisation cannot post a {0}."},
	OpeningOccupationIdUnknown:      {"Kies een beroep uit de lijst.", "Choose an occupation from the list."},
	OpeningNiceSkillsDuplicate:      {"Een vaardigheid is nodig óf mooi meegenomen, niet allebei.", "A skill is either required or nice to have."},
	OpeningContractTypeEnum:         {"Kies een soort contract uit de lijst.", "Choose a contract type from the list."},
	OpeningContractTypeNotAllowed:   {"Een proefplaats of participatieplek heeft geen arbeidscontract; andere plekken wel.", "A proefplaats or participatieplek has no employment contract; other openings do."},
	OpeningPlacesMaximum:            {"Hoogstens 500 plekken.", "At most 500 places."},
	OpeningPublishedTextBlocked:     {"Deze vacature staat open; de nieuwe tekst bevat een eis die niet mag.", "This opening is published; the new text contains a requirement that is not allowed."},
	OpeningOverrideReasonNotAllowed: {"Alleen een accountmanager kan de toets overrulen, en alleen bij publiceren.", "Only an accountmanager can override the check, and only when publishing."},
	OpeningFilledCountNotAllowed:    {"Alleen bij 'vervuld'.", "Only when filled."},
	OpeningPublishBlocked:           {"Publiceren kan nog niet: de tekst bevat een eis die niet mag. Pas de tekst aan of vraag uw accountmanager om mee te kijken.", "Cannot publish yet: the text contains a requirement that is not allowed. Rephrase it or ask your accountmanager to review."},
	OpeningFilledCountRange:         {"Vul in hoeveel plekken zijn vervuld: 0 tot {0}.", "Enter how many places were filled: 0 to {0}."},
	OpeningReviewNotNeeded:          {"Alleen een concept of gepauzeerde plek kan ter beoordeling.", "Only a draft or paused opening can be sent for review."},
}
