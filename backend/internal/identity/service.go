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
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
)

// ErrBadCredentials is the one answer to a failed sign-in, whatever failed:
// it never reveals whether an e-mail exists.
var ErrBadCredentials = errors.New("bad credentials")

// Service holds identity's use cases.
type Service struct {
	DB      *gorm.DB
	Outbox  *mail.Outbox
	BaseURL string
	// Now is the clock; tests move it.
	Now func() time.Time
	// DeclinedRetention is how long a declined sign-up is kept
	// (REGISTRATION_DECLINED_RETENTION); zero: DefaultDeclinedRetention.
	DeclinedRetention time.Duration
	// Notices tells the region's accountmanagers in the app (and by mail,
	// as they choose) of a confirmed sign-up; nil in tests that need none.
	Notices *notification.Service
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// NormaliseEmail is how e-mail addresses are stored and compared.
func NormaliseEmail(e string) string { return strings.ToLower(strings.TrimSpace(e)) }

// SignIn checks an e-mail and password and opens a session. It returns the
// session cookie value. Failed attempts are counted in Postgres per account
// and IP together and per IP alone (identity.go has the limits); past
// either it answers apperr.TooManyError without checking the password.
func (s *Service) SignIn(ctx context.Context, email, password, ip string) (string, authz.Principal, error) {
	email = NormaliseEmail(email)
	pair, from := signInKeys(email, ip)
	if wait, err := signInFailures.wait(ctx, s.DB, s.now(), rule{pair, ThrottleLimit, ThrottleWindow}, rule{from, ThrottleIPLimit, ThrottleWindow}); err != nil {
		return "", authz.Principal{}, err
	} else if wait > 0 {
		_ = s.DB.Transaction(func(tx *gorm.DB) error {
			return audit.Record(ctx, tx, audit.Event{Action: "session.sign_in", Outcome: audit.Denied, IP: ip, Details: map[string]any{"reason": "throttled"}})
		})
		return "", authz.Principal{}, &apperr.TooManyError{RetryAfter: wait}
	}
	var u userRow
	err := s.DB.WithContext(ctx).Where("email = ?", email).First(&u).Error
	found := err == nil
	if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return "", authz.Principal{}, err
	}
	hash := dummyHash
	if found && u.PasswordHash != nil {
		hash = *u.PasswordHash
	}
	ok, err := VerifyPassword(hash, password)
	if err != nil {
		return "", authz.Principal{}, err
	}
	reason := ""
	switch {
	case !found:
		reason = "unknown_email"
	case u.PasswordHash == nil:
		reason = "no_password"
	case !ok:
		reason = "wrong_password"
	case u.Status != StatusActive:
		reason = "user_" + u.Status
	}
	if reason != "" {
		err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			if err := signInFailures.add(ctx, tx, s.now(), pair, from); err != nil {
				return err
			}
			ev := audit.Event{Action: "session.sign_in", Outcome: audit.Failure, IP: ip, Details: map[string]any{"reason": reason}}
			if found {
				ev.RegionID, ev.SubjectType, ev.SubjectID = u.RegionID, "user", u.ID
			}
			return audit.Record(ctx, tx, ev)
		})
		if err != nil {
			return "", authz.Principal{}, err
		}
		return "", authz.Principal{}, ErrBadCredentials
	}
	var cookie string
	var p authz.Principal
	err = s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var err error
		cookie, p, err = s.openSession(ctx, tx, u, "password", AbsoluteTimeout)
		if err != nil {
			return err
		}
		// The account's failures from this IP are forgotten; the IP's own
		// count stays (one valid account must not reset a sprayer's count).
		if err := tx.Exec(`DELETE FROM sign_in_failures WHERE key = ?`, pair).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{RegionID: u.RegionID, ActorUserID: u.ID, ActorRole: u.Role, Action: "session.sign_in", IP: ip, SubjectType: "user", SubjectID: u.ID})
	})
	return cookie, p, err
}

