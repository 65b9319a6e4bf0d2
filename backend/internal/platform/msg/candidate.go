package msg

// candidate's messages.
const (
	CandidateIdentityNameLength      ID = "candidate.identityNameLength"
	CandidateIdentityEmailFormat     ID = "candidate.identityEmailFormat"
	CandidateIdentityPhonePattern    ID = "candidate.identityPhonePattern"
	CandidateIdentityStreetMaxLength ID = "candidate.identityStreetMaxLength"
	CandidateIdentityLanguageEnum    ID = "candidate.identityLanguageEnum"
	CandidateOccupationsUnknown      ID = "candidate.occupationsUnknown"
	CandidateOccupationsMaxItems     ID = "candidate.occupationsMaxItems"
	CandidateExperienceMaxLength     ID = "candidate.experienceMaxLength"
	CandidateEducationEnum           ID = "candidate.educationEnum"
	CandidateLanguageUnknown         ID = "candidate.languageUnknown"
	CandidateLanguageLevel           ID = "candidate.languageLevel"
	CandidateTravelRange             ID = "candidate.travelRange"
	CandidateHoursRange              ID = "candidate.hoursRange"
	CandidateHoursMaxMinMax          ID = "candidate.hoursMaxMinMax"
	CandidateRungRange               ID = "candidate.rungRange"
	CandidatePc4Unknown              ID = "candidate.pc4Unknown"
	CandidateIdentityEmailUnique     ID = "candidate.identityEmailUnique"
	CandidateStatusEnum              ID = "candidate.statusEnum"
	CandidateMethodEnum              ID = "candidate.methodEnum"
	CandidateNoEmail                 ID = "candidate.noEmail"
)

var candidateTexts = map[ID]Text{
	CandidateIdentityNameLength:      {"Vul een naam in (hoogstens 200 tekens).", "Enter a name (at most 200 characters)."},
	CandidateIdentityEmailFormat:     {"Dit is geen geldig e-mailadres.", "Not a valid e-mail address."},
	CandidateIdentityPhonePattern:    {"Alleen cijfers, spaties, +, ( ) en -.", "Digits, spaces, +, ( ) and - only."},
	CandidateIdentityStreetMaxLength: {"Hoogstens 200 tekens.", "At most 200 characters."},
	CandidateIdentityLanguageEnum:    {"Kies nl of en.", "Choose nl or en."},
	CandidateOccupationsUnknown:      {"Kies beroepen uit de lijst.", "Choose occupations from the list."},
	CandidateOccupationsMaxItems:     {"Kies hoogstens 5 beroepen.", "Choose at most 5 occupations."},
	CandidateExperienceMaxLength:     {"Hoogstens 1000 tekens.", "At most 1000 characters."},
	CandidateEducationEnum:           {"Kies een opleidingsniveau uit de lijst.", "Choose an education level from the list."},
	CandidateLanguageUnknown:         {"Onbekende of dubbele taal.", "Unknown or repeated language."},
	CandidateLanguageLevel:           {"Kies een niveau A1 tot C2.", "Choose a level A1 to C2."},
	CandidateTravelRange:             {"Kies 1 tot 150 km.", "Choose 1 to 150 km."},
	CandidateHoursRange:              {"Kies 1 tot 60 uur per week.", "Choose 1 to 60 hours a week."},
	CandidateHoursMaxMinMax:          {"Het maximum is kleiner dan het minimum.", "The maximum is below the minimum."},
	CandidateRungRange:               {"De participatieladder heeft treden 1 tot 6.", "The participation ladder has rungs 1 to 6."},
	CandidatePc4Unknown:              {"Dit postcodegebied (4 cijfers) kennen we niet.", "Unknown postcode area (4 digits)."},
	CandidateIdentityEmailUnique:     {"Dit e-mailadres hoort al bij een account.", "This e-mail address already has an account."},
	CandidateStatusEnum:              {"Kies een status uit de lijst.", "Choose a status from the list."},
	CandidateMethodEnum:              {"Kies: op papier of in een gesprek.", "Choose: on paper or in a conversation."},
	CandidateNoEmail:                 {"Deze kandidaat heeft geen e-mailadres. Vul het in bij de persoonsgegevens.", "This candidate has no e-mail address."},
}
