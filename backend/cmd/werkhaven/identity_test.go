package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

var unique atomic.Int64

// matrixCase is one operation's expectation: who may call it and a request
// that should succeed for them.
type matrixCase struct {
	allowed []authz.Role // nil with public=true: anyone
	public  bool
	request func(f *fixture) (method, path, body string)
}

func uniq() int64 { return unique.Add(1) }

// matrix lists every operation of the API. A new operation without an
// entry here fails TestAuthorizationMatrix: decide who may call it.
var matrix = map[string]matrixCase{
	"getCurrentSession": {public: true, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/sessions/current", "" }},
	"signIn": {public: true, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/sessions", fmt.Sprintf(`{"email":%q,"password":%q}`, amA, seed.DemoPassword)
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
		return "POST", "/api/v1/users", fmt.Sprintf(`{"email":"nieuw%d@example.org","displayName":"Nieuw","role":"werkgever","organisationId":%q}`, uniq(), f.org["Bakkerij De Korenschoof"])
	}},
	"updateUser": {allowed: []authz.Role{authz.Admin}, request: func(f *fixture) (string, string, string) {
		return "PATCH", "/api/v1/users/" + f.user[kmA], `{"status":"active"}`
	}},
	"listOrganisations": {allowed: []authz.Role{authz.Admin, authz.Accountmanager, authz.Klantmanager, authz.Werkgever, authz.Zorgaanbieder},
		request: func(*fixture) (string, string, string) { return "GET", "/api/v1/organisations", "" }},
	"getOrganisation": {allowed: []authz.Role{authz.Admin, authz.Accountmanager, authz.Klantmanager, authz.Werkgever},
		request: func(f *fixture) (string, string, string) {
			return "GET", "/api/v1/organisations/" + f.org["Bakkerij De Korenschoof"], ""
		}},
	"createOrganisation": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/organisations", fmt.Sprintf(`{"kind":"werkgever","name":"Nieuwe Werkgever","kvkNummer":"%08d","postcode":"3511ab"}`, 10000000+uniq())
	}},
	"updateOrganisation": {allowed: []authz.Role{authz.Admin, authz.Accountmanager, authz.Werkgever, authz.Zorgaanbieder},
		request: func(f *fixture) (string, string, string) {
			return "PATCH", "/api/v1/organisations/" + f.org["Bakkerij De Korenschoof"], `{"sector":"Bakkerij"}`
		}},
	"listContactMoments": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/organisations/" + f.org["Bakkerij De Korenschoof"] + "/contact-moments", ""
	}},
	"addContactMoment": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/organisations/" + f.org["Bakkerij De Korenschoof"] + "/contact-moments", `{"kind":"telefoon","occurredOn":"2025-01-15","note":"Gebeld over de vacature"}`
	}},
	"listRegions": {allowed: []authz.Role{authz.Admin}, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/regions", "" }},
	"createRegion": {allowed: []authz.Role{authz.Admin}, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/regions", fmt.Sprintf(`{"slug":"regio-%d","name":"Regio %d"}`, uniq(), uniq())
	}},
	"listAuditEvents": {allowed: []authz.Role{authz.Admin}, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/audit-events", "" }},
	"listSkills":      {public: true, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/skills?q=heftruck", "" }},
	"listOccupations": {public: true, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/occupations?q=kok", "" }},
	"getPostcode":     {public: true, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/postcodes/3511AB", "" }},
	"listOpenings":    {allowed: openingReaders, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/openings", "" }},
	"getOpening": {allowed: openingReaders, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/openings/" + f.newOpening("Bakkerij De Korenschoof", opening.Open), ""
	}},
	"createOpening": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/openings", f.openingJSON("Bakkerij De Korenschoof", "Bakker")
	}},
	"updateOpening": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "PATCH", "/api/v1/openings/" + f.newOpening("Bakkerij De Korenschoof", opening.Draft), `{"places":3}`
	}},
	"changeOpeningState": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/openings/" + f.newOpening("Bakkerij De Korenschoof", opening.Draft) + "/state-changes", `{"state":"open"}`
	}},
	"requestOpeningReview": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/openings/" + f.newOpening("Bakkerij De Korenschoof", opening.Draft) + "/review-requests", ""
	}},
	"listFairnessHits": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/openings/" + f.newOpening("Bakkerij De Korenschoof", opening.Draft) + "/fairness-hits", ""
	}},
	"checkFairness": {allowed: openingWriters, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/fairness-checks", `{"title":"Jonge collega gezocht"}`
	}},
	"listCandidates": {allowed: caseloadRoles, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/candidates", "" }},
	"createCandidate": {allowed: kmOnly, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/candidates", f.candidateJSON("Nieuwe Kandidaat", "")
	}},
	"getCandidate": {allowed: caseloadRoles, request: func(f *fixture) (string, string, string) { return "GET", "/api/v1/candidates/" + f.myCandidate, "" }},
	"updateCandidateProfile": {allowed: kmOnly, request: func(f *fixture) (string, string, string) {
		return "PUT", "/api/v1/candidates/" + f.myCandidate + "/profile", `{"occupations":[],"skills":[],"experience":"","education":"","languages":[],"drivingLicence":false,"ownTransport":false,"pc4":"3511","days":[],"dayParts":[],"supportNeeds":[],"doelgroepregister":false,"praktijkroute":false,"lksIndicatie":false,"status":"available"}`
	}},
	"getCandidateIdentity": {allowed: kmOnly, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/candidates/" + f.myCandidate + "/identity", ""
	}},
	"updateCandidateIdentity": {allowed: kmOnly, request: func(f *fixture) (string, string, string) {
		return "PUT", "/api/v1/candidates/" + f.newCandidate("Piet", "") + "/identity", `{"name":"Piet Jansen"}`
	}},
	"listCandidateConsents": {allowed: kmOnly, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/candidates/" + f.myCandidate + "/consents", ""
	}},
	"recordCandidateConsent": {allowed: kmOnly, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/candidates/" + f.myCandidate + "/consents", `{"given":true,"method":"klantmanager_papier"}`
	}},
	"requestAvailabilityConfirmation": {allowed: kmOnly, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/candidates/" + f.myCandidate + "/confirmation-requests", ""
	}},
	"eraseCandidate": {allowed: caseloadRoles, request: func(f *fixture) (string, string, string) {
		return "DELETE", "/api/v1/candidates/" + f.newCandidate("Te Wissen", ""), ""
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
		f.bootstrapCandidates()
		return "GET", "/api/v1/openings/" + f.newOpening("Bakkerij De Korenschoof", opening.Open) + "/pool", ""
	}},
	"pinCandidate": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(f *fixture) (string, string, string) {
		f.consentTo(f.myCandidate)
		return "POST", "/api/v1/openings/" + f.newOpening("Bakkerij De Korenschoof", opening.Open) + "/pins", fmt.Sprintf(`{"candidateId":%q}`, f.myCandidate)
	}},
	"unpinCandidate": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(f *fixture) (string, string, string) {
		id := f.newOpening("Bakkerij De Korenschoof", opening.Open)
		must(f.t, f.db.Gorm.Exec(`INSERT INTO pool_pins (opening_id, candidate_id, region_id, pinned_by) VALUES (?, ?, ?, ?)`, id, f.myCandidate, f.regionA, f.user[amA]).Error)
		return "DELETE", "/api/v1/openings/" + id + "/pins/" + f.myCandidate, ""
	}},
	"listFittingOpenings": {allowed: caseloadRoles, request: func(f *fixture) (string, string, string) {
		f.bootstrapCandidates()
		return "GET", "/api/v1/candidates/" + f.myCandidate + "/openings", ""
	}},
	"getPortfolio": {allowed: []authz.Role{authz.Admin, authz.Accountmanager}, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/portfolio", "" }},

	"createInvites": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		c, _ := f.inviteable("Matrix Kandidaat")
		return "POST", "/api/v1/openings/" + f.newOpening("Bakkerij De Korenschoof", opening.Open) + "/invites", fmt.Sprintf(`{"candidateIds":[%q],"message":"Hoi"}`, c)
	}},
	"listOpeningInvites": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/openings/" + f.newOpening("Bakkerij De Korenschoof", opening.Open) + "/invites", ""
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
		return "PUT", "/api/v1/invites/" + f.matrixInvite() + "/intake", fmt.Sprintf(`{"at":%q,"mode":"online"}`, f.clock().Add(time.Hour).Format(time.RFC3339))
	}},
	"createPlacement": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/invites/" + f.matrixInvite() + "/placement", fmt.Sprintf(`{"startDate":%q,"contractType":"vast","hours":24,"hourlyWageCents":1500}`, f.clock().Format(time.DateOnly))
	}},
	"listCandidateInvites": {allowed: caseloadRoles, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/candidates/" + f.myCandidate + "/invites", ""
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
	"getMyPoolAppearances": {allowed: []authz.Role{authz.Kandidaat}, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/me/pool-appearances", "" }},
	"listPlacements":       {allowed: openingWriters, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/placements", "" }},
	"listFollowUps":        {allowed: openingWriters, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/follow-ups?due=true", "" }},
	"answerFollowUp": {allowed: openingWriters, request: func(*fixture) (string, string, string) {
		return "POST", "/api/v1/follow-ups/00000000-0000-0000-0000-000000000001/answer", `{"stillEmployed":true}`
	}},
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
	"createService": {allowed: []authz.Role{authz.Admin}, request: func(*fixture) (string, string, string) { return "POST", "/api/v1/services", intakeJSON }},
	"updateService": {allowed: []authz.Role{authz.Admin}, request: func(f *fixture) (string, string, string) {
		return "PUT", "/api/v1/services/" + f.matrixService(), intakeJSON
	}},
	"listServiceSlots": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "GET", "/api/v1/services/" + f.matrixService() + "/slots", ""
	}},
	"createBooking": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"organisationId":%q,"startsAt":%q}`, f.matrixService(), f.org["Bakkerij De Korenschoof"], f.matrixSlot())
	}},
	"listBookings": {allowed: openingWriters, request: func(*fixture) (string, string, string) { return "GET", "/api/v1/bookings", "" }},
	"getBooking":   {allowed: openingWriters, request: func(f *fixture) (string, string, string) { return "GET", "/api/v1/bookings/" + f.matrixBooking(), "" }},
	"changeBookingState": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/bookings/" + f.matrixBooking() + "/state-changes", `{"state":"cancelled"}`
	}},
	"createBookingCheckout": {allowed: openingWriters, request: func(f *fixture) (string, string, string) {
		return "POST", "/api/v1/bookings/" + f.matrixBooking() + "/checkouts", ""
	}},
	"recordDeliveredHours": {allowed: []authz.Role{authz.Admin, authz.Accountmanager, authz.Zorgaanbieder}, request: func(f *fixture) (string, string, string) {
		return "PUT", "/api/v1/bookings/" + f.matrixBooking() + "/delivered-hours", `{"hours":1}`
	}},
	"receiveStripeWebhook": {public: true, request: func(*fixture) (string, string, string) { return "POST", "/api/v1/stripe/webhook", `{}` }},
}

// matrixService is the region's free intake service (made once per fixture).
func (f *fixture) matrixService() string {
	if f.matrixServiceID == "" {
		f.matrixServiceID = f.service(intakeJSON)
	}
	return f.matrixServiceID
}

// matrixSlot is a fresh free slot of the matrix service.
func (f *fixture) matrixSlot() string {
	f.matrixSlots++
	loc := amsterdamTZ(f.t)
	d := f.clock().In(loc).AddDate(0, 0, 1+f.matrixSlots/8)
	return time.Date(d.Year(), d.Month(), d.Day(), 9+f.matrixSlots%8, 0, 0, 0, loc).UTC().Format(time.RFC3339)
}

// matrixBooking is a fresh booking of the bakery by the region's admin.
func (f *fixture) matrixBooking() string {
	var b bookingJSON
	f.browser().signIn(adminA).call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"organisationId":%q,"startsAt":%q}`,
		f.matrixService(), f.org["Bakkerij De Korenschoof"], f.matrixSlot()), http.StatusCreated, &b)
	return b.ID
}

