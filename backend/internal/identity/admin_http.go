package identity

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

type listUsersInput struct {
	Role           string `query:"role" enum:"admin,accountmanager,klantmanager,werkgever,zorgaanbieder,kandidaat"`
	OrganisationID string `query:"organisationId" format:"uuid"`
	httpapi.Search
	Sort string `query:"sort" enum:"name,-name,email,-email,role,-role,createdAt,-createdAt" default:"name" doc:"Field to sort on; '-' first for descending"`
	httpapi.Paging
}

type inviteInput struct {
	Body struct {
		Email          string `json:"email" format:"email" maxLength:"254"`
		DisplayName    string `json:"displayName" minLength:"1" maxLength:"200"`
		Role           string `json:"role" enum:"admin,accountmanager,klantmanager,werkgever,zorgaanbieder"`
		OrganisationID string `json:"organisationId,omitempty" format:"uuid" doc:"Required for werkgever and zorgaanbieder users"`
	}
}

type userOutput struct{ Body userBody }

func toUserOutput(u User, err error) (*userOutput, error) {
	if err != nil {
		return nil, err
	}
	return &userOutput{Body: toUserBody(u)}, nil
}

// UserIDParam is the {id} of a user path (exported: huma reads parameters
// only from exported embedded structs).
type UserIDParam struct {
	ID string `path:"id" format:"uuid"`
}

type updateUserInput struct {
	UserIDParam
	Body struct {
		Status string `json:"status,omitempty" enum:"active,disabled"`
		Role   string `json:"role,omitempty" enum:"admin,accountmanager,klantmanager,werkgever,zorgaanbieder"`
	}
}

type organisationBody struct {
	ID               string    `json:"id" format:"uuid"`
	Kind             string    `json:"kind" enum:"werkgever,zorgaanbieder,dienstverlener"`
	Name             string    `json:"name"`
	KvKNumber        string    `json:"kvkNummer" doc:"KvK-nummer, 8 digits"`
	Postcode         string    `json:"postcode" example:"3511 AB"`
	AccountmanagerID string    `json:"accountmanagerId,omitempty" format:"uuid"`
	Sector           string    `json:"sector"`
	Size             string    `json:"size" enum:",1-9,10-49,50-249,250+"`
	ContactName      string    `json:"contactName"`
	ContactEmail     string    `json:"contactEmail"`
	ContactPhone     string    `json:"contactPhone"`
	Street           string    `json:"street" doc:"Street and number, for invoices"`
	City             string    `json:"city" doc:"For invoices"`
	VatNumber        string    `json:"vatNumber" doc:"btw-identificatienummer (NL123456789B01), for invoices"`
	StripeAccountID  string    `json:"stripeAccountId,omitempty" doc:"A provider's Stripe Connect account; paid bookings pay out there"`
	CreatedAt        time.Time `json:"createdAt"`
}

func toOrganisationBody(o Organisation) organisationBody {
	return organisationBody{ID: o.ID, Kind: o.Kind, Name: o.Name, KvKNumber: o.KvKNumber, Postcode: o.Postcode, AccountmanagerID: o.AccountmanagerID,
		Sector: o.Sector, Size: o.Size, ContactName: o.ContactName, ContactEmail: o.ContactEmail, ContactPhone: o.ContactPhone,
		Street: o.Street, City: o.City, VatNumber: o.VatNumber, StripeAccountID: o.StripeAccountID, CreatedAt: o.CreatedAt}
}

type organisationOutput struct{ Body organisationBody }

// toOrganisationOutput answers the organisation a service call returned,
// or its error.
func toOrganisationOutput(o Organisation, err error) (*organisationOutput, error) {
	if err != nil {
		return nil, err
	}
	return &organisationOutput{Body: toOrganisationBody(o)}, nil
}

// updateOrganisationInput's body is a JSON merge patch: null clears the
// sector, size, contact details and payout account; name, postcode and
// accountmanager cannot be cleared.
type updateOrganisationInput struct {
	OrganisationIDParam
	Body struct {
		Name             *string                  `json:"name,omitempty" minLength:"2" maxLength:"200"`
		Sector           httpapi.Optional[string] `json:"sector,omitzero" maxLength:"100"`
		Size             httpapi.Optional[string] `json:"size,omitzero" enum:",1-9,10-49,50-249,250+"`
		Postcode         *string                  `json:"postcode,omitempty" maxLength:"7"`
		ContactName      httpapi.Optional[string] `json:"contactName,omitzero" maxLength:"200"`
		ContactEmail     httpapi.Optional[string] `json:"contactEmail,omitzero" maxLength:"254" pattern:"^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"`
		ContactPhone     httpapi.Optional[string] `json:"contactPhone,omitzero" maxLength:"20" pattern:"^[0-9 +()-]*$"`
		Street           httpapi.Optional[string] `json:"street,omitzero" maxLength:"200" doc:"Street and number, for invoices"`
		City             httpapi.Optional[string] `json:"city,omitzero" maxLength:"100"`
		VatNumber        httpapi.Optional[string] `json:"vatNumber,omitzero" maxLength:"20" doc:"btw-identificatienummer; spaces and dots are dropped and letters upper-cased (NL123456789B01)"`
		AccountmanagerID *string                  `json:"accountmanagerId,omitempty" format:"uuid" doc:"Staff only"`
		StripeAccountID  httpapi.Optional[string] `json:"stripeAccountId,omitzero" pattern:"^(acct_[A-Za-z0-9]{1,64})?$" doc:"Admins only, providers only; null or empty clears it"`
	}
}

