package invite

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/identity"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// Offer is an invite as the kandidaat reads it: who asks, for what work,
// with which support, and what accepting will share.
type Offer struct {
	Invite
	opening.Offer
	// Thanked: the kandidaat thanked their klantmanager for this work (Mine only).
	Thanked bool
}

func (s *Service) offer(ctx context.Context, db *gorm.DB, v viewRow) (Offer, error) {
	o, err := s.Openings.Offer(ctx, db, v.OpeningID)
	if err != nil {
		return Offer{}, err
	}
	return Offer{Invite: v.toInvite(), Offer: o}, nil
}

// Decision is the kandidaat's answer.
type Decision struct {
	Accept bool
	// SharePhone: the kandidaat may untick sharing their phone number.
	SharePhone bool
	Reason     string // one of DeclineReasons, optional
	Note       string
}

func (d Decision) validate() error {
	var bad apperr.Fields
	if d.Reason != "" && !slices.Contains(DeclineReasons, d.Reason) {
		bad.Add("reason", "enum", msg.M("invite.reasonEnum"))
	}
	if utf8.RuneCountInString(d.Note) > 500 {
		bad.Add("note", "maxLength", msg.M("invite.noteMaxLength"))
	}
	if d.Accept && (d.Reason != "" || strings.TrimSpace(d.Note) != "") {
		bad.Add("reason", "notAllowed", msg.M("invite.reasonNotAllowed"))
	}
	if len(bad) > 0 {
		return &apperr.InvalidError{Fields: bad}
	}
	return nil
}

// Mine lists the signed-in kandidaat's invites (Mijn uitnodigingen), each
// with the work it offers.
func (s *Service) Mine(ctx context.Context, p authz.Principal) ([]Offer, error) {
	if p.Role != authz.Kandidaat {
		return nil, fmt.Errorf("my invites: %w", apperr.ErrForbidden)
	}
	var rows []viewRow
	if err := scope(view(s.DB.WithContext(ctx)), p).Where("i.state <> ?", string(AwaitingApproval)).Order("i.created_at DESC, i.id").Limit(200).Find(&rows).Error; err != nil {
		return nil, database.Translate(err, "my invites")
	}
	thanked, err := s.thankedBy(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	out := make([]Offer, len(rows))
	for i, v := range rows {
		o, err := s.offer(ctx, s.DB, v)
		if err != nil {
			return nil, err
		}
		o.Thanked = slices.Contains(thanked, v.ID)
		out[i] = o
	}
	return out, nil
}

// ViewMine opens one of the kandidaat's invites; the first look moves it to viewed.
func (s *Service) ViewMine(ctx context.Context, p authz.Principal, id string) (Offer, error) {
	if p.Role != authz.Kandidaat {
		return Offer{}, fmt.Errorf("my invite: %w", apperr.ErrForbidden)
	}
	var out Offer
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := load(ctx, tx, p, id, true)
		if err != nil || State(v.State) == AwaitingApproval {
			return orNotFound(err)
		}
		if err := s.markViewed(ctx, tx, &v, p.UserID); err != nil {
			return err
		}
		out, err = s.offer(ctx, tx, v)
		return err
	})
	return out, err
}

func orNotFound(err error) error {
	if err == nil {
		return fmt.Errorf("invite: %w", apperr.ErrNotFound)
	}
	return err
}

func (s *Service) markViewed(ctx context.Context, tx *gorm.DB, v *viewRow, userID string) error {
	if State(v.State) != Invited {
		return nil
	}
	return s.move(ctx, tx, v, Viewed, Kandidaat, userID, "", nil)
}

// DecideMine records the signed-in kandidaat's answer.
func (s *Service) DecideMine(ctx context.Context, p authz.Principal, id string, d Decision, ip string) (Offer, error) {
	if p.Role != authz.Kandidaat {
		return Offer{}, fmt.Errorf("decide: %w", apperr.ErrForbidden)
	}
	if err := d.validate(); err != nil {
		return Offer{}, err
	}
	var out Offer
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := load(ctx, tx, p, id, true)
		if err != nil || State(v.State) == AwaitingApproval {
			return orNotFound(err)
		}
		if err := s.decide(ctx, tx, &v, d, p.UserID, ip); err != nil {
			return err
		}
		out, err = s.offer(ctx, tx, v)
		return err
	})
	return out, err
}

