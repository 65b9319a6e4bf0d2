package app_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// matrixCase is one operation's expectation: who may call it and a request
// that should succeed for them.
type matrixCase struct {
	allowed []authz.Role // nil with public=true: anyone
	public  bool
	request func(f *fixture) (method, path, body string)
}

// matrix lists every operation of the API. A new operation without an
// entry here fails TestAuthorizationMatrix: decide who may call it.
// fixture is a whole Werkhaven with the objects the matrix's requests need,
// made on first use.
type fixture struct {
	*apptest.Fixture
	serviceID string // the region's free intake service
	slots     int    // slots of it taken so far
}

// orgAndStaff are every role but the kandidaat.
var orgAndStaff = []authz.Role{authz.Admin, authz.Accountmanager, authz.Klantmanager, authz.Werkgever, authz.Zorgaanbieder}

// occupationPair is two occupations no relation names yet.
func (f *fixture) occupationPair() (string, string) {
	var ids []string
	apptest.Must(f.T, f.DB.Gorm.Raw(`SELECT id FROM occupations ORDER BY id OFFSET ? LIMIT 2`, 2*apptest.Uniq()%3000).Scan(&ids).Error)
	return ids[0], ids[1]
}

// confirmedRegistration is a new sign-up of region A, confirmed by its contact.
func (f *fixture) confirmedRegistration() string {
	var id string
	n := apptest.Uniq()
	apptest.Must(f.T, f.DB.Gorm.Raw(`INSERT INTO organisation_registrations (region_id, status, kind, name, kvk_number, postcode, house_number, sector, size,
		contact_name, contact_email, contact_phone, token_expires_at, confirmed_at)
		VALUES (?, 'confirmed', 'werkgever', ?, ?, '3511 AB', '1', 'Horeca', '1-9', 'M. Atrix', ?, '030 111 22 33', now(), now()) RETURNING id::text`,
		f.RegionA, fmt.Sprintf("Matrix %d", n), fmt.Sprintf("%08d", 30000000+n), fmt.Sprintf("matrix-reg%d@example.org", n)).Row().Scan(&id))
	return id
}