// matrixInvite is a fresh invite of the Korenschoof bakery to a new
// candidate of klantmanager De Vries, made by the region's admin.
func (f *fixture) matrixInvite() string {
	f.t.Helper()
	c, _ := f.inviteable("Matrix Uitnodiging")
	p := authz.Principal{UserID: f.user[adminA], RegionID: f.regionA, Role: authz.Admin}
	list, err := f.invites.Create(authz.WithPrincipal(testkit.Context(f.t), p), p, f.newOpening("Bakkerij De Korenschoof", opening.Open), []string{c}, "Hoi", "")
	must(f.t, err)
	return list[0].ID
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
	f := newFixture(t)
	var doc struct {
		Paths map[string]map[string]map[string]any `json:"paths"`
	}
	must(t, json.Unmarshal(f.openAPI, &doc))
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

	signIn := map[authz.Role]func() *browser{
		authz.Admin:          func() *browser { return f.browser().signIn(adminA) },
		authz.Accountmanager: func() *browser { return f.browser().signIn(amA) },
		authz.Klantmanager:   func() *browser { return f.browser().signIn(kmA) },
		authz.Werkgever:      func() *browser { return f.browser().signIn(werkgeverA) },
		authz.Zorgaanbieder:  func() *browser { return f.browser().signIn(zorgA) },
		authz.Kandidaat:      f.kandidaat,
	}
	sessions := map[authz.Role]*browser{}
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
			var b *browser
			switch {
			case role == "":
				b = f.browser()
			case id == "signIn":
				// Signing in replaces the browser's session: use a fresh one.
				b = f.browser()
			case id == "signOut" && role != authz.Kandidaat:
				b = signIn[role]()
			default:
				b = sessions[role]
			}
			method, path, body := c.request(f)
			resp, out := b.do(method, path, body)
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
	f := newFixture(t)
	admin := f.browser().signIn(adminA)
	wg := f.browser().signIn(werkgeverA)
	otherRegionOrg := f.org["Bedrijf B"]
	cases := []struct {
		b            *browser
		method, path string
		body         string
		want         int
	}{
		{admin, "GET", "/api/v1/organisations/" + otherRegionOrg, "", 404},
		{admin, "PATCH", "/api/v1/users/" + f.user[werkgeverB], `{"status":"disabled"}`, 404},
		{wg, "GET", "/api/v1/organisations/" + f.org["Bakkerij De Korenschoof"], "", 200},
		{wg, "GET", "/api/v1/organisations/" + f.org["Logistiek Centrum Nieuwegein"], "", 404},
		{wg, "GET", "/api/v1/organisations/" + otherRegionOrg, "", 404},
		{admin, "POST", "/api/v1/users", fmt.Sprintf(`{"email":"x%d@example.org","displayName":"X","role":"werkgever","organisationId":%q}`, uniq(), otherRegionOrg), 400},
	}
	for _, c := range cases {
		resp, body := c.b.do(c.method, c.path, c.body)
		if resp.StatusCode != c.want {
			t.Errorf("%s %s: %d, want %d: %s", c.method, c.path, resp.StatusCode, c.want, body)
		}
	}
	var list struct {
		Items []struct{ ID string } `json:"items"`
	}
	_, body := wg.do("GET", "/api/v1/organisations", "")
	must(t, json.Unmarshal(body, &list))
	if len(list.Items) != 1 || list.Items[0].ID != f.org["Bakkerij De Korenschoof"] {
		t.Errorf("a werkgever lists only its own organisation: %s", body)
	}
	_, body = admin.do("GET", "/api/v1/users", "")
	if strings.Contains(string(body), werkgeverB) || strings.Contains(string(body), adminB) {
		t.Error("users of another region are listed")
	}
	if n := f.count(`SELECT count(*) FROM users WHERE email = ? AND status = 'active'`, werkgeverB); n != 1 {
		t.Error("the other region's user was changed")
	}
}

