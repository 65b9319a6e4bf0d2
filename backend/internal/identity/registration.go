package identity

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/geo"
	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
)

// An organisation signs up itself (organisation_registrations): it gives
// its KvK number, address, sector and size and a contact person, and is
// routed to the region that serves its postcode. The answer is the same
// whatever is already known; the contact confirms the address by a mailed
// link (single use, RegistrationTokenTTL), and only a confirmed
// registration is shown to the region's accountmanagers. Requests count
// against the mailed-link limits per address and per IP (throttle.go).

// Registration statuses.
const (
	RegistrationUnconfirmed = "unconfirmed"
	RegistrationConfirmed   = "confirmed"
	RegistrationApproved    = "approved"
	RegistrationDeclined    = "declined"
)

// RegistrationTokenTTL is how long the confirmation link works.
const RegistrationTokenTTL = 48 * time.Hour

// RegistrationMail is the template of the confirmation mail.
const RegistrationMail = "organisation_registration"

// NewRegistration is what an organisation fills in to sign up.
type NewRegistration struct {
	Kind             string
	Name             string
	KvKNumber        string
	Vestigingsnummer string
	Postcode         string
	HouseNumber      string
	Sector           string
	Size             string
	ContactName      string
	ContactEmail     string
	ContactPhone     string
}

type registrationRow struct {
	ID               string `gorm:"primaryKey;default:gen_random_uuid()"`
	RegionID         string
	Status           string
	Kind             string
	Name             string
	KvKNumber        string  `gorm:"column:kvk_number"`
	Vestigingsnummer *string `gorm:"column:vestigingsnummer"`
	Postcode         string
	HouseNumber      string
	Sector           string
	Size             string
	ContactName      string
	ContactEmail     string
	ContactPhone     string
	TokenHash        []byte
	TokenExpiresAt   time.Time
	ConfirmedAt      *time.Time
	RemindedAt       *time.Time
	DecidedAt        *time.Time
	DecidedBy        *string
	DeclineReason    *string
	OrganisationID   *string
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

func (registrationRow) TableName() string { return "organisation_registrations" }

// RegisterOrganisation records a sign-up and mails its contact the
// confirmation link. A postcode that does not exist is a 400 naming
// postcode, one no region serves a 400 (notServed) whose message lists the
// regions and their contact details. Otherwise the answer is nil whatever
// exists already; an address past its mail limit gets nothing (audited),
// an IP past its limit is refused (apperr.TooManyError).
func (s *Service) RegisterOrganisation(ctx context.Context, in NewRegistration, ip string) error {
	if _, err := trimmedName(in.Name); err != nil {
		return err
	}
	addr, err := geo.ResolveAddress("postcode", in.Postcode)
	if err != nil {
		return err
	}
	regionID, err := regionServing(ctx, s.DB, addr.PC4)
	if err != nil {
		return err
	}
	if regionID == "" {
		return s.notServed(ctx, addr.PC4)
	}
	email := NormaliseEmail(in.ContactEmail)
	const action = "organisation_registration.submitted"
	var refused time.Duration
	err = s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		now := s.now()
		var over bool
		var err error
		if refused, over, err = countMailRequest(ctx, tx, now, email, ip, action); err != nil || refused > 0 {
			return err
		}
		if over {
			return audit.Record(ctx, tx, audit.Event{RegionID: regionID, Action: action, Outcome: audit.Denied, IP: ip, Details: map[string]any{"reason": "address_limit"}})
		}
		secret, hash := NewSecret()
		row := registrationRow{RegionID: regionID, Status: RegistrationUnconfirmed, Kind: in.Kind, Name: strings.TrimSpace(in.Name),
			KvKNumber: in.KvKNumber, Vestigingsnummer: database.NullIfEmpty(in.Vestigingsnummer), Postcode: addr.Postcode,
			HouseNumber: strings.TrimSpace(in.HouseNumber), Sector: strings.TrimSpace(in.Sector), Size: in.Size,
			ContactName: strings.TrimSpace(in.ContactName), ContactEmail: email, ContactPhone: strings.TrimSpace(in.ContactPhone),
			TokenHash: hash, TokenExpiresAt: now.Add(RegistrationTokenTTL), CreatedAt: now, UpdatedAt: now}
		if err := tx.Create(&row).Error; err != nil {
			return translate(err, "create registration")
		}
		if err := s.Outbox.EnqueueRegistrant(ctx, tx, row.ID, RegistrationMail, mail.LinkData{Token: secret, ExpiresAt: row.TokenExpiresAt}); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{RegionID: regionID, Action: action, IP: ip, SubjectType: "organisation_registration", SubjectID: row.ID})
	})
	if err == nil && refused > 0 {
		return &apperr.TooManyError{RetryAfter: refused}
	}
	return err
}

// ConfirmRegistration confirms the contact's address with the mailed
// token: the registration enters its region's queue. A used, expired or
// unknown token is apperr.ErrGone; concurrent confirmations have one
// winner.
func (s *Service) ConfirmRegistration(ctx context.Context, token, ip string) error {
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		now := s.now()
		var r registrationRow
		res := tx.Raw(`UPDATE organisation_registrations SET status = ?, confirmed_at = ?, token_hash = NULL, updated_at = ?
			WHERE token_hash = ? AND status = ? AND token_expires_at > ? RETURNING id, region_id, name`,
			RegistrationConfirmed, now, now, HashSecret(token), RegistrationUnconfirmed, now).Scan(&r)
		if res.Error != nil {
			return fmt.Errorf("confirm registration: %w", res.Error)
		}
		if r.ID == "" {
			return apperr.ErrGone
		}
		if err := s.noticeConfirmed(ctx, tx, r); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{RegionID: r.RegionID, Action: "organisation_registration.confirmed", IP: ip,
			SubjectType: "organisation_registration", SubjectID: r.ID})
	})
}

// noticeConfirmed tells the active accountmanagers of the registration's
// region, in tx, that a sign-up waits in their queue (/aanmeldingen).
func (s *Service) noticeConfirmed(ctx context.Context, tx *gorm.DB, r registrationRow) error {
	if s.Notices == nil {
		return nil
	}
	var ids []string
	if err := tx.Raw(`SELECT id::text FROM users WHERE region_id = ? AND role = ? AND status = ? ORDER BY id`,
		r.RegionID, string(authz.Accountmanager), StatusActive).Scan(&ids).Error; err != nil {
		return err
	}
	return s.Notices.Notify(ctx, tx, notification.Notice{Kind: notification.RegistrationConfirmed,
		TitleNL: "Nieuwe aanmelding om te beoordelen: " + r.Name, TitleEN: "New sign-up to review: " + r.Name, Link: "/aanmeldingen"}, ids...)
}

// Registrants implements mail.Recipients for registrations' contacts.
type Registrants struct{ Service *Service }

// Recipient is the contact of registration id.
func (r Registrants) Recipient(ctx context.Context, id string) (mail.Recipient, error) {
	var row registrationRow
	if err := r.Service.DB.WithContext(ctx).Select("contact_name, contact_email").First(&row, "id = ?", id).Error; err != nil {
		return mail.Recipient{}, translate(err, "mail recipient")
	}
	return mail.Recipient{Email: row.ContactEmail, DisplayName: row.ContactName, Language: "nl"}, nil
}
