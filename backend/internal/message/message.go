// Package message is Berichten: a conversation between an organisation and
// the municipality's accountmanagers, in one general thread per
// organisation and one thread per vacature.
//
// Invariants:
//   - Messages are append-only: never edited or removed.
//   - An organisation's users read and write only their own organisation's
//     threads; accountmanagers those of the organisations in their region.
//     Another tenant's organisation or vacature is not found (404).
//   - A vacature thread names a vacature of the same organisation; any other
//     vacature is bad input.
//   - A message and the notification of the other side (the organisation's
//     accountmanager, or the organisation's active users) commit in one
//     transaction; the mail goes through the outbox. An organisation
//     without an accountmanager cannot write yet (409): nobody would read it.
//   - Message texts are never in logs, job arguments or notifications: the
//     notification names only the organisation and the vacature.
package message

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// MaxLength is the longest message, in characters.
const MaxLength = 2000

// The sides of a conversation.
const (
	SideOrganisation = "organisation"
	SideGemeente     = "gemeente"
)

// Message is one stored message.
type Message struct {
	ID, OrganisationID      string
	OpeningID, OpeningTitle string // empty for the general thread
	AuthorName, AuthorSide  string
	Body                    string
	CreatedAt               time.Time
}

// Thread is one conversation with its latest message.
type Thread struct {
	OrganisationID, OrganisationName string
	OpeningID, OpeningTitle          string // empty for the general thread
	Messages                         int
	LastAt                           time.Time
	LastSide                         string
}

// Notifier stores a notification in the caller's transaction.
type Notifier interface {
	Notify(ctx context.Context, tx *gorm.DB, n notification.Notice, userIDs ...string) error
}

// Organisations is what message asks of identity.
type Organisations interface {
	OrganisationUsers(ctx context.Context, db *gorm.DB, orgID string) ([]string, error)
}

