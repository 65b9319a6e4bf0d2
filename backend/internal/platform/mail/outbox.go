package mail

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/riverqueue/river"
	"gorm.io/gorm"
)

// Recipient is who a mail goes to, read at send time.
type Recipient struct {
	Email       string
	DisplayName string
	Language    string // "nl" (default) or "en"
	// Contact is whom a kandidaat asks their questions: their klantmanager's
	// name and e-mail address (empty for staff and organisation users).
	Contact Contact
}

// Contact is a person a mail names for questions.
type Contact struct{ Name, Email string }

// English says whether r reads mail in English (Dutch is the default).
func (r Recipient) English() bool { return r.Language == "en" }

// ContactLine is the closing line naming r's contact, in r's language ("" without one).
func (r Recipient) ContactLine() string {
	if r.Contact.Name == "" {
		return ""
	}
	if r.English() {
		return fmt.Sprintf("Questions? Your klantmanager is %s. Mail %s, or ask for %s at the municipality.", r.Contact.Name, r.Contact.Email, r.Contact.Name)
	}
	return fmt.Sprintf("Vragen? Uw klantmanager is %s. Mail naar %s, of vraag bij de gemeente naar %s.", r.Contact.Name, r.Contact.Email, r.Contact.Name)
}

// Recipients looks recipients up by id: users by user id (identity
// implements it), a registration's contact by registration id.
type Recipients interface {
	Recipient(ctx context.Context, id string) (Recipient, error)
}

// Template renders one kind of mail from its data.
type Template interface {
	Render(r Recipient, data json.RawMessage) (subject, text string, err error)
}

// Outbox queues mail inside the caller's transaction. The template data,
// which may hold a single-use token, is sealed with AES-GCM and wiped once
// the mail is sent; job arguments carry only the outbox id.
type Outbox struct {
	Jobs Inserter
	key  []byte
}

// Inserter inserts a job in the caller's transaction (jobs.Client).
type Inserter interface {
	InsertTx(ctx context.Context, tx *gorm.DB, args river.JobArgs, opts *river.InsertOpts) error
}

// NewOutbox derives the sealing key from secret (SESSION_SECRET). q may be
// nil for an outbox that only opens sealed mail (the send worker).
func NewOutbox(q Inserter, secret string) *Outbox {
	k := sha256.Sum256([]byte("werkhaven mail outbox|" + secret))
	return &Outbox{Jobs: q, key: k[:]}
}

type outboxRow struct {
	ID     string `gorm:"primaryKey;default:gen_random_uuid()"`
	UserID *string
	// RegistrationID names an organisation registration's contact, who has
	// no account yet (the one other kind of recipient).
	RegistrationID *string
	Template       string
	Sealed         []byte
	CreatedAt      time.Time
	SentAt         *time.Time
}

func (outboxRow) TableName() string { return "mail_outbox" }

// DeleteSent removes mail sent before t from the outbox, in tx (identity's
// hourly cleanup; a sent mail's sealed data is wiped already).
func DeleteSent(ctx context.Context, tx *gorm.DB, t time.Time) error {
	return tx.WithContext(ctx).Exec(`DELETE FROM mail_outbox WHERE sent_at < ?`, t).Error
}

// Record is one mail to a user as the outbox still holds it: the template
// and when it was queued and sent (never its data).
type Record struct {
	Template string
	QueuedAt time.Time
	SentAt   *time.Time
}

// Records lists the mail to userID the outbox holds (sent mail stays 30
// days), newest first, in db.
func Records(ctx context.Context, db *gorm.DB, userID string) ([]Record, error) {
	var rows []outboxRow
	if err := db.WithContext(ctx).Select("template, created_at, sent_at").Where("user_id = ?", userID).Order("created_at DESC").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("mail records: %w", err)
	}
	out := make([]Record, len(rows))
	for i, r := range rows {
		out[i] = Record{Template: r.Template, QueuedAt: r.CreatedAt.UTC(), SentAt: r.SentAt}
	}
	return out, nil
}

// SendArgs is the River job that sends one outbox mail.
type SendArgs struct {
	OutboxID string `json:"outboxId"`
}

