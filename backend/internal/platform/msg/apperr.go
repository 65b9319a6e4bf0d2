package msg

// apperr's messages.
const (
	ApperrMaxItems  ID = "apperr.maxItems"
	ApperrUnknown   ID = "apperr.unknown"
	ApperrDuplicate ID = "apperr.duplicate"
)

var apperrTexts = map[ID]Text{
	ApperrMaxItems:  {"Kies hoogstens {0}.", "Choose at most {0}."},
	ApperrUnknown:   {"Onbekende keuze \"{0}\".", "Unknown choice \"{0}\"."},
	ApperrDuplicate: {"\"{0}\" staat er twee keer in.", "\"{0}\" appears twice."},
}