func TestSessionRotationAndTimeouts(t *testing.T) {
	f := newFixture(t)
	b := f.browser().signIn(amA)
	first := b.cookies["wh_session"]
	b.signIn(amA)
	second := b.cookies["wh_session"]
	if first == "" || first == second {
		t.Fatal("sign-in must issue a new session id")
	}
	old := f.browser()
	old.cookies["wh_session"] = first
	if resp, _ := old.do("GET", "/api/v1/users", ""); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("the session before sign-in must be dead after it: %d", resp.StatusCode)
	}

	// Idle timeout: 30 minutes without a request ends the session.
	if resp, _ := b.do("GET", "/api/v1/users", ""); resp.StatusCode != 200 {
		t.Fatalf("fresh session: %d", resp.StatusCode)
	}
	f.advance(31 * time.Minute)
	resp, body := b.do("GET", "/api/v1/users", "")
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(string(body), "sessionExpired") {
		t.Fatalf("after 31 idle minutes: %d %s", resp.StatusCode, body)
	}

	// Absolute timeout: 12 hours, however active.
	b = f.browser().signIn(amA)
	for elapsed := time.Duration(0); elapsed < 12*time.Hour-20*time.Minute; elapsed += 20 * time.Minute {
		f.advance(20 * time.Minute)
		if resp, _ := b.do("GET", "/api/v1/users", ""); resp.StatusCode != 200 {
			t.Fatalf("active session died after %s: %d", elapsed+20*time.Minute, resp.StatusCode)
		}
	}
	f.advance(21 * time.Minute)
	if resp, _ := b.do("GET", "/api/v1/users", ""); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("session past 12 hours: %d", resp.StatusCode)
	}

	// Sign out everywhere ends every session of the user.
	one, two := f.browser().signIn(kmA), f.browser().signIn(kmA)
	if resp, _ := one.do("DELETE", "/api/v1/sessions/current?everywhere=true", ""); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("sign out everywhere: %d", resp.StatusCode)
	}
	if resp, _ := two.do("GET", "/api/v1/organisations", ""); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("other session after sign-out everywhere: %d", resp.StatusCode)
	}
}