// OrganisationIDParam is the {id} of an organisation path (exported: huma
// reads parameters only from exported embedded structs).
type OrganisationIDParam struct {
	ID string `path:"id" format:"uuid"`
}

type contactMomentBody struct {
	ID           string    `json:"id" format:"uuid"`
	Kind         string    `json:"kind" enum:"telefoon,bezoek,e-mail,overleg,notitie"`
	OccurredOn   string    `json:"occurredOn" format:"date"`
	Note         string    `json:"note"`
	AuthorUserID string    `json:"authorUserId" format:"uuid"`
	AuthorName   string    `json:"authorName"`
	CreatedAt    time.Time `json:"createdAt"`
}

func toContactMomentBody(c ContactMoment) contactMomentBody {
	return contactMomentBody{ID: c.ID, Kind: c.Kind, OccurredOn: c.OccurredOn.Format("2006-01-02"), Note: c.Note,
		AuthorUserID: c.AuthorUserID, AuthorName: c.AuthorName, CreatedAt: c.CreatedAt}
}

type addContactMomentInput struct {
	OrganisationIDParam
	Body struct {
		Kind       string `json:"kind" enum:"telefoon,bezoek,e-mail,overleg,notitie"`
		OccurredOn string `json:"occurredOn" format:"date" doc:"The day of the contact (not in the future)"`
		Note       string `json:"note" minLength:"1" maxLength:"4000"`
	}
}

type createOrganisationInput struct {
	Body struct {
		Kind             string `json:"kind" enum:"werkgever,zorgaanbieder,dienstverlener"`
		Name             string `json:"name" minLength:"2" maxLength:"200"`
		KvKNumber        string `json:"kvkNummer" pattern:"^[0-9]{8}$" doc:"KvK-nummer, 8 digits"`
		Postcode         string `json:"postcode" maxLength:"7" example:"3511 AB"`
		AccountmanagerID string `json:"accountmanagerId,omitempty" format:"uuid"`
	}
}

type regionBody struct {
	ID           string    `json:"id" format:"uuid"`
	Slug         string    `json:"slug"`
	Name         string    `json:"name"`
	ContactEmail string    `json:"contactEmail" doc:"The region's desk for employers; shown publicly"`
	ContactPhone string    `json:"contactPhone"`
	LegalName    string    `json:"legalName" doc:"The gemeente's legal name on invoices for its own services; empty: name"`
	Street       string    `json:"street"`
	Postcode     string    `json:"postcode"`
	City         string    `json:"city"`
	KvKNumber    string    `json:"kvkNummer"`
	VatNumber    string    `json:"vatNumber"`
	CreatedAt    time.Time `json:"createdAt"`
	AdminStatus  string    `json:"adminStatus,omitempty" enum:"none,invited,active" doc:"Platform administrator only: whether the region's first admin was invited or has signed up"`
}

type inviteRegionAdminInput struct {
	RegionIDParam
	Body struct {
		Email       string `json:"email" format:"email" maxLength:"254"`
		DisplayName string `json:"displayName" minLength:"1" maxLength:"200"`
	}
}

type createRegionInput struct {
	Body struct {
		Slug string `json:"slug" pattern:"^[a-z0-9]+(-[a-z0-9]+)*$" maxLength:"63" example:"holland-rijnland"`
		Name string `json:"name" minLength:"2" maxLength:"200"`
	}
}

