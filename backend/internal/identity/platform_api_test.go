package identity_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

type platformRegion struct {
	ID, Slug, Name, AdminStatus string
}

func platformRegions(b *apptest.Browser) map[string]platformRegion {
	var list struct{ Items []platformRegion }
	b.Call("GET", "/api/v1/regions", "", http.StatusOK, &list)
	out := map[string]platformRegion{}
	for _, r := range list.Items {
		out[r.Slug] = r
	}
	return out
}

// A region goes live without SQL: the platform administrator creates it and
// invites its first admin, who follows the mailed link, sets a password,
// signs in and manages that region, and only that region.
func TestPlatformAdminCreatesARegionAndItsFirstAdminSignsIn(t *testing.T) {
	f := apptest.New(t)
	platform := f.Browser().SignIn(apptest.Platform)

	// The session says who it is: a platform administrator of no region.
	var cur struct {
		User struct{ Role, RegionID string }
	}
	platform.Call("GET", "/api/v1/sessions/current", "", http.StatusOK, &cur)
	if cur.User.Role != "platform" || cur.User.RegionID != "" {
		t.Fatalf("the platform administrator's session: %+v", cur.User)
	}
	if n := f.Count(`SELECT count(*) FROM users WHERE email = ? AND region_id IS NULL AND role = 'platform'`, apptest.Platform); n != 1 {
		t.Fatalf("the seeded platform administrator belongs to a region")
	}

	// It sees every region, with whether each has an admin.
	regions := platformRegions(platform)
	if regions["andere-regio"].AdminStatus != "active" || len(regions) < 2 {
		t.Fatalf("the platform administrator's regions: %+v", regions)
	}

	var region struct{ ID, Slug, Name, AdminStatus string }
	platform.Call("POST", "/api/v1/regions", `{"slug":"holland-rijnland","name":"Holland Rijnland"}`, http.StatusCreated, &region)
	if region.Slug != "holland-rijnland" || region.AdminStatus != "none" {
		t.Fatalf("the new region: %+v", region)
	}
	if n := f.Count(`SELECT count(*) FROM audit_events WHERE action = 'region.created' AND subject_id = ? AND actor_user_id = ? AND region_id = ?`,
		region.ID, f.User[apptest.Platform], region.ID); n != 1 {
		t.Error("creating the region is not audited")
	}

	// Bad input: a duplicate slug, an invalid e-mail address, an unknown region.
	var p apptest.Problem
	resp, body := platform.Do("POST", "/api/v1/regions", `{"slug":"holland-rijnland","name":"Nog een keer"}`)
	_ = json.Unmarshal(body, &p)
	if resp.StatusCode != http.StatusBadRequest || strings.Join(p.Names(), ",") != "slug" || p.InvalidParams[0].Code != "unique" {
		t.Fatalf("a duplicate region: %d %s", resp.StatusCode, body)
	}
	resp, body = platform.Do("POST", "/api/v1/regions/"+region.ID+"/admins", `{"email":"geen-adres","displayName":"Bea Beheer"}`)
	p = apptest.Problem{}
	_ = json.Unmarshal(body, &p)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(strings.Join(p.Names(), ","), "email") {
		t.Fatalf("an invalid e-mail address: %d %s", resp.StatusCode, body)
	}
	if resp, body := platform.Do("POST", "/api/v1/regions/00000000-0000-4000-8000-00000000d1e5/admins", `{"email":"bea@hollandrijnland.example","displayName":"Bea"}`); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("an unknown region: %d %s", resp.StatusCode, body)
	}
	resp, body = platform.Do("POST", "/api/v1/regions/"+region.ID+"/admins", fmt.Sprintf(`{"email":%q,"displayName":"Dubbel"}`, apptest.AmA))
	p = apptest.Problem{}
	_ = json.Unmarshal(body, &p)
	if resp.StatusCode != http.StatusBadRequest || strings.Join(p.Names(), ",") != "email" || p.InvalidParams[0].Code != "unique" {
		t.Fatalf("an e-mail address in use: %d %s", resp.StatusCode, body)
	}
	if n := f.Count(`SELECT count(*) FROM users WHERE region_id = ?`, region.ID); n != 0 {
		t.Fatalf("bad invitations left %d users behind", n)
	}

	// The first admin is invited by mail.
	const bea = "bea@hollandrijnland.example"
	var invited struct{ ID, Role, Status, Email string }
	platform.Call("POST", "/api/v1/regions/"+region.ID+"/admins", fmt.Sprintf(`{"email":%q,"displayName":"Bea Beheer"}`, bea), http.StatusCreated, &invited)
	if invited.Role != "admin" || invited.Status != "invited" || invited.Email != bea {
		t.Fatalf("the invited admin: %+v", invited)
	}
	if st := platformRegions(platform)["holland-rijnland"].AdminStatus; st != "invited" {
		t.Fatalf("admin status after the invitation: %q", st)
	}
	token := f.MailedToken(bea)
	const password = "Zonnebloem-Kade-73"
	accept := fmt.Sprintf(`{"token":%q,"password":%q}`, token, password)
	if resp, body := f.Browser().Do("POST", "/api/v1/invitation-acceptances", accept); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("accept the invitation: %d %s", resp.StatusCode, body)
	}
	// The link works once.
	if resp, body := f.Browser().Do("POST", "/api/v1/invitation-acceptances", accept); resp.StatusCode != http.StatusGone {
		t.Fatalf("a replayed link: %d %s", resp.StatusCode, body)
	}
	admin := f.Browser()
	if resp, body := admin.Do("POST", "/api/v1/sessions", fmt.Sprintf(`{"email":%q,"password":%q}`, bea, password)); resp.StatusCode != http.StatusCreated {
		t.Fatalf("the new admin signs in: %d %s", resp.StatusCode, body)
	}
	admin.RefreshCSRF()
	var own struct{ Items []platformRegion }
	admin.Call("GET", "/api/v1/regions", "", http.StatusOK, &own)
	if len(own.Items) != 1 || own.Items[0].ID != region.ID || own.Items[0].AdminStatus != "" {
		t.Fatalf("the new admin's regions: %+v", own.Items)
	}
	// The new admin runs the region: sets its contact and invites staff.
	admin.Call("PATCH", "/api/v1/regions/"+region.ID, `{"contactEmail":"wsp@hollandrijnland.example"}`, http.StatusOK, nil)
	admin.Call("POST", "/api/v1/users", `{"email":"am@hollandrijnland.example","displayName":"Arie Accountmanager","role":"accountmanager"}`, http.StatusCreated, nil)

	// Once the region has an active admin, the platform administrator can
	// add no one to it.
	if st := platformRegions(platform)["holland-rijnland"].AdminStatus; st != "active" {
		t.Fatalf("admin status after sign-up: %q", st)
	}
	resp, body = platform.Do("POST", "/api/v1/regions/"+region.ID+"/admins", `{"email":"tweede@hollandrijnland.example","displayName":"Tweede"}`)
	p = apptest.Problem{}
	_ = json.Unmarshal(body, &p)
	if resp.StatusCode != http.StatusConflict || p.Code != "regionHasAdmin" {
		t.Fatalf("a second admin by the platform: %d %s", resp.StatusCode, body)
	}

	// Region admins manage their own region only: platform actions are
	// 403, another region's objects 404.
	for _, c := range []struct{ method, path, body string }{
		{"POST", "/api/v1/regions", `{"slug":"eigen-regio","name":"Eigen regio"}`},
		{"POST", "/api/v1/regions/" + region.ID + "/admins", `{"email":"x@example.org","displayName":"X"}`},
	} {
		if resp, body := f.Browser().SignIn(apptest.AdminA).Do(c.method, c.path, c.body); resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s %s by a region admin: %d %s", c.method, c.path, resp.StatusCode, body)
		}
	}
	adminA := f.Browser().SignIn(apptest.AdminA)
	for _, c := range []struct{ method, path, body string }{
		{"PATCH", "/api/v1/regions/" + region.ID, `{"contactPhone":"071 123 45 67"}`},
		{"GET", "/api/v1/regions/" + region.ID + "/service-area", ""},
		{"PUT", "/api/v1/regions/" + region.ID + "/service-area", `{"pc4s":["2311"]}`},
		{"PATCH", "/api/v1/users/" + invited.ID, `{"status":"disabled"}`},
	} {
		if resp, body := adminA.Do(c.method, c.path, c.body); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s %s by another region's admin: %d %s", c.method, c.path, resp.StatusCode, body)
		}
	}
	var list struct{ Items []platformRegion }
	adminA.Call("GET", "/api/v1/regions", "", http.StatusOK, &list)
	if len(list.Items) != 1 || list.Items[0].ID != f.RegionA {
		t.Errorf("a region admin lists other regions: %+v", list.Items)
	}
}

