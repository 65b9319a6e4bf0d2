package identity

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
)

type userRow struct {
	ID             string `gorm:"primaryKey;default:gen_random_uuid()"`
	RegionID       string
	OrganisationID *string
	Email          string
	DisplayName    string
	Role           string
	Status         string
	PasswordHash   *string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

func (userRow) TableName() string { return "users" }

func (r userRow) toUser() User {
	u := User{ID: r.ID, RegionID: r.RegionID, Email: r.Email, DisplayName: r.DisplayName, Role: authz.Role(r.Role), Status: r.Status, CreatedAt: r.CreatedAt.UTC()}
	if r.OrganisationID != nil {
		u.OrganisationID = *r.OrganisationID
	}
	return u
}

type organisationRow struct {
	ID               string `gorm:"primaryKey;default:gen_random_uuid()"`
	RegionID         string
	Kind             string
	Name             string
	KvKNumber        string `gorm:"column:kvk_number"`
	Postcode         string
	AccountmanagerID *string
	Sector           string
	Size             string
	ContactName      string
	ContactEmail     string
	ContactPhone     string
	Street           string
	City             string
	VatNumber        string
	StripeAccountID  *string
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

func (organisationRow) TableName() string { return "organisations" }

type contactMomentRow struct {
	ID             string `gorm:"primaryKey;default:gen_random_uuid()"`
	OrganisationID string
	RegionID       string
	AuthorUserID   string
	Kind           string
	OccurredOn     time.Time `gorm:"type:date"`
	Note           string
	CreatedAt      time.Time
}

func (contactMomentRow) TableName() string { return "contact_moments" }

func (r organisationRow) toOrganisation() Organisation {
	o := Organisation{ID: r.ID, RegionID: r.RegionID, Kind: r.Kind, Name: r.Name, KvKNumber: r.KvKNumber, Postcode: r.Postcode,
		Sector: r.Sector, Size: r.Size, ContactName: r.ContactName, ContactEmail: r.ContactEmail, ContactPhone: r.ContactPhone,
		Street: r.Street, City: r.City, VatNumber: r.VatNumber, CreatedAt: r.CreatedAt.UTC()}
	if r.AccountmanagerID != nil {
		o.AccountmanagerID = *r.AccountmanagerID
	}
	if r.StripeAccountID != nil {
		o.StripeAccountID = *r.StripeAccountID
	}
	return o
}

type regionRow struct {
	ID           string `gorm:"primaryKey;default:gen_random_uuid()"`
	Slug         string
	Name         string
	ContactEmail string
	ContactPhone string
	LegalName    string
	Street       string
	Postcode     string
	City         string
	KvKNumber    string `gorm:"column:kvk_number"`
	VatNumber    string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

func (regionRow) TableName() string { return "regions" }

func (r regionRow) toRegion() Region {
	return Region{ID: r.ID, Slug: r.Slug, Name: r.Name, ContactEmail: r.ContactEmail, ContactPhone: r.ContactPhone, LegalName: r.LegalName,
		Street: r.Street, Postcode: r.Postcode, City: r.City, KvKNumber: r.KvKNumber, VatNumber: r.VatNumber, CreatedAt: r.CreatedAt.UTC()}
}

type sessionRow struct {
	IDHash     []byte `gorm:"primaryKey;column:id_hash"`
	UserID     string
	Kind       string
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
}

func (sessionRow) TableName() string { return "sessions" }

type tokenRow struct {
	ID        string `gorm:"primaryKey;default:gen_random_uuid()"`
	Purpose   string
	TokenHash []byte
	UserID    string
	CreatedBy *string
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    *time.Time
}

func (tokenRow) TableName() string { return "auth_tokens" }

// newSecret returns a random URL-safe secret and its SHA-256, which is what
// the database keeps.
// NewSecret returns a random URL-safe secret for a mailed link and the
// SHA-256 hash that is stored instead.
func NewSecret() (string, []byte) {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	s := base64.RawURLEncoding.EncodeToString(b)
	return s, HashSecret(s)
}

// HashSecret is the stored form of a secret.
func HashSecret(s string) []byte {
	h := sha256.Sum256([]byte(s))
	return h[:]
}

// translate maps driver errors onto domain errors at the store boundary.
func translate(err error, what string) error { return database.Translate(err, what) }
