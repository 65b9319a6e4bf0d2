package testkit

import (
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// Mail is one message the test SMTP server received.
type Mail struct {
	From string
	To   []string
	Data string
}

// Inbox is a real SMTP server for a test, listening on loopback.
type Inbox struct {
	URL  string // smtp://127.0.0.1:port
	mu   sync.Mutex
	got  []Mail
	wait chan struct{}
}

// SMTP starts an SMTP server that keeps every message it receives.
func SMTP(t testing.TB) *Inbox {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	in := &Inbox{URL: "smtp://" + ln.Addr().String(), wait: make(chan struct{}, 100)}
	s := smtp.NewServer(&backend{in: in})
	s.Domain = "localhost"
	s.AllowInsecureAuth = true
	s.ReadTimeout, s.WriteTimeout = 10*time.Second, 10*time.Second
	go func() { _ = s.Serve(ln) }()
	t.Cleanup(func() { _ = s.Close() })
	return in
}

// Next waits for the next message to rcpt and returns it.
func (in *Inbox) Next(t testing.TB, rcpt string, timeout time.Duration) Mail {
	t.Helper()
	deadline := time.After(timeout)
	for {
		in.mu.Lock()
		for i, m := range in.got {
			for _, to := range m.To {
				if strings.EqualFold(to, rcpt) {
					in.got = append(in.got[:i], in.got[i+1:]...)
					in.mu.Unlock()
					return m
				}
			}
		}
		in.mu.Unlock()
		select {
		case <-in.wait:
		case <-deadline:
			t.Fatalf("no mail to %s within %s", rcpt, timeout)
		}
	}
}

type backend struct{ in *Inbox }

func (b *backend) NewSession(*smtp.Conn) (smtp.Session, error) { return &session{in: b.in}, nil }

type session struct {
	in   *Inbox
	from string
	to   []string
}

func (s *session) Mail(from string, _ *smtp.MailOptions) error { s.from = from; return nil }
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error   { s.to = append(s.to, to); return nil }
func (s *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.in.mu.Lock()
	s.in.got = append(s.in.got, Mail{From: s.from, To: s.to, Data: string(b)})
	s.in.mu.Unlock()
	s.in.wait <- struct{}{}
	return nil
}
func (s *session) Reset()        { s.from, s.to = "", nil }
func (s *session) Logout() error { return nil }

// Count is how many messages to rcpt the inbox holds (not yet taken by Next).
func (in *Inbox) Count(rcpt string) int {
	in.mu.Lock()
	defer in.mu.Unlock()
	n := 0
	for _, m := range in.got {
		for _, to := range m.To {
			if strings.EqualFold(to, rcpt) {
				n++
			}
		}
	}
	return n
}
