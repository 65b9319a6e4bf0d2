package candidate

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
)

// Reach is what inviting a candidate needs to know, without personal data:
// whether they are in the pool now, how to reach them (their kandidaat
// account) and who their klantmanager is.
type Reach struct {
	ID, Code, KlantmanagerID string
	UserID                   *string
	// InPool: consent, available or in process, confirmed within 180 days
	// (the filter every pool applies).
	InPool bool
}

// Reach returns the region's candidates among ids, locked for the rest of tx
// so their consent cannot change under an invite.
func (s *Service) Reach(ctx context.Context, tx *gorm.DB, regionID string, ids []string) (map[string]Reach, error) {
	var rows []Row
	if err := tx.WithContext(ctx).Clauses(lockRow()).Where("region_id = ? AND id IN ? AND status <> ?", regionID, ids, string(Erased)).Find(&rows).Error; err != nil {
		return nil, database.Translate(err, "load candidates")
	}
	out := make(map[string]Reach, len(rows))
	limit := s.now().Add(-ExpiredAfter)
	for _, r := range rows {
		out[r.ID] = Reach{ID: r.ID, Code: r.PublicCode, KlantmanagerID: r.KlantmanagerID, UserID: r.UserID,
			InPool: r.Consent && (r.Status == string(Available) || r.Status == string(InProcess)) && r.ConfirmedAt.After(limit)}
	}
	return out, nil
}

// Disclose reads the personal data a kandidaat agreed to share by accepting
// an invite; the caller has checked the disclosure. The read is audited
// with the invite it was for.
func (s *Service) Disclose(ctx context.Context, candidateID, inviteID, ip string) (Identity, error) {
	return s.readIdentity(ctx, candidateID, ip, "invite:"+inviteID)
}

// MarkPlaced gives a candidate the status placed, in tx: they leave every
// pool once the index follows.
func (s *Service) MarkPlaced(ctx context.Context, tx *gorm.DB, id string) error {
	if err := tx.WithContext(ctx).Model(&Row{}).Where("id = ? AND status <> ?", id, string(Erased)).
		Updates(map[string]any{"status": string(Placed), "updated_at": s.now()}).Error; err != nil {
		return fmt.Errorf("mark placed: %w", err)
	}
	return search.Enqueue(ctx, tx, s.Jobs, IndexName, id)
}

// MineID is the id of the signed-in kandidaat's own candidate.
func (s *Service) MineID(ctx context.Context, p authz.Principal) (string, error) {
	r, err := s.mine(ctx, s.DB, p)
	return r.ID, err
}

// InCaseload reports (as apperr.ErrNotFound) whether p may follow candidate
// id: the klantmanager's own caseload, or any candidate of the region for
// admins.
func (s *Service) InCaseload(ctx context.Context, p authz.Principal, id string) error {
	_, err := s.load(ctx, s.DB, p, id)
	return err
}

// UserID is the kandidaat account of a candidate ("" when they have none);
// an erased or unknown candidate is apperr.ErrNotFound.
func (s *Service) UserID(ctx context.Context, db *gorm.DB, id string) (string, error) {
	var rows []struct{ UserID *string }
	if err := db.WithContext(ctx).Raw(`SELECT user_id::text FROM candidates WHERE id = ? AND status <> 'erased'`, id).Scan(&rows).Error; err != nil {
		return "", err
	}
	if len(rows) == 0 {
		return "", fmt.Errorf("candidate %s: %w", id, apperr.ErrNotFound)
	}
	if rows[0].UserID == nil {
		return "", nil
	}
	return *rows[0].UserID, nil
}

// Language is the language the kandidaat of account userID reads mail in
// ("" when unknown): not personal data by itself.
func (s *Service) Language(ctx context.Context, db *gorm.DB, userID string) string {
	var lang string
	_ = db.WithContext(ctx).Raw(`SELECT ci.language FROM candidates c JOIN candidate_identities ci ON ci.candidate_id = c.id WHERE c.user_id = ?`, userID).Row().Scan(&lang)
	return lang
}

// ToConfirm counts the klantmanager's caseload whose profile is not
// confirmed within StaleAfter (stale or expired), in db: the work a
// klantmanager sees on their start page. Placed, paused and erased
// candidates are left out.
func (s *Service) ToConfirm(ctx context.Context, db *gorm.DB, regionID, klantmanagerID string) (int, error) {
	var n int64
	err := db.WithContext(ctx).Model(&Row{}).Where("region_id = ? AND klantmanager_id = ? AND status IN ? AND confirmed_at <= ?",
		regionID, klantmanagerID, []string{string(Available), string(InProcess)}, s.now().Add(-StaleAfter)).Count(&n).Error
	return int(n), err
}

// MailRecipient completes the mail recipient of kandidaat account userID,
// read when a mail is sent: the name and language they gave, and the id of
// their klantmanager, the one to ask. ok is false when the account is no
// candidate's (staff, organisation users). The read of the name is
// audited (no actor: the mail worker), and the name goes only into the
// mail to the kandidaat themselves.
func (s *Service) MailRecipient(ctx context.Context, userID string) (r mail.Recipient, klantmanagerID string, ok bool, err error) {
	var rows []struct{ ID, RegionID, Name, Language, KlantmanagerID string }
	if err := s.DB.WithContext(ctx).Raw(`SELECT c.id, c.region_id, ci.name, ci.language, c.klantmanager_id
		FROM candidates c JOIN candidate_identities ci ON ci.candidate_id = c.id
		WHERE c.user_id = ? AND c.status <> 'erased'`, userID).Scan(&rows).Error; err != nil {
		return mail.Recipient{}, "", false, err
	}
	if len(rows) == 0 {
		return mail.Recipient{}, "", false, nil
	}
	row := rows[0]
	if err := audit.Record(ctx, s.DB, audit.Event{RegionID: row.RegionID, Action: "candidate.identity_read", SubjectType: "candidate",
		SubjectID: row.ID, Details: map[string]any{"fields": []string{"name"}, "via": "mail"}}); err != nil {
		return mail.Recipient{}, "", false, err
	}
	return mail.Recipient{DisplayName: row.Name, Language: row.Language}, row.KlantmanagerID, true, nil
}

// ShareWithProvider reads what the kandidaat agreed to share with the
// provider of booking bookingID (package booking checks the agreement): the
// read is audited as candidate.identity_read via booking:<id>, so the
// kandidaat's export lists it.
func (s *Service) ShareWithProvider(ctx context.Context, candidateID, bookingID, ip string) (Identity, error) {
	return s.readIdentity(ctx, candidateID, ip, "booking:"+bookingID)
}