func TestCSRFIsRequired(t *testing.T) {
	f := newFixture(t)
	b := f.browser().signIn(amA)
	before := f.count(`SELECT count(*) FROM organisations`)
	body := `{"kind":"werkgever","name":"Zonder Token","kvkNummer":"87654321","postcode":"3511 AB"}`
	for _, token := range []string{"", "niet-het-goede-token", f.browser().csrf} {
		b2 := *b
		b2.csrf = token
		resp, out := b2.do("POST", "/api/v1/organisations", body)
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(string(out), `"csrf"`) {
			t.Errorf("token %q: %d %s", token, resp.StatusCode, out)
		}
	}
	anon := f.browser()
	anon.csrf = ""
	if resp, _ := anon.do("POST", "/api/v1/sessions", fmt.Sprintf(`{"email":%q,"password":%q}`, amA, seed.DemoPassword)); resp.StatusCode != http.StatusForbidden {
		t.Errorf("sign-in without CSRF token: %d", resp.StatusCode)
	}
	if after := f.count(`SELECT count(*) FROM organisations`); after != before {
		t.Fatal("a refused request changed data")
	}
	if resp, _ := b.do("POST", "/api/v1/organisations", body); resp.StatusCode != http.StatusCreated {
		t.Fatalf("with the right token: %d", resp.StatusCode)
	}
}

