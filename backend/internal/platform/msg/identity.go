package msg

// identity's messages.
const (
	IdentityOrganisationIdRequired    ID = "identity.organisationIdRequired"
	IdentityOrganisationIdNotAllowed  ID = "identity.organisationIdNotAllowed"
	IdentityOrganisationIdUnknown     ID = "identity.organisationIdUnknown"
	IdentityEmailUnique               ID = "identity.emailUnique"
	IdentityRoleNotAllowed            ID = "identity.roleNotAllowed"
	IdentityAccountmanagerIdUnknown   ID = "identity.accountmanagerIdUnknown"
	IdentityKvkNummerUnique           ID = "identity.kvkNummerUnique"
	IdentitySlugUnique                ID = "identity.slugUnique"
	IdentityBadCredentials            ID = "identity.badCredentials"
	IdentityStripeAccountIdNotAllowed ID = "identity.stripeAccountIdNotAllowed"
	IdentityOccurredOnMaximum         ID = "identity.occurredOnMaximum"
	IdentityPasswordMinLength         ID = "identity.passwordMinLength"
	IdentityPasswordMaxLength         ID = "identity.passwordMaxLength"
	IdentityPasswordCommonPassword    ID = "identity.passwordCommonPassword"
)

var identityTexts = map[ID]Text{
	IdentityOrganisationIdRequired:    {"Kies de organisatie van deze gebruiker.", "Choose the user's organisation."},
	IdentityOrganisationIdNotAllowed:  {"Medewerkers van de gemeente horen niet bij een organisatie.", "Staff do not belong to an organisation."},
	IdentityOrganisationIdUnknown:     {"Deze organisatie bestaat niet in uw regio.", "Unknown organisation."},
	IdentityEmailUnique:               {"Er is al een gebruiker met dit e-mailadres.", "A user with this e-mail exists."},
	IdentityRoleNotAllowed:            {"Deze rolwijziging kan niet: organisatiegebruikers en medewerkers wisselen niet van soort.", "This role change is not possible."},
	IdentityAccountmanagerIdUnknown:   {"Geen accountmanager in uw regio.", "Not an accountmanager in your region."},
	IdentityKvkNummerUnique:           {"Deze organisatie (KvK-nummer) staat al in Werkhaven.", "This KvK number is registered already."},
	IdentitySlugUnique:                {"Deze regiocode bestaat al.", "This region slug exists."},
	IdentityBadCredentials:            {"E-mailadres of wachtwoord klopt niet.", "E-mail address or password is incorrect."},
	IdentityStripeAccountIdNotAllowed: {"Alleen aanbieders krijgen uitbetalingen.", "Only providers receive payouts."},
	IdentityOccurredOnMaximum:         {"Een contactmoment kan niet in de toekomst liggen.", "A contact moment cannot be in the future."},
	IdentityPasswordMinLength:         {"Kies een wachtwoord van minimaal {0} tekens.", "Use at least {0} characters."},
	IdentityPasswordMaxLength:         {"Kies een wachtwoord van maximaal {0} tekens.", "Use at most {0} characters."},
	IdentityPasswordCommonPassword:    {"Dit wachtwoord wordt veel gebruikt en is makkelijk te raden. Kies een ander.", "This password is too common."},
}