var matrix = map[string]matrixCase{
	"createSubsidyEstimate": {allowed: authz.RegionRoles, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/subsidy-estimates", `{"scheme":"lks","date":"2026-01-15","hoursPerWeek":36,"wageValuePercent":60,"fullTimeHours":36}`
	}},
	"listSubsidyParameters": {allowed: orgAndStaff, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/subsidy-parameters", "" }},
	"createSubsidyParameter": {allowed: []authz.Role{authz.Admin}, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/subsidy-parameters", fmt.Sprintf(`{"key":"wml_month","validFrom":%q,"value":250000,"source":"Matrix"}`,
			time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(apptest.Uniq())).Format(time.DateOnly))
	}},
	"updateSubsidyParameter": {allowed: []authz.Role{authz.Admin}, request: func(f *fixture) (string, string, string) {
		return "PATCH", "/api/v1/subsidy-parameters/" + f.subsidyPeriod(), `{"source":"Matrix: gewijzigd"}`
	}},
	"deleteSubsidyParameter": {allowed: []authz.Role{authz.Admin}, request: func(f *fixture) (string, string, string) {
		return "DELETE", "/api/v1/subsidy-parameters/" + f.subsidyPeriod(), ""
	}},
	"getCurrentSession": {public: true, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/sessions/current", "" }},
	"signIn": {public: true, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/sessions", fmt.Sprintf(`{"email":%q,"password":%q}`, apptest.AmA, seed.DemoPassword)
	}},
	"signOut": {allowed: authz.AllRoles, request: func(*fixture) (string, string, string) { return "DELETE", "/api/v1/sessions/current", "" }},
	"requestPasswordReset": {public: true, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/password-resets", `{"email":"niemand@example.org"}`
	}},
	"resetPassword": {public: true, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/password-reset-confirmations", `{"token":"ongeldig-token-ongeldig-token","password":"Zonnebloem-Kade-73"}`
	}},
	"acceptInvitation": {public: true, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/invitation-acceptances", `{"token":"ongeldig-token-ongeldig-token","password":"Zonnebloem-Kade-73"}`
	}},
	"requestMagicLink": {public: true, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/magic-links", `{"email":"niemand@example.org"}`
	}},
	"signInWithMagicLink": {public: true, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/magic-link-sessions", `{"token":"ongeldig-token-ongeldig-token"}`
	}},
	"listUsers": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/users", "" }},
	"inviteUser": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/users", fmt.Sprintf(`{"email":"nieuw%d@example.org","displayName":"Nieuw","role":"werkgever","organisationId":%q}`, apptest.Uniq(), f.Org["Bakkerij De Korenschoof"])
	}},
	"updateUser": {allowed: []authz.Role{authz.Admin}, request: func(f *fixture) (string, string, string) {
		return "PATCH", "/api/v1/users/" + f.User[apptest.KmA], `{"status":"active"}`
	}},
	"listOrganisations": {allowed: []authz.Role{authz.Admin, authz.Accountmanager, authz.Klantmanager, authz.Werkgever, authz.Zorgaanbieder},
		request: func(*fixture) (string, string, string) { return "GET", "/api/v1/organisations", "" }},
	"getOrganisation": {allowed: []authz.Role{authz.Admin, authz.Accountmanager, authz.Klantmanager, authz.Werkgever},
		request: func(f *fixture) (string, string, string) {
			return "GET", "/api/v1/organisations/" + f.Org["Bakkerij De Korenschoof"], ""
		}},
	"createOrganisation": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/organisations", fmt.Sprintf(`{"kind":"werkgever","name":"Nieuwe Werkgever","kvkNummer":"%08d","postcode":"3511ab"}`, 10000000+apptest.Uniq())
	}},
	"updateOrganisation": {allowed: []authz.Role{authz.Admin, authz.Accountmanager, authz.Werkgever, authz.Zorgaanbieder},
		request: func(f *fixture) (string, string, string) {
			return "PATCH", "/api/v1/organisations/" + f.Org["Bakkerij De Korenschoof"], `{"sector":"Bakkerij"}`
		}},
	"listMessageThreads": {allowed: []authz.Role{authz.Werkgever, authz.Zorgaanbieder, authz.Accountmanager}, request: func(*fixture) (string, string, string) {
		return "GET", "/api/v1/message-threads", ""
	}},
	"listMessages": {allowed: []authz.Role{authz.Werkgever, authz.Accountmanager}, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/organisations/" + f.Org["Bakkerij De Korenschoof"] + "/messages", ""
	}},
	"postMessage": {allowed: []authz.Role{authz.Werkgever, authz.Accountmanager}, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/organisations/" + f.Org["Bakkerij De Korenschoof"] + "/messages", `{"body":"Matrix"}`
	}},
	"listContactMoments": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/organisations/" + f.Org["Bakkerij De Korenschoof"] + "/contact-moments", ""
	}},
	"addContactMoment": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/organisations/" + f.Org["Bakkerij De Korenschoof"] + "/contact-moments", `{"kind":"telefoon","occurredOn":"2025-01-15","note":"Gebeld over de vacature"}`
	}},
	"listRegions": {allowed: []authz.Role{authz.Admin, authz.Platform}, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/regions", "" }},
	"createRegion": {allowed: []authz.Role{authz.Platform}, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/regions", fmt.Sprintf(`{"slug":"regio-%d","name":"Regio %d"}`, apptest.Uniq(), apptest.Uniq())
	}},
	"inviteRegionAdmin": {allowed: []authz.Role{authz.Platform}, request: func(f *fixture) (string, string, string) {
		var id string
		n := apptest.Uniq()
		apptest.Must(f.T, f.DB.Gorm.Raw(`INSERT INTO regions (slug, name) VALUES (?, ?) RETURNING id::text`, fmt.Sprintf("nieuw-%d", n), fmt.Sprintf("Nieuw %d", n)).Row().Scan(&id))
		return "POST", "/api/v1/regions/" + id + "/admins", fmt.Sprintf(`{"email":"eerste%d@example.org","displayName":"Eerste Beheerder"}`, n)
	}},
	"createOrganisationRegistration": {public: true, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/organisation-registrations", fmt.Sprintf(`{"kind":"werkgever","name":"Matrix BV","kvkNummer":"12121212","postcode":"3511 AB",
			"houseNumber":"1","sector":"Horeca","size":"1-9","contactName":"M. Atrix","contactEmail":"matrix%d@example.org","contactPhone":"030 111 22 33"}`, apptest.Uniq())
	}},
	"confirmOrganisationRegistration": {public: true, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/organisation-registration-confirmations", `{"token":"ongeldig-token-ongeldig-token"}`
	}},
	"listRegionContacts": {public: true, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/region-contacts", "" }},
	"updateRegion": {allowed: []authz.Role{authz.Admin}, request: func(f *fixture) (string, string, string) {
		return "PATCH", "/api/v1/regions/" + f.RegionA, `{"contactPhone":"030 123 45 67"}`
	}},
	"getRegionServiceArea": {allowed: []authz.Role{authz.Admin}, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/regions/" + f.RegionA + "/service-area", ""
	}},
	"replaceRegionServiceArea": {allowed: []authz.Role{authz.Admin}, request: func(f *fixture) (string, string, string) {
		return "PUT", "/api/v1/regions/" + f.RegionA + "/service-area", `{"pc4s":["3511","3512"]}`
	}},
	"listOrganisationRegistrations": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(*fixture) (string, string, string) {
		return "GET", "/api/v1/organisation-registrations", ""
	}},
	"approveOrganisationRegistration": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/organisation-registrations/" + f.confirmedRegistration() + "/approvals", `{}`
	}},
	"declineOrganisationRegistration": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/organisation-registrations/" + f.confirmedRegistration() + "/declines", `{"reason":"Matrix"}`
	}},
	"getOrganisationFirstSteps": {allowed: []authz.Role{authz.Admin, authz.Accountmanager, authz.Werkgever}, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/organisations/" + f.Org["Bakkerij De Korenschoof"] + "/first-steps", ""
	}},
	"listColleagues": {allowed: []authz.Role{authz.Admin, authz.Accountmanager, authz.Werkgever}, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/organisations/" + f.Org["Bakkerij De Korenschoof"] + "/users", ""
	}},
	"inviteColleague": {allowed: []authz.Role{authz.Admin, authz.Accountmanager, authz.Werkgever}, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/organisations/" + f.Org["Bakkerij De Korenschoof"] + "/users", fmt.Sprintf(`{"email":"collega%d@example.org","displayName":"Collega"}`, apptest.Uniq())
	}},
	"removeColleague": {allowed: []authz.Role{authz.Admin, authz.Accountmanager, authz.Werkgever}, request: func(f *fixture) (string, string, string) {
		var id string
		apptest.Must(f.T, f.DB.Gorm.Raw(`INSERT INTO users (region_id, organisation_id, email, display_name, role, status) VALUES (?, ?, ?, 'Weg', 'werkgever', 'invited') RETURNING id::text`,
			f.RegionA, f.Org["Bakkerij De Korenschoof"], fmt.Sprintf("weg%d@example.org", apptest.Uniq())).Row().Scan(&id))
		return "DELETE", "/api/v1/organisations/" + f.Org["Bakkerij De Korenschoof"] + "/users/" + id, ""
	}},
	"listAuditEvents":       {allowed: []authz.Role{authz.Admin}, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/audit-events", "" }},
	"getAuditFilterOptions": {allowed: []authz.Role{authz.Admin}, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/audit-filter-options", "" }},
	"listSkills":            {public: true, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/skills?q=heftruck", "" }},
	"listOccupations":       {public: true, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/occupations?q=kok", "" }},
	"listRelatedOccupations": {allowed: orgAndStaff, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/occupations/" + f.OccupationID("bakkerijmedewerker") + "/related-occupations", ""
	}},
	"listPoolEstimates": {allowed: orgAndStaff, request: func(f *fixture) (string, string, string) {
		f.BootstrapCandidates()
		return "GET", "/api/v1/pool-estimates?occupationIds=" + f.OccupationID("bakker") + "&postcode=3511AB&maxTravelKm=10&kind=vacature", ""
	}},
	"listOccupationRelations": {allowed: authz.Staff, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/occupation-relations", "" }},
	"createOccupationRelation": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(f *fixture) (string, string, string) {
		a, b := f.occupationPair()
		return "POST", "/api/v1/occupation-relations", fmt.Sprintf(`{"occupationId":%q,"relatedOccupationId":%q,"action":"add"}`, a, b)
	}},
	"deleteOccupationRelation": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(f *fixture) (string, string, string) {
		a, b := f.occupationPair()
		var id string
		apptest.Must(f.T, f.DB.Gorm.Raw(`INSERT INTO occupation_relations (region_id, occupation_a, occupation_b, action, created_by)
			SELECT ?, ?, ?, 'add', id FROM users WHERE email = ? RETURNING id::text`, f.RegionA, min(a, b), max(a, b), apptest.AmA).Row().Scan(&id))
		return "DELETE", "/api/v1/occupation-relations/" + id, ""
	}},
	"getPostcode":  {public: true, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/postcodes/3511AB", "" }},
	"listOpenings": {allowed: openingReaders, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/openings", "" }},
	"getOpening": {allowed: openingReaders, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/openings/" + f.NewOpening("Bakkerij De Korenschoof", opening.Open), ""
	}},
	"createOpening": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/openings", f.OpeningJSON("Bakkerij De Korenschoof", "Bakker")
	}},
	"updateOpening": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "PATCH", "/api/v1/openings/" + f.NewOpening("Bakkerij De Korenschoof", opening.Draft), `{"places":3}`
	}},
	"changeOpeningState": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/openings/" + f.NewOpening("Bakkerij De Korenschoof", opening.Draft) + "/state-changes", `{"state":"open"}`
	}},
	"requestOpeningReview": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/openings/" + f.NewOpening("Bakkerij De Korenschoof", opening.Draft) + "/review-requests", ""
	}},
	"listFairnessHits": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/openings/" + f.NewOpening("Bakkerij De Korenschoof", opening.Draft) + "/fairness-hits", ""
	}},
	"checkFairness": {allowed: openingWriters, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/fairness-checks", `{"title":"Jonge collega gezocht"}`
	}},
	"listCandidates": {allowed: caseloadRoles, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/candidates", "" }},
	"createCandidate": {allowed: kmOnly, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/candidates", f.CandidateJSON("Nieuwe Kandidaat", "")
	}},
	"getCandidate": {allowed: caseloadRoles, request: func(f *fixture) (string, string, string) { return "GET", "/api/v1/candidates/" + f.MyCandidate, "" }},
	"updateCandidateProfile": {allowed: kmOnly, request: func(f *fixture) (string, string, string) {
		return "PUT", "/api/v1/candidates/" + f.MyCandidate + "/profile", `{"occupations":[],"skills":[],"experience":"","education":"","languages":[],"drivingLicence":false,"ownTransport":false,"pc4":"3511","days":[],"dayParts":[],"supportNeeds":[],"doelgroepregister":false,"praktijkroute":false,"lksIndicatie":false,"status":"available"}`
	}},
	"getCandidateIdentity": {allowed: kmOnly, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/candidates/" + f.MyCandidate + "/identity", ""
	}},
	"updateCandidateIdentity": {allowed: kmOnly, request: func(f *fixture) (string, string, string) {
		return "PUT", "/api/v1/candidates/" + f.NewCandidate("Piet", "") + "/identity", `{"name":"Piet Jansen"}`
	}},
	"listCandidateConsents": {allowed: kmOnly, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/candidates/" + f.MyCandidate + "/consents", ""
	}},
	"recordCandidateConsent": {allowed: kmOnly, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/candidates/" + f.MyCandidate + "/consents", `{"given":true,"method":"klantmanager_papier"}`
	}},
	"confirmCandidateAvailability": {allowed: kmOnly, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/candidates/" + f.MyCandidate + "/availability-confirmations", `{"how":"telefoon"}`
	}},
	"requestAvailabilityConfirmation": {allowed: kmOnly, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/candidates/" + f.MyCandidate + "/confirmation-requests", ""
	}},
	"eraseCandidate": {allowed: caseloadRoles, request: func(f *fixture) (string, string, string) {
		return "DELETE", "/api/v1/candidates/" + f.NewCandidate("Te Wissen", ""), ""
	}},
	"confirmAvailability": {public: true, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/availability-confirmations", `{"token":"ongeldig-token-ongeldig-token"}`
	}},
	"getMyProfile": {allowed: kandidaatOnly, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/me/candidate", "" }},
	"confirmMyAvailability": {allowed: kandidaatOnly, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/me/candidate/availability-confirmations", ""
	}},
	"setMyConsent": {allowed: kandidaatOnly, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/me/candidate/consents", `{"given":true}`
	}},
	"exportMyData": {allowed: kandidaatOnly, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/me/candidate/export", "" }},
	"getPool": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		f.BootstrapCandidates()
		return "GET", "/api/v1/openings/" + f.NewOpening("Bakkerij De Korenschoof", opening.Open) + "/pool", ""
	}},
	"pinCandidate": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(f *fixture) (string, string, string) {
		f.ConsentTo(f.MyCandidate)
		return "POST", "/api/v1/openings/" + f.NewOpening("Bakkerij De Korenschoof", opening.Open) + "/pins", fmt.Sprintf(`{"candidateId":%q}`, f.MyCandidate)
	}},
	"unpinCandidate": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(f *fixture) (string, string, string) {
		id := f.NewOpening("Bakkerij De Korenschoof", opening.Open)
		apptest.Must(f.T, f.DB.Gorm.Exec(`INSERT INTO pool_pins (opening_id, candidate_id, region_id, pinned_by) VALUES (?, ?, ?, ?)`, id, f.MyCandidate, f.RegionA, f.User[apptest.AmA]).Error)
		return "DELETE", "/api/v1/openings/" + id + "/pins/" + f.MyCandidate, ""
	}},
	"listFittingOpenings": {allowed: caseloadRoles, request: func(f *fixture) (string, string, string) {
		f.BootstrapCandidates()
		return "GET", "/api/v1/candidates/" + f.MyCandidate + "/openings", ""
	}},
	"getFigures":   {allowed: orgAndStaff, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/figures", "" }},
	"getPortfolio": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/portfolio", "" }},

	"createInvites": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		c, _ := f.Inviteable("Matrix Kandidaat")
		return "POST", "/api/v1/openings/" + f.NewOpening("Bakkerij De Korenschoof", opening.Open) + "/invites", fmt.Sprintf(`{"candidateIds":[%q],"message":"Hoi"}`, c)
	}},
	"listOpeningInvites": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/openings/" + f.NewOpening("Bakkerij De Korenschoof", opening.Open) + "/invites", ""
	}},
	"getInvite": {allowed: []authz.Role{authz.Admin, authz.Accountmanager, authz.Werkgever, authz.Zorgaanbieder, authz.Klantmanager},
		request: func(f *fixture) (string, string, string) { return "GET", "/api/v1/invites/" + f.matrixInvite(), "" }},
	"changeInviteState": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/invites/" + f.matrixInvite() + "/state-changes", `{"state":"withdrawn"}`
	}},
	"getInviteContact": {allowed: []authz.Role{authz.Werkgever, authz.Zorgaanbieder}, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/invites/" + f.matrixInvite() + "/contact", ""
	}},
	"planIntake": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "PUT", "/api/v1/invites/" + f.matrixInvite() + "/intake", fmt.Sprintf(`{"at":%q,"mode":"online"}`, f.Clock().Add(time.Hour).Format(time.RFC3339))
	}},
	"createPlacement": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/invites/" + f.matrixInvite() + "/placement", fmt.Sprintf(`{"startDate":%q,"contractType":"vast","hours":24,"hourlyWageCents":1500}`, f.Clock().Format(time.DateOnly))
	}},
	"listCandidateInvites": {allowed: caseloadRoles, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/candidates/" + f.MyCandidate + "/invites", ""
	}},
	"getInviteSubsidies": {allowed: orgAndStaff, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/invites/" + f.acceptedInvite() + "/subsidies", ""
	}},
	"adviseInvite": {allowed: []authz.Role{authz.Klantmanager}, request: func(f *fixture) (string, string, string) {
		return "PUT", "/api/v1/invites/" + f.matrixInvite() + "/advice", `{"advice":"Doen!"}`
	}},
	"listMyInvites": {allowed: []authz.Role{authz.Kandidaat}, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/me/invites", "" }},
	"getMyInvite":   {allowed: []authz.Role{authz.Kandidaat}, request: func(f *fixture) (string, string, string) { return "GET", "/api/v1/me/invites/" + f.matrixInvite(), "" }},
	"decideMyInvite": {allowed: []authz.Role{authz.Kandidaat}, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/me/invites/" + f.matrixInvite() + "/decision", `{"decision":"decline"}`
	}},
	"withdrawMyDisclosure": {allowed: []authz.Role{authz.Kandidaat}, request: func(f *fixture) (string, string, string) {
		return "DELETE", "/api/v1/me/invites/" + f.matrixInvite() + "/disclosure", ""
	}},
	"viewInviteByLink": {public: true, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/invite-links/views", `{"token":"ongeldig-token-ongeldig-token"}`
	}},
	"decideInviteByLink": {public: true, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/invite-links/decisions", `{"token":"ongeldig-token-ongeldig-token","decision":"accept"}`
	}},
	"listMyBookingConsents": {allowed: []authz.Role{authz.Kandidaat}, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/me/booking-consents", "" }},
	"decideMyBookingConsent": {allowed: []authz.Role{authz.Kandidaat}, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/me/booking-consents/00000000-0000-0000-0000-000000000001/decisions", `{"decision":"agree"}`
	}},
	"viewBookingConsentByLink": {public: true, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/booking-consent-links/views", `{"token":"ongeldig-token-ongeldig-token"}`
	}},
	"decideBookingConsentByLink": {public: true, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/booking-consent-links/decisions", `{"token":"ongeldig-token-ongeldig-token","decision":"agree"}`
	}},
	"getMyPoolAppearances": {allowed: []authz.Role{authz.Kandidaat}, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/me/pool-appearances", "" }},
	"listPlacements":       {allowed: openingWriters, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/placements", "" }},
	"listFollowUps":        {allowed: openingWriters, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/follow-ups?due=true", "" }},
	"answerFollowUp": {allowed: openingWriters, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/follow-ups/00000000-0000-0000-0000-000000000001/answer", `{"stillEmployed":true}`
	}},
	"thankForPlacement": {allowed: []authz.Role{authz.Werkgever, authz.Zorgaanbieder}, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/placements/00000000-0000-0000-0000-000000000001/thank-yous", `{"to":"klantmanager","message":"Dank!"}`
	}},
	"thankMyKlantmanager": {allowed: kandidaatOnly, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/me/invites/" + f.matrixInvite() + "/thank-yous", `{"message":"Dank!"}`
	}},
	"getMyOverview":           {allowed: authz.RegionRoles, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/me/overview", "" }},
	"getMyShare":              {allowed: []authz.Role{authz.Klantmanager, authz.Accountmanager}, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/me/share", "" }},
	"listNotifications":       {allowed: authz.AllRoles, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/notifications", "" }},
	"markNotificationsRead":   {allowed: authz.AllRoles, request: func(*fixture) (string, string, string) { return "POST", "/api/v1/notification-reads", `{}` }},
	"getNotificationSettings": {allowed: authz.AllRoles, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/notification-settings", "" }},
	"updateNotificationSettings": {allowed: authz.AllRoles, request: func(*fixture) (string, string, string) {
		return "PUT", "/api/v1/notification-settings", `{"items":[{"kind":"invite_expired","mail":true}]}`
	}},

	"listServices": {allowed: []authz.Role{authz.Admin, authz.Accountmanager, authz.Klantmanager, authz.Werkgever, authz.Zorgaanbieder},
		request: func(*fixture) (string, string, string) { return "GET", "/api/v1/services", "" }},
	"getService": {allowed: []authz.Role{authz.Admin, authz.Accountmanager, authz.Klantmanager, authz.Werkgever, authz.Zorgaanbieder},
		request: func(f *fixture) (string, string, string) { return "GET", "/api/v1/services/" + f.matrixService(), "" }},
	"createService": {allowed: []authz.Role{authz.Admin}, request: func(*fixture) (string, string, string) { return "POST", "/api/v1/services", apptest.IntakeJSON }},
	"updateService": {allowed: []authz.Role{authz.Admin}, request: func(f *fixture) (string, string, string) {
		return "PUT", "/api/v1/services/" + f.matrixService(), apptest.IntakeJSON
	}},
	"listServiceSlots": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/services/" + f.matrixService() + "/slots", ""
	}},
	"createBooking": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"organisationId":%q,"startsAt":%q}`, f.matrixService(), f.Org["Bakkerij De Korenschoof"], f.matrixSlot())
	}},
	"listInvoices": {allowed: openingWriters, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/invoices", "" }},
	"getInvoice": {allowed: openingWriters, request: func(*fixture) (string, string, string) {
		return "GET", "/api/v1/invoices/00000000-0000-4000-8000-000000000000", ""
	}},
	"listPayouts":  {allowed: []authz.Role{authz.Werkgever, authz.Zorgaanbieder}, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/payouts", "" }},
	"listBookings": {allowed: openingWriters, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/bookings", "" }},
	"getBooking":   {allowed: openingWriters, request: func(f *fixture) (string, string, string) { return "GET", "/api/v1/bookings/" + f.matrixBooking(), "" }},
	"changeBookingState": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/bookings/" + f.matrixBooking() + "/state-changes", `{"state":"cancelled"}`
	}},
	"createBookingCheckout": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/bookings/" + f.matrixBooking() + "/checkouts", ""
	}},
	"createBookingHours": {allowed: []authz.Role{authz.Admin, authz.Accountmanager, authz.Zorgaanbieder}, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/bookings/" + f.matrixBooking() + "/hours", `{"date":"2026-01-05","hours":1}`
	}},
	"createBookingExtension": {allowed: []authz.Role{authz.Admin, authz.Accountmanager, authz.Zorgaanbieder}, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/bookings/" + f.matrixBooking() + "/extensions", `{"hours":2}`
	}},
	"decideBookingExtension": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/bookings/" + f.matrixBooking() + "/extensions/" + unknownID + "/decisions", `{"decision":"approved"}`
	}},
	// LKS applications: an unknown id answers 404 to those allowed, 403 to the rest.
	"createLksApplication": {allowed: openingWriters, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/lks-applications", `{"placementId":"` + unknownID + `"}`
	}},
	"listLksApplications": {allowed: openingWriters, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/lks-applications", "" }},
	"getLksApplication": {allowed: openingWriters, request: func(*fixture) (string, string, string) {
		return "GET", "/api/v1/lks-applications/" + unknownID, ""
	}},
	"recordLksAssessment": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/lks-applications/" + unknownID + "/assessments", `{"wageValuePercent":60,"assessedOn":"2026-01-05"}`
	}},
	"decideLksApplication": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/lks-applications/" + unknownID + "/decisions", `{"decision":"refused","motivation":"Geen loonwaarde."}`
	}},
	"withdrawLksApplication": {allowed: []authz.Role{authz.Werkgever, authz.Zorgaanbieder}, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/lks-applications/" + unknownID + "/withdrawal", ""
	}},
	"receiveStripeWebhook": {public: true, request: func(*fixture) (string, string, string) { return "POST", "/api/v1/stripe/webhook", `{}` }},
}

