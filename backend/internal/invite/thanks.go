package invite

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// Thank-yous and Jouw aandeel. A placement is credited to the klantmanager
// and the accountmanager who held the caseload and the portfolio when it was
// recorded (placements.klantmanager_id, accountmanager_id; set by Place).
// Users of the placed organisation may thank either of them, the placed
// kandidaat their klantmanager, each once per placement (thank_yous is
// append-only; a second thank-you is a conflict). A thank-you notifies its
// recipient in the same transaction. The recipient sees the organisation's
// name or "een kandidaat", never who the candidate is. Jouw aandeel shows
// each klantmanager and accountmanager their own figures only.

// The recipient roles of a thank-you.
const (
	ToKlantmanager   = "klantmanager"
	ToAccountmanager = "accountmanager"
)

// MaxThanksLength is the longest thank-you message, in characters.
const MaxThanksLength = 500

// ThankYou is a stored thank-you as its sender sees it.
type ThankYou struct {
	ID, PlacementID, To, Message string
	CreatedAt                    time.Time
}

type thankYouRow struct {
	ID             string `gorm:"primaryKey;default:gen_random_uuid()"`
	PlacementID    string
	RegionID       string
	SenderKind     string
	SenderID       string
	OrganisationID *string
	RecipientRole  string
	RecipientID    string
	Message        string
	CreatedAt      time.Time
}

func (thankYouRow) TableName() string { return "thank_yous" }

// credit is a placement with whom it is credited to.
type credit struct {
	ID, RegionID, OrganisationID, OrganisationName, InviteID string
	KlantmanagerID, AccountmanagerID                         *string
}

func checkMessage(message string) (string, error) {
	message = strings.TrimSpace(message)
	switch {
	case message == "":
		return "", apperr.Invalid("message", "required", msg.M("thanks.messageRequired"))
	case utf8.RuneCountInString(message) > MaxThanksLength:
		return "", apperr.Invalid("message", "maxLength", msg.M("field.maxLength", MaxThanksLength))
	}
	return message, nil
}

// ThankForPlacement records a thank-you from a user of the placed
// organisation to the klantmanager or accountmanager credited with
// placement id. Another organisation's placement is not found.
func (s *Service) ThankForPlacement(ctx context.Context, p authz.Principal, id, to, message, ip string) (ThankYou, error) {
	if !p.Role.IsOrganisationRole() {
		return ThankYou{}, fmt.Errorf("thank: %w", apperr.ErrForbidden)
	}
	message, err := checkMessage(message)
	if err != nil {
		return ThankYou{}, err
	}
	if to != ToKlantmanager && to != ToAccountmanager {
		return ThankYou{}, apperr.Invalid("to", "enum", msg.M("thanks.toEnum"))
	}
	var out ThankYou
	err = s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		c, err := loadCredit(ctx, tx, "pl.id = ? AND pl.region_id = ? AND pl.organisation_id = ?", id, p.RegionID, p.OrganisationID)
		if err != nil {
			return err
		}
		out, err = s.thank(ctx, tx, p, c, "organisation", to, message, ip)
		return err
	})
	return out, err
}

// ThankMyKlantmanager records the placed kandidaat's thank-you to the
// klantmanager credited with the placement of their invite id.
func (s *Service) ThankMyKlantmanager(ctx context.Context, p authz.Principal, id, message, ip string) (ThankYou, error) {
	if p.Role != authz.Kandidaat {
		return ThankYou{}, fmt.Errorf("thank: %w", apperr.ErrForbidden)
	}
	message, err := checkMessage(message)
	if err != nil {
		return ThankYou{}, err
	}
	var out ThankYou
	err = s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := load(ctx, tx, p, id, false)
		if err != nil {
			return err
		}
		if State(v.State) != Placed {
			return &apperr.ConflictError{Code: "notPlaced", Msg: msg.M("thanks.notPlaced")}
		}
		c, err := loadCredit(ctx, tx, "pl.invite_id = ?", v.ID)
		if err != nil {
			return err
		}
		out, err = s.thank(ctx, tx, p, c, "kandidaat", ToKlantmanager, message, ip)
		return err
	})
	return out, err
}

