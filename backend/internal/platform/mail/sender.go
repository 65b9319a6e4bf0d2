// Package mail sends Werkhaven's mail through the configured SMTP relay, by
// way of an outbox: a change and its mail commit together, and a relay that
// is down delays mail, never drops it (River retries the send job).
package mail

import (
	"context"
	"crypto/tls"
	"fmt"
	"mime"
	"net"
	"net/mail"
	"net/url"
	"strings"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
	"github.com/google/uuid"
)

// Message is one plain-text mail.
type Message struct {
	To      string
	ToName  string
	Subject string
	Text    string
}

// Sender delivers messages over SMTP.
type Sender struct {
	url  *url.URL
	from *mail.Address
}

// NewSender parses SMTP_URL (smtp://[user:pass@]host:port uses STARTTLS when
// offered; smtps://host:465 uses TLS from the start) and MAIL_FROM.
func NewSender(smtpURL, from string) (*Sender, error) {
	u, err := url.Parse(smtpURL)
	if err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Host == "" {
		return nil, fmt.Errorf("SMTP_URL must be smtp://host:port or smtps://host:port")
	}
	addr, err := mail.ParseAddress(from)
	if err != nil {
		return nil, fmt.Errorf("MAIL_FROM: %w", err)
	}
	return &Sender{url: u, from: addr}, nil
}

// Send delivers m.
func (s *Sender) Send(ctx context.Context, m Message) error {
	host := s.url.Hostname()
	var (
		c   *smtp.Client
		err error
	)
	dialer := &net.Dialer{Timeout: 10 * time.Second}
	conn, err := dialer.DialContext(ctx, "tcp", s.url.Host)
	if err != nil {
		return fmt.Errorf("smtp dial: %w", err)
	}
	tlsConfig := &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	if s.url.Scheme == "smtps" {
		c = smtp.NewClient(tls.Client(conn, tlsConfig))
	} else {
		c = smtp.NewClient(conn)
	}
	defer c.Close()
	if deadline, ok := ctx.Deadline(); ok {
		c.CommandTimeout = time.Until(deadline)
	}
	if err = c.Hello("werkhaven"); err != nil {
		return fmt.Errorf("smtp hello: %w", err)
	}
	if s.url.Scheme == "smtp" {
		if ok, _ := c.Extension("STARTTLS"); ok {
			// Upgrade: close this client and speak STARTTLS on a new connection.
			_ = c.Close()
			if c, err = smtp.DialStartTLS(s.url.Host, tlsConfig); err != nil {
				return fmt.Errorf("smtp starttls: %w", err)
			}
			defer c.Close()
		}
	}
	if s.url.User != nil {
		pass, _ := s.url.User.Password()
		if err = c.Auth(sasl.NewPlainClient("", s.url.User.Username(), pass)); err != nil {
			return fmt.Errorf("smtp auth: %w", err)
		}
	}
	if err = c.SendMail(s.from.Address, []string{m.To}, strings.NewReader(s.compose(m))); err != nil {
		return fmt.Errorf("smtp send: %w", err)
	}
	return c.Quit()
}

func (s *Sender) compose(m Message) string {
	to := (&mail.Address{Name: m.ToName, Address: m.To}).String()
	domain := s.from.Address[strings.LastIndex(s.from.Address, "@")+1:]
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\n", s.from.String())
	fmt.Fprintf(&b, "To: %s\r\n", to)
	fmt.Fprintf(&b, "Subject: %s\r\n", mime.QEncoding.Encode("utf-8", m.Subject))
	fmt.Fprintf(&b, "Date: %s\r\n", time.Now().UTC().Format(time.RFC1123Z))
	fmt.Fprintf(&b, "Message-ID: <%s@%s>\r\n", uuid.NewString(), domain)
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
	b.WriteString(strings.ReplaceAll(m.Text, "\n", "\r\n"))
	return b.String()
}
