package msg

// matching's messages.
const (
	MatchingPinOpeningFinished ID = "matching.pinOpeningFinished"
	MatchingCandidateIdUnknown ID = "matching.candidateIdUnknown"
	MatchingNoConsent          ID = "matching.noConsent"
	MatchingNoPoolAnyMore      ID = "matching.noPoolAnyMore"
	MatchingRadiusKmRange      ID = "matching.radiusKmRange"
	MatchingPageRange          ID = "matching.pageRange"
	MatchingRungMinRange       ID = "matching.rungMinRange"
)

var matchingTexts = map[ID]Text{
	MatchingPinOpeningFinished: {"Deze plek is gesloten of vervuld.", "This opening is closed or filled."},
	MatchingCandidateIdUnknown: {"Geen kandidaat in uw regio.", "Not a candidate in your region."},
	MatchingNoConsent:          {"Deze kandidaat heeft geen toestemming gegeven om gevonden te worden.", "This candidate has not consented to be found."},
	MatchingNoPoolAnyMore:      {"Deze plek is gesloten of vervuld; er is geen pool meer.", "This opening is closed or filled; it has no pool any more."},
	MatchingRadiusKmRange:      {"Kies 1 tot {0} km.", "Choose 1 to {0} km."},
	MatchingPageRange:          {"Pagina 1 tot {0} (hoogstens 1000 kandidaten).", "Page 1 to {0} (at most 1,000 candidates)."},
	MatchingRungMinRange:       {"Treden 1 tot 6, van laag naar hoog.", "Rungs 1 to 6, low to high."},
}