// unknownID is an id no object has.
const unknownID = "00000000-0000-4000-8000-00000000d1e5"

// matrixService is the region's free intake service (made once per fixture).
func (f *fixture) matrixService() string {
	if f.serviceID == "" {
		f.serviceID = f.Service(apptest.IntakeJSON)
	}
	return f.serviceID
}

// matrixSlot is a fresh free slot of the matrix service.
func (f *fixture) matrixSlot() string {
	f.slots++
	loc := apptest.AmsterdamTZ(f.T)
	d := f.Clock().In(loc).AddDate(0, 0, 1+f.slots/8)
	return time.Date(d.Year(), d.Month(), d.Day(), 9+f.slots%8, 0, 0, 0, loc).UTC().Format(time.RFC3339)
}

// matrixBooking is a fresh booking of the bakery by the region's admin.
func (f *fixture) matrixBooking() string {
	var b apptest.Booking
	f.Browser().SignIn(apptest.AdminA).Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"organisationId":%q,"startsAt":%q}`,
		f.matrixService(), f.Org["Bakkerij De Korenschoof"], f.matrixSlot()), http.StatusCreated, &b)
	return b.ID
}

// subsidyPeriod is a new national minimum-wage period far in the future:
// one an admin may change and delete.
func (f *fixture) subsidyPeriod() string {
	var id string
	apptest.Must(f.T, f.DB.Gorm.Raw(`INSERT INTO subsidy_parameters (key, valid_from, value, source) VALUES ('wml_month', ?, 260000, 'Matrix') RETURNING id::text`,
		time.Date(2060, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(apptest.Uniq()))).Row().Scan(&id))
	return id
}

// matrixInvite is a fresh invite of the Korenschoof bakery to a new
// candidate of klantmanager De Vries, made by the region's admin.
func (f *fixture) matrixInvite() string {
	id, _ := f.newInvite("Matrix Uitnodiging")
	return id
}

// acceptedInvite is such an invite that its kandidaat accepted from the
// mailed link.
func (f *fixture) acceptedInvite() string {
	id, email := f.newInvite("Matrix Ja")
	f.Browser().Call("POST", "/api/v1/invite-links/decisions", fmt.Sprintf(`{"token":%q,"decision":"accept"}`, f.MailedToken(email)), http.StatusOK, nil)
	return id
}

// newInvite invites a new candidate named name as matrixInvite says and
// returns the invite's id and the candidate's e-mail address.
func (f *fixture) newInvite(name string) (id, email string) {
	f.T.Helper()
	c, email := f.Inviteable(name)
	p := authz.Principal{UserID: f.User[apptest.AdminA], RegionID: f.RegionA, Role: authz.Admin}
	list, err := f.Invites.Create(authz.WithPrincipal(testkit.Context(f.T), p), p, f.NewOpening("Bakkerij De Korenschoof", opening.Open), []string{c}, "Hoi", "")
	apptest.Must(f.T, err)
	return list[0].ID, email
}

var (
	caseloadRoles  = []authz.Role{authz.Klantmanager, authz.Admin}
	kmOnly         = []authz.Role{authz.Klantmanager}
	kandidaatOnly  = []authz.Role{authz.Kandidaat}
	openingReaders = []authz.Role{authz.Admin, authz.Accountmanager, authz.Klantmanager, authz.Werkgever, authz.Zorgaanbieder}
	openingWriters = []authz.Role{authz.Admin, authz.Accountmanager, authz.Werkgever, authz.Zorgaanbieder}
)

// TestAuthorizationMatrix walks every operation in the OpenAPI document and
// calls it as every role and anonymously: allowed roles get through the
// guard, others get 403 (401 when not signed in). An operation missing from
// the matrix, or registered without an access rule, fails the test.
func TestAuthorizationMatrix(t *testing.T) {
	f := &fixture{Fixture: apptest.New(t)}
	var doc struct {
		Paths map[string]map[string]map[string]any `json:"paths"`
	}
	apptest.Must(t, json.Unmarshal(f.OpenAPI, &doc))
	seen := map[string]bool{}
	for path, methods := range doc.Paths {
		for method, op := range methods {
			id, _ := op["operationId"].(string)
			seen[id] = true
			if _, ok := op["x-werkhaven-access"]; !ok {
				t.Errorf("%s %s (%s) has no access rule", strings.ToUpper(method), path, id)
			}
			if _, ok := matrix[id]; !ok {
				t.Errorf("operation %s (%s %s) is missing from the authorization matrix", id, strings.ToUpper(method), path)
			}
		}
	}
	for id := range matrix {
		if !seen[id] {
			t.Errorf("matrix names %s, which the API does not have", id)
		}
	}

	signIn := map[authz.Role]func() *apptest.Browser{
		authz.Platform:       func() *apptest.Browser { return f.Browser().SignIn(apptest.Platform) },
		authz.Admin:          func() *apptest.Browser { return f.Browser().SignIn(apptest.AdminA) },
		authz.Accountmanager: func() *apptest.Browser { return f.Browser().SignIn(apptest.AmA) },
		authz.Klantmanager:   func() *apptest.Browser { return f.Browser().SignIn(apptest.KmA) },
		authz.Werkgever:      func() *apptest.Browser { return f.Browser().SignIn(apptest.WerkgeverA) },
		authz.Zorgaanbieder:  func() *apptest.Browser { return f.Browser().SignIn(apptest.ZorgA) },
		authz.Kandidaat:      f.Kandidaat,
	}
	sessions := map[authz.Role]*apptest.Browser{}
	for role, fn := range signIn {
		sessions[role] = fn()
	}
	ids := make([]string, 0, len(matrix))
	for id := range matrix {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	// signOut ends the session it runs in: run it last, on fresh sessions.
	ids = slices.DeleteFunc(ids, func(s string) bool { return s == "signOut" })
	ids = append(ids, "signOut")
	for _, id := range ids {
		c := matrix[id]
		for _, role := range append([]authz.Role{""}, authz.AllRoles...) {
			var b *apptest.Browser
			switch {
			case role == "":
				b = f.Browser()
			case id == "signIn":
				// Signing in replaces the browser's session: use a fresh one.
				b = f.Browser()
			case id == "signOut" && role != authz.Kandidaat:
				b = signIn[role]()
			default:
				b = sessions[role]
			}
			method, path, body := c.request(f)
			resp, out := b.Do(method, path, body)
			name := string(role)
			if name == "" {
				name = "anonymous"
			}
			allowed := c.public || (role != "" && slices.Contains(c.allowed, role))
			switch {
			case allowed && (resp.StatusCode == 401 || resp.StatusCode == 403 || resp.StatusCode == 500):
				t.Errorf("%s as %s: %d, want access: %s", id, name, resp.StatusCode, out)
			case !allowed && role == "" && resp.StatusCode != http.StatusUnauthorized:
				t.Errorf("%s anonymously: %d, want 401", id, resp.StatusCode)
			case !allowed && role != "" && resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusNotFound:
				t.Errorf("%s as %s: %d, want 403 (or 404 for an object out of scope): %s", id, name, resp.StatusCode, out)
			}
		}
	}
}

// Another region's or organisation's object answers 404, never 403.
func TestTenancy(t *testing.T) {
	f := apptest.New(t)
	admin := f.Browser().SignIn(apptest.AdminA)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	otherRegionOrg := f.Org["Bedrijf B"]
	cases := []struct {
		b            *apptest.Browser
		method, path string
		body         string
		want         int
	}{
		{admin, "GET", "/api/v1/organisations/" + otherRegionOrg, "", 404},
		{admin, "PATCH", "/api/v1/users/" + f.User[apptest.WerkgeverB], `{"status":"disabled"}`, 404},
		{wg, "GET", "/api/v1/organisations/" + f.Org["Bakkerij De Korenschoof"], "", 200},
		{wg, "GET", "/api/v1/organisations/" + f.Org["Logistiek Centrum Nieuwegein"], "", 404},
		{wg, "GET", "/api/v1/organisations/" + otherRegionOrg, "", 404},
		{admin, "POST", "/api/v1/users", fmt.Sprintf(`{"email":"x%d@example.org","displayName":"X","role":"werkgever","organisationId":%q}`, apptest.Uniq(), otherRegionOrg), 400},
	}
	for _, c := range cases {
		resp, body := c.b.Do(c.method, c.path, c.body)
		if resp.StatusCode != c.want {
			t.Errorf("%s %s: %d, want %d: %s", c.method, c.path, resp.StatusCode, c.want, body)
		}
	}
	var list struct {
		Items []struct{ ID string } `json:"items"`
	}
	_, body := wg.Do("GET", "/api/v1/organisations", "")
	apptest.Must(t, json.Unmarshal(body, &list))
	if len(list.Items) != 1 || list.Items[0].ID != f.Org["Bakkerij De Korenschoof"] {
		t.Errorf("a werkgever lists only its own organisation: %s", body)
	}
	_, body = admin.Do("GET", "/api/v1/users", "")
	if strings.Contains(string(body), apptest.WerkgeverB) || strings.Contains(string(body), apptest.AdminB) {
		t.Error("users of another region are listed")
	}
	if n := f.Count(`SELECT count(*) FROM users WHERE email = ? AND status = 'active'`, apptest.WerkgeverB); n != 1 {
		t.Error("the other region's user was changed")
	}
}