// werkhaven admin create-platform's service: an invited user of no region
// and a link that works once; a bad or used address is refused.
func TestCreatePlatformAdmin(t *testing.T) {
	f := apptest.New(t)
	ctx := testkit.Context(t)
	link, err := f.Identity.CreatePlatformAdmin(ctx, "  Eerste@Platform.Example ", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(link, "https://werkhaven.test/uitnodiging#token=") {
		t.Fatalf("the link: %s", link)
	}
	if n := f.Count(`SELECT count(*) FROM users WHERE email = 'eerste@platform.example' AND role = 'platform' AND region_id IS NULL AND status = 'invited'`); n != 1 {
		t.Fatal("no invited platform administrator")
	}
	if _, err := f.Identity.CreatePlatformAdmin(ctx, "eerste@platform.example", ""); err == nil {
		t.Error("a second platform administrator with the same address")
	}
	if _, err := f.Identity.CreatePlatformAdmin(ctx, "geen adres", ""); err == nil || !strings.Contains(err.Error(), "email") {
		t.Errorf("an invalid address: %v", err)
	}
	token := apptest.TokenInMail.FindStringSubmatch(link)[1]
	accept := fmt.Sprintf(`{"token":%q,"password":"Zonnebloem-Kade-73"}`, token)
	if resp, body := f.Browser().Do("POST", "/api/v1/invitation-acceptances", accept); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("accept: %d %s", resp.StatusCode, body)
	}
	if resp, _ := f.Browser().Do("POST", "/api/v1/invitation-acceptances", accept); resp.StatusCode != http.StatusGone {
		t.Fatalf("a replayed link: %d", resp.StatusCode)
	}
	b := f.Browser()
	if resp, body := b.Do("POST", "/api/v1/sessions", `{"email":"eerste@platform.example","password":"Zonnebloem-Kade-73"}`); resp.StatusCode != http.StatusCreated {
		t.Fatalf("sign in: %d %s", resp.StatusCode, body)
	}
	b.RefreshCSRF()
	b.Call("POST", "/api/v1/regions", `{"slug":"nieuwe-regio","name":"Nieuwe regio"}`, http.StatusCreated, nil)
	// The schema allows no region for this role only, and demands it.
	if err := f.DB.Gorm.Exec(`INSERT INTO users (region_id, email, display_name, role) VALUES (NULL, 'los@example.org', 'Los', 'admin')`).Error; err == nil {
		t.Error("an admin without a region was stored")
	}
	if err := f.DB.Gorm.Exec(`INSERT INTO users (region_id, email, display_name, role) VALUES (?, 'vast@example.org', 'Vast', 'platform')`, f.RegionA).Error; err == nil {
		t.Error("a platform administrator of a region was stored")
	}
}

