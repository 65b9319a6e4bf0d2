package identity

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/geo"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// invitable says which roles each role may invite: no one creates a role
// above their own, and kandidaten get access through their klantmanager.
var invitable = map[authz.Role][]authz.Role{
	authz.Admin:          {authz.Admin, authz.Accountmanager, authz.Klantmanager, authz.Werkgever, authz.Zorgaanbieder},
	authz.Accountmanager: {authz.Werkgever, authz.Zorgaanbieder},
}

// Invitation asks for a new user.
type Invitation struct {
	Email          string
	DisplayName    string
	Role           authz.Role
	OrganisationID string
}

// Invite creates an invited user in the caller's region and mails them a
// link (valid 7 days) to choose a password.
func (s *Service) Invite(ctx context.Context, p authz.Principal, in Invitation, ip string) (User, error) {
	if !slices.Contains(invitable[p.Role], in.Role) {
		s.auditDenied(ctx, "user.invite", ip, map[string]any{"role": string(in.Role)})
		return User{}, fmt.Errorf("invite %s: %w", in.Role, apperr.ErrForbidden)
	}
	if in.Role.IsOrganisationRole() != (in.OrganisationID != "") {
		if in.OrganisationID == "" {
			return User{}, apperr.Invalid("organisationId", "required", msg.M("identity.organisationIdRequired"))
		}
		return User{}, apperr.Invalid("organisationId", "notAllowed", msg.M("identity.organisationIdNotAllowed"))
	}
	if in.OrganisationID != "" {
		if _, err := s.GetOrganisation(ctx, p, in.OrganisationID); err != nil {
			return User{}, apperr.Invalid("organisationId", "unknown", msg.M("identity.organisationIdUnknown"))
		}
	}
	name, err := trimmedDisplayName(in.DisplayName)
	if err != nil {
		return User{}, err
	}
	row := userRow{RegionID: p.RegionID, OrganisationID: database.NullIfEmpty(in.OrganisationID), Email: NormaliseEmail(in.Email),
		DisplayName: name, Role: string(in.Role), Status: StatusInvited, CreatedAt: s.now(), UpdatedAt: s.now()}
	err = s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			if errors.Is(translate(err, "create user"), apperr.ErrConflict) {
				return apperr.Invalid("email", "unique", msg.M("identity.emailUnique"))
			}
			return translate(err, "create user")
		}
		if err := s.issueToken(ctx, tx, row.ID, p.UserID, "invitation", InvitationTokenTTL, "invitation", map[string]any{"invitedBy": p.DisplayName}); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "user.invited", IP: ip, SubjectType: "user", SubjectID: row.ID, Details: map[string]any{"role": row.Role}}))
	})
	if err != nil {
		return User{}, err
	}
	return row.toUser(), nil
}

func (s *Service) auditDenied(ctx context.Context, action, ip string, details map[string]any) {
	_ = s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: action, Outcome: audit.Denied, IP: ip, Details: details}))
	})
}

// UserFilter narrows ListUsers.
type UserFilter struct {
	Role           authz.Role
	OrganisationID string
	Q              string // words in the name or e-mail address
	Sort           string // name (default), email, role, createdAt; '-' first for descending
	Offset, Limit  int    // Limit 0: the first 1,000
}

// userSorts maps the users list's sort fields onto columns.
var userSorts = map[string]string{"name": "lower(display_name)", "email": "email", "role": "role", "createdAt": "created_at"}

// ListUsers returns the users of the caller's region (organisation users:
// only their own organisation's).
func (s *Service) ListUsers(ctx context.Context, p authz.Principal, f UserFilter) ([]User, int, error) {
	q := s.DB.WithContext(ctx).Where("region_id = ?", p.RegionID)
	if p.Role == authz.Accountmanager {
		q = q.Where("role IN ?", []string{string(authz.Werkgever), string(authz.Zorgaanbieder), string(authz.Accountmanager)})
	}
	if f.Role != "" {
		q = q.Where("role = ?", string(f.Role))
	}
	if f.OrganisationID != "" {
		q = q.Where("organisation_id = ?", f.OrganisationID)
	}
	for _, w := range httpapi.Words(f.Q) {
		q = q.Where("(display_name ILIKE ? OR email ILIKE ?)", httpapi.Like(w), httpapi.Like(w))
	}
	var total int64
	if err := q.Session(&gorm.Session{}).Model(&userRow{}).Count(&total).Error; err != nil {
		return nil, 0, err
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 1000
	}
	var rows []userRow
	if err := q.Order(httpapi.OrderBy(cmp.Or(f.Sort, "name"), userSorts, "id")).Offset(f.Offset).Limit(limit).Find(&rows).Error; err != nil {
		return nil, 0, err
	}
	out := make([]User, len(rows))
	for i, r := range rows {
		out[i] = r.toUser()
	}
	return out, int(total), nil
}

