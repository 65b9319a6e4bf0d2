package identity

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// The approval queue: a region's accountmanagers (and admins) see its
// confirmed sign-ups with a duplicate check, and approve one — which
// creates the organisation with its accountmanager and invites the contact
// as its first user — or decline it with a reason that is mailed. A
// decision is taken once (409 after); another region's sign-up, or one
// not yet confirmed, is not found.

// Registration is a sign-up as staff see it.
type Registration struct {
	NewRegistration
	ID             string
	Status         string
	ConfirmedAt    time.Time
	DecidedAt      *time.Time
	DeclineReason  string
	OrganisationID string
	Duplicates     []Duplicate
}

// Duplicate is a reason to think a sign-up is already known: an
// organisation (or another sign-up) with the same KvK number and
// vestiging, an organisation with a similar name, or an account or
// organisation contact with the same e-mail address.
type Duplicate struct {
	Reason         string // "kvk", "name", "email"
	OrganisationID string
	Name           string
}

// SimilarName is the pg_trgm similarity from which two names count as alike.
const SimilarName = 0.4

func (r registrationRow) toRegistration() Registration {
	out := Registration{ID: r.ID, Status: r.Status, DecidedAt: r.DecidedAt, NewRegistration: NewRegistration{Kind: r.Kind, Name: r.Name,
		KvKNumber: r.KvKNumber, Postcode: r.Postcode, HouseNumber: r.HouseNumber, Sector: r.Sector, Size: r.Size, ContactName: r.ContactName,
		ContactEmail: r.ContactEmail, ContactPhone: r.ContactPhone}}
	if r.Vestigingsnummer != nil {
		out.Vestigingsnummer = *r.Vestigingsnummer
	}
	if r.ConfirmedAt != nil {
		out.ConfirmedAt = r.ConfirmedAt.UTC()
	}
	if r.DeclineReason != nil {
		out.DeclineReason = *r.DeclineReason
	}
	if r.OrganisationID != nil {
		out.OrganisationID = *r.OrganisationID
	}
	return out
}

// ListRegistrations lists the caller's region's confirmed sign-ups of a
// status (default confirmed: the queue), oldest first, with their
// duplicates. Reading the contacts' details is audited.
func (s *Service) ListRegistrations(ctx context.Context, p authz.Principal, status string) ([]Registration, error) {
	if status == "" {
		status = RegistrationConfirmed
	}
	var rows []registrationRow
	if err := s.DB.WithContext(ctx).Where("region_id = ? AND status = ?", p.RegionID, status).Order("confirmed_at, id").Limit(500).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list registrations: %w", err)
	}
	out := make([]Registration, len(rows))
	for i, r := range rows {
		out[i] = r.toRegistration()
		d, err := s.duplicates(ctx, s.DB, r)
		if err != nil {
			return nil, err
		}
		out[i].Duplicates = d
	}
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "organisation_registration.listed", SubjectType: "region", SubjectID: p.RegionID,
			Details: map[string]any{"status": status, "count": len(out)}}))
	})
	return out, err
}

// duplicates checks one sign-up against the region's organisations,
// accounts and other sign-ups.
func (s *Service) duplicates(ctx context.Context, db *gorm.DB, r registrationRow) ([]Duplicate, error) {
	out := []Duplicate{}
	err := db.WithContext(ctx).Raw(`
		SELECT 'kvk' AS reason, o.id::text AS organisation_id, o.name FROM organisations o WHERE o.region_id = ? AND o.kvk_number = ?
		UNION ALL
		SELECT 'kvk', '', g.name FROM organisation_registrations g
			WHERE g.region_id = ? AND g.id <> ? AND g.status IN ('confirmed', 'approved') AND g.kvk_number = ?
			AND g.vestigingsnummer IS NOT DISTINCT FROM ?
		UNION ALL
		SELECT 'name', o.id::text, o.name FROM organisations o
			WHERE o.region_id = ? AND o.kvk_number <> ? AND similarity(lower(o.name), lower(?)) >= ?
		UNION ALL
		SELECT 'email', coalesce(o.id::text, ''), coalesce(o.name, '') FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id AND o.region_id = ?
			WHERE u.email = ?
		UNION ALL
		SELECT 'email', o.id::text, o.name FROM organisations o WHERE o.region_id = ? AND lower(o.contact_email) = ?`,
		r.RegionID, r.KvKNumber,
		r.RegionID, r.ID, r.KvKNumber, r.Vestigingsnummer,
		r.RegionID, r.KvKNumber, r.Name, SimilarName,
		r.RegionID, r.ContactEmail,
		r.RegionID, r.ContactEmail).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("duplicate check: %w", err)
	}
	return out, nil
}

// loadQueued locks a confirmed sign-up of the caller's region for a
// decision: another region's, or one not confirmed yet, is not found; one
// decided already is a 409.
func loadQueued(ctx context.Context, tx *gorm.DB, p authz.Principal, id string) (registrationRow, error) {
	var r registrationRow
	if err := tx.WithContext(ctx).Raw(`SELECT * FROM organisation_registrations WHERE id = ? AND region_id = ? AND status <> ? FOR UPDATE`,
		id, p.RegionID, RegistrationUnconfirmed).Scan(&r).Error; err != nil {
		return r, err
	}
	if r.ID == "" {
		return r, fmt.Errorf("registration %s: %w", id, apperr.ErrNotFound)
	}
	if r.Status != RegistrationConfirmed {
		return r, &apperr.ConflictError{Code: "registrationDecided", Msg: msg.M("identity.registrationDecided")}
	}
	return r, nil
}

