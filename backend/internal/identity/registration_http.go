package identity

import (
	"context"
	"fmt"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

// createOrganisationRegistrationRequest is an organisation's sign-up.
type createOrganisationRegistrationRequest struct {
	Kind             string `json:"kind" enum:"werkgever,zorgaanbieder"`
	Name             string `json:"name" minLength:"2" maxLength:"200"`
	KvKNumber        string `json:"kvkNummer" pattern:"^[0-9]{8}$" doc:"KvK-nummer, 8 digits"`
	Vestigingsnummer string `json:"vestigingsnummer,omitempty" pattern:"^([0-9]{12})?$" doc:"Vestigingsnummer, 12 digits (optional)"`
	Postcode         string `json:"postcode" maxLength:"7" example:"3511 AB"`
	HouseNumber      string `json:"houseNumber" minLength:"1" maxLength:"10" example:"12a"`
	Sector           string `json:"sector" minLength:"1" maxLength:"100"`
	Size             string `json:"size" enum:"1-9,10-49,50-249,250+" doc:"Number of employees"`
	ContactName      string `json:"contactName" minLength:"1" maxLength:"200"`
	ContactEmail     string `json:"contactEmail" format:"email" maxLength:"254"`
	ContactPhone     string `json:"contactPhone" pattern:"^[0-9 +()-]{6,20}$"`
}

type registrationInput struct {
	Body createOrganisationRegistrationRequest
}

type confirmOrganisationRegistrationRequest struct {
	Token string `json:"token" minLength:"20" maxLength:"100"`
}

type registrationConfirmationInput struct {
	Body confirmOrganisationRegistrationRequest
}

// RegionIDParam is the {id} of a region path (exported: huma reads
// parameters only from exported embedded structs).
type RegionIDParam struct {
	ID string `path:"id" format:"uuid"`
}

type serviceAreaBody struct {
	PC4s []string `json:"pc4s" maxItems:"4100" doc:"The PC4 areas (4 digits) the region serves" example:"[\"3511\",\"3512\"]"`
}

type serviceAreaInput struct {
	RegionIDParam
	Body serviceAreaBody
}

type updateRegionRequest struct {
	Name         *string `json:"name,omitempty" minLength:"2" maxLength:"200"`
	ContactEmail *string `json:"contactEmail,omitempty" maxLength:"254" pattern:"^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"`
	ContactPhone *string `json:"contactPhone,omitempty" pattern:"^[0-9 +()-]{0,20}$"`
}

type updateRegionInput struct {
	RegionIDParam
	Body updateRegionRequest
}

type regionContactBody struct {
	Name         string `json:"name"`
	ContactEmail string `json:"contactEmail"`
	ContactPhone string `json:"contactPhone"`
}

var registrationDoc = fmt.Sprintf("Always 202 when the input is valid and a region serves the postcode, whether or not the organisation or e-mail "+
	"address is known: the contact gets a mail with a confirmation link (single use, %d hours), unless the address was sent %d links within "+
	"%d minutes. A postcode that does not exist is 400 naming postcode (unknown); one no region serves is 400 naming postcode (notServed), "+
	"whose reason lists the regions and their contact details (also GET /region-contacts). 429 when this client IP asked for %d links "+
	"within %d minutes.", int(RegistrationTokenTTL.Hours()), MailRequestLimit, int(MailRequestWindow.Minutes()), MailRequestIPLimit, int(MailRequestWindow.Minutes()))

// registerOnboarding adds the organisations' own sign-up and the regions'
// service areas.
func (h *Handlers) registerOnboarding(api huma.API) {
	aanmelden, beheer := []string{"Aanmelden"}, []string{"Beheer"}
	admin := authz.Roles(authz.Admin)
	authz.Register(api, huma.Operation{OperationID: "createOrganisationRegistration", Method: http.MethodPost, Path: "/organisation-registrations",
		DefaultStatus: http.StatusAccepted, Summary: "Organisatie aanmelden / Sign up as an organisation", Tags: aanmelden, Errors: []int{400, 429},
		Description: registrationDoc},
		authz.PublicRule, h.createRegistration)
	authz.Register(api, huma.Operation{OperationID: "confirmOrganisationRegistration", Method: http.MethodPost, Path: "/organisation-registration-confirmations",
		DefaultStatus: http.StatusNoContent, Summary: "Aanmelding bevestigen met de link / Confirm a sign-up with the mailed token", Tags: aanmelden, Errors: []int{400, 410},
		Description: "410 for a used, expired or unknown link."},
		authz.PublicRule, h.confirmRegistration)
	authz.Register(api, huma.Operation{OperationID: "listRegionContacts", Method: http.MethodGet, Path: "/region-contacts",
		Summary: "Regio's en hun contactgegevens / Regions and how to reach them", Tags: aanmelden,
		Description: "The regions that serve at least one PC4 area, with their desk's e-mail and phone."},
		authz.PublicRule, h.listRegionContacts)
	authz.Register(api, huma.Operation{OperationID: "updateRegion", Method: http.MethodPatch, Path: "/regions/{id}",
		Summary: "Regio wijzigen / Update a region", Tags: beheer, Errors: []int{400, 404},
		Description: "An admin changes their own region's name and contact details; another region is not found."},
		admin, h.updateRegion)
	authz.Register(api, huma.Operation{OperationID: "getRegionServiceArea", Method: http.MethodGet, Path: "/regions/{id}/service-area",
		Summary: "Werkgebied van een regio / A region's service area", Tags: beheer, Errors: []int{404}},
		admin, h.getServiceArea)
	authz.Register(api, huma.Operation{OperationID: "replaceRegionServiceArea", Method: http.MethodPut, Path: "/regions/{id}/service-area",
		Summary: "Werkgebied vervangen / Replace a region's service area", Tags: beheer, Errors: []int{400, 404},
		Description: "The full list of PC4 areas the region serves (the page reads it from a CSV file). Each must exist and be served by no other region (400 naming pc4s[i])."},
		admin, h.replaceServiceArea)
}

func (h *Handlers) createRegistration(ctx context.Context, _ authz.Principal, in *registrationInput) (*struct{}, error) {
	b := in.Body
	return nil, h.Service.RegisterOrganisation(ctx, NewRegistration{Kind: b.Kind, Name: b.Name, KvKNumber: b.KvKNumber, Vestigingsnummer: b.Vestigingsnummer,
		Postcode: b.Postcode, HouseNumber: b.HouseNumber, Sector: b.Sector, Size: b.Size, ContactName: b.ContactName, ContactEmail: b.ContactEmail,
		ContactPhone: b.ContactPhone}, clientIP(ctx))
}

func (h *Handlers) confirmRegistration(ctx context.Context, _ authz.Principal, in *registrationConfirmationInput) (*struct{}, error) {
	return nil, h.Service.ConfirmRegistration(ctx, in.Body.Token, clientIP(ctx))
}

func (h *Handlers) listRegionContacts(ctx context.Context, _ authz.Principal, _ *struct{}) (*httpapi.ListOut[regionContactBody], error) {
	list, err := h.Service.RegionContacts(ctx)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(list, func(r RegionContact) regionContactBody { return regionContactBody(r) }), nil
}

func (h *Handlers) updateRegion(ctx context.Context, p authz.Principal, in *updateRegionInput) (*struct{ Body regionBody }, error) {
	r, err := h.Service.UpdateRegion(ctx, p, in.ID, RegionChange{Name: in.Body.Name, ContactEmail: in.Body.ContactEmail, ContactPhone: in.Body.ContactPhone}, clientIP(ctx))
	if err != nil {
		return nil, err
	}
	return &struct{ Body regionBody }{Body: regionBody(r)}, nil
}

func (h *Handlers) getServiceArea(ctx context.Context, p authz.Principal, in *RegionIDParam) (*struct{ Body serviceAreaBody }, error) {
	pc4s, err := h.Service.ServiceArea(ctx, p, in.ID)
	if err != nil {
		return nil, err
	}
	return &struct{ Body serviceAreaBody }{Body: serviceAreaBody{PC4s: pc4s}}, nil
}

func (h *Handlers) replaceServiceArea(ctx context.Context, p authz.Principal, in *serviceAreaInput) (*struct{ Body serviceAreaBody }, error) {
	pc4s, err := h.Service.SetServiceArea(ctx, p, in.ID, in.Body.PC4s, clientIP(ctx))
	if err != nil {
		return nil, err
	}
	return &struct{ Body serviceAreaBody }{Body: serviceAreaBody{PC4s: pc4s}}, nil
}
