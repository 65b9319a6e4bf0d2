// Package identity is who-is-who in Werkhaven: regions, organisations and
// users; sign-in with argon2id passwords and server-side sessions; mailed
// single-use tokens for password reset, invitations and the kandidaat's
// magic link; throttling of failed sign-ins and of requests for mailed
// links (throttle.go); the PC4 areas each region serves and organisations'
// own sign-ups, routed by postcode to the serving region and confirmed by
// a mailed single-use link before staff see them (registration.go). Setting a password with a link revokes the user's
// other reset and invitation links, and signing in with a magic link the
// other magic links, in the same transaction. Who may do what is decided by
// package authz; every security-relevant action is written to the audit log
// in the same transaction.
package identity

import (
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
)

// User statuses.
const (
	StatusInvited  = "invited"
	StatusActive   = "active"
	StatusDisabled = "disabled"
)

// Organisation kinds.
var OrganisationKinds = []string{"werkgever", "zorgaanbieder", "dienstverlener"}

// User is a person who can sign in.
type User struct {
	ID             string
	RegionID       string
	OrganisationID string
	Email          string
	DisplayName    string
	Role           authz.Role
	Status         string
	CreatedAt      time.Time
}

// Organisation is a werkgever, zorgaanbieder or dienstverlener of a region.
type Organisation struct {
	ID               string
	RegionID         string
	Kind             string
	Name             string
	KvKNumber        string
	Postcode         string
	AccountmanagerID string
	Sector           string
	Size             string
	ContactName      string
	ContactEmail     string
	ContactPhone     string
	// Street (with its number), City and VatNumber (btw-identificatienummer)
	// are what an invoice names for the organisation, as supplier or as
	// customer (docs/invoices.md).
	Street, City, VatNumber string
	// StripeAccountID is a provider's Stripe Connect account (acct_…):
	// paid bookings of its services pay out there.
	StripeAccountID string
	CreatedAt       time.Time
}

// ContactMoment is an entry of an organisation's contact log, kept by the
// region's accountmanagers.
type ContactMoment struct {
	ID           string
	AuthorUserID string
	AuthorName   string
	Kind         string
	OccurredOn   time.Time
	Note         string
	CreatedAt    time.Time
}

// Region is a tenant: an arbeidsmarktregio's Werkgeversservicepunt.
type Region struct {
	ID   string
	Slug string
	Name string
	// ContactEmail and ContactPhone are the region's desk for employers,
	// shown publicly to an organisation whose postcode no region serves.
	ContactEmail string
	ContactPhone string
	// LegalName (the gemeente's name; empty: Name), Street, Postcode, City,
	// KvKNumber and VatNumber are what an invoice for the region's own
	// services names as supplier (docs/invoices.md).
	LegalName, Street, Postcode, City, KvKNumber, VatNumber string
	CreatedAt                                               time.Time
	// AdminStatus is, for the platform administrator only, whether the
	// region has an admin: AdminNone, AdminInvited or AdminActive.
	AdminStatus string
}

// A region's admin status, as the platform administrator sees it.
const (
	AdminNone    = "none"
	AdminInvited = "invited"
	AdminActive  = "active"
)

// Timeouts and lifetimes.
const (
	IdleTimeout          = 30 * time.Minute
	AbsoluteTimeout      = 12 * time.Hour
	MagicSessionTimeout  = 2 * time.Hour
	ResetTokenTTL        = time.Hour
	InvitationTokenTTL   = 7 * 24 * time.Hour
	MagicLinkTokenTTL    = 30 * time.Minute
	sessionTouchInterval = time.Minute
)

// Throttling, counted in Postgres so that every replica sees the same
// counts. Failed sign-ins count per account and client IP together:
// ThrottleLimit failures within ThrottleWindow close that pair (429), so an
// attacker neither locks out the account's owner elsewhere nor the other
// users behind the same IP (NAT, proxy). ThrottleIPLimit failures from one
// IP, whatever the accounts, close the IP (password spraying). An IPv6
// client counts by its /64 network.
const (
	ThrottleLimit   = 5
	ThrottleIPLimit = 100
	ThrottleWindow  = 15 * time.Minute
)

// Mailed links (password reset, the kandidaat's sign-in link, an
// organisation sign-up's confirmation) are limited
// per e-mail address: at most MailRequestLimit mails within
// MailRequestWindow; later requests answer the same but send nothing, so
// the answer reveals neither the account nor the limit. One client IP may
// ask MailRequestIPLimit times within the window, whatever the addresses
// (then 429).
const (
	MailRequestLimit   = 3
	MailRequestIPLimit = 30
	MailRequestWindow  = time.Hour
)
