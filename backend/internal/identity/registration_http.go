package identity

import (
	"context"
	"fmt"
	"net/http"
	"time"

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
	// What invoices for the region's own services name as their supplier.
	LegalName *string `json:"legalName,omitempty" maxLength:"200"`
	Street    *string `json:"street,omitempty" maxLength:"200"`
	Postcode  *string `json:"postcode,omitempty" maxLength:"7" doc:"Empty clears it"`
	City      *string `json:"city,omitempty" maxLength:"100"`
	KvKNumber *string `json:"kvkNummer,omitempty" pattern:"^([0-9]{8})?$"`
	VatNumber *string `json:"vatNumber,omitempty" maxLength:"20" doc:"btw-identificatienummer; spaces and dots are dropped and letters upper-cased (NL123456789B01)"`
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
	h.registerQueue(api)
	h.registerFirstSteps(api)
	h.registerColleagues(api)
}

func (h *Handlers) createRegistration(ctx context.Context, _ authz.Principal, in *registrationInput) (*struct{}, error) {
	return nil, h.Service.RegisterOrganisation(ctx, NewRegistration(in.Body), clientIP(ctx))
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
	r, err := h.Service.UpdateRegion(ctx, p, in.ID, RegionChange{Name: in.Body.Name, ContactEmail: in.Body.ContactEmail, ContactPhone: in.Body.ContactPhone,
		LegalName: in.Body.LegalName, Street: in.Body.Street, Postcode: in.Body.Postcode, City: in.Body.City, KvKNumber: in.Body.KvKNumber, VatNumber: in.Body.VatNumber}, clientIP(ctx))
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

type listRegistrationsInput struct {
	Status string `query:"status" enum:"confirmed,approved,declined" doc:"Default confirmed: the queue"`
}

type duplicateBody struct {
	Reason         string `json:"reason" enum:"kvk,name,email" doc:"kvk: same KvK number (and vestiging); name: a similar name; email: a known e-mail address"`
	OrganisationID string `json:"organisationId,omitempty" format:"uuid"`
	Name           string `json:"name"`
}

type registrationBody struct {
	ID               string          `json:"id" format:"uuid"`
	Status           string          `json:"status" enum:"confirmed,approved,declined"`
	Kind             string          `json:"kind" enum:"werkgever,zorgaanbieder"`
	Name             string          `json:"name"`
	KvKNumber        string          `json:"kvkNummer"`
	Vestigingsnummer string          `json:"vestigingsnummer,omitempty"`
	Postcode         string          `json:"postcode"`
	HouseNumber      string          `json:"houseNumber"`
	Sector           string          `json:"sector"`
	Size             string          `json:"size"`
	ContactName      string          `json:"contactName"`
	ContactEmail     string          `json:"contactEmail"`
	ContactPhone     string          `json:"contactPhone"`
	ConfirmedAt      time.Time       `json:"confirmedAt"`
	DecidedAt        *time.Time      `json:"decidedAt,omitempty"`
	DeclineReason    string          `json:"declineReason,omitempty"`
	OrganisationID   string          `json:"organisationId,omitempty" format:"uuid"`
	Duplicates       []duplicateBody `json:"duplicates"`
}

func toRegistrationBody(r Registration) registrationBody {
	d := make([]duplicateBody, len(r.Duplicates))
	for i, x := range r.Duplicates {
		d[i] = duplicateBody(x)
	}
	return registrationBody{ID: r.ID, Status: r.Status, Kind: r.Kind, Name: r.Name, KvKNumber: r.KvKNumber, Vestigingsnummer: r.Vestigingsnummer,
		Postcode: r.Postcode, HouseNumber: r.HouseNumber, Sector: r.Sector, Size: r.Size, ContactName: r.ContactName, ContactEmail: r.ContactEmail,
		ContactPhone: r.ContactPhone, ConfirmedAt: r.ConfirmedAt, DecidedAt: r.DecidedAt, DeclineReason: r.DeclineReason, OrganisationID: r.OrganisationID, Duplicates: d}
}

// RegistrationIDParam is the {id} of a sign-up path.
type RegistrationIDParam struct {
	ID string `path:"id" format:"uuid"`
}

type approveOrganisationRegistrationRequest struct {
	AccountmanagerID string `json:"accountmanagerId,omitempty" format:"uuid" doc:"The organisation's accountmanager; default: the approving accountmanager"`
}

type approveInput struct {
	RegistrationIDParam
	Body approveOrganisationRegistrationRequest
}

type approveOrganisationRegistrationResponse struct {
	Registration    registrationBody `json:"registration"`
	Organisation    organisationBody `json:"organisation"`
	ExistingAccount bool             `json:"existingAccount" doc:"The contact's e-mail has an account in Werkhaven already: no one was invited"`
	UserID          string           `json:"userId,omitempty" format:"uuid" doc:"The invited first user"`
}

type declineOrganisationRegistrationRequest struct {
	Reason string `json:"reason" minLength:"1" maxLength:"2000" doc:"Mailed to the contact"`
}

type declineInput struct {
	RegistrationIDParam
	Body declineOrganisationRegistrationRequest
}

// registerQueue adds the accountmanagers' approval queue.
func (h *Handlers) registerQueue(api huma.API) {
	tags, managers := []string{"Aanmelden"}, authz.Roles(authz.Admin, authz.Accountmanager)
	authz.Register(api, huma.Operation{OperationID: "listOrganisationRegistrations", Method: http.MethodGet, Path: "/organisation-registrations",
		Summary: "Aanmeldingen van organisaties / Organisations' sign-ups", Tags: tags,
		Description: "The region's confirmed sign-ups (unconfirmed ones are never shown), oldest first, each with its possible duplicates. The read is audited."},
		managers, h.listRegistrations)
	authz.Register(api, huma.Operation{OperationID: "approveOrganisationRegistration", Method: http.MethodPost, Path: "/organisation-registrations/{id}/approvals",
		DefaultStatus: http.StatusCreated, Summary: "Aanmelding goedkeuren / Approve a sign-up", Tags: tags, Errors: []int{400, 404, 409},
		Description: "Creates the organisation with its accountmanager and invites the contact as its first user (a mail to choose a password). " +
			"A contact whose e-mail has an account already is not invited (existingAccount). Decided already → 409; same KvK as an organisation of the region → 409 kvkExists."},
		managers, h.approveRegistration)
	authz.Register(api, huma.Operation{OperationID: "declineOrganisationRegistration", Method: http.MethodPost, Path: "/organisation-registrations/{id}/declines",
		DefaultStatus: http.StatusCreated, Summary: "Aanmelding afwijzen / Decline a sign-up", Tags: tags, Errors: []int{400, 404, 409},
		Description: "The reason is mailed to the contact. Decided already → 409."},
		managers, h.declineRegistration)
}

func (h *Handlers) listRegistrations(ctx context.Context, p authz.Principal, in *listRegistrationsInput) (*httpapi.ListOut[registrationBody], error) {
	list, err := h.Service.ListRegistrations(ctx, p, in.Status)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(list, toRegistrationBody), nil
}

func (h *Handlers) approveRegistration(ctx context.Context, p authz.Principal, in *approveInput) (*struct {
	Body approveOrganisationRegistrationResponse
}, error) {
	a, err := h.Service.ApproveRegistration(ctx, p, in.ID, in.Body.AccountmanagerID, clientIP(ctx))
	if err != nil {
		return nil, err
	}
	return &struct {
		Body approveOrganisationRegistrationResponse
	}{Body: approveOrganisationRegistrationResponse{Registration: toRegistrationBody(a.Registration), Organisation: toOrganisationBody(a.Organisation),
		ExistingAccount: a.ExistingAccount, UserID: a.UserID}}, nil
}

func (h *Handlers) declineRegistration(ctx context.Context, p authz.Principal, in *declineInput) (*struct{ Body registrationBody }, error) {
	r, err := h.Service.DeclineRegistration(ctx, p, in.ID, in.Body.Reason, clientIP(ctx))
	if err != nil {
		return nil, err
	}
	return &struct{ Body registrationBody }{Body: toRegistrationBody(r)}, nil
}

type getOrganisationFirstStepsResponse struct {
	Missing             []string `json:"missing" doc:"Profile fields still empty: sector, size, contactName, contactEmail, contactPhone"`
	AccountmanagerName  string   `json:"accountmanagerName,omitempty"`
	AccountmanagerEmail string   `json:"accountmanagerEmail,omitempty"`
	MetAccountmanager   bool     `json:"metAccountmanager" doc:"The accountmanager logged a visit, call or meeting with the organisation"`
}

// registerFirstSteps adds the new organisation's checklist.
func (h *Handlers) registerFirstSteps(api huma.API) {
	authz.Register(api, huma.Operation{OperationID: "getOrganisationFirstSteps", Method: http.MethodGet, Path: "/organisations/{id}/first-steps",
		Summary: "Eerste stappen van een organisatie / An organisation's first steps", Tags: []string{"Organisaties"}, Errors: []int{404},
		Description: "The start page's checklist: which profile fields are empty, who the accountmanager is and whether they met. The first vacature is counted from GET /openings."},
		authz.Roles(authz.Admin, authz.Accountmanager, authz.Werkgever, authz.Zorgaanbieder), h.firstSteps)
}

func (h *Handlers) firstSteps(ctx context.Context, p authz.Principal, in *OrganisationIDParam) (*struct {
	Body getOrganisationFirstStepsResponse
}, error) {
	fs, err := h.Service.FirstSteps(ctx, p, in.ID)
	if err != nil {
		return nil, err
	}
	return &struct {
		Body getOrganisationFirstStepsResponse
	}{Body: getOrganisationFirstStepsResponse(fs)}, nil
}

type inviteColleagueRequest struct {
	Email       string `json:"email" format:"email" maxLength:"254"`
	DisplayName string `json:"displayName" minLength:"1" maxLength:"200"`
}

type inviteColleagueInput struct {
	OrganisationIDParam
	Body inviteColleagueRequest
}

type removeColleagueInput struct {
	OrganisationIDParam
	UserID string `path:"userId" format:"uuid"`
}

// registerColleagues adds an organisation's own user management.
func (h *Handlers) registerColleagues(api huma.API) {
	tags := []string{"Organisaties"}
	who := authz.Roles(authz.Admin, authz.Accountmanager, authz.Werkgever, authz.Zorgaanbieder)
	authz.Register(api, huma.Operation{OperationID: "listColleagues", Method: http.MethodGet, Path: "/organisations/{id}/users",
		Summary: "Gebruikers van een organisatie / An organisation's users", Tags: tags, Errors: []int{403, 404},
		Description: "Organisation users: their own organisation; accountmanagers: their portfolio; admins: the region. Disabled users are left out."},
		who, h.listColleagues)
	authz.Register(api, huma.Operation{OperationID: "inviteColleague", Method: http.MethodPost, Path: "/organisations/{id}/users", DefaultStatus: http.StatusCreated,
		Summary: "Collega uitnodigen / Invite a colleague", Tags: tags, Errors: []int{400, 403, 404},
		Description: "The colleague gets the organisation's role and a mail with a link (7 days) to choose a password."},
		who, h.inviteColleague)
	authz.Register(api, huma.Operation{OperationID: "removeColleague", Method: http.MethodDelete, Path: "/organisations/{id}/users/{userId}",
		Summary: "Collega verwijderen / Remove a colleague", Tags: tags, Errors: []int{403, 404, 409},
		Description: "Disables the account and ends its sessions. The organisation's last user cannot be removed (409 lastUser)."},
		who, h.removeColleague)
}

func (h *Handlers) listColleagues(ctx context.Context, p authz.Principal, in *OrganisationIDParam) (*httpapi.ListOut[userBody], error) {
	users, err := h.Service.Colleagues(ctx, p, in.ID)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(users, toUserBody), nil
}

func (h *Handlers) inviteColleague(ctx context.Context, p authz.Principal, in *inviteColleagueInput) (*userOutput, error) {
	return toUserOutput(h.Service.InviteColleague(ctx, p, in.ID, in.Body.Email, in.Body.DisplayName, clientIP(ctx)))
}

func (h *Handlers) removeColleague(ctx context.Context, p authz.Principal, in *removeColleagueInput) (*struct{}, error) {
	return nil, h.Service.RemoveColleague(ctx, p, in.ID, in.UserID, clientIP(ctx))
}