func (s *Service) openSession(ctx context.Context, tx *gorm.DB, u userRow, kind string, lifetime time.Duration) (string, authz.Principal, error) {
	secret, hash := NewSecret()
	now := s.now()
	row := sessionRow{IDHash: hash, UserID: u.ID, Kind: kind, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(lifetime)}
	if err := tx.WithContext(ctx).Create(&row).Error; err != nil {
		return "", authz.Principal{}, fmt.Errorf("open session: %w", err)
	}
	return secret, principalOf(u, hash), nil
}

func principalOf(u userRow, sessionHash []byte) authz.Principal {
	p := authz.Principal{UserID: u.ID, RegionID: u.RegionID, Role: authz.Role(u.Role), DisplayName: u.DisplayName, SessionHash: sessionHash}
	if u.OrganisationID != nil {
		p.OrganisationID = *u.OrganisationID
	}
	return p
}

// Authenticate implements authz.Sessions: a session is valid until its
// absolute expiry, while it is used at least every IdleTimeout, and while
// its user is active.
func (s *Service) Authenticate(ctx context.Context, cookie string) (authz.Principal, error) {
	hash := HashSecret(cookie)
	var row sessionRow
	if err := s.DB.WithContext(ctx).Where("id_hash = ?", hash).First(&row).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return authz.Principal{}, apperr.ErrUnauthenticated
		}
		return authz.Principal{}, err
	}
	now := s.now()
	if !now.Before(row.ExpiresAt) || now.Sub(row.LastSeenAt) >= IdleTimeout {
		s.DB.WithContext(ctx).Where("id_hash = ?", hash).Delete(&sessionRow{})
		return authz.Principal{}, apperr.ErrUnauthenticated
	}
	var u userRow
	// Only a missing or inactive user ends the session; a read that failed
	// (the database restarting) is an error, not a reason to sign out.
	if err := s.DB.WithContext(ctx).First(&u, "id = ?", row.UserID).Error; err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return authz.Principal{}, err
	} else if err != nil || u.Status != StatusActive {
		return authz.Principal{}, apperr.ErrUnauthenticated
	}
	if now.Sub(row.LastSeenAt) >= sessionTouchInterval {
		s.DB.WithContext(ctx).Model(&sessionRow{}).Where("id_hash = ?", hash).Update("last_seen_at", now)
	}
	return principalOf(u, hash), nil
}

// EndSession deletes the session a cookie names (at sign-in, so the old id
// cannot be reused: session rotation).
func (s *Service) EndSession(ctx context.Context, cookie string) error {
	return s.DB.WithContext(ctx).Where("id_hash = ?", HashSecret(cookie)).Delete(&sessionRow{}).Error
}

// SignOut ends the caller's session; everywhere ends all their sessions.
func (s *Service) SignOut(ctx context.Context, p authz.Principal, everywhere bool, ip string) error {
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		q := tx.Where("id_hash = ?", p.SessionHash)
		action := "session.sign_out"
		if everywhere {
			q = tx.Where("user_id = ?", p.UserID)
			action = "session.sign_out_everywhere"
		}
		if err := q.Delete(&sessionRow{}).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: action, IP: ip, SubjectType: "user", SubjectID: p.UserID}))
	})
}

// issueToken stores a single-use token for u and queues its mail, in tx.
func (s *Service) issueToken(ctx context.Context, tx *gorm.DB, userID, createdBy, purpose string, ttl time.Duration, template string, data map[string]any) error {
	secret, hash := NewSecret()
	now := s.now()
	row := tokenRow{Purpose: purpose, TokenHash: hash, UserID: userID, CreatedBy: database.NullIfEmpty(createdBy), CreatedAt: now, ExpiresAt: now.Add(ttl)}
	if err := tx.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("issue %s token: %w", purpose, err)
	}
	data["token"] = secret
	data["expiresAt"] = row.ExpiresAt
	return s.Outbox.Enqueue(ctx, tx, userID, template, data)
}

