package msg

import "strconv"

// The HTTP layer's messages: titles by status, the generic details, the
// schema validation reasons and the dependencies that can be down.
const (
	InvalidFields    ID = "problem.invalidFields"
	ServerError      ID = "problem.serverError"
	NotFound         ID = "problem.notFound"
	Conflict         ID = "problem.conflict"
	Forbidden        ID = "problem.forbidden"
	Unauthenticated  ID = "problem.unauthenticated"
	TokenInvalid     ID = "problem.tokenInvalid"
	TooManyAttempts  ID = "problem.tooManyAttempts"
	TooManyRequests  ID = "problem.tooManyRequests"
	RouteNotFound    ID = "problem.routeNotFound"
	MethodNotAllowed ID = "problem.methodNotAllowed"
	BodyTooLarge     ID = "problem.bodyTooLarge"
	RequestTimeout   ID = "problem.requestTimeout"

	SearchUnavailable   ID = "unavailable.search"
	PaymentsUnavailable ID = "unavailable.payments"
	DatabaseUnavailable ID = "unavailable.database"
	ServiceUnavailable  ID = "unavailable.service"

	FieldRequired        ID = "field.required"
	FieldUnknown         ID = "field.unknown"
	FieldMinLength       ID = "field.minLength"
	FieldMaxLength       ID = "field.maxLength"
	FieldPattern         ID = "field.pattern"
	FieldEnum            ID = "field.enum"
	FieldMinimum         ID = "field.minimum"
	FieldAbove           ID = "field.above"
	FieldMaximum         ID = "field.maximum"
	FieldBelow           ID = "field.below"
	FieldMinItems        ID = "field.minItems"
	FieldMaxItems        ID = "field.maxItems"
	FieldFormat          ID = "field.format"
	FieldInteger         ID = "field.integer"
	FieldNumber          ID = "field.number"
	FieldBoolean         ID = "field.boolean"
	FieldString          ID = "field.string"
	FieldArray           ID = "field.array"
	FieldObject          ID = "field.object"
	FieldUniqueItems     ID = "field.uniqueItems"
	FieldUnknownQuery    ID = "field.unknownQuery"
	FieldInvalid         ID = "field.invalid"
	FieldInvalidID       ID = "field.invalidId"
	FieldInvalidDate     ID = "field.invalidDate"
	FieldPostcodePattern ID = "field.postcodePattern"
	FieldPostcodeUnknown ID = "field.postcodeUnknown"
	StateTransition      ID = "state.transition"
)

// Title is the title of a problem with this HTTP status.
func Title(status int) ID { return ID("status." + strconv.Itoa(status)) }

