package mail_test

import (
	"io"
	"net"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

func TestSenderDeliversOverSMTP(t *testing.T) {
	inbox := testkit.SMTP(t)
	s, err := mail.NewSender(inbox.URL, "Werkhaven <noreply@werkhaven.test>")
	if err != nil {
		t.Fatal(err)
	}
	err = s.Send(testkit.Context(t), mail.Message{To: "petra@example.org", ToName: "Petra", Subject: "Uitnodiging — welkom", Text: "Hallo Petra,\nwelkom."})
	if err != nil {
		t.Fatal(err)
	}
	m := inbox.Next(t, "petra@example.org", 5*time.Second)
	for _, want := range []string{"From: \"Werkhaven\" <noreply@werkhaven.test>", "To: \"Petra\" <petra@example.org>", "Subject: =?utf-8?q?", "charset=utf-8", "Hallo Petra,\r\nwelkom."} {
		if !strings.Contains(m.Data, want) {
			t.Errorf("message lacks %q:\n%s", want, m.Data)
		}
	}
}

func TestBadSMTPURL(t *testing.T) {
	for _, u := range []string{"http://mail:25", "smtp://", "::"} {
		if _, err := mail.NewSender(u, "a@b.nl"); err == nil {
			t.Errorf("%q accepted", u)
		}
	}
}

func TestDevInboxShowsMail(t *testing.T) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	inbox, err := mail.StartDevInbox(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer inbox.Close()
	s, _ := mail.NewSender("smtp://"+addr, "noreply@werkhaven.test")
	if err := s.Send(testkit.Context(t), mail.Message{To: "k@example.org", Subject: "Link", Text: "<script>x</script> #token=abc"}); err != nil {
		t.Fatal(err)
	}
	app := fiber.New()
	app.Get("/dev/mail", inbox.Page)
	resp, err := app.Test(httptest.NewRequest("GET", "/dev/mail", nil))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(body), "#token=abc") || strings.Contains(string(body), "<script>x") {
		t.Fatalf("page must show the mail, escaped: %s", body)
	}
}