// linked finds the invite of a mailed link: an unknown link is
// apperr.ErrNotFound, a used one apperr.ErrGone.
func (s *Service) linked(ctx context.Context, tx *gorm.DB, token string) (viewRow, string, error) {
	var t tokenRow
	if err := tx.WithContext(ctx).Where("hash = ?", identity.HashSecret(token)).Take(&t).Error; err != nil {
		return viewRow{}, "", database.Translate(err, "invite link")
	}
	var v viewRow
	if err := view(tx.WithContext(ctx)).Where("i.id = ?", t.InviteID).Clauses(clause.Locking{Strength: "UPDATE", Table: clause.Table{Name: "i"}}).Take(&v).Error; err != nil {
		return viewRow{}, "", database.Translate(err, "load invite")
	}
	user, err := s.Candidates.UserID(ctx, tx, v.CandidateID)
	if err != nil || user == "" {
		return viewRow{}, "", fmt.Errorf("invite link of an erased candidate: %w", apperr.ErrNotFound)
	}
	var used int64
	if err := tx.Raw(`SELECT count(*) FROM invite_tokens WHERE invite_id = ? AND used_at IS NOT NULL`, v.ID).Scan(&used).Error; err != nil {
		return viewRow{}, "", err
	}
	if used > 0 {
		return v, user, apperr.ErrGone
	}
	return v, user, nil
}

// ViewByLink opens an invite from the mailed link (no sign-in).
func (s *Service) ViewByLink(ctx context.Context, token string) (Offer, error) {
	var out Offer
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, user, err := s.linked(ctx, tx, token)
		if err != nil {
			return err
		}
		if err := s.markViewed(ctx, tx, &v, user); err != nil {
			return err
		}
		out, err = s.offer(ctx, tx, v)
		return err
	})
	return out, err
}

// DecideByLink records the kandidaat's answer given through the mailed link;
// the link then stops working. Accepting twice through it answers the
// same result (one disclosure).
func (s *Service) DecideByLink(ctx context.Context, token string, d Decision, ip string) (Offer, error) {
	if err := d.validate(); err != nil {
		return Offer{}, err
	}
	var out Offer
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, user, err := s.linked(ctx, tx, token)
		if err == apperr.ErrGone && d.Accept && State(v.State) == Accepted {
			err = nil // a repeated accept: idempotent
		}
		if err != nil {
			return err
		}
		if err := s.decide(ctx, tx, &v, d, user, ip); err != nil {
			return err
		}
		out, err = s.offer(ctx, tx, v)
		return err
	})
	return out, err
}

// decide applies a decision to a locked invite: accept records the
// disclosure (once), decline the reason; both use up the invite's links and
// tell the organisation and the klantmanager.
func (s *Service) decide(ctx context.Context, tx *gorm.DB, v *viewRow, d Decision, userID, ip string) error {
	to := Declined
	if d.Accept {
		to = Accepted
	}
	if State(v.State) == to {
		return nil // the same answer again changes nothing
	}
	extra := map[string]any{}
	if !d.Accept {
		if d.Reason != "" {
			extra["decline_reason"] = d.Reason
		}
		extra["decline_note"] = strings.TrimSpace(d.Note)
	}
	if err := s.move(ctx, tx, v, to, Kandidaat, userID, d.Reason, extra); err != nil {
		return err
	}
	now := s.now()
	if err := tx.Model(&tokenRow{}).Where("invite_id = ? AND used_at IS NULL", v.ID).Update("used_at", now).Error; err != nil {
		return err
	}
	n := notification.Notice{Kind: notification.InviteDeclined, Link: "/uitnodigingen/" + v.ID,
		TitleNL: fmt.Sprintf("%s zegt nee tegen %s.", v.CandidateCode, v.OpeningTitle),
		TitleEN: fmt.Sprintf("%s declined %s.", v.CandidateCode, v.OpeningTitle)}
	if d.Accept {
		if err := tx.Exec(`INSERT INTO disclosures (invite_id, candidate_id, organisation_id, opening_id, share_phone, granted_at)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (invite_id) DO NOTHING`, v.ID, v.CandidateID, v.OrganisationID, v.OpeningID, d.SharePhone, now).Error; err != nil {
			return err
		}
		v.Disclosed, v.SharePhone = true, d.SharePhone
		n = notification.Notice{Kind: notification.InviteAccepted, Link: "/uitnodigingen/" + v.ID,
			TitleNL: fmt.Sprintf("%s zegt ja tegen %s: u ziet nu de contactgegevens.", v.CandidateCode, v.OpeningTitle),
			TitleEN: fmt.Sprintf("%s accepted %s: you can now see the contact details.", v.CandidateCode, v.OpeningTitle)}
	}
	users, err := s.Organisations.OrganisationUsers(ctx, tx, v.OrganisationID)
	if err != nil {
		return err
	}
	if err := s.Notify.Notify(ctx, tx, n, users...); err != nil {
		return err
	}
	n.Link = "/kandidaten/" + v.CandidateID
	if err := s.Notify.Notify(ctx, tx, n, v.KlantmanagerID); err != nil {
		return err
	}
	details := map[string]any{"organisationId": v.OrganisationID, "openingId": v.OpeningID}
	if d.Accept {
		details["sharePhone"] = d.SharePhone
	}
	return audit.Record(ctx, tx, audit.Event{RegionID: v.RegionID, ActorUserID: userID, ActorRole: string(authz.Kandidaat), Action: "invite." + string(to),
		IP: ip, SubjectType: "invite", SubjectID: v.ID, Details: details})
}

