package msg

// booking's messages.
const (
	BookingKindPattern                     ID = "booking.kindPattern"
	BookingTitleLength                     ID = "booking.titleLength"
	BookingPriceUnitEnum                   ID = "booking.priceUnitEnum"
	BookingPriceCentsFree                  ID = "booking.priceCentsFree"
	BookingPriceCentsRange                 ID = "booking.priceCentsRange"
	BookingCancelFeePercentRange           ID = "booking.cancelFeePercentRange"
	BookingCancelFreeHoursRange            ID = "booking.cancelFreeHoursRange"
	BookingSlotMinutesRange                ID = "booking.slotMinutesRange"
	BookingCapacityRange                   ID = "booking.capacityRange"
	BookingPriceUnitSchedulable            ID = "booking.priceUnitSchedulable"
	BookingClosedDaysMaxItems              ID = "booking.closedDaysMaxItems"
	BookingHoursRow                        ID = "booking.hoursRow"
	BookingProviderIdUnknown               ID = "booking.providerIdUnknown"
	BookingDaysRange                       ID = "booking.daysRange"
	BookingNotSchedulable                  ID = "booking.notSchedulable"
	BookingDateFormat                      ID = "booking.dateFormat"
	BookingNothingDue                      ID = "booking.nothingDue"
	BookingNothingDueNow                   ID = "booking.nothingDueNow"
	BookingExpired                         ID = "booking.expired"
	BookingNotAwaitingPayment              ID = "booking.notAwaitingPayment"
	BookingNotRunning                      ID = "booking.notRunning"
	BookingOrganisationIdNotAllowed        ID = "booking.organisationIdNotAllowed"
	BookingOrganisationIdRequired          ID = "booking.organisationIdRequired"
	BookingNoteMaxLength                   ID = "booking.noteMaxLength"
	BookingServiceIdUnknown                ID = "booking.serviceIdUnknown"
	BookingOrganisationIdUnknown           ID = "booking.organisationIdUnknown"
	BookingSlotTaken                       ID = "booking.slotTaken"
	BookingHoursQuantityRange              ID = "booking.hoursQuantityRange"
	BookingMonthsQuantityRange             ID = "booking.monthsQuantityRange"
	BookingBookedOnce                      ID = "booking.bookedOnce"
	BookingStartsAtRequired                ID = "booking.startsAtRequired"
	BookingUnknown                         ID = "booking.unknown"
	BookingPlacementIdEligibilityPlacement ID = "booking.placementIdEligibilityPlacement"
	BookingOpeningIdEligibilityOpening     ID = "booking.openingIdEligibilityOpening"
	BookingOnlyDoelgroepregister           ID = "booking.onlyDoelgroepregister"
	BookingOnlyLKSIndicatie                ID = "booking.onlyLKSIndicatie"
	BookingProviderNotAvailable            ID = "booking.providerNotAvailable"
	BookingNotASlot                        ID = "booking.notASlot"
	BookingStateEnum                       ID = "booking.stateEnum"
	BookingHoursRange                      ID = "booking.hoursRange"
	BookingNotStarted                      ID = "booking.notStarted"
	BookingSignatureInvalid                ID = "booking.signatureInvalid"
	BookingUnknownEventType                ID = "booking.unknownEventType"
	BookingUnknownBooking                  ID = "booking.unknownBooking"
)