// Approval is the outcome of approving a sign-up.
type Approval struct {
	Registration Registration
	Organisation Organisation
	// ExistingAccount: the contact's e-mail already has an account in
	// Werkhaven, so no one was invited (users belong to one organisation).
	ExistingAccount bool
	UserID          string
}

// ApproveRegistration creates the sign-up's organisation in the caller's
// region with its accountmanager (the one given, else the approving
// accountmanager) and invites the contact as its first user, in one
// transaction. A contact whose e-mail has an account already is not
// invited: the answer says so.
func (s *Service) ApproveRegistration(ctx context.Context, p authz.Principal, id, accountmanagerID, ip string) (Approval, error) {
	am := accountmanagerID
	if am == "" && p.Role == authz.Accountmanager {
		am = p.UserID
	}
	var out Approval
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		r, err := loadQueued(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if am != "" {
			var n int64
			tx.Model(&userRow{}).Where("id = ? AND region_id = ? AND role = ? AND status = ?", am, p.RegionID, string(authz.Accountmanager), StatusActive).Count(&n)
			if n == 0 {
				return apperr.Invalid("accountmanagerId", "unknown", msg.M("identity.accountmanagerIdUnknown"))
			}
		}
		now := s.now()
		org := organisationRow{RegionID: r.RegionID, Kind: r.Kind, Name: r.Name, KvKNumber: r.KvKNumber, Postcode: r.Postcode,
			AccountmanagerID: database.NullIfEmpty(am), Sector: r.Sector, Size: r.Size, ContactName: r.ContactName, ContactEmail: r.ContactEmail,
			ContactPhone: r.ContactPhone, CreatedAt: now, UpdatedAt: now}
		if err := tx.Create(&org).Error; err != nil {
			if errors.Is(translate(err, "create organisation"), apperr.ErrConflict) {
				return &apperr.ConflictError{Code: "kvkExists", Msg: msg.M("identity.kvkNummerUnique")}
			}
			return translate(err, "create organisation")
		}
		var existing int64
		if err := tx.Model(&userRow{}).Where("email = ?", r.ContactEmail).Count(&existing).Error; err != nil {
			return err
		}
		out.ExistingAccount = existing > 0
		if !out.ExistingAccount {
			u := userRow{RegionID: r.RegionID, OrganisationID: &org.ID, Email: r.ContactEmail, DisplayName: r.ContactName, Role: r.Kind,
				Status: StatusInvited, CreatedAt: now, UpdatedAt: now}
			if err := tx.Create(&u).Error; err != nil {
				return translate(err, "invite contact")
			}
			if err := s.issueToken(ctx, tx, u.ID, p.UserID, "invitation", InvitationTokenTTL, "invitation", map[string]any{"invitedBy": p.DisplayName}); err != nil {
				return err
			}
			out.UserID = u.ID
		}
		if err := tx.Model(&registrationRow{}).Where("id = ?", r.ID).Updates(map[string]any{"status": RegistrationApproved, "decided_at": now,
			"decided_by": p.UserID, "organisation_id": org.ID, "updated_at": now}).Error; err != nil {
			return err
		}
		r.Status, r.DecidedAt, r.OrganisationID = RegistrationApproved, &now, &org.ID
		out.Registration, out.Organisation = r.toRegistration(), org.toOrganisation()
		if err := audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "organisation.created", IP: ip, SubjectType: "organisation", SubjectID: org.ID,
			Details: map[string]any{"registration": r.ID}})); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "organisation_registration.approved", IP: ip, SubjectType: "organisation_registration",
			SubjectID: r.ID, Details: map[string]any{"organisation": org.ID, "existingAccount": out.ExistingAccount}}))
	})
	return out, err
}

// DeclineMail is the template of the mail that tells a contact their
// sign-up was declined, and why.
const DeclineMail = "organisation_registration_declined"

// DeclineRegistration declines a sign-up and mails the reason to its
// contact. The registration is kept for the configured period, then
// deleted (SweepRegistrations).
func (s *Service) DeclineRegistration(ctx context.Context, p authz.Principal, id, reason, ip string) (Registration, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return Registration{}, apperr.Invalid("reason", "required", msg.M("identity.declineReasonRequired"))
	}
	var out Registration
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		r, err := loadQueued(ctx, tx, p, id)
		if err != nil {
			return err
		}
		now := s.now()
		if err := tx.Model(&registrationRow{}).Where("id = ?", r.ID).Updates(map[string]any{"status": RegistrationDeclined, "decided_at": now,
			"decided_by": p.UserID, "decline_reason": reason, "updated_at": now}).Error; err != nil {
			return err
		}
		if err := s.Outbox.EnqueueRegistrant(ctx, tx, r.ID, DeclineMail, declineData{Organisation: r.Name, Reason: reason}); err != nil {
			return err
		}
		r.Status, r.DecidedAt, r.DeclineReason = RegistrationDeclined, &now, &reason
		out = r.toRegistration()
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "organisation_registration.declined", IP: ip,
			SubjectType: "organisation_registration", SubjectID: r.ID}))
	})
	return out, err
}