func TestSignInThrottling(t *testing.T) {
	f := newFixture(t)
	b := f.browser()
	wrong := fmt.Sprintf(`{"email":%q,"password":"verkeerd-wachtwoord"}`, amA)
	var firstBody string
	for i := 0; i < 5; i++ {
		resp, body := b.do("POST", "/api/v1/sessions", wrong)
		if resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d %s", i+1, resp.StatusCode, body)
		}
		firstBody = string(body)
	}
	// The answer for an unknown e-mail is the same as for a wrong password.
	_, unknown := f.browser().do("POST", "/api/v1/sessions", `{"email":"bestaat-niet@example.org","password":"verkeerd-wachtwoord"}`)
	if stripVolatile(string(unknown)) != stripVolatile(firstBody) {
		t.Errorf("unknown e-mail answers differently:\n%s\n%s", unknown, firstBody)
	}
	resp, body := b.do("POST", "/api/v1/sessions", fmt.Sprintf(`{"email":%q,"password":%q}`, amA, seed.DemoPassword))
	if resp.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("6th attempt: %d %s", resp.StatusCode, body)
	}
	ra := resp.Header.Get("Retry-After")
	if ra == "" || ra == "0" {
		t.Fatalf("429 without Retry-After")
	}
	// Per account: another IP is throttled for the same account too.
	if resp, _ := f.browser().do("POST", "/api/v1/sessions", wrong); resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("account throttle from another IP: %d", resp.StatusCode)
	}
	if n := f.count(`SELECT count(*) FROM audit_events WHERE action = 'session.sign_in' AND outcome = 'denied'`); n < 1 {
		t.Error("throttled attempts are audited")
	}
	f.advance(16 * time.Minute)
	b.signIn(amA)

	// Per IP: five failures on different accounts from one IP block that IP.
	ip := f.browser()
	for i := 0; i < 5; i++ {
		ip.do("POST", "/api/v1/sessions", fmt.Sprintf(`{"email":"iemand%d@example.org","password":"verkeerd-wachtwoord"}`, i))
	}
	if resp, _ := ip.do("POST", "/api/v1/sessions", fmt.Sprintf(`{"email":%q,"password":%q}`, kmA, seed.DemoPassword)); resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("IP throttle: %d", resp.StatusCode)
	}
}