// consumeToken marks a token used and returns its user; an unknown, used
// or expired token is apperr.ErrGone. Concurrent redeems have one winner.
func (s *Service) consumeToken(ctx context.Context, tx *gorm.DB, purpose, token string) (userRow, error) {
	var t tokenRow
	res := tx.WithContext(ctx).Raw(`UPDATE auth_tokens SET used_at = ? WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
		RETURNING id, user_id`, s.now(), HashSecret(token), purpose, s.now()).Scan(&t)
	if res.Error != nil {
		return userRow{}, res.Error
	}
	if t.UserID == "" {
		return userRow{}, apperr.ErrGone
	}
	var u userRow
	if err := tx.First(&u, "id = ?", t.UserID).Error; err != nil {
		return userRow{}, translate(err, "token user")
	}
	return u, nil
}

// revokeLinks deletes the user's unused links of these purposes, in tx,
// and returns how many there were: setting a password ends every other
// link that sets one, signing in by link every other sign-in link.
func revokeLinks(ctx context.Context, tx *gorm.DB, userID string, purposes ...string) (int64, error) {
	res := tx.WithContext(ctx).Exec(`DELETE FROM auth_tokens WHERE user_id = ? AND purpose IN ? AND used_at IS NULL`, userID, purposes)
	return res.RowsAffected, res.Error
}

// RequestPasswordReset mails a reset link when an active staff or
// organisation user has this e-mail. It answers the same either way.
func (s *Service) RequestPasswordReset(ctx context.Context, email, ip string) error {
	return s.mailTokenTo(ctx, email, "role <> ?", string(authz.Kandidaat), "password_reset", ResetTokenTTL, "password.reset_requested", ip)
}

// mailTokenTo issues a token of purpose to the active user with this e-mail
// who matches roleCond, queues its mail and audits action. Nobody matching
// is not an error, nor is an address that had MailRequestLimit mails within
// MailRequestWindow (it gets no more): the caller's answer must not reveal
// who exists. Only an IP past MailRequestIPLimit is refused
// (apperr.TooManyError).
func (s *Service) mailTokenTo(ctx context.Context, email, roleCond, role, purpose string, ttl time.Duration, action, ip string) error {
	email = NormaliseEmail(email)
	var refused time.Duration
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var over bool
		var err error
		if refused, over, err = countMailRequest(ctx, tx, s.now(), email, ip, action); err != nil || refused > 0 {
			return err
		}
		var u userRow
		err = tx.Where("email = ? AND status = ?", email, StatusActive).Where(roleCond, role).First(&u).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		ev := audit.Event{RegionID: u.RegionID, Action: action, IP: ip, SubjectType: "user", SubjectID: u.ID}
		if over {
			ev.Outcome, ev.Details = audit.Denied, map[string]any{"reason": "address_limit"}
			return audit.Record(ctx, tx, ev)
		}
		if err := s.issueToken(ctx, tx, u.ID, "", purpose, ttl, purpose, map[string]any{}); err != nil {
			return err
		}
		return audit.Record(ctx, tx, ev)
	})
	if err == nil && refused > 0 {
		return &apperr.TooManyError{RetryAfter: refused}
	}
	return err
}