// UserChange changes a user's status or role (admins only).
type UserChange struct {
	Status *string
	Role   *authz.Role
}

// UpdateUser applies a change to a user of the caller's region. Admins
// cannot change their own role or disable themselves.
func (s *Service) UpdateUser(ctx context.Context, p authz.Principal, id string, ch UserChange, ip string) (User, error) {
	var u userRow
	if err := s.DB.WithContext(ctx).Where("id = ? AND region_id = ?", id, p.RegionID).First(&u).Error; err != nil {
		return User{}, translate(err, "load user")
	}
	updates := map[string]any{}
	details := map[string]any{}
	if ch.Status != nil && *ch.Status != u.Status {
		if id == p.UserID {
			s.auditDenied(ctx, "user.status_changed", ip, map[string]any{"reason": "self"})
			return User{}, fmt.Errorf("disable yourself: %w", apperr.ErrForbidden)
		}
		updates["status"] = *ch.Status
		details["status"] = map[string]string{"from": u.Status, "to": *ch.Status}
	}
	if ch.Role != nil && string(*ch.Role) != u.Role {
		if id == p.UserID {
			s.auditDenied(ctx, "user.role_changed", ip, map[string]any{"reason": "self"})
			return User{}, fmt.Errorf("change own role: %w", apperr.ErrForbidden)
		}
		if authz.Role(u.Role).IsOrganisationRole() != ch.Role.IsOrganisationRole() || *ch.Role == authz.Kandidaat || u.Role == string(authz.Kandidaat) {
			return User{}, apperr.Invalid("role", "notAllowed", msg.M("identity.roleNotAllowed"))
		}
		updates["role"] = string(*ch.Role)
		details["role"] = map[string]string{"from": u.Role, "to": string(*ch.Role)}
	}
	if len(updates) == 0 {
		return u.toUser(), nil
	}
	updates["updated_at"] = s.now()
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Model(&userRow{}).Where("id = ?", id).Updates(updates).Error; err != nil {
			return err
		}
		// A disabled user or a changed role starts over: end their sessions.
		if err := tx.Where("user_id = ?", id).Delete(&sessionRow{}).Error; err != nil {
			return err
		}
		action := "user.role_changed"
		if _, ok := updates["status"]; ok {
			action = "user.status_changed"
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: action, IP: ip, SubjectType: "user", SubjectID: id, Details: details}))
	})
	if err != nil {
		return User{}, err
	}
	if err := s.DB.WithContext(ctx).First(&u, "id = ?", id).Error; err != nil {
		return User{}, err
	}
	return u.toUser(), nil
}

// NewOrganisation asks for an organisation.
type NewOrganisation struct {
	Kind             string
	Name             string
	KvKNumber        string
	Postcode         string
	AccountmanagerID string
}

// CreateOrganisation registers an organisation in the caller's region.
func (s *Service) CreateOrganisation(ctx context.Context, p authz.Principal, in NewOrganisation, ip string) (Organisation, error) {
	// Geocoded offline against the bundled PC4 table: a postcode that no
	// area has is refused, so every organisation can later be placed on the map.
	addr, err := geo.ResolveAddress("postcode", in.Postcode)
	if err != nil {
		return Organisation{}, err
	}
	pc := addr.Postcode
	am := in.AccountmanagerID
	if am == "" && p.Role == authz.Accountmanager {
		am = p.UserID
	}
	if am != "" {
		var n int64
		s.DB.WithContext(ctx).Model(&userRow{}).Where("id = ? AND region_id = ? AND role = ?", am, p.RegionID, string(authz.Accountmanager)).Count(&n)
		if n == 0 {
			return Organisation{}, apperr.Invalid("accountmanagerId", "unknown", msg.M("identity.accountmanagerIdUnknown"))
		}
	}
	name, err := trimmedName(in.Name)
	if err != nil {
		return Organisation{}, err
	}
	row := organisationRow{RegionID: p.RegionID, Kind: in.Kind, Name: name, KvKNumber: in.KvKNumber, Postcode: pc,
		AccountmanagerID: database.NullIfEmpty(am), CreatedAt: s.now(), UpdatedAt: s.now()}
	err = s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			if errors.Is(translate(err, "create organisation"), apperr.ErrConflict) {
				return apperr.Invalid("kvkNummer", "unique", msg.M("identity.kvkNummerUnique"))
			}
			return translate(err, "create organisation")
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "organisation.created", IP: ip, SubjectType: "organisation", SubjectID: row.ID}))
	})
	if err != nil {
		return Organisation{}, err
	}
	return row.toOrganisation(), nil
}

