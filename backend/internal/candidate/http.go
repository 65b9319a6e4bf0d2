package candidate

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

type languageBody struct {
	Code  string `json:"code" enum:"nl,en,ar,tr,pl,ro,bg,es,fr,de,pt,uk,ru,ti,so,fa,prs,ps,zh,other"`
	Level string `json:"level" enum:"A1,A2,B1,B2,C1,C2"`
}

// ProfileBody is the pseudonymous profile, in and out.
type ProfileBody struct {
	Occupations       []string       `json:"occupations" maxItems:"5" doc:"ESCO occupation ids (GET /occupations)"`
	Skills            []string       `json:"skills" maxItems:"40" doc:"Skill ids (GET /skills)"`
	Experience        string         `json:"experience" maxLength:"1000" doc:"Short summary of work experience, written by the klantmanager; never indexed"`
	Education         string         `json:"education" enum:",geen,vmbo,mbo1,mbo2,mbo3,mbo4,havo,vwo,hbo,wo"`
	Languages         []languageBody `json:"languages" maxItems:"10"`
	DrivingLicence    bool           `json:"drivingLicence"`
	OwnTransport      bool           `json:"ownTransport"`
	PC4               string         `json:"pc4" pattern:"^([1-9][0-9]{3})?$" doc:"Postcode area (4 digits); empty: derived from the address"`
	MaxTravelKm       *int           `json:"maxTravelKm,omitempty" minimum:"1" maximum:"150"`
	HoursMin          *int           `json:"hoursMin,omitempty" minimum:"1" maximum:"60"`
	HoursMax          *int           `json:"hoursMax,omitempty" minimum:"1" maximum:"60"`
	Days              []string       `json:"days" maxItems:"7" enum:"ma,di,wo,do,vr,za,zo"`
	DayParts          []string       `json:"dayParts" maxItems:"4" enum:"ochtend,middag,avond,nacht"`
	AvailableFrom     string         `json:"availableFrom,omitempty" format:"date"`
	Rung              *int           `json:"rung,omitempty" minimum:"1" maximum:"6" doc:"Participatieladder 1–6"`
	SupportNeeds      []string       `json:"supportNeeds" maxItems:"8" enum:"jobcoach,aangepaste-werkplek,rustige-werkplek,vaste-structuur,flexibele-uren,vaste-begeleider,opbouw-uren,eenvoudige-instructies" doc:"What helps at work (never a diagnosis)"`
	Doelgroepregister bool           `json:"doelgroepregister"`
	Praktijkroute     bool           `json:"praktijkroute"`
	LKSIndicatie      bool           `json:"lksIndicatie"`
}

func (b ProfileBody) profile() (Profile, error) {
	p := Profile{Occupations: b.Occupations, Skills: b.Skills, Experience: b.Experience, Education: b.Education,
		DrivingLicence: b.DrivingLicence, OwnTransport: b.OwnTransport, PC4: b.PC4, MaxTravelKm: b.MaxTravelKm, HoursMin: b.HoursMin,
		HoursMax: b.HoursMax, Days: b.Days, DayParts: b.DayParts, Rung: b.Rung, SupportNeeds: b.SupportNeeds,
		Doelgroepregister: b.Doelgroepregister, Praktijkroute: b.Praktijkroute, LKSIndicatie: b.LKSIndicatie}
	for _, l := range b.Languages {
		p.Languages = append(p.Languages, Language(l))
	}
	d, err := httpapi.ParseDate("availableFrom", b.AvailableFrom)
	p.AvailableFrom = d
	return p, err
}