// countMailRequest applies the mailed-link limits (identity.go) to a
// request for a mail to email from ip, in tx. An IP past its limit counts
// nothing: refused says how long it must wait (the denial is audited as
// action). Otherwise the request counts for the IP, and for the address
// unless over says the address had its mails within the window (then the
// caller sends nothing, so its owner gets mail again when the window moves
// on). Requests for one address take turns across replicas, so that the
// count and the mails sent agree.
func countMailRequest(ctx context.Context, tx *gorm.DB, now time.Time, email, ip, action string) (refused time.Duration, over bool, err error) {
	addr, from := accountKey(email), ipKey(ip)
	if refused, err = mailRequests.wait(ctx, tx, now, rule{from, MailRequestIPLimit, MailRequestWindow}); err != nil || refused > 0 {
		if err == nil {
			err = audit.Record(ctx, tx, audit.Event{Action: action, Outcome: audit.Denied, IP: ip, Details: map[string]any{"reason": "throttled"}})
		}
		return refused, false, err
	}
	if err := tx.Exec(`SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, "mail_requests/"+addr).Error; err != nil {
		return 0, false, err
	}
	wait, err := mailRequests.wait(ctx, tx, now, rule{addr, MailRequestLimit, MailRequestWindow})
	if err != nil {
		return 0, false, err
	}
	counted := []string{from}
	if wait == 0 {
		counted = append(counted, addr)
	}
	return 0, wait > 0, mailRequests.add(ctx, tx, now, counted...)
}

// ResetPassword sets a new password with a reset token and ends every
// session of the user.
func (s *Service) ResetPassword(ctx context.Context, token, password, ip string) error {
	return s.setPasswordWithToken(ctx, "password_reset", token, password, ip, "password.reset", func(tx *gorm.DB, u userRow) error {
		return tx.Where("user_id = ?", u.ID).Delete(&sessionRow{}).Error
	})
}

// AcceptInvitation sets the invited user's password and activates them.
func (s *Service) AcceptInvitation(ctx context.Context, token, password, ip string) error {
	return s.setPasswordWithToken(ctx, "invitation", token, password, ip, "user.invitation_accepted", func(tx *gorm.DB, u userRow) error {
		if u.Status != StatusInvited {
			return apperr.ErrGone
		}
		return tx.Model(&userRow{}).Where("id = ?", u.ID).Update("status", StatusActive).Error
	})
}

// setPasswordWithToken checks the password policy, consumes the token,
// stores the new hash, runs then, revokes the user's other reset and
// invitation links, forgets the account's failed sign-ins and audits
// action, in one transaction: a refused password leaves the token usable.
func (s *Service) setPasswordWithToken(ctx context.Context, purpose, token, password, ip, action string, then func(*gorm.DB, userRow) error) error {
	if err := CheckPassword(password); err != nil {
		return err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		u, err := s.consumeToken(ctx, tx, purpose, token)
		if err != nil {
			return err
		}
		if err := then(tx, u); err != nil {
			return err
		}
		if err := tx.Model(&userRow{}).Where("id = ?", u.ID).Updates(map[string]any{"password_hash": hash, "updated_at": s.now()}).Error; err != nil {
			return err
		}
		revoked, err := revokeLinks(ctx, tx, u.ID, "password_reset", "invitation")
		if err != nil {
			return err
		}
		if err := clearSignInFailures(ctx, tx, u.Email); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{RegionID: u.RegionID, ActorUserID: u.ID, ActorRole: u.Role, Action: action, IP: ip, SubjectType: "user", SubjectID: u.ID,
			Details: map[string]any{"revokedLinks": revoked}})
	})
}

// RequestMagicLink mails a sign-in link to an active kandidaat with this
// e-mail. It answers the same either way.
func (s *Service) RequestMagicLink(ctx context.Context, email, ip string) error {
	return s.mailTokenTo(ctx, email, "role = ?", string(authz.Kandidaat), "magic_link", MagicLinkTokenTTL, "session.magic_link_requested", ip)
}

// RedeemMagicLink opens a short session for the kandidaat the link is for
// and revokes their other sign-in links.
func (s *Service) RedeemMagicLink(ctx context.Context, token, ip string) (string, authz.Principal, error) {
	var cookie string
	var p authz.Principal
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		u, err := s.consumeToken(ctx, tx, "magic_link", token)
		if err != nil {
			return err
		}
		if u.Status != StatusActive || u.Role != string(authz.Kandidaat) {
			return apperr.ErrGone
		}
		if cookie, p, err = s.openSession(ctx, tx, u, "magic_link", MagicSessionTimeout); err != nil {
			return err
		}
		revoked, err := revokeLinks(ctx, tx, u.ID, "magic_link")
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{RegionID: u.RegionID, ActorUserID: u.ID, ActorRole: u.Role, Action: "session.sign_in", IP: ip, SubjectType: "user", SubjectID: u.ID,
			Details: map[string]any{"method": "magic_link", "revokedLinks": revoked}})
	})
	return cookie, p, err
}