// Service keeps the threads.
type Service struct {
	DB            *gorm.DB
	Notify        Notifier
	Organisations Organisations
	Now           func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

type row struct {
	ID             string `gorm:"primaryKey;default:gen_random_uuid()"`
	RegionID       string
	OrganisationID string
	OpeningID      *string
	AuthorUserID   *string
	AuthorSide     string
	Body           string
	CreatedAt      time.Time
}

func (row) TableName() string { return "messages" }

// org is an organisation as the messages need it.
type org struct {
	ID, Name         string
	AccountmanagerID *string
}

// loadOrganisation scopes orgID to the caller: organisation users their own,
// accountmanagers their region's.
func loadOrganisation(ctx context.Context, db *gorm.DB, p authz.Principal, orgID string) (org, error) {
	q := db.WithContext(ctx).Table("organisation_directory").Select("id::text AS id, name, accountmanager_id::text AS accountmanager_id").
		Where("id = ? AND region_id = ?", orgID, p.RegionID)
	switch {
	case p.Role.IsOrganisationRole():
		q = q.Where("id = ?", p.OrganisationID)
	case p.Role != authz.Accountmanager:
		return org{}, fmt.Errorf("messages: %w", apperr.ErrForbidden)
	}
	var o org
	err := q.Take(&o).Error
	return o, database.Translate(err, "load organisation")
}

// openingTitle is the title of the organisation's vacature id; another
// organisation's or an unknown one is bad input.
func openingTitle(ctx context.Context, db *gorm.DB, orgID, id string) (string, error) {
	var titles []string
	if err := db.WithContext(ctx).Raw(`SELECT title FROM opening_titles WHERE id::text = ? AND organisation_id = ?`, id, orgID).Scan(&titles).Error; err != nil {
		return "", err
	}
	if len(titles) == 0 {
		return "", apperr.Invalid("openingId", "unknown", msg.M("message.openingUnknown"))
	}
	return titles[0], nil
}

// List returns an organisation's messages, oldest first: of one thread when
// thread is "algemeen" or a vacature id, of every thread when it is empty.
func (s *Service) List(ctx context.Context, p authz.Principal, orgID, thread string) ([]Message, error) {
	if _, err := loadOrganisation(ctx, s.DB, p, orgID); err != nil {
		return nil, err
	}
	q := s.DB.WithContext(ctx).Table("messages m").
		Select(`m.id::text AS id, m.organisation_id::text AS organisation_id, coalesce(m.opening_id::text, '') AS opening_id,
			coalesce(o.title, '') AS opening_title, coalesce(u.display_name, '') AS author_name, m.author_side, m.body, m.created_at`).
		Joins("LEFT JOIN opening_titles o ON o.id = m.opening_id").
		Joins("LEFT JOIN user_names u ON u.id = m.author_user_id").
		Where("m.organisation_id = ? AND m.region_id = ?", orgID, p.RegionID)
	switch thread {
	case "":
	case "algemeen":
		q = q.Where("m.opening_id IS NULL")
	default:
		if _, err := openingTitle(ctx, s.DB, orgID, thread); err != nil {
			return nil, err
		}
		q = q.Where("m.opening_id = ?", thread)
	}
	var out []Message
	if err := q.Order("m.created_at, m.id").Limit(1000).Scan(&out).Error; err != nil {
		return nil, err
	}
	for i := range out {
		out[i].CreatedAt = out[i].CreatedAt.UTC()
	}
	return out, nil
}

// Threads are the conversations the caller follows, latest first: an
// organisation user's own organisation's, an accountmanager's portfolio's.
func (s *Service) Threads(ctx context.Context, p authz.Principal) ([]Thread, error) {
	q := s.DB.WithContext(ctx).Table("messages m").
		Select(`m.organisation_id::text AS organisation_id, org.name AS organisation_name, coalesce(m.opening_id::text, '') AS opening_id,
			coalesce(max(o.title), '') AS opening_title, count(*) AS messages, max(m.created_at) AS last_at,
			(array_agg(m.author_side ORDER BY m.created_at DESC, m.id DESC))[1] AS last_side`).
		Joins("JOIN organisation_directory org ON org.id = m.organisation_id").
		Joins("LEFT JOIN opening_titles o ON o.id = m.opening_id").
		Where("m.region_id = ?", p.RegionID).
		Group("m.organisation_id, org.name, m.opening_id")
	switch {
	case p.Role.IsOrganisationRole():
		q = q.Where("m.organisation_id = ?", p.OrganisationID)
	case p.Role == authz.Accountmanager:
		q = q.Where("org.accountmanager_id = ?", p.UserID)
	default:
		return nil, fmt.Errorf("threads: %w", apperr.ErrForbidden)
	}
	var out []Thread
	if err := q.Order("last_at DESC").Limit(500).Scan(&out).Error; err != nil {
		return nil, err
	}
	for i := range out {
		out[i].LastAt = out[i].LastAt.UTC()
	}
	return out, nil
}

// Post stores a message in the organisation's general thread (openingID
// empty) or a vacature's, and notifies the other side, in one transaction.
func (s *Service) Post(ctx context.Context, p authz.Principal, orgID, openingID, body string) (Message, error) {
	body = strings.TrimSpace(body)
	switch {
	case body == "":
		return Message{}, apperr.Invalid("body", "required", msg.M("message.bodyRequired"))
	case utf8.RuneCountInString(body) > MaxLength:
		return Message{}, apperr.Invalid("body", "maxLength", msg.M("field.maxLength", MaxLength))
	}
	var out Message
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		o, err := loadOrganisation(ctx, tx, p, orgID)
		if err != nil {
			return err
		}
		title := ""
		r := row{RegionID: p.RegionID, OrganisationID: o.ID, AuthorUserID: &p.UserID, AuthorSide: SideGemeente, Body: body, CreatedAt: s.now()}
		if openingID != "" {
			if title, err = openingTitle(ctx, tx, o.ID, openingID); err != nil {
				return err
			}
			r.OpeningID = &openingID
		}
		var recipients []string
		n := notification.Notice{Kind: notification.MessageReceived}
		subjectNL, subjectEN := "", ""
		if title != "" {
			subjectNL, subjectEN = fmt.Sprintf(" over %q", title), fmt.Sprintf(" about %q", title)
		}
		if p.Role.IsOrganisationRole() {
			r.AuthorSide = SideOrganisation
			if o.AccountmanagerID == nil {
				return &apperr.ConflictError{Code: "noAccountmanager", Msg: msg.M("message.noAccountmanager")}
			}
			recipients = []string{*o.AccountmanagerID}
			n.TitleNL = fmt.Sprintf("Nieuw bericht van %s%s.", o.Name, subjectNL)
			n.TitleEN = fmt.Sprintf("New message from %s%s.", o.Name, subjectEN)
			n.Link = "/organisaties/" + o.ID + threadQuery(openingID) + "#berichten"
		} else {
			if recipients, err = s.Organisations.OrganisationUsers(ctx, tx, o.ID); err != nil {
				return err
			}
			n.TitleNL = fmt.Sprintf("Nieuw bericht van uw accountmanager%s.", subjectNL)
			n.TitleEN = fmt.Sprintf("New message from your accountmanager%s.", subjectEN)
			n.Link = "/berichten" + threadQuery(openingID)
		}
		if err := tx.Create(&r).Error; err != nil {
			return database.Translate(err, "store message")
		}
		// The writer is told nothing about their own message.
		var others []string
		for _, id := range recipients {
			if id != p.UserID {
				others = append(others, id)
			}
		}
		if err := s.Notify.Notify(ctx, tx, n, others...); err != nil {
			return err
		}
		out = Message{ID: r.ID, OrganisationID: o.ID, OpeningID: openingID, OpeningTitle: title, AuthorName: p.DisplayName,
			AuthorSide: r.AuthorSide, Body: body, CreatedAt: r.CreatedAt}
		return nil
	})
	return out, err
}

func threadQuery(openingID string) string {
	if openingID == "" {
		return ""
	}
	return "?onderwerp=" + openingID
}
