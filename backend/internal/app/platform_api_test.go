package app_test

import (
	"net/http"
	"regexp"
	"slices"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
)

// platformOperations are the only operations the platform administrator
// may call, each with why it reaches no region's personal data. A new
// operation whose rule lets authz.Platform in fails
// TestPlatformAdminHasNoPersonalData until it is added here.
var platformOperations = map[string]string{
	"signOut":                    "its own session",
	"listNotifications":          "its own notifications (by user id)",
	"markNotificationsRead":      "its own notifications (by user id)",
	"getNotificationSettings":    "its own mail choices (by user id)",
	"updateNotificationSettings": "its own mail choices (by user id)",
	"listRegions":                "each region's name, slug and public desk contact, and whether it has an admin",
	"createRegion":               "a new, empty region",
	"inviteRegionAdmin":          "the first admin of a region that has no active admin (409 once it has one)",
}

var pathParam = regexp.MustCompile(`\{[^}]+\}`)

// TestPlatformAdminHasNoPersonalData walks every operation registered with
// authz (so a new one is covered the moment it exists) and calls it as the
// platform administrator, who belongs to no region: every operation on a
// region's data — candidates, invites, placements, bookings, audit reads,
// exports, pools, messages, organisations, users — answers 403 or 404. The
// request is the authorization matrix's (an object of the demo region),
// else one made from the path with an id no object has. Public operations
// answer it as they answer anyone who is not signed in.
func TestPlatformAdminHasNoPersonalData(t *testing.T) {
	f := &fixture{Fixture: apptest.New(t)}
	platform := f.Browser().SignIn(apptest.Platform)
	if len(f.Operations) < 100 {
		t.Fatalf("only %d operations registered: the registry walk is broken", len(f.Operations))
	}
	seen := map[string]bool{}
	refused := 0
	for _, op := range f.Operations {
		seen[op.ID] = true
		if !op.Registered {
			t.Errorf("%s %s (%s) has no access rule", op.Method, op.Path, op.ID)
			continue
		}
		allowed := slices.Contains(op.Rule.Roles, authz.Platform)
		if _, listed := platformOperations[op.ID]; allowed != listed {
			if allowed {
				t.Errorf("%s lets the platform administrator in: take authz.Platform out of its rule, or add it to platformOperations with why it reaches no region's personal data", op.ID)
			} else {
				t.Errorf("platformOperations names %s, which the platform administrator may not call", op.ID)
			}
			continue
		}
		if allowed || op.ID == "signIn" {
			continue // signIn replaces the session: nothing a stranger cannot do
		}
		method, path, body := op.Method, "/api/v1"+pathParam.ReplaceAllString(op.Path, unknownID), ""
		if c, ok := matrix[op.ID]; ok {
			method, path, body = c.request(f)
		} else if method != http.MethodGet {
			body = "{}"
		}
		resp, out := platform.Do(method, path, body)
		if op.Rule.Public {
			anon, _ := f.Browser().Do(method, path, body)
			if resp.StatusCode != anon.StatusCode && !(resp.StatusCode == http.StatusOK && op.ID == "getCurrentSession") {
				t.Errorf("public %s as the platform administrator: %d, anonymously %d: %s", op.ID, resp.StatusCode, anon.StatusCode, out)
			}
			continue
		}
		if resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s %s as the platform administrator: %d, want 403 or 404: %s", method, path, resp.StatusCode, out)
			continue
		}
		refused++
	}
	for id := range platformOperations {
		if !seen[id] {
			t.Errorf("platformOperations names %s, which the API does not have", id)
		}
	}
	// The walk reached the personal data it is about.
	for _, id := range []string{"listCandidates", "getCandidate", "listAuditEvents", "exportMyData", "getPool", "listMessages", "listPlacements", "listBookings", "listUsers"} {
		if !seen[id] {
			t.Errorf("the registry has no %s: update this list", id)
		}
	}
	t.Logf("%d operations refused to the platform administrator", refused)
	// It read nothing: no audited read or change of region data is its.
	if n := f.Count(`SELECT count(*) FROM audit_events WHERE actor_user_id = ? AND outcome = 'success' AND action <> 'session.sign_in'`, f.User[apptest.Platform]); n != 0 {
		t.Errorf("%d successful audited actions by the platform administrator", n)
	}
}
