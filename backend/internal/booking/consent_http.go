package booking

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

type bookingConsentBody struct {
	State      string     `json:"state" enum:"asked,granted,declined,revoked"`
	AskedAt    time.Time  `json:"askedAt"`
	DecidedAt  *time.Time `json:"decidedAt,omitempty"`
	DecidedVia string     `json:"decidedVia,omitempty" enum:"mail_link,in_app"`
	RevokedAt  *time.Time `json:"revokedAt,omitempty"`
}

// bookingSharedBody has Shared's fields in Shared's order, so one converts to the other.
type bookingSharedBody struct {
	Name              string `json:"name"`
	Phone             string `json:"phone,omitempty"`
	OrganisationName  string `json:"organisationName" doc:"Where the kandidaat works"`
	WorkplaceTitle    string `json:"workplaceTitle,omitempty" doc:"The work (the placement's opening)"`
	WorkplacePlace    string `json:"workplacePlace,omitempty"`
	WorkplacePostcode string `json:"workplacePostcode,omitempty" doc:"After the provider confirmed"`
	ContactName       string `json:"contactName,omitempty" doc:"The organisation's contact person, after the provider confirmed"`
	ContactEmail      string `json:"contactEmail,omitempty"`
	ContactPhone      string `json:"contactPhone,omitempty"`
}

// ConsentRequestBody is a request to share, as the kandidaat reads it.
type ConsentRequestBody struct {
	BookingID        string     `json:"bookingId" format:"uuid"`
	ServiceTitleNl   string     `json:"serviceTitleNl"`
	ServiceTitleEn   string     `json:"serviceTitleEn"`
	ServiceKind      string     `json:"serviceKind"`
	ProviderName     string     `json:"providerName" doc:"Who would see your details"`
	OrganisationName string     `json:"organisationName" doc:"Who asked for the service"`
	BookingState     string     `json:"bookingState" enum:"requested,awaiting_approval,approved,rejected,awaiting_payment,paid,confirmed,in_progress,completed,cancelled,refunded,expired"`
	State            string     `json:"state" enum:"asked,granted,declined,revoked"`
	AskedAt          time.Time  `json:"askedAt"`
	DecidedAt        *time.Time `json:"decidedAt,omitempty"`
	DecidedVia       string     `json:"decidedVia,omitempty" enum:"mail_link,in_app"`
	RevokedAt        *time.Time `json:"revokedAt,omitempty"`
}

func toConsentRequestBody(r ConsentRequest) ConsentRequestBody {
	return ConsentRequestBody{BookingID: r.BookingID, ServiceTitleNl: r.ServiceTitleNL, ServiceTitleEn: r.ServiceTitleEN, ServiceKind: r.ServiceKind,
		ProviderName: r.ProviderName, OrganisationName: r.OrganisationName, BookingState: string(r.BookingState), State: string(r.State), AskedAt: r.AskedAt,
		DecidedAt: r.DecidedAt, DecidedVia: r.DecidedVia, RevokedAt: r.RevokedAt}
}

type consentOut struct{ Body ConsentRequestBody }

// ConsentTokenBody carries the secret of a mailed consent link (exported:
// huma reads the fields of embedded structs only when they are exported).
type ConsentTokenBody struct {
	Token string `json:"token" minLength:"20" maxLength:"100" doc:"The secret from the mailed link"`
}

type decideMyBookingConsentRequest struct {
	Decision string `json:"decision" enum:"agree,decline,revoke" doc:"agree: share; decline: do not share; revoke: stop sharing"`
}

type decideBookingConsentByLinkRequest struct {
	ConsentTokenBody
	Decision string `json:"decision" enum:"agree,decline"`
}

type decideMyConsentInput struct {
	IDParam
	Body decideMyBookingConsentRequest
}

// registerConsent adds the kandidaat's operations on sharing their details
// with a booking's provider.
func registerConsent(api huma.API, h handlers) {
	tags := []string{"Diensten"}
	kandidaat := authz.Roles(authz.Kandidaat)
	authz.Register(api, huma.Operation{OperationID: "listMyBookingConsents", Method: http.MethodGet, Path: "/me/booking-consents",
		Summary: "Vragen om gegevens te delen / Requests to share my details", Tags: tags,
		Description: "Services booked for your work whose provider asks for your name, phone and workplace, with your answers."},
		kandidaat, h.listMyConsents)
	authz.Register(api, huma.Operation{OperationID: "decideMyBookingConsent", Method: http.MethodPost, Path: "/me/booking-consents/{id}/decisions",
		Summary: "Gegevens delen of niet / Share my details or not", Tags: tags, Errors: []int{400, 404, 409},
		Description: "{id} is the booking. agree shares your name, phone and workplace with that provider for that booking; decline shares nothing; revoke stops sharing at once. The same answer twice changes nothing; declining after agreeing is revoke (409 nothingShared)."},
		kandidaat, h.decideMyConsent)
	authz.Register(api, huma.Operation{OperationID: "viewBookingConsentByLink", Method: http.MethodPost, Path: "/booking-consent-links/views",
		Summary: "Vraag openen via de link / Open the request from the mailed link", Tags: tags, Errors: []int{400, 404, 410},
		Description: "The token travels in the body, never in a URL. An unknown link answers 404, a used or expired one 410."},
		authz.PublicRule, h.viewConsentByLink)
	authz.Register(api, huma.Operation{OperationID: "decideBookingConsentByLink", Method: http.MethodPost, Path: "/booking-consent-links/decisions",
		Summary: "Ja of nee zeggen via de link / Answer from the mailed link", Tags: tags, Errors: []int{400, 404, 409, 410},
		Description: "The link decides once and for 14 days: afterwards it answers 410; the kandidaat can still answer, or change their answer, in Werkhaven."},
		authz.PublicRule, h.decideConsentByLink)
}

func (h handlers) listMyConsents(ctx context.Context, p authz.Principal, _ *struct{}) (*httpapi.ListOut[ConsentRequestBody], error) {
	items, err := h.s.MyConsents(ctx, p)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(items, toConsentRequestBody), nil
}

func (h handlers) decideMyConsent(ctx context.Context, p authz.Principal, in *decideMyConsentInput) (*consentOut, error) {
	return consentResult(h.s.DecideMyConsent(ctx, p, in.ID, ConsentAnswer(in.Body.Decision), httpapi.ClientIP(ctx)))
}

// viewConsentByLink and decideConsentByLink are public: the token is the credential.
func (h handlers) viewConsentByLink(ctx context.Context, _ authz.Principal, in *struct{ Body ConsentTokenBody }) (*consentOut, error) {
	return consentResult(h.s.ConsentByLink(ctx, in.Body.Token))
}

func (h handlers) decideConsentByLink(ctx context.Context, _ authz.Principal, in *struct {
	Body decideBookingConsentByLinkRequest
}) (*consentOut, error) {
	return consentResult(h.s.DecideConsentByLink(ctx, in.Body.Token, ConsentAnswer(in.Body.Decision), httpapi.ClientIP(ctx)))
}

func consentResult(r ConsentRequest, err error) (*consentOut, error) {
	if err != nil {
		return nil, err
	}
	return &consentOut{Body: toConsentRequestBody(r)}, nil
}