func loadCredit(ctx context.Context, tx *gorm.DB, where string, args ...any) (credit, error) {
	var c credit
	err := tx.WithContext(ctx).Table("placements pl").
		Select("pl.id, pl.region_id, pl.organisation_id, org.name AS organisation_name, pl.invite_id, pl.klantmanager_id, pl.accountmanager_id").
		Joins("JOIN organisation_directory org ON org.id = pl.organisation_id").Where(where, args...).Take(&c).Error
	return c, database.Translate(err, "load placement")
}

// thank stores the thank-you once and notifies its recipient, in tx.
func (s *Service) thank(ctx context.Context, tx *gorm.DB, p authz.Principal, c credit, sender, to, message, ip string) (ThankYou, error) {
	recipient := c.KlantmanagerID
	if to == ToAccountmanager {
		recipient = c.AccountmanagerID
	}
	if recipient == nil {
		return ThankYou{}, &apperr.ConflictError{Code: "noRecipient", Msg: msg.M("thanks.noRecipient")}
	}
	r := thankYouRow{PlacementID: c.ID, RegionID: c.RegionID, SenderKind: sender, SenderID: p.UserID, RecipientRole: to, RecipientID: *recipient,
		Message: message, CreatedAt: s.now()}
	if sender == "organisation" {
		r.OrganisationID = &c.OrganisationID
	}
	res := tx.Exec(`INSERT INTO thank_yous (placement_id, region_id, sender_kind, sender_id, organisation_id, recipient_role, recipient_id, message, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (placement_id, sender_id, recipient_role) DO NOTHING`,
		r.PlacementID, r.RegionID, r.SenderKind, r.SenderID, r.OrganisationID, r.RecipientRole, r.RecipientID, r.Message, r.CreatedAt)
	if res.Error != nil {
		return ThankYou{}, database.Translate(res.Error, "store thank-you")
	}
	if res.RowsAffected == 0 {
		return ThankYou{}, &apperr.ConflictError{Code: "alreadyThanked", Msg: msg.M("thanks.alreadyThanked")}
	}
	if err := tx.Raw(`SELECT id::text FROM thank_yous WHERE placement_id = ? AND sender_id = ? AND recipient_role = ?`, c.ID, p.UserID, to).
		Row().Scan(&r.ID); err != nil {
		return ThankYou{}, err
	}
	n := notification.Notice{Kind: notification.ThankYou, Link: "/#jouw-aandeel",
		TitleNL: "Een kandidaat bedankt je voor je hulp bij het vinden van werk.",
		TitleEN: "A candidate thanks you for helping them find work."}
	if sender == "organisation" {
		n.TitleNL = fmt.Sprintf("%s bedankt je voor een plaatsing.", c.OrganisationName)
		n.TitleEN = fmt.Sprintf("%s thanks you for a placement.", c.OrganisationName)
	}
	if err := s.Notify.Notify(ctx, tx, n, *recipient); err != nil {
		return ThankYou{}, err
	}
	if err := audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "placement.thanked", IP: ip, SubjectType: "placement",
		SubjectID: c.ID, Details: map[string]any{"to": to, "thankYouId": r.ID}})); err != nil {
		return ThankYou{}, err
	}
	return ThankYou{ID: r.ID, PlacementID: c.ID, To: to, Message: message, CreatedAt: r.CreatedAt}, nil
}

// thankedBy are the invites whose placement the user thanked someone for.
func (s *Service) thankedBy(ctx context.Context, userID string) ([]string, error) {
	var ids []string
	err := s.DB.WithContext(ctx).Raw(`SELECT DISTINCT pl.invite_id::text FROM thank_yous t JOIN placements pl ON pl.id = t.placement_id WHERE t.sender_id = ?`, userID).
		Scan(&ids).Error
	return ids, err
}
