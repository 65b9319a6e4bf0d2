// Package notification is every role's in-app list of what happened (with
// an unread count) and the mail that goes with the kinds that matter to a
// user. Domains call Notify inside their own transaction, so a change and
// its notifications commit together; the mail goes through the outbox.
// Notifications hold no personal data of candidates: a public code at most.
package notification

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
)

// Kind is what a notification is about.
type Kind string

// The kinds, and whether they are mailed unless the user says otherwise.
const (
	InviteCreated       Kind = "invite_created"
	InviteApproval      Kind = "invite_approval"
	InviteAccepted      Kind = "invite_accepted"
	InviteDeclined      Kind = "invite_declined"
	InviteExpired       Kind = "invite_expired"
	DisclosureWithdrawn Kind = "disclosure_withdrawn"
	AdviceAdded         Kind = "advice_added"
	IntakePlanned       Kind = "intake_planned" // to the kandidaat: when and where the werkgever wants to talk
	Placed              Kind = "placed"
	FollowUpDue         Kind = "follow_up_due"
	PlacementEnded      Kind = "placement_ended"
	// The steps of a booking (package booking): requested (to the
	// accountmanager who approves it, or the provider who confirms it),
	// approved and refused (to the organisation), paid (to the provider),
	// confirmed, started and completed (to the organisation), cancelled (to
	// the provider, and to the organisation when someone else cancelled).
	BookingRequested Kind = "booking_requested"
	BookingApproved  Kind = "booking_approved"
	BookingRefused   Kind = "booking_refused"
	BookingPaid      Kind = "booking_paid"
	BookingConfirmed Kind = "booking_confirmed"
	BookingStarted   Kind = "booking_started"
	BookingCompleted Kind = "booking_completed"
	BookingCancelled Kind = "booking_cancelled"
	// BookingPaymentDue: a booking to pay, with its deadline, and the
	// reminder before that deadline lapses; a month of a trajectory due.
	BookingPaymentDue Kind = "booking_payment_due"
	// BookingUpdate: anything else about a booking (it expired unpaid).
	BookingUpdate Kind = "booking_update"
	// PaymentIssue: a payment that did not pay its booking (wrong amount or
	// currency, a refund that failed), for the region's admins.
	PaymentIssue Kind = "payment_issue"
	// LKSUpdate: a step of an LKS application (applied, assessed, decided,
	// re-indexed), for the organisation and its accountmanager.
	LKSUpdate Kind = "lks_update"
	// SubsidyDeadline: a subsidy deadline coming up, a decision waiting 4
	// weeks, a loonwaarde to re-assess.
	SubsidyDeadline Kind = "subsidy_deadline"
	// ThankYou: a werkgever or kandidaat thanks the klantmanager or
	// accountmanager credited with a placement.
	ThankYou Kind = "thank_you"
	// MessageReceived: a message in Berichten from the other side (the
	// organisation or its accountmanager).
	MessageReceived Kind = "message_received"
	// BookingConsent: a kandidaat agreed, or not, to share their details
	// with the provider of a booking, or stopped sharing.
	BookingConsent Kind = "booking_consent"
	// RegistrationConfirmed: an organisation confirmed its sign-up and
	// waits in the region's queue, for the region's accountmanagers.
	RegistrationConfirmed Kind = "registration_confirmed"
)

// MailByDefault are the kinds mailed unless a user turns them off.
var MailByDefault = map[Kind]bool{InviteCreated: true, InviteApproval: true, InviteAccepted: true, InviteDeclined: true, InviteExpired: false,
	DisclosureWithdrawn: true, AdviceAdded: false, IntakePlanned: true, Placed: true, FollowUpDue: true, PlacementEnded: true,
	BookingRequested: true, BookingApproved: true, BookingRefused: true, BookingPaid: true, BookingConfirmed: true, BookingStarted: false,
	BookingCompleted: true, BookingCancelled: true, BookingPaymentDue: true, BookingUpdate: false, PaymentIssue: true, LKSUpdate: true, SubsidyDeadline: true, ThankYou: true, MessageReceived: true, BookingConsent: true,
	RegistrationConfirmed: true}