func stripVolatile(s string) string {
	var m map[string]any
	_ = json.Unmarshal([]byte(s), &m)
	delete(m, "requestId")
	b, _ := json.Marshal(m)
	return string(b)
}

func TestTokensAreSingleUse(t *testing.T) {
	f := newFixture(t)
	// Password reset.
	b := f.browser()
	if resp, _ := b.do("POST", "/api/v1/password-resets", fmt.Sprintf(`{"email":%q}`, kmA)); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("request reset: %d", resp.StatusCode)
	}
	token := f.mailedToken(kmA)
	// The worker wipes the sealed data right after the relay accepted the mail.
	deadline := time.Now().Add(5 * time.Second)
	for f.count(`SELECT count(*) FROM mail_outbox WHERE sealed IS NOT NULL`) != 0 {
		if time.Now().After(deadline) {
			t.Fatal("sent mail keeps its sealed token")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if n := f.count(`SELECT count(*) FROM river_job WHERE args::text LIKE ?`, "%"+token+"%"); n != 0 {
		t.Error("a token leaked into job arguments")
	}
	reset := fmt.Sprintf(`{"token":%q,"password":"Nieuw-Wachtwoord-Kade-9"}`, token)
	if resp, body := b.do("POST", "/api/v1/password-reset-confirmations", reset); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("reset: %d %s", resp.StatusCode, body)
	}
	if resp, _ := b.do("POST", "/api/v1/password-reset-confirmations", reset); resp.StatusCode != http.StatusGone {
		t.Fatalf("reused reset token: %d", resp.StatusCode)
	}
	if resp, _ := f.browser().do("POST", "/api/v1/sessions", fmt.Sprintf(`{"email":%q,"password":%q}`, kmA, seed.DemoPassword)); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("old password after reset: %d", resp.StatusCode)
	}
	if resp, _ := f.browser().do("POST", "/api/v1/sessions", fmt.Sprintf(`{"email":%q,"password":"Nieuw-Wachtwoord-Kade-9"}`, kmA)); resp.StatusCode != http.StatusCreated {
		t.Fatalf("new password: %d", resp.StatusCode)
	}
	// An expired reset token.
	b.do("POST", "/api/v1/password-resets", fmt.Sprintf(`{"email":%q}`, amA))
	late := f.mailedToken(amA)
	f.advance(61 * time.Minute)
	if resp, _ := b.do("POST", "/api/v1/password-reset-confirmations", fmt.Sprintf(`{"token":%q,"password":"Nieuw-Wachtwoord-Kade-9"}`, late)); resp.StatusCode != http.StatusGone {
		t.Fatalf("expired reset token: %d", resp.StatusCode)
	}
	// A common password is refused and leaves the token usable.
	b.do("POST", "/api/v1/password-resets", fmt.Sprintf(`{"email":%q}`, amA))
	tok := f.mailedToken(amA)
	resp, body := b.do("POST", "/api/v1/password-reset-confirmations", fmt.Sprintf(`{"token":%q,"password":"password1234"}`, tok))
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "commonPassword") {
		t.Fatalf("common password: %d %s", resp.StatusCode, body)
	}

	// Invitation by an admin, accepted once.
	admin := f.browser().signIn(adminA)
	resp, body = admin.do("POST", "/api/v1/users", `{"email":"Nieuwe.Collega@Example.org","displayName":"Nieuwe Collega","role":"klantmanager"}`)
	if resp.StatusCode != http.StatusCreated || !strings.Contains(string(body), `"invited"`) {
		t.Fatalf("invite: %d %s", resp.StatusCode, body)
	}
	inv := f.mailedToken("nieuwe.collega@example.org")
	accept := fmt.Sprintf(`{"token":%q,"password":"Collega-Wachtwoord-42"}`, inv)
	if resp, body := b.do("POST", "/api/v1/invitation-acceptances", accept); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("accept: %d %s", resp.StatusCode, body)
	}
	if resp, _ := b.do("POST", "/api/v1/invitation-acceptances", accept); resp.StatusCode != http.StatusGone {
		t.Fatalf("reused invitation: %d", resp.StatusCode)
	}
	if resp, _ := f.browser().do("POST", "/api/v1/sessions", `{"email":"NIEUWE.COLLEGA@example.org","password":"Collega-Wachtwoord-42"}`); resp.StatusCode != http.StatusCreated {
		t.Fatalf("invited user signs in (e-mail case-insensitive): %d", resp.StatusCode)
	}

	// Magic link: once.
	k := f.browser()
	k.do("POST", "/api/v1/magic-links", fmt.Sprintf(`{"email":%q}`, kandidaatA))
	magic := f.mailedToken(kandidaatA)
	if resp, _ := k.do("POST", "/api/v1/magic-link-sessions", fmt.Sprintf(`{"token":%q}`, magic)); resp.StatusCode != http.StatusCreated {
		t.Fatalf("magic link: %d", resp.StatusCode)
	}
	if resp, _ := f.browser().do("POST", "/api/v1/magic-link-sessions", fmt.Sprintf(`{"token":%q}`, magic)); resp.StatusCode != http.StatusGone {
		t.Fatalf("reused magic link: %d", resp.StatusCode)
	}
	// A kandidaat has no staff access.
	if resp, _ := k.do("GET", "/api/v1/organisations", ""); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("kandidaat lists organisations: %d", resp.StatusCode)
	}
}