var problems = map[ID]Text{
	"status.400": {"Ongeldige invoer", "Bad Request"},
	"status.401": {"Niet ingelogd", "Unauthorized"},
	"status.403": {"Geen toegang", "Forbidden"},
	"status.404": {"Niet gevonden", "Not Found"},
	"status.405": {"Methode niet toegestaan", "Method Not Allowed"},
	"status.408": {"Verzoek duurde te lang", "Request Timeout"},
	"status.409": {"Conflict", "Conflict"},
	"status.410": {"Verlopen", "Gone"},
	"status.413": {"Verzoek te groot", "Content Too Large"},
	"status.415": {"Verkeerd soort inhoud", "Unsupported Media Type"},
	"status.429": {"Te veel verzoeken", "Too Many Requests"},
	"status.500": {"Interne fout", "Internal Server Error"},
	"status.503": {"Tijdelijk niet beschikbaar", "Service Unavailable"},

	InvalidFields:    {"Een of meer velden zijn ongeldig.", "One or more fields are invalid."},
	ServerError:      {"Er ging iets mis aan onze kant.", "Something went wrong on our side."},
	NotFound:         {"Niet gevonden.", "Not found."},
	Conflict:         {"Dit bestaat al of botst met bestaande gegevens.", "This conflicts with existing data."},
	Forbidden:        {"U mag dit niet doen.", "You may not do this."},
	Unauthenticated:  {"Log eerst in.", "Please sign in."},
	TokenInvalid:     {"Deze link is verlopen of al gebruikt.", "This link has expired or was used already."},
	TooManyAttempts:  {"Te veel pogingen. Probeer het later opnieuw.", "Too many attempts; try again later."},
	TooManyRequests:  {"Te veel verzoeken; probeer het later opnieuw.", "Too many requests."},
	RouteNotFound:    {"Deze pagina of bron bestaat niet.", "This resource does not exist."},
	MethodNotAllowed: {"Deze methode is hier niet toegestaan.", "This method is not allowed here."},
	BodyTooLarge:     {"Het verzoek is te groot.", "The request body is too large."},
	RequestTimeout:   {"Het verzoek duurde te lang.", "The request took too long."},

	SearchUnavailable:   {"Zoeken is tijdelijk niet beschikbaar. Probeer het zo opnieuw.", "Search is temporarily unavailable; try again shortly."},
	PaymentsUnavailable: {"Betalen is tijdelijk niet mogelijk. Er is niets afgeschreven; probeer het zo opnieuw.", "Payments are temporarily unavailable; nothing was charged, try again shortly."},
	DatabaseUnavailable: {"Werkhaven is tijdelijk niet bereikbaar. Probeer het zo opnieuw.", "Werkhaven is temporarily unavailable; try again shortly."},
	ServiceUnavailable:  {"Een onderdeel van Werkhaven is tijdelijk niet bereikbaar. Probeer het zo opnieuw.", "Part of Werkhaven is temporarily unavailable; try again shortly."},

	FieldRequired:        {"Dit veld is verplicht.", "This field is required."},
	FieldUnknown:         {"Dit veld is onbekend.", "This field is unknown."},
	FieldMinLength:       {"De waarde is te kort (minimaal {0} tekens).", "The value is too short (at least {0} characters)."},
	FieldMaxLength:       {"De waarde is te lang (maximaal {0} tekens).", "The value is too long (at most {0} characters)."},
	FieldPattern:         {"De waarde heeft niet de juiste vorm.", "The value does not have the right form."},
	FieldEnum:            {"Kies een van de toegestane waarden: {0}.", "Choose one of the allowed values: {0}."},
	FieldMinimum:         {"De waarde moet minimaal {0} zijn.", "The value must be at least {0}."},
	FieldAbove:           {"De waarde moet groter zijn dan {0}.", "The value must be greater than {0}."},
	FieldMaximum:         {"De waarde mag maximaal {0} zijn.", "The value may be at most {0}."},
	FieldBelow:           {"De waarde moet kleiner zijn dan {0}.", "The value must be less than {0}."},
	FieldMinItems:        {"Kies er minimaal {0}.", "Choose at least {0}."},
	FieldMaxItems:        {"Kies er maximaal {0}.", "Choose at most {0}."},
	FieldFormat:          {"De waarde heeft niet het juiste formaat.", "The value does not have the right format."},
	FieldInteger:         {"Vul een geheel getal in.", "Enter a whole number."},
	FieldNumber:          {"Vul een getal in.", "Enter a number."},
	FieldBoolean:         {"Vul waar of onwaar in.", "Enter true or false."},
	FieldString:          {"Vul tekst in.", "Enter text."},
	FieldArray:           {"Verwacht een lijst.", "Expected a list."},
	FieldObject:          {"Verwacht een object.", "Expected an object."},
	FieldUniqueItems:     {"Elke waarde mag maar een keer voorkomen.", "Each value may occur only once."},
	FieldUnknownQuery:    {"Deze parameter is onbekend.", "This parameter is unknown."},
	FieldInvalid:         {"De waarde is ongeldig.", "The value is invalid."},
	FieldInvalidID:       {"Geen geldige id.", "Not a valid id."},
	FieldInvalidDate:     {"Geen geldige datum (JJJJ-MM-DD).", "Not a valid date (YYYY-MM-DD)."},
	FieldPostcodePattern: {"Vul een postcode in zoals 1234 AB.", "Use a Dutch postcode like 1234 AB."},
	FieldPostcodeUnknown: {"Deze postcode kennen we niet.", "This postcode does not exist."},
	StateTransition:      {"Van {0} naar {1} kan niet.", "{2} cannot go from {3} to {4}."},
}
