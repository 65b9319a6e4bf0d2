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