// registerAdmin adds the administration of the region: its users,
// organisations (with the accountmanagers' contact log) and regions.
func (h *Handlers) registerAdmin(api huma.API) {
	admin := authz.Roles(authz.Admin)
	managers := authz.Roles(authz.Admin, authz.Accountmanager)
	orgReaders := authz.Roles(authz.Admin, authz.Accountmanager, authz.Klantmanager, authz.Werkgever, authz.Zorgaanbieder)
	orgEditors := authz.Roles(authz.Admin, authz.Accountmanager, authz.Werkgever, authz.Zorgaanbieder)
	beheer, organisaties := []string{"Beheer"}, []string{"Organisaties"}
	authz.Register(api, huma.Operation{OperationID: "listUsers", Method: http.MethodGet, Path: "/users",
		Summary: "Gebruikers van de regio / Users of the region", Tags: beheer, Errors: []int{400},
		Description: "Searched (q: name, e-mail), sorted and paged; accountmanagers see organisation users and accountmanagers."},
		managers, h.listUsers)
	authz.Register(api, huma.Operation{OperationID: "inviteUser", Method: http.MethodPost, Path: "/users", DefaultStatus: http.StatusCreated,
		Summary: "Gebruiker uitnodigen / Invite a user", Tags: beheer, Errors: []int{400},
		Description: "Admins invite any staff or organisation user; accountmanagers invite organisation users. The user gets a mail with a link (7 days) to choose a password."},
		managers, h.inviteUser)
	authz.Register(api, huma.Operation{OperationID: "updateUser", Method: http.MethodPatch, Path: "/users/{id}",
		Summary: "Gebruiker blokkeren, deblokkeren of rol wijzigen / Disable, enable or change the role of a user", Tags: beheer, Errors: []int{400, 404}},
		admin, h.updateUser)
	authz.Register(api, huma.Operation{OperationID: "listOrganisations", Method: http.MethodGet, Path: "/organisations",
		Summary: "Organisaties / Organisations", Tags: organisaties,
		Description: "Staff see their region's organisations; organisation users see their own."},
		orgReaders, h.listOrganisations)
	authz.Register(api, huma.Operation{OperationID: "getOrganisation", Method: http.MethodGet, Path: "/organisations/{id}",
		Summary: "Organisatie / Organisation", Tags: organisaties, Errors: []int{404}},
		orgReaders, h.getOrganisation)
	authz.Register(api, huma.Operation{OperationID: "createOrganisation", Method: http.MethodPost, Path: "/organisations", DefaultStatus: http.StatusCreated,
		Summary: "Organisatie registreren / Register an organisation", Tags: organisaties, Errors: []int{400}},
		managers, h.createOrganisation)
	authz.Register(api, huma.Operation{OperationID: "updateOrganisation", Method: http.MethodPatch, Path: "/organisations/{id}",
		Summary: "Organisatieprofiel wijzigen / Update an organisation's profile", Tags: organisaties, Errors: []int{400, 404},
		Description: "Organisation users edit their own organisation; accountmanagers those in their portfolio; admins any in the region. Only staff assign the accountmanager."},
		orgEditors, h.updateOrganisation)
	authz.Register(api, huma.Operation{OperationID: "listContactMoments", Method: http.MethodGet, Path: "/organisations/{id}/contact-moments",
		Summary: "Contactlog van een organisatie / An organisation's contact log", Tags: organisaties, Errors: []int{404},
		Description: "Kept by the region's accountmanagers; never visible to the organisation."},
		managers, h.listContactMoments)
	authz.Register(api, huma.Operation{OperationID: "addContactMoment", Method: http.MethodPost, Path: "/organisations/{id}/contact-moments", DefaultStatus: http.StatusCreated,
		Summary: "Contactmoment of notitie vastleggen / Log a contact moment or note", Tags: organisaties, Errors: []int{400, 404}},
		managers, h.addContactMoment)
	platform := authz.Roles(authz.Platform)
	authz.Register(api, huma.Operation{OperationID: "listRegions", Method: http.MethodGet, Path: "/regions",
		Summary: "Regio's / Regions", Tags: beheer,
		Description: "An admin sees their own region only; the platform administrator every region, with whether its first admin was invited or has signed up."},
		authz.Roles(authz.Admin, authz.Platform), h.listRegions)
	authz.Register(api, huma.Operation{OperationID: "createRegion", Method: http.MethodPost, Path: "/regions", DefaultStatus: http.StatusCreated,
		Summary: "Regio toevoegen / Add a region", Tags: beheer, Errors: []int{400},
		Description: "The platform administrator only; the region's first admin is invited next (inviteRegionAdmin)."},
		platform, h.createRegion)
	authz.Register(api, huma.Operation{OperationID: "inviteRegionAdmin", Method: http.MethodPost, Path: "/regions/{id}/admins", DefaultStatus: http.StatusCreated,
		Summary: "Eerste beheerder van een regio uitnodigen / Invite a region's first admin", Tags: beheer, Errors: []int{400, 404, 409},
		Description: "The platform administrator only. The admin gets a mail with a link (7 days) to choose a password. Once the region has an active admin it invites its own users: 409 regionHasAdmin."},
		platform, h.inviteRegionAdmin)
}

func (h *Handlers) listUsers(ctx context.Context, p authz.Principal, in *listUsersInput) (*httpapi.PagedOut[userBody], error) {
	users, total, err := h.Service.ListUsers(ctx, p, UserFilter{Role: authz.Role(in.Role), OrganisationID: in.OrganisationID, Q: in.Q, Sort: in.Sort,
		Offset: in.Offset(), Limit: in.Limit()})
	if err != nil {
		return nil, err
	}
	return httpapi.PageOf(users, total, in.Paging, toUserBody), nil
}