// Kind is River's name for the job.
func (SendArgs) Kind() string { return "mail_send" }

// Enqueue queues a mail to userID with template and data, in tx.
func (o *Outbox) Enqueue(ctx context.Context, tx *gorm.DB, userID, template string, data any) error {
	return o.enqueue(ctx, tx, outboxRow{UserID: &userID}, template, data)
}

// EnqueueRegistrant queues a mail to the contact of an organisation
// registration (who has no account yet), in tx.
func (o *Outbox) EnqueueRegistrant(ctx context.Context, tx *gorm.DB, registrationID, template string, data any) error {
	return o.enqueue(ctx, tx, outboxRow{RegistrationID: &registrationID}, template, data)
}

func (o *Outbox) enqueue(ctx context.Context, tx *gorm.DB, r outboxRow, template string, data any) error {
	plain, err := json.Marshal(data)
	if err != nil {
		return fmt.Errorf("mail data: %w", err)
	}
	sealed, err := o.seal(plain)
	if err != nil {
		return err
	}
	r.Template, r.Sealed, r.CreatedAt = template, sealed, time.Now().UTC()
	if err := tx.WithContext(ctx).Create(&r).Error; err != nil {
		return fmt.Errorf("queue mail: %w", err)
	}
	return o.Jobs.InsertTx(ctx, tx, SendArgs{OutboxID: r.ID}, &river.InsertOpts{MaxAttempts: 25})
}

func (o *Outbox) seal(plain []byte) ([]byte, error) {
	gcm, err := o.gcm()
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return gcm.Seal(nonce, nonce, plain, nil), nil
}

func (o *Outbox) open(sealed []byte) ([]byte, error) {
	gcm, err := o.gcm()
	if err != nil {
		return nil, err
	}
	if len(sealed) < gcm.NonceSize() {
		return nil, errors.New("sealed mail data too short")
	}
	return gcm.Open(nil, sealed[:gcm.NonceSize()], sealed[gcm.NonceSize():], nil)
}

func (o *Outbox) gcm() (cipher.AEAD, error) {
	block, err := aes.NewCipher(o.key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// SendWorker sends queued mail. A failing relay makes the job fail; River
// retries with backoff, so mail waits rather than disappears.
type SendWorker struct {
	river.WorkerDefaults[SendArgs]
	DB         *gorm.DB
	Outbox     *Outbox
	Sender     *Sender
	Recipients Recipients
	// Registrants are the contacts of organisation registrations.
	Registrants Recipients
	Templates   map[string]Template
}

// Work sends one mail.
func (w *SendWorker) Work(ctx context.Context, job *river.Job[SendArgs]) error {
	var r outboxRow
	if err := w.DB.WithContext(ctx).First(&r, "id = ?", job.Args.OutboxID).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil // the user or registration was erased meanwhile
		}
		return err
	}
	if r.SentAt != nil {
		return nil
	}
	tpl, ok := w.Templates[r.Template]
	if !ok {
		return river.JobCancel(fmt.Errorf("unknown mail template %q", r.Template))
	}
	plain, err := w.Outbox.open(r.Sealed)
	if err != nil {
		return river.JobCancel(fmt.Errorf("open sealed mail data: %w", err))
	}
	var rcpt Recipient
	if r.RegistrationID != nil {
		rcpt, err = w.Registrants.Recipient(ctx, *r.RegistrationID)
	} else {
		rcpt, err = w.Recipients.Recipient(ctx, *r.UserID)
	}
	if err != nil {
		return err
	}
	subject, text, err := tpl.Render(rcpt, plain)
	if err != nil {
		return river.JobCancel(err)
	}
	if err := w.Sender.Send(ctx, Message{To: rcpt.Email, ToName: rcpt.DisplayName, Subject: subject, Text: text}); err != nil {
		return err
	}
	// The mail is gone: note it even if the job is being cancelled (a
	// shutdown), or its retry would send it again.
	return w.DB.WithContext(context.WithoutCancel(ctx)).Model(&outboxRow{}).Where("id = ?", r.ID).
		Updates(map[string]any{"sent_at": time.Now().UTC(), "sealed": nil}).Error
}