// scopeOrganisations limits a query to what the caller may see.
func scopeOrganisations(q *gorm.DB, p authz.Principal) *gorm.DB {
	q = q.Where("region_id = ?", p.RegionID)
	if p.Role.IsOrganisationRole() {
		q = q.Where("id = ?", p.OrganisationID)
	}
	return q
}

// ListOrganisations returns the organisations the caller may see.
func (s *Service) ListOrganisations(ctx context.Context, p authz.Principal) ([]Organisation, error) {
	var rows []organisationRow
	if err := scopeOrganisations(s.DB.WithContext(ctx), p).Order("name, id").Limit(1000).Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]Organisation, len(rows))
	for i, r := range rows {
		out[i] = r.toOrganisation()
	}
	return out, nil
}

// GetOrganisation loads one organisation; another region's or organisation's
// answers apperr.ErrNotFound.
func (s *Service) GetOrganisation(ctx context.Context, p authz.Principal, id string) (Organisation, error) {
	var r organisationRow
	if err := scopeOrganisations(s.DB.WithContext(ctx), p).Where("id = ?", id).First(&r).Error; err != nil {
		return Organisation{}, translate(err, "load organisation")
	}
	return r.toOrganisation(), nil
}

// ListRegions returns the caller's own region: no admin sees another's.
// The platform administrator sees every region, with whether its first
// admin was invited or has signed up (platform.go).
func (s *Service) ListRegions(ctx context.Context, p authz.Principal) ([]Region, error) {
	q := s.DB.WithContext(ctx).Order("name, id")
	if p.Role != authz.Platform {
		q = q.Where("id = ?", p.RegionID)
	}
	var rows []regionRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]Region, len(rows))
	for i, r := range rows {
		out[i] = r.toRegion()
	}
	if p.Role == authz.Platform {
		return s.withAdminStatus(ctx, out)
	}
	return out, nil
}

// CreateRegion adds a tenant (the platform administrator only); its first
// admin is invited with InviteRegionAdmin.
func (s *Service) CreateRegion(ctx context.Context, p authz.Principal, slug, name, ip string) (Region, error) {
	if p.Role != authz.Platform {
		return Region{}, fmt.Errorf("create region as %s: %w", p.Role, apperr.ErrForbidden)
	}
	name, err := trimmedName(name)
	if err != nil {
		return Region{}, err
	}
	row := regionRow{Slug: slug, Name: name, CreatedAt: s.now(), UpdatedAt: s.now()}
	err = s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			if errors.Is(translate(err, "create region"), apperr.ErrConflict) {
				return apperr.Invalid("slug", "unique", msg.M("identity.slugUnique"))
			}
			return translate(err, "create region")
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{RegionID: row.ID, Action: "region.created", IP: ip, SubjectType: "region", SubjectID: row.ID}))
	})
	if err != nil {
		return Region{}, err
	}
	r := row.toRegion()
	r.AdminStatus = AdminNone
	return r, nil
}

// trimmedName is a region's or organisation's name without the spaces
// around it, which the schema's minLength counts and the tables' checks do
// not: "b " was a 500 (TestContractFuzzing).
// trimmedDisplayName is a person's name without the spaces around it; one
// of only spaces (any Unicode space, which TrimSpace removes and the table's
// check would then refuse) is 400 naming displayName.
func trimmedDisplayName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", apperr.Invalid("displayName", "minLength", msg.M(msg.FieldMinLength, 1))
	}
	return name, nil
}

func trimmedName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if len([]rune(name)) < 2 {
		return "", apperr.Invalid("name", "minLength", msg.M(msg.FieldMinLength, 2))
	}
	return name, nil
}

// Recipient implements mail.Recipients.
func (s *Service) Recipient(ctx context.Context, userID string) (mail.Recipient, error) {
	var u userRow
	if err := s.DB.WithContext(ctx).First(&u, "id = ?", userID).Error; err != nil {
		return mail.Recipient{}, translate(err, "mail recipient")
	}
	return mail.Recipient{Email: u.Email, DisplayName: u.DisplayName, Language: "nl"}, nil
}
