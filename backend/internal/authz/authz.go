// Package authz is Werkhaven's one policy layer. Every API operation is
// registered through Register with a Rule saying who may call it; an
// operation without a rule is refused at run time and fails
// TestEveryOperationHasAnAccessRule. The caller's Principal travels in the
// context so stores can scope every load by region, organisation and, for
// kandidaten, their own record.
package authz

import (
	"context"
	"errors"
	"slices"
	"strings"
)

// Role is what a user is in Werkhaven (docs/architecture.md, Roles and
// tenancy).
type Role string

// The roles: six of a region, and the platform administrator of none.
const (
	// Platform is the platform administrator: creates regions and invites
	// each region's first admin. It belongs to no region (users.region_id
	// is NULL) and may call no operation on a region's data.
	Platform       Role = "platform"
	Admin          Role = "admin"
	Accountmanager Role = "accountmanager"
	Klantmanager   Role = "klantmanager"
	Werkgever      Role = "werkgever"
	Zorgaanbieder  Role = "zorgaanbieder"
	Kandidaat      Role = "kandidaat"
)

// RegionRoles are the roles of a region's users: every role but Platform.
var RegionRoles = []Role{Admin, Accountmanager, Klantmanager, Werkgever, Zorgaanbieder, Kandidaat}

// AllRoles lists every role, for matrices and validation.
var AllRoles = append(slices.Clone(RegionRoles), Platform)

// Staff are the municipality's own people.
var Staff = []Role{Admin, Accountmanager, Klantmanager}

// OrganisationRoles are the users of a werkgever, zorgaanbieder or dienstverlener.
var OrganisationRoles = []Role{Werkgever, Zorgaanbieder}

// Valid reports whether r is one of the roles.
func (r Role) Valid() bool { return slices.Contains(AllRoles, r) }

// IsOrganisationRole reports whether users with r belong to an organisation.
func (r Role) IsOrganisationRole() bool { return slices.Contains(OrganisationRoles, r) }

// Principal is the signed-in caller.
type Principal struct {
	UserID         string
	RegionID       string
	OrganisationID string // organisation users only
	Role           Role
	DisplayName    string
	// SessionHash identifies the session (SHA-256 of the cookie value).
	SessionHash []byte
}

// Has reports whether the principal has one of roles.
func (p Principal) Has(roles ...Role) bool { return slices.Contains(roles, p.Role) }

type ctxKey struct{}

// WithPrincipal returns ctx carrying p.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, ctxKey{}, p)
}

// From returns the principal in ctx, if any.
func From(ctx context.Context) (Principal, bool) {
	p, ok := ctx.Value(ctxKey{}).(Principal)
	return p, ok
}

// MustFrom returns the principal of an operation whose rule requires one.
func MustFrom(ctx context.Context) Principal {
	p, ok := From(ctx)
	if !ok {
		panic("authz: no principal in context of a protected operation")
	}
	return p
}

// Rule says who may call an operation.
type Rule struct {
	// Public operations need no session (sign-in, the typeahead of public
	// reference data). A session, when present, is still recognised.
	Public bool
	// Roles may call the operation; empty with Public false denies everyone.
	Roles []Role
	// NoCSRF exempts a state-changing operation from the CSRF check; only
	// for calls that are not made by browsers (signed webhooks).
	NoCSRF bool
}

// Describe renders the rule for the OpenAPI document.
func (r Rule) Describe() string {
	if r.Public {
		return "public"
	}
	names := make([]string, len(r.Roles))
	for i, role := range r.Roles {
		names[i] = string(role)
	}
	return strings.Join(names, ",")
}

// Roles is a shorthand for a rule allowing the given roles.
func Roles(roles ...Role) Rule { return Rule{Roles: roles} }

// PublicRule is the rule for operations anyone may call.
var PublicRule = Rule{Public: true}

// Errors the middleware and services answer with.
var (
	ErrUnauthenticated = errors.New("not signed in")
	ErrForbidden       = errors.New("not allowed")
	ErrNotFound        = errors.New("not found")
)