// A confirmed sign-up tells the region's accountmanagers in the app, and
// by mail as they choose (on by default), besides the queue.
func TestConfirmedSignUpNotifiesTheAccountmanagers(t *testing.T) {
	f := apptest.New(t)
	signUp(f, "notice@despaak.example", nil)
	var list struct {
		Items []struct{ Kind, TitleNL, Link string }
	}
	f.Browser().SignIn(apptest.AmA).Call("GET", "/api/v1/notifications", "", http.StatusOK, &list)
	found := false
	for _, n := range list.Items {
		if n.Kind == "registration_confirmed" && n.Link == "/aanmeldingen" && strings.Contains(n.TitleNL, "Fietsenmakerij De Spaak") {
			found = true
		}
	}
	if !found {
		t.Fatalf("no notice of the confirmed sign-up: %+v", list.Items)
	}
	if n := f.Count(`SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = 'registration_confirmed' AND u.role = 'accountmanager' AND u.region_id = ?`, f.RegionA); n != 2 {
		t.Errorf("%d accountmanagers notified, want the region's 2", n)
	}
	if n := f.Count(`SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = 'registration_confirmed' AND (u.role <> 'accountmanager' OR u.region_id <> ?)`, f.RegionA); n != 0 {
		t.Errorf("%d notices to others than the region's accountmanagers", n)
	}
	if m := f.Inbox.Next(t, apptest.AmA, 20*time.Second); !strings.Contains(strings.ReplaceAll(m.Data, "=\r\n", ""), "aanmeldingen") {
		t.Errorf("the notice's mail has no link to the queue: %s", m.Data)
	}
}