func toProfileBody(p Profile) ProfileBody {
	b := ProfileBody{Occupations: p.Occupations, Skills: p.Skills, Experience: p.Experience, Education: p.Education,
		DrivingLicence: p.DrivingLicence, OwnTransport: p.OwnTransport, PC4: p.PC4, MaxTravelKm: p.MaxTravelKm, HoursMin: p.HoursMin,
		HoursMax: p.HoursMax, Days: p.Days, DayParts: p.DayParts, Rung: p.Rung, SupportNeeds: p.SupportNeeds,
		Doelgroepregister: p.Doelgroepregister, Praktijkroute: p.Praktijkroute, LKSIndicatie: p.LKSIndicatie, Languages: []languageBody{}}
	for _, l := range p.Languages {
		b.Languages = append(b.Languages, languageBody(l))
	}
	if p.AvailableFrom != nil {
		b.AvailableFrom = p.AvailableFrom.Format(time.DateOnly)
	}
	return b
}

// CandidateBody is a candidate without personal data (exported: huma
// flattens embedded structs of exported types only).
type CandidateBody struct {
	ID           string      `json:"id" format:"uuid"`
	PublicCode   string      `json:"publicCode" example:"K-7F3A2"`
	Status       string      `json:"status" enum:"available,in_process,placed,paused"`
	Consent      bool        `json:"consent"`
	ConsentAt    *time.Time  `json:"consentAt,omitempty"`
	ConfirmedAt  time.Time   `json:"confirmedAt"`
	ConfirmedVia string      `json:"confirmedVia,omitempty" enum:"kandidaat_link,kandidaat_portaal,klantmanager_gesprek,klantmanager_telefoon,klantmanager_mail" doc:"How availability was last confirmed; absent: at registration"`
	RemindedAt   *time.Time  `json:"remindedAt,omitempty"`
	Freshness    string      `json:"freshness" enum:"fresh,stale,expired" doc:"stale: niet recent bevestigd (90 days); expired: out of pools (180 days)"`
	Completeness int         `json:"completeness" doc:"0–100"`
	Missing      []string    `json:"missing" doc:"Fields to fill in, most useful first"`
	HasAccount   bool        `json:"hasAccount" doc:"The kandidaat has an e-mail address and can sign in"`
	Profile      ProfileBody `json:"profile"`
	// OccupationLabels are the Dutch labels of profile.occupations, in order.
	OccupationLabels []string  `json:"occupationLabels"`
	CreatedAt        time.Time `json:"createdAt"`
	UpdatedAt        time.Time `json:"updatedAt"`
}