func (h *Handlers) inviteUser(ctx context.Context, p authz.Principal, in *inviteInput) (*userOutput, error) {
	return toUserOutput(h.Service.Invite(ctx, p, Invitation{Email: in.Body.Email, DisplayName: in.Body.DisplayName,
		Role: authz.Role(in.Body.Role), OrganisationID: in.Body.OrganisationID}, clientIP(ctx)))
}

func (h *Handlers) updateUser(ctx context.Context, p authz.Principal, in *updateUserInput) (*userOutput, error) {
	var ch UserChange
	if in.Body.Status != "" {
		ch.Status = &in.Body.Status
	}
	if in.Body.Role != "" {
		r := authz.Role(in.Body.Role)
		ch.Role = &r
	}
	return toUserOutput(h.Service.UpdateUser(ctx, p, in.ID, ch, clientIP(ctx)))
}

func (h *Handlers) listOrganisations(ctx context.Context, p authz.Principal, _ *struct{}) (*httpapi.ListOut[organisationBody], error) {
	orgs, err := h.Service.ListOrganisations(ctx, p)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(orgs, toOrganisationBody), nil
}

func (h *Handlers) getOrganisation(ctx context.Context, p authz.Principal, in *OrganisationIDParam) (*organisationOutput, error) {
	return toOrganisationOutput(h.Service.GetOrganisation(ctx, p, in.ID))
}

func (h *Handlers) createOrganisation(ctx context.Context, p authz.Principal, in *createOrganisationInput) (*organisationOutput, error) {
	return toOrganisationOutput(h.Service.CreateOrganisation(ctx, p, NewOrganisation{Kind: in.Body.Kind, Name: in.Body.Name,
		KvKNumber: in.Body.KvKNumber, Postcode: in.Body.Postcode, AccountmanagerID: in.Body.AccountmanagerID}, clientIP(ctx)))
}

func (h *Handlers) updateOrganisation(ctx context.Context, p authz.Principal, in *updateOrganisationInput) (*organisationOutput, error) {
	b := in.Body
	return toOrganisationOutput(h.Service.UpdateOrganisation(ctx, p, in.ID, OrganisationChange{Name: b.Name, Sector: b.Sector.Or(""),
		Size: b.Size.Or(""), Postcode: b.Postcode, ContactName: b.ContactName.Or(""), ContactEmail: b.ContactEmail.Or(""),
		ContactPhone: b.ContactPhone.Or(""), Street: b.Street.Or(""), City: b.City.Or(""), VatNumber: b.VatNumber.Or(""), AccountmanagerID: b.AccountmanagerID, StripeAccountID: b.StripeAccountID.Or("")}, clientIP(ctx)))
}

func (h *Handlers) listContactMoments(ctx context.Context, p authz.Principal, in *OrganisationIDParam) (*httpapi.ListOut[contactMomentBody], error) {
	list, err := h.Service.ListContactMoments(ctx, p, in.ID)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(list, toContactMomentBody), nil
}

func (h *Handlers) addContactMoment(ctx context.Context, p authz.Principal, in *addContactMomentInput) (*struct{ Body contactMomentBody }, error) {
	on, err := time.Parse("2006-01-02", in.Body.OccurredOn)
	if err != nil {
		return nil, apperr.Invalid("occurredOn", "format", msg.M("field.dateFormat"))
	}
	c, err := h.Service.AddContactMoment(ctx, p, in.ID, in.Body.Kind, on, in.Body.Note)
	if err != nil {
		return nil, err
	}
	return &struct{ Body contactMomentBody }{Body: toContactMomentBody(c)}, nil
}

func (h *Handlers) listRegions(ctx context.Context, p authz.Principal, _ *struct{}) (*httpapi.ListOut[regionBody], error) {
	regions, err := h.Service.ListRegions(ctx, p)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(regions, func(r Region) regionBody { return regionBody(r) }), nil
}

func (h *Handlers) createRegion(ctx context.Context, p authz.Principal, in *createRegionInput) (*struct{ Body regionBody }, error) {
	r, err := h.Service.CreateRegion(ctx, p, in.Body.Slug, in.Body.Name, clientIP(ctx))
	if err != nil {
		return nil, err
	}
	return &struct{ Body regionBody }{Body: regionBody(r)}, nil
}

func (h *Handlers) inviteRegionAdmin(ctx context.Context, p authz.Principal, in *inviteRegionAdminInput) (*userOutput, error) {
	return toUserOutput(h.Service.InviteRegionAdmin(ctx, p, in.ID, in.Body.Email, in.Body.DisplayName, clientIP(ctx)))
}