var bookingTexts = map[ID]Text{
	BookingKindPattern:                     {"Een soort is een korte naam in kleine letters, bijvoorbeeld jobcoaching.", "A kind is a short lower-case name."},
	BookingTitleLength:                     {"3 tot 120 tekens.", "3 to 120 characters."},
	BookingPriceUnitEnum:                   {"Kies free, fixed, per_hour of per_month.", "Choose free, fixed, per_hour or per_month."},
	BookingPriceCentsFree:                  {"Gratis diensten hebben prijs 0, betaalde een prijs boven 0.", "Free services cost 0; paid ones more."},
	BookingPriceCentsRange:                 {"0 tot 100.000 euro, in centen.", "0 to 100,000 euro, in cents."},
	BookingCancelFeePercentRange:           {"0 tot 100 procent.", "0 to 100 percent."},
	BookingCancelFreeHoursRange:            {"0 tot 720 uur.", "0 to 720 hours."},
	BookingSlotMinutesRange:                {"15 tot 480 minuten.", "15 to 480 minutes."},
	BookingCapacityRange:                   {"1 tot 50 plaatsen.", "1 to 50 places."},
	BookingPriceUnitSchedulable:            {"Een dienst per maand heeft geen tijdslot.", "A monthly service has no time slot."},
	BookingClosedDaysMaxItems:              {"Hoogstens 366 dagen.", "At most 366 days."},
	BookingHoursRow:                        {"Dag 1 (maandag) tot 7 en tijden als 09:00, begin voor eind.", "Day 1–7 and times like 09:00, opening before closing."},
	BookingProviderIdUnknown:               {"Kies een dienstverlener of zorgaanbieder uit uw regio.", "Choose a provider of your region."},
	BookingDaysRange:                       {"1 tot 31 dagen.", "1 to 31 days."},
	BookingNotSchedulable:                  {"Voor deze dienst kiest u geen tijd.", "This service has no time slots."},
	BookingDateFormat:                      {"Gebruik de vorm JJJJ-MM-DD.", "Use YYYY-MM-DD."},
	BookingNothingDue:                      {"Er staat niets open.", "Nothing is due."},
	BookingNothingDueNow:                   {"Er staat nu niets open om te betalen.", "Nothing is due now."},
	BookingExpired:                         {"Deze boeking is verlopen: er is niet binnen 30 minuten betaald. Boek opnieuw.", "This booking expired unpaid; book again."},
	BookingNotAwaitingPayment:              {"Deze boeking wacht niet op betaling.", "This booking is not awaiting payment."},
	BookingNotRunning:                      {"Deze boeking loopt niet (meer).", "This booking is not running."},
	BookingOrganisationIdNotAllowed:        {"U boekt voor uw eigen organisatie.", "You book for your own organisation."},
	BookingOrganisationIdRequired:          {"Voor welke organisatie boekt u?", "Which organisation do you book for?"},
	BookingNoteMaxLength:                   {"Hoogstens 1000 tekens.", "At most 1,000 characters."},
	BookingServiceIdUnknown:                {"Deze dienst staat niet (meer) in de catalogus.", "This service is not in the catalogue."},
	BookingOrganisationIdUnknown:           {"Onbekende organisatie.", "Unknown organisation."},
	BookingSlotTaken:                       {"Dit tijdstip is net geboekt. Kies een ander tijdstip.", "This time was just booked; choose another."},
	BookingHoursQuantityRange:              {"1 tot 200 uur.", "1 to 200 hours."},
	BookingMonthsQuantityRange:             {"1 tot 24 maanden.", "1 to 24 months."},
	BookingBookedOnce:                      {"Deze dienst boekt u één keer.", "This service is booked once."},
	BookingStartsAtRequired:                {"Kies een tijdstip.", "Choose a time."},
	BookingUnknown:                         {"Niet gevonden bij uw organisatie.", "Not found for your organisation."},
	BookingPlacementIdEligibilityPlacement: {"Deze dienst is alleen voor een plaatsing: kies de plaatsing.", "This service is only for a placement."},
	BookingOpeningIdEligibilityOpening:     {"Deze dienst hoort bij een vacature: kies de vacature.", "This service belongs to an opening."},
	BookingOnlyDoelgroepregister:           {"Alleen voor een kandidaat in het doelgroepregister.", "Only for a candidate in the doelgroepregister."},
	BookingOnlyLKSIndicatie:                {"Alleen voor een kandidaat met een LKS-indicatie.", "Only for a candidate with an LKS indication."},
	BookingProviderNotAvailable:            {"Op dit tijdstip werkt de aanbieder niet. Kies een tijd uit de lijst.", "The provider is not available then; choose a listed time."},
	BookingNotASlot:                        {"Geen vrij tijdslot.", "Not a slot."},
	BookingStateEnum:                       {"Kies approved, rejected, confirmed, in_progress, completed of cancelled.", "Choose a listed state."},
	BookingHoursRange:                      {"0 tot 2000 uur.", "0 to 2,000 hours."},
	BookingNotStarted:                      {"Uren schrijft u pas na bevestiging.", "Hours are recorded after confirmation."},
	BookingSignatureInvalid:                {"De handtekening van dit Stripe-bericht klopt niet of is te oud.", "The Stripe signature is invalid or too old."},
	BookingUnknownEventType:                {"Dit soort bericht ({0}) verwerkt Werkhaven niet.", "Werkhaven does not handle {0} events."},
	BookingUnknownBooking:                  {"Dit bericht hoort bij geen boeking.", "This event belongs to no booking."},
}