// Kinds lists every kind, for settings.
var Kinds = []Kind{InviteCreated, InviteApproval, InviteAccepted, InviteDeclined, InviteExpired, DisclosureWithdrawn, AdviceAdded, IntakePlanned, Placed, FollowUpDue,
	PlacementEnded, BookingRequested, BookingApproved, BookingRefused, BookingPaid, BookingConfirmed, BookingStarted, BookingCompleted, BookingCancelled,
	BookingPaymentDue, BookingUpdate, PaymentIssue, LKSUpdate, SubsidyDeadline, ThankYou, MessageReceived, BookingConsent, RegistrationConfirmed}

// Notice is one notification to one or more users.
type Notice struct {
	Kind    Kind
	TitleNL string
	TitleEN string
	// Link is a path in the front end, e.g. /uitnodigingen/{id}.
	Link string
}

// Service stores notifications and queues their mail.
type Service struct {
	DB      *gorm.DB
	Outbox  *mail.Outbox
	BaseURL string
	Now     func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

type row struct {
	ID        string `gorm:"primaryKey;default:gen_random_uuid()"`
	UserID    string
	Kind      string
	TitleNL   string `gorm:"column:title_nl"`
	TitleEN   string `gorm:"column:title_en"`
	Link      string
	CreatedAt time.Time
	ReadAt    *time.Time
}

func (row) TableName() string { return "notifications" }

// MailTemplate is the template name of a notification mail.
const MailTemplate = "notification"

// Notify stores n for every user in userIDs (duplicates and empty ids are
// skipped) and queues a mail for those who want this kind by mail, all in tx.
func (s *Service) Notify(ctx context.Context, tx *gorm.DB, n Notice, userIDs ...string) error {
	var ids []string
	for _, id := range userIDs {
		if id != "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	now := s.now()
	rows := make([]row, len(ids))
	for i, id := range ids {
		rows[i] = row{UserID: id, Kind: string(n.Kind), TitleNL: n.TitleNL, TitleEN: n.TitleEN, Link: n.Link, CreatedAt: now}
	}
	if err := tx.WithContext(ctx).Create(&rows).Error; err != nil {
		return fmt.Errorf("store notifications: %w", err)
	}
	var differ []string
	if err := tx.WithContext(ctx).Raw(`SELECT user_id::text FROM notification_settings WHERE kind = ? AND user_id IN ? AND mail = ?`,
		string(n.Kind), ids, !MailByDefault[n.Kind]).Scan(&differ).Error; err != nil {
		return err
	}
	for _, id := range ids {
		// differ lists the users whose choice is not the default.
		if MailByDefault[n.Kind] == slices.Contains(differ, id) {
			continue
		}
		if err := s.Outbox.Enqueue(ctx, tx, id, MailTemplate, mailData{TitleNL: n.TitleNL, TitleEN: n.TitleEN, Link: n.Link}); err != nil {
			return err
		}
	}
	return nil
}

// Item is a stored notification.
type Item struct {
	ID               string
	Kind             Kind
	TitleNL, TitleEN string
	Link             string
	CreatedAt        time.Time
	Read             bool
	ReadAt           *time.Time
}

func (r row) toItem() Item {
	return Item{ID: r.ID, Kind: Kind(r.Kind), TitleNL: r.TitleNL, TitleEN: r.TitleEN, Link: r.Link, CreatedAt: r.CreatedAt, Read: r.ReadAt != nil, ReadAt: r.ReadAt}
}

// List returns a user's latest 50 notifications and the unread count.
func (s *Service) List(ctx context.Context, userID string) ([]Item, int, error) {
	var rows []row
	if err := s.DB.WithContext(ctx).Where("user_id = ?", userID).Order("created_at DESC, id").Limit(50).Find(&rows).Error; err != nil {
		return nil, 0, err
	}
	var unread int64
	if err := s.DB.WithContext(ctx).Model(&row{}).Where("user_id = ? AND read_at IS NULL", userID).Count(&unread).Error; err != nil {
		return nil, 0, err
	}
	out := make([]Item, len(rows))
	for i, r := range rows {
		out[i] = r.toItem()
	}
	return out, int(unread), nil
}

// All returns every notification of a user, newest first, in db (for a
// kandidaat's overview of their data).
func (s *Service) All(ctx context.Context, db *gorm.DB, userID string) ([]Item, error) {
	var rows []row
	if err := db.WithContext(ctx).Where("user_id = ?", userID).Order("created_at DESC, id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]Item, len(rows))
	for i, r := range rows {
		out[i] = r.toItem()
	}
	return out, nil
}

// MarkRead marks the user's notifications ids (all when ids is empty) read.
func (s *Service) MarkRead(ctx context.Context, userID string, ids []string) error {
	q := s.DB.WithContext(ctx).Model(&row{}).Where("user_id = ? AND read_at IS NULL", userID)
	if len(ids) > 0 {
		q = q.Where("id IN ?", ids)
	}
	return q.Update("read_at", s.now()).Error
}

// Setting is whether one kind is mailed to a user.
type Setting struct {
	Kind Kind
	Mail bool
}

// Settings returns the user's mail choice for every kind.
func (s *Service) Settings(ctx context.Context, userID string) ([]Setting, error) {
	var stored []struct {
		Kind string
		Mail bool
	}
	if err := s.DB.WithContext(ctx).Raw(`SELECT kind, mail FROM notification_settings WHERE user_id = ?`, userID).Scan(&stored).Error; err != nil {
		return nil, err
	}
	out := make([]Setting, len(Kinds))
	for i, k := range Kinds {
		out[i] = Setting{Kind: k, Mail: MailByDefault[k]}
		for _, st := range stored {
			if st.Kind == string(k) {
				out[i].Mail = st.Mail
			}
		}
	}
	return out, nil
}

// SetMail stores the user's mail choices.
func (s *Service) SetMail(ctx context.Context, userID string, settings []Setting) error {
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for _, st := range settings {
			if err := tx.Exec(`INSERT INTO notification_settings (user_id, kind, mail) VALUES (?, ?, ?)
				ON CONFLICT (user_id, kind) DO UPDATE SET mail = EXCLUDED.mail`, userID, string(st.Kind), st.Mail).Error; err != nil {
				return err
			}
		}
		return nil
	})
}

type mailData struct {
	TitleNL string `json:"titleNl"`
	TitleEN string `json:"titleEn"`
	Link    string `json:"link"`
}

// Template renders a notification mail in the recipient's language (Dutch
// unless they chose English): the title, a link into Werkhaven (sign-in
// first) and, for a kandidaat, whom to ask.
type Template struct{ BaseURL string }

// Render satisfies mail.Template.
func (t Template) Render(r mail.Recipient, raw json.RawMessage) (string, string, error) {
	var d mailData
	if err := json.Unmarshal(raw, &d); err != nil {
		return "", "", err
	}
	link := strings.TrimRight(t.BaseURL, "/") + d.Link
	var body string
	subject := d.TitleNL
	if r.English() {
		subject = d.TitleEN
		body = fmt.Sprintf("Dear %s,\n\n%s\n\nSee it in Werkhaven:\n%s\n\nYou get this mail because you chose to get this kind of message by mail. You can change that under Meldingen (notifications).",
			r.DisplayName, d.TitleEN, link)
	} else {
		body = fmt.Sprintf("Beste %s,\n\n%s\n\nBekijk het in Werkhaven:\n%s\n\nU krijgt deze mail omdat u dit soort berichten per mail wilt ontvangen. Dat past u aan onder Meldingen.",
			r.DisplayName, d.TitleNL, link)
	}
	if line := r.ContactLine(); line != "" {
		body += "\n\n" + line
	}
	return subject, body + "\n\nWerkhaven\n", nil
}