func toBody(c Candidate) CandidateBody {
	return CandidateBody{ID: c.ID, PublicCode: c.PublicCode, Status: string(c.Status), Consent: c.Consent, ConsentAt: c.ConsentAt,
		ConfirmedAt: c.ConfirmedAt, ConfirmedVia: c.ConfirmedVia, RemindedAt: c.RemindedAt, Freshness: string(c.Freshness), Completeness: c.Completeness, Missing: c.Missing,
		HasAccount: c.HasAccount, Profile: toProfileBody(c.Profile), OccupationLabels: c.OccupationLabels, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
}

type caseloadEntry struct {
	CandidateBody
	Name string `json:"name" doc:"Personal data: reading the caseload is audited"`
}

type identityBody struct {
	Name     string `json:"name" minLength:"1" maxLength:"200"`
	Email    string `json:"email,omitempty" maxLength:"254"`
	Phone    string `json:"phone,omitempty" maxLength:"20"`
	Street   string `json:"street,omitempty" maxLength:"200" doc:"Street and house number"`
	Postcode string `json:"postcode,omitempty" maxLength:"7"`
	Place    string `json:"place,omitempty" maxLength:"100"`
	Language string `json:"language,omitempty" enum:"nl,en" default:"nl" doc:"Language of mails"`
}

func (b identityBody) identity() Identity { return Identity(b) }

// IDParam is the {id} of a candidate path.
type IDParam struct {
	ID string `path:"id" format:"uuid"`
}

type listInput struct {
	Status     string `query:"status" enum:"available,in_process,placed,paused"`
	Freshness  string `query:"freshness" enum:"fresh,stale,expired"`
	Incomplete bool   `query:"incomplete" doc:"Only profiles less than 80% complete"`
	httpapi.Search
	Sort string `query:"sort" enum:"updatedAt,-updatedAt,confirmedAt,-confirmedAt,code,-code,name,-name,completeness,-completeness" default:"-updatedAt" doc:"Field to sort on; '-' first for descending"`
	httpapi.Paging
	Accept string `header:"Accept" doc:"text/csv: every match (not one page) as CSV for Dutch spreadsheets (';', UTF-8 with BOM); the download is audited"`
}

type createInput struct {
	Body struct {
		Profile  ProfileBody  `json:"profile"`
		Identity identityBody `json:"identity"`
	}
}

type profileInput struct {
	IDParam
	Body struct {
		ProfileBody
		Status string `json:"status" enum:"available,in_process,placed,paused"`
	}
}

type identityInput struct {
	IDParam
	Body identityBody
}

type consentInput struct {
	IDParam
	Body struct {
		Given  bool   `json:"given"`
		Method string `json:"method" enum:"klantmanager_papier,klantmanager_gesprek" doc:"How the kandidaat gave or withdrew consent"`
		Note   string `json:"note,omitempty" maxLength:"500"`
	}
}

type consentBody struct {
	ID             string    `json:"id" format:"uuid"`
	Given          bool      `json:"given"`
	Method         string    `json:"method" enum:"kandidaat_link,kandidaat_portaal,klantmanager_papier,klantmanager_gesprek"`
	Note           string    `json:"note,omitempty"`
	RecordedByName string    `json:"recordedByName,omitempty" doc:"The klantmanager who recorded it; empty when the kandidaat did"`
	RecordedAt     time.Time `json:"recordedAt"`
}

type confirmInput struct {
	Body struct {
		Token   string `json:"token" minLength:"20" maxLength:"100"`
		Consent bool   `json:"consent,omitempty" doc:"Also agree to be found by employers"`
	}
}

type mineBody struct {
	Candidate CandidateBody `json:"candidate"`
	Identity  identityBody  `json:"identity"`
}

type myConsentInput struct {
	Body struct {
		Given bool `json:"given"`
	}
}

func toConsentBody(c Consent) consentBody {
	return consentBody{ID: c.ID, Given: c.Given, Method: c.Method, Note: c.Note, RecordedByName: c.RecordedByName, RecordedAt: c.RecordedAt}
}

type candidateOut struct{ Body CandidateBody }

// toCandidateOut answers the candidate a service call returned, or its error.
func toCandidateOut(c Candidate, err error) (*candidateOut, error) {
	if err != nil {
		return nil, err
	}
	return &candidateOut{Body: toBody(c)}, nil
}

type identityOut struct{ Body identityBody }

func toIdentityOut(id Identity, err error) (*identityOut, error) {
	if err != nil {
		return nil, err
	}
	return &identityOut{Body: identityBody(id)}, nil
}

var (
	klantmanager = authz.Roles(authz.Klantmanager)
	caseload     = authz.Roles(authz.Klantmanager, authz.Admin)
	kandidaat    = authz.Roles(authz.Kandidaat)
)

// handlers are the candidate operations: the klantmanager's caseload, the
// mailed confirmation link and the kandidaat's own portal.
type handlers struct{ s *Service }

// Register adds the candidate operations to api.
func Register(api huma.API, s *Service) {
	h := handlers{s}
	tags := []string{"Kandidaten"}
	authz.Register(api, huma.Operation{OperationID: "listCandidates", Method: http.MethodGet, Path: "/candidates",
		Summary: "Caseload / Caseload", Tags: tags, Errors: []int{400, 429}, Responses: httpapi.CSVResponses(api, httpapi.Paged[caseloadEntry]{}, "One row per candidate: code, name, occupations, status, completeness, freshness, confirmed, consent, updated"),
		Description: "Klantmanagers see their own caseload; admins the region's candidates. Search (q: name, code, occupation), sort and page; Accept: text/csv answers every match as CSV. Names are personal data: every page read and every download is audited."},
		caseload, h.list)
	authz.Register(api, huma.Operation{OperationID: "createCandidate", Method: http.MethodPost, Path: "/candidates", DefaultStatus: http.StatusCreated,
		Summary: "Kandidaat inschrijven / Register a candidate", Tags: tags, Errors: []int{400}},
		klantmanager, h.create)
	authz.Register(api, huma.Operation{OperationID: "getCandidate", Method: http.MethodGet, Path: "/candidates/{id}",
		Summary: "Kandidaat (profiel, zonder persoonsgegevens) / Candidate profile", Tags: tags, Errors: []int{404, 429}},
		caseload, h.get)
	authz.Register(api, huma.Operation{OperationID: "updateCandidateProfile", Method: http.MethodPut, Path: "/candidates/{id}/profile",
		Summary: "Profiel en status wijzigen / Replace profile and status", Tags: tags, Errors: []int{400, 404}},
		klantmanager, h.updateProfile)
	authz.Register(api, huma.Operation{OperationID: "getCandidateIdentity", Method: http.MethodGet, Path: "/candidates/{id}/identity",
		Summary: "Persoonsgegevens (gelogd) / Personal data (audited)", Tags: tags, Errors: []int{404, 429}},
		klantmanager, h.identity)
	authz.Register(api, huma.Operation{OperationID: "updateCandidateIdentity", Method: http.MethodPut, Path: "/candidates/{id}/identity",
		Summary: "Persoonsgegevens wijzigen / Replace personal data", Tags: tags, Errors: []int{400, 404}},
		klantmanager, h.updateIdentity)
	authz.Register(api, huma.Operation{OperationID: "listCandidateConsents", Method: http.MethodGet, Path: "/candidates/{id}/consents",
		Summary: "Toestemmingen / Consent history", Tags: tags, Errors: []int{404}},
		klantmanager, h.consents)
	authz.Register(api, huma.Operation{OperationID: "recordCandidateConsent", Method: http.MethodPost, Path: "/candidates/{id}/consents", DefaultStatus: http.StatusCreated,
		Summary: "Toestemming vastleggen of intrekken / Record consent or its withdrawal", Tags: tags, Errors: []int{400, 404},
		Description: "Withdrawal removes the candidate from search within seconds."},
		klantmanager, h.recordConsent)
	authz.Register(api, huma.Operation{OperationID: "requestAvailabilityConfirmation", Method: http.MethodPost, Path: "/candidates/{id}/confirmation-requests",
		DefaultStatus: http.StatusAccepted, Summary: "Bevestigingslink mailen / Mail a confirmation link", Tags: tags, Errors: []int{404, 409}},
		klantmanager, h.requestConfirmation)
	authz.Register(api, huma.Operation{OperationID: "confirmCandidateAvailability", Method: http.MethodPost, Path: "/candidates/{id}/availability-confirmations",
		Summary: "Profiel bevestigd na contact / Profile confirmed after contact", Tags: tags, Errors: []int{400, 404},
		Description: "The klantmanager went through the profile with the candidate (a conversation, a call or a mail): availability counts as confirmed now, recorded as the klantmanager's (confirmedVia klantmanager_<how>) and in the audit log."},
		klantmanager, h.confirmAfterContact)
	authz.Register(api, huma.Operation{OperationID: "eraseCandidate", Method: http.MethodDelete, Path: "/candidates/{id}", DefaultStatus: http.StatusNoContent,
		Summary: "Gegevens wissen (AVG art. 17) / Erase (GDPR art. 17)", Tags: tags, Errors: []int{404},
		Description: "Deletes the identity and the kandidaat's account, clears free text, ends consent and removes the profile from search. Anonymous statistics stay."},
		caseload, h.erase)
	authz.Register(api, huma.Operation{OperationID: "confirmAvailability", Method: http.MethodPost, Path: "/availability-confirmations", DefaultStatus: http.StatusNoContent,
		Summary: "Beschikbaarheid bevestigen met de link uit de mail / Confirm availability with the mailed link", Tags: tags, Errors: []int{400, 410}},
		authz.PublicRule, h.confirmWithToken)
	authz.Register(api, huma.Operation{OperationID: "getMyProfile", Method: http.MethodGet, Path: "/me/candidate",
		Summary: "Mijn gegevens / My details", Tags: tags, Errors: []int{404}},
		kandidaat, h.mine)
	authz.Register(api, huma.Operation{OperationID: "confirmMyAvailability", Method: http.MethodPost, Path: "/me/candidate/availability-confirmations",
		Summary: "Ik zoek nog werk / I am still looking for work", Tags: tags, Errors: []int{404}},
		kandidaat, h.confirmMine)
	authz.Register(api, huma.Operation{OperationID: "setMyConsent", Method: http.MethodPost, Path: "/me/candidate/consents",
		Summary: "Mijn toestemming geven of intrekken / Give or withdraw my consent", Tags: tags, Errors: []int{404}},
		kandidaat, h.consentMine)
	authz.Register(api, huma.Operation{OperationID: "exportMyData", Method: http.MethodGet, Path: "/me/candidate/export",
		Summary: "Mijn gegevens bekijken en downloaden (AVG art. 15) / See and download my data (GDPR art. 15)", Tags: tags, Errors: []int{404},
		Description: "Everything Werkhaven holds about the signed-in kandidaat, in sections with a title and an explanation, every code with its label and every actor in words, in the caller's language (lang, else Accept-Language). Reading it is audited."},
		kandidaat, h.exportMine)
}

func (h handlers) list(ctx context.Context, p authz.Principal, in *listInput) (*httpapi.ListOrCSV, error) {
	f := Filter{Status: Status(in.Status), Freshness: Freshness(in.Freshness), Incomplete: in.Incomplete, Q: in.Q, Sort: in.Sort}
	if httpapi.WantsCSV(in.Accept) {
		all, err := h.s.ExportCaseload(ctx, p, f, httpapi.ClientIP(ctx))
		if err != nil {
			return nil, err
		}
		return httpapi.CSVFile("caseload", h.s.now(), caseloadCSV(all)), nil
	}
	page, total, err := h.s.List(ctx, p, f, in.Offset(), in.Limit(), httpapi.ClientIP(ctx))
	if err != nil {
		return nil, err
	}
	out := httpapi.PageOf(page, total, in.Paging, func(e Entry) caseloadEntry { return caseloadEntry{CandidateBody: toBody(e.Candidate), Name: e.Name} })
	return &httpapi.ListOrCSV{Body: out.Body}, nil
}

// caseloadCSV is the caseload as a spreadsheet, with Dutch headers.
func caseloadCSV(all []Entry) []byte {
	rows := make([][]string, len(all))
	for i, e := range all {
		consent := "nee"
		if e.Consent {
			consent = "ja"
		}
		rows[i] = []string{e.PublicCode, e.Name, strings.Join(e.OccupationLabels, ", "), statusLabels[string(e.Status)].In("nl"),
			strconv.Itoa(e.Completeness), freshnessLabels[string(e.Freshness)].In("nl"), e.ConfirmedAt.Format(time.DateOnly), consent, e.UpdatedAt.Format(time.DateOnly)}
	}
	return httpapi.CSV([]string{"Code", "Naam", "Beroepen", "Status", "Volledig (%)", "Actueel", "Bevestigd op", "Toestemming", "Gewijzigd op"}, rows)
}

func (h handlers) create(ctx context.Context, p authz.Principal, in *createInput) (*candidateOut, error) {
	prof, err := in.Body.Profile.profile()
	if err != nil {
		return nil, err
	}
	return toCandidateOut(h.s.Create(ctx, p, prof, in.Body.Identity.identity(), httpapi.ClientIP(ctx)))
}

func (h handlers) get(ctx context.Context, p authz.Principal, in *IDParam) (*candidateOut, error) {
	return toCandidateOut(h.s.Get(ctx, p, in.ID))
}

func (h handlers) updateProfile(ctx context.Context, p authz.Principal, in *profileInput) (*candidateOut, error) {
	prof, err := in.Body.profile()
	if err != nil {
		return nil, err
	}
	return toCandidateOut(h.s.UpdateProfile(ctx, p, in.ID, prof, Status(in.Body.Status), httpapi.ClientIP(ctx)))
}

func (h handlers) identity(ctx context.Context, p authz.Principal, in *IDParam) (*identityOut, error) {
	return toIdentityOut(h.s.Identity(ctx, p, in.ID, httpapi.ClientIP(ctx)))
}

func (h handlers) updateIdentity(ctx context.Context, p authz.Principal, in *identityInput) (*identityOut, error) {
	return toIdentityOut(h.s.UpdateIdentity(ctx, p, in.ID, in.Body.identity(), httpapi.ClientIP(ctx)))
}

func (h handlers) consents(ctx context.Context, p authz.Principal, in *IDParam) (*httpapi.ListOut[consentBody], error) {
	list, err := h.s.Consents(ctx, p, in.ID)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(list, toConsentBody), nil
}

func (h handlers) recordConsent(ctx context.Context, p authz.Principal, in *consentInput) (*candidateOut, error) {
	return toCandidateOut(h.s.SetConsent(ctx, p, in.ID, in.Body.Given, in.Body.Method, in.Body.Note, httpapi.ClientIP(ctx)))
}

func (h handlers) requestConfirmation(ctx context.Context, p authz.Principal, in *IDParam) (*struct{}, error) {
	return nil, h.s.RequestConfirmation(ctx, p, in.ID, httpapi.ClientIP(ctx))
}

type confirmAfterContactInput struct {
	IDParam
	Body struct {
		How string `json:"how" enum:"gesprek,telefoon,mail" doc:"How the klantmanager went through the profile with the candidate"`
	}
}

func (h handlers) confirmAfterContact(ctx context.Context, p authz.Principal, in *confirmAfterContactInput) (*candidateOut, error) {
	return toCandidateOut(h.s.ConfirmAfterContact(ctx, p, in.ID, in.Body.How, httpapi.ClientIP(ctx)))
}

func (h handlers) erase(ctx context.Context, p authz.Principal, in *IDParam) (*struct{}, error) {
	return nil, h.s.Erase(ctx, p, in.ID, httpapi.ClientIP(ctx))
}

// confirmWithToken is public: the token from the mail is the credential.
func (h handlers) confirmWithToken(ctx context.Context, _ authz.Principal, in *confirmInput) (*struct{}, error) {
	return nil, h.s.ConfirmWithToken(ctx, in.Body.Token, in.Body.Consent, httpapi.ClientIP(ctx))
}

func (h handlers) mine(ctx context.Context, p authz.Principal, _ *struct{}) (*struct{ Body mineBody }, error) {
	c, id, err := h.s.Mine(ctx, p, httpapi.ClientIP(ctx))
	if err != nil {
		return nil, err
	}
	return &struct{ Body mineBody }{Body: mineBody{Candidate: toBody(c), Identity: identityBody(id)}}, nil
}

func (h handlers) confirmMine(ctx context.Context, p authz.Principal, _ *struct{}) (*candidateOut, error) {
	return toCandidateOut(h.s.ConfirmMine(ctx, p, httpapi.ClientIP(ctx)))
}

func (h handlers) consentMine(ctx context.Context, p authz.Principal, in *myConsentInput) (*candidateOut, error) {
	return toCandidateOut(h.s.ConsentMine(ctx, p, in.Body.Given, httpapi.ClientIP(ctx)))
}