// WithdrawDisclosure ends an organisation's access to the kandidaat's
// contact details from now on; the invite keeps its state.
func (s *Service) WithdrawDisclosure(ctx context.Context, p authz.Principal, id, ip string) (Offer, error) {
	if p.Role != authz.Kandidaat {
		return Offer{}, fmt.Errorf("withdraw disclosure: %w", apperr.ErrForbidden)
	}
	var out Offer
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := load(ctx, tx, p, id, true)
		if err != nil {
			return err
		}
		res := tx.Exec(`UPDATE disclosures SET withdrawn_at = ? WHERE invite_id = ? AND withdrawn_at IS NULL`, s.now(), id)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return &apperr.ConflictError{Code: "nothingShared", Msg: msg.M("invite.nothingShared")}
		}
		v.Disclosed = false
		if err := s.event(ctx, tx, id, State(v.State), State(v.State), Kandidaat, p.UserID, "disclosure_withdrawn"); err != nil {
			return err
		}
		users, err := s.Organisations.OrganisationUsers(ctx, tx, v.OrganisationID)
		if err != nil {
			return err
		}
		n := notification.Notice{Kind: notification.DisclosureWithdrawn, Link: "/uitnodigingen/" + id,
			TitleNL: fmt.Sprintf("%s deelt de contactgegevens niet meer met u (%s).", v.CandidateCode, v.OpeningTitle),
			TitleEN: fmt.Sprintf("%s no longer shares contact details with you (%s).", v.CandidateCode, v.OpeningTitle)}
		if err := s.Notify.Notify(ctx, tx, n, append(users, v.KlantmanagerID)...); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "invite.disclosure_withdrawn", IP: ip, SubjectType: "invite", SubjectID: id,
			Details: map[string]any{"organisationId": v.OrganisationID}})); err != nil {
			return err
		}
		out, err = s.offer(ctx, tx, v)
		return err
	})
	return out, err
}

// Week is how often the kandidaat appeared in pools in one ISO week.
type Week struct {
	Week     string // e.g. 2026-W48
	Openings int    // distinct openings whose pool showed the kandidaat
}

// MyAppearances is "wie heeft naar mij gevraagd": pool appearances per
// week over the last 12 weeks (matching records them), counts only; who
// asked is only named in invites.
func (s *Service) MyAppearances(ctx context.Context, p authz.Principal) ([]Week, error) {
	if p.Role != authz.Kandidaat {
		return nil, fmt.Errorf("appearances: %w", apperr.ErrForbidden)
	}
	candidateID, err := s.Candidates.MineID(ctx, p)
	if err != nil {
		return nil, err
	}
	weeks, err := s.Pools.Appearances(ctx, p.RegionID, candidateID, s.now().AddDate(0, 0, -84))
	if err != nil {
		return nil, err
	}
	out := make([]Week, len(weeks))
	for i, w := range weeks {
		out[i] = Week(w)
	}
	return out, nil
}