func TestAuditLogIsAppendOnlyAndClean(t *testing.T) {
	f := newFixture(t)
	f.browser().signIn(amA)
	f.browser().do("POST", "/api/v1/sessions", fmt.Sprintf(`{"email":%q,"password":"geheim-wachtwoord-123"}`, amA))
	if n := f.count(`SELECT count(*) FROM audit_events WHERE action = 'session.sign_in'`); n < 2 {
		t.Fatalf("sign-in and failed sign-in are audited: %d", n)
	}
	if n := f.count(`SELECT count(*) FROM audit_events WHERE details::text ILIKE '%geheim%' OR details::text ILIKE '%Demo-Werkhaven%'`); n != 0 {
		t.Fatal("a password reached the audit log")
	}
	for _, stmt := range []string{`UPDATE audit_events SET action = 'x.y'`, `DELETE FROM audit_events`, `TRUNCATE audit_events`} {
		if err := f.db.Gorm.Exec(stmt).Error; err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: want refusal, got %v", stmt, err)
		}
	}
	admin := f.browser().signIn(adminA)
	resp, body := admin.do("GET", "/api/v1/audit-events?action=session.sign_in&limit=1", "")
	var page struct {
		Items      []map[string]any `json:"items"`
		NextCursor string           `json:"nextCursor"`
	}
	must(t, json.Unmarshal(body, &page))
	if resp.StatusCode != 200 || len(page.Items) != 1 || page.NextCursor == "" {
		t.Fatalf("first page: %d %s", resp.StatusCode, body)
	}
	_, body2 := admin.do("GET", "/api/v1/audit-events?action=session.sign_in&limit=1&cursor="+page.NextCursor, "")
	if string(body2) == string(body) || !strings.Contains(string(body2), "session.sign_in") {
		t.Fatalf("second page: %s", body2)
	}
	if resp, _ := admin.do("GET", "/api/v1/audit-events?limit=500", ""); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("limit over 200: %d", resp.StatusCode)
	}
}

