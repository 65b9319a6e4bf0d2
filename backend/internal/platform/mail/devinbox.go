package mail

import (
	"fmt"
	"html"
	"io"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/gofiber/fiber/v2"
)

// DevInbox is a development-only SMTP server: it keeps the last 100 mails in
// memory so a local run can follow reset links, invitations and the
// kandidaat's sign-in link at /dev/mail. It never runs in production.
type DevInbox struct {
	mu     sync.Mutex
	mails  []devMail
	server *smtp.Server
}

type devMail struct {
	At   time.Time
	To   []string
	Data string
}

// StartDevInbox listens for SMTP on addr (host:port).
func StartDevInbox(addr string) (*DevInbox, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	d := &DevInbox{}
	d.server = smtp.NewServer(devBackend{d})
	d.server.Domain = "localhost"
	d.server.AllowInsecureAuth = true
	go func() { _ = d.server.Serve(ln) }()
	return d, nil
}

// Close stops the server.
func (d *DevInbox) Close() error { return d.server.Close() }

// Page renders the caught mail, newest first.
func (d *DevInbox) Page(c *fiber.Ctx) error {
	d.mu.Lock()
	mails := append([]devMail(nil), d.mails...)
	d.mu.Unlock()
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Werkhaven: verzonden mail (ontwikkeling)</title></head><body><main>`)
	b.WriteString(`<h1>Verzonden mail (alleen in ontwikkeling)</h1>`)
	if len(mails) == 0 {
		b.WriteString(`<p>Nog geen mail verzonden.</p>`)
	}
	for i := len(mails) - 1; i >= 0; i-- {
		m := mails[i]
		fmt.Fprintf(&b, `<section><h2>%s aan %s</h2><pre>%s</pre></section>`,
			m.At.Format("15:04:05"), html.EscapeString(strings.Join(m.To, ", ")), html.EscapeString(m.Data))
	}
	b.WriteString(`</main></body></html>`)
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.SendString(b.String())
}

type devBackend struct{ d *DevInbox }

func (b devBackend) NewSession(*smtp.Conn) (smtp.Session, error) { return &devSession{d: b.d}, nil }

type devSession struct {
	d  *DevInbox
	to []string
}

func (s *devSession) Mail(string, *smtp.MailOptions) error      { return nil }
func (s *devSession) Rcpt(to string, _ *smtp.RcptOptions) error { s.to = append(s.to, to); return nil }
func (s *devSession) Data(r io.Reader) error {
	data, err := io.ReadAll(io.LimitReader(r, 1<<20))
	if err != nil {
		return err
	}
	s.d.mu.Lock()
	defer s.d.mu.Unlock()
	s.d.mails = append(s.d.mails, devMail{At: time.Now(), To: s.to, Data: string(data)})
	if len(s.d.mails) > 100 {
		s.d.mails = s.d.mails[len(s.d.mails)-100:]
	}
	return nil
}
func (s *devSession) Reset()        { s.to = nil }
func (s *devSession) Logout() error { return nil }
