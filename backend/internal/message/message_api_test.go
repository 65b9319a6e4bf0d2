package message_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
)

type messageOut struct {
	ID, OrganisationID, OpeningID, OpeningTitle, AuthorName, AuthorSide, Body string
}

type threadOut struct {
	OrganisationID, OrganisationName, OpeningID, OpeningTitle, LastSide string
	Messages                                                            int
}

type notificationsOut struct {
	Items []struct{ Kind, TitleNL, Link string }
}

func latestNotice(b *apptest.Browser) (kind, title, link string) {
	var n notificationsOut
	b.Call(http.MethodGet, "/api/v1/notifications", "", 200, &n)
	if len(n.Items) == 0 {
		return "", "", ""
	}
	return n.Items[0].Kind, n.Items[0].TitleNL, n.Items[0].Link
}

// A werkgever writes its accountmanager, who answers in a vacature's
// thread: each side is notified in-app and by mail, and both see the same
// threads.
func TestConversation(t *testing.T) {
	f := apptest.New(t)
	org := f.Org["Bakkerij De Korenschoof"]
	wg, am := f.Browser().SignIn(apptest.WerkgeverA), f.Browser().SignIn(apptest.AmA)
	openingID := f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	path := "/api/v1/organisations/" + org + "/messages"

	var m messageOut
	wg.Call(http.MethodPost, path, `{"body":"  Kunt u meekijken naar onze vacatures?  "}`, 201, &m)
	if m.Body != "Kunt u meekijken naar onze vacatures?" || m.AuthorSide != "organisation" || m.OpeningID != "" || m.AuthorName == "" {
		t.Fatalf("posted: %+v", m)
	}
	if kind, title, link := latestNotice(am); kind != "message_received" || !strings.Contains(title, "Korenschoof") ||
		link != "/organisaties/"+org+"#berichten" {
		t.Errorf("accountmanager's notification: %s %q %s", kind, title, link)
	}
	if mail := f.Inbox.Next(t, apptest.AmA, 20*time.Second); !strings.Contains(mail.Data, "Korenschoof") || strings.Contains(mail.Data, "meekijken") {
		t.Errorf("mail to the accountmanager names the organisation, never the text: %s", mail.Data)
	}

	f.Advance(time.Minute)
	am.Call(http.MethodPost, path, fmt.Sprintf(`{"body":"Ja, ik bel u morgen.","openingId":%q}`, openingID), 201, &m)
	if m.AuthorSide != "gemeente" || m.OpeningID != openingID || m.OpeningTitle != "Bakker (ochtend)" {
		t.Fatalf("answer: %+v", m)
	}
	if kind, title, link := latestNotice(wg); kind != "message_received" || !strings.Contains(title, "Bakker (ochtend)") ||
		link != "/berichten?onderwerp="+openingID {
		t.Errorf("werkgever's notification: %s %q %s", kind, title, link)
	}
	if kind, _, _ := latestNotice(am); kind != "message_received" || f.Count(`SELECT count(*) FROM notifications WHERE user_id = ? AND kind = 'message_received'`, f.User[apptest.AmA]) != 1 {
		t.Errorf("the writer is not told about their own message")
	}

	var all, general, vacature struct{ Items []messageOut }
	wg.Call(http.MethodGet, path, "", 200, &all)
	wg.Call(http.MethodGet, path+"?thread=algemeen", "", 200, &general)
	am.Call(http.MethodGet, path+"?thread="+openingID, "", 200, &vacature)
	if len(all.Items) != 2 || all.Items[0].AuthorSide != "organisation" || len(general.Items) != 1 || len(vacature.Items) != 1 ||
		vacature.Items[0].Body != "Ja, ik bel u morgen." {
		t.Errorf("threads: all %+v, general %+v, vacature %+v", all.Items, general.Items, vacature.Items)
	}
	for _, b := range []*apptest.Browser{wg, am} {
		var threads struct{ Items []threadOut }
		b.Call(http.MethodGet, "/api/v1/message-threads", "", 200, &threads)
		if len(threads.Items) != 2 || threads.Items[0].OpeningID != openingID || threads.Items[0].LastSide != "gemeente" ||
			threads.Items[1].OpeningID != "" || threads.Items[1].Messages != 1 || threads.Items[0].OrganisationName != "Bakkerij De Korenschoof" {
			t.Errorf("thread list: %+v", threads.Items)
		}
	}
}

// Another organisation's or region's thread is not found; bad input is a
// 400 naming the field, and nothing is stored.
func TestMessagesTenancyAndInput(t *testing.T) {
	f := apptest.New(t)
	org := f.Org["Bakkerij De Korenschoof"]
	path := "/api/v1/organisations/" + org + "/messages"
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	other := f.Browser().SignIn(apptest.Werkgever2)
	otherRegion := f.Browser().SignIn(apptest.WerkgeverB)
	am := f.Browser().SignIn(apptest.AmA)
	otherOpening := f.NewOpening("Logistiek Centrum Nieuwegein", opening.Open)
	wg.Call(http.MethodPost, path, `{"body":"Eerste bericht"}`, 201, nil)

	for _, c := range []struct {
		b            *apptest.Browser
		method, path string
		body         string
	}{
		{other, http.MethodGet, path, ""},
		{other, http.MethodPost, path, `{"body":"Niet van ons"}`},
		{otherRegion, http.MethodGet, path, ""},
		{otherRegion, http.MethodPost, path, `{"body":"Andere regio"}`},
		{am, http.MethodGet, "/api/v1/organisations/" + f.Org["Bedrijf B"] + "/messages", ""},
		{am, http.MethodPost, "/api/v1/organisations/" + f.Org["Bedrijf B"] + "/messages", `{"body":"Andere regio"}`},
	} {
		if resp, body := c.b.Do(c.method, c.path, c.body); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s %s: %d, want 404: %s", c.method, c.path, resp.StatusCode, body)
		}
	}
	for _, c := range []struct{ body, field string }{
		{`{"body":"   "}`, "body"},
		{fmt.Sprintf(`{"body":%q}`, strings.Repeat("a", 2001)), "body"},
		{fmt.Sprintf(`{"body":"Over hun vacature","openingId":%q}`, otherOpening), "openingId"},
	} {
		resp, raw := wg.Do(http.MethodPost, path, c.body)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(raw), `"name":"body.`+c.field+`"`) && !strings.Contains(string(raw), `"name":"`+c.field+`"`) {
			t.Errorf("%.60s: %d %s, want 400 naming %s", c.body, resp.StatusCode, raw, c.field)
		}
	}
	if resp, raw := wg.Do(http.MethodGet, path+"?thread="+otherOpening, ""); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("another organisation's vacature as thread: %d %s", resp.StatusCode, raw)
	}
	if n := f.Count(`SELECT count(*) FROM messages WHERE organisation_id = ?`, org); n != 1 {
		t.Errorf("%d messages stored, want only the first", n)
	}
	var threads struct{ Items []threadOut }
	other.Call(http.MethodGet, "/api/v1/message-threads", "", 200, &threads)
	if len(threads.Items) != 0 {
		t.Errorf("another organisation sees %+v", threads.Items)
	}
}