func TestRoleEscalationIsRefused(t *testing.T) {
	f := newFixture(t)
	am := f.browser().signIn(amA)
	resp, _ := am.do("POST", "/api/v1/users", `{"email":"stiekem@example.org","displayName":"Stiekem","role":"admin"}`)
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("accountmanager invites an admin: %d", resp.StatusCode)
	}
	if n := f.count(`SELECT count(*) FROM audit_events WHERE action = 'user.invite' AND outcome = 'denied'`); n != 1 {
		t.Errorf("escalation attempt audited: %d", n)
	}
	if n := f.count(`SELECT count(*) FROM users WHERE email = 'stiekem@example.org'`); n != 0 {
		t.Fatal("escalation created a user")
	}
	wg := f.browser().signIn(werkgeverA)
	if resp, _ := wg.do("PATCH", "/api/v1/users/"+f.user[werkgeverA], `{"role":"admin"}`); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("werkgever sets own role: %d", resp.StatusCode)
	}
	admin := f.browser().signIn(adminA)
	if resp, _ := admin.do("PATCH", "/api/v1/users/"+f.user[adminA], `{"role":"klantmanager"}`); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("admin changes own role: %d", resp.StatusCode)
	}
	if resp, body := admin.do("PATCH", "/api/v1/users/"+f.user[werkgeverA], `{"role":"accountmanager"}`); resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("organisation user made staff: %d %s", resp.StatusCode, body)
	}
	// Disabling ends sessions and blocks sign-in, with the generic answer.
	if resp, body := admin.do("PATCH", "/api/v1/users/"+f.user[werkgeverA], `{"status":"disabled"}`); resp.StatusCode != 200 {
		t.Fatalf("disable: %d %s", resp.StatusCode, body)
	}
	if resp, _ := wg.do("GET", "/api/v1/organisations", ""); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("disabled user's session: %d", resp.StatusCode)
	}
	if resp, _ := f.browser().do("POST", "/api/v1/sessions", fmt.Sprintf(`{"email":%q,"password":%q}`, werkgeverA, seed.DemoPassword)); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("disabled user signs in: %d", resp.StatusCode)
	}
	if n := f.count(`SELECT count(*) FROM audit_events WHERE action = 'user.status_changed'`); n != 1 {
		t.Errorf("status change audited: %d", n)
	}
}

func TestAdminBadInput(t *testing.T) {
	f := newFixture(t)
	admin := f.browser().signIn(adminA)
	cases := []struct{ path, body, field, code string }{
		{"/api/v1/users", `{"email":"geen-email","displayName":"X","role":"klantmanager"}`, "email", "format"},
		{"/api/v1/users", fmt.Sprintf(`{"email":%q,"displayName":"X","role":"klantmanager"}`, strings.ToUpper(kmA)), "email", "unique"},
		{"/api/v1/users", `{"email":"a@example.org","displayName":"X","role":"werkgever"}`, "organisationId", "required"},
		{"/api/v1/users", `{"email":"a@example.org","displayName":"X","role":"kandidaat"}`, "role", "enum"},
		{"/api/v1/organisations", `{"kind":"werkgever","name":"X BV","kvkNummer":"1234","postcode":"3511 AB"}`, "kvkNummer", "pattern"},
		{"/api/v1/organisations", `{"kind":"werkgever","name":"X BV","kvkNummer":"11112222","postcode":"0123 AB"}`, "postcode", "pattern"},
		{"/api/v1/organisations", `{"kind":"werkgever","name":"Dubbel","kvkNummer":"12345670","postcode":"3511 AB"}`, "kvkNummer", "unique"},
		{"/api/v1/organisations", `{"kind":"werkgever","name":"Nergens BV","kvkNummer":"11113333","postcode":"1009 AB"}`, "postcode", "unknown"},
		{"/api/v1/regions", `{"slug":"demo","name":"Dubbel"}`, "slug", "unique"},
	}
	for _, c := range cases {
		resp, body := admin.do("POST", c.path, c.body)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), fmt.Sprintf(`"name":%q`, c.field)) || !strings.Contains(string(body), fmt.Sprintf(`"code":%q`, c.code)) {
			t.Errorf("POST %s %s: %d %s", c.path, c.body, resp.StatusCode, body)
		}
	}
}
