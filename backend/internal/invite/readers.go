package invite

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
)

// The readers below are what other domains (bookings linked to an invite
// or a placement, the kandidaat's export) may ask of invites, in the
// caller's db.

// AcceptedCandidate is the candidate of the organisation's invite id once
// the kandidaat has accepted it (accepted, introduced, intake planned or
// placed); any other invite is apperr.ErrNotFound.
func (s *Service) AcceptedCandidate(ctx context.Context, db *gorm.DB, id, orgID string) (string, error) {
	return candidateOf(ctx, db, `SELECT count(*), max(candidate_id::text) FROM invites WHERE id = ? AND organisation_id = ? AND state IN ('accepted', 'introduced', 'intake_planned', 'placed')`, id, orgID)
}

// PlacedCandidate is the candidate of the organisation's placement id while
// it lasts; an ended or unknown placement is apperr.ErrNotFound.
func (s *Service) PlacedCandidate(ctx context.Context, db *gorm.DB, id, orgID string) (string, error) {
	return candidateOf(ctx, db, `SELECT count(*), max(candidate_id::text) FROM placements WHERE id = ? AND organisation_id = ? AND ended_on IS NULL`, id, orgID)
}

func candidateOf(ctx context.Context, db *gorm.DB, query, id, orgID string) (string, error) {
	var n int64
	var c *string
	if err := db.WithContext(ctx).Raw(query, id, orgID).Row().Scan(&n, &c); err != nil {
		return "", err
	}
	if n == 0 || c == nil {
		return "", fmt.Errorf("%s for organisation %s: %w", id, orgID, apperr.ErrNotFound)
	}
	return *c, nil
}

// CandidateInvites are every invite of candidateID, newest first, with their
// history, disclosure, placement and follow-ups, read in db: the
// kandidaat's export (AVG art. 15), so nothing is left out or scoped.
func (s *Service) CandidateInvites(ctx context.Context, db *gorm.DB, candidateID string) ([]candidate.InviteRecord, error) {
	var rows []viewRow
	if err := view(db.WithContext(ctx)).Where("i.candidate_id = ?", candidateID).Order("i.created_at DESC, i.id").Find(&rows).Error; err != nil {
		return nil, database.Translate(err, "candidate invites")
	}
	out := make([]candidate.InviteRecord, len(rows))
	for i, v := range rows {
		in := v.toInvite()
		r := candidate.InviteRecord{ID: in.ID, OrganisationName: in.OrganisationName, OpeningTitle: in.OpeningTitle, State: string(in.State),
			Message: in.Message, Advice: in.Advice, CreatedAt: in.CreatedAt.UTC(), SentAt: in.SentAt, ExpiresAt: in.ExpiresAt, RemindedAt: v.RemindedAt,
			DeclineReason: in.DeclineReason, DeclineNote: in.DeclineNote, IntakeAt: in.IntakeAt, IntakeMode: in.IntakeMode, IntakePlace: in.IntakePlace,
			OutcomeNote: in.OutcomeNote}
		log, err := events.List(ctx, db, in.ID)
		if err != nil {
			return nil, err
		}
		for _, e := range log {
			r.Events = append(r.Events, candidate.EventRecord{At: e.At.UTC(), Actor: e.Actor, ActorUserID: e.ActorUserID, From: e.From, To: e.To, Reason: e.Reason})
		}
		if r.Disclosure, err = disclosureOf(ctx, db, in.ID); err != nil {
			return nil, err
		}
		if r.Placement, err = placementOf(ctx, db, in.ID); err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

func disclosureOf(ctx context.Context, db *gorm.DB, inviteID string) (*candidate.DisclosureRecord, error) {
	var rows []candidate.DisclosureRecord
	if err := db.WithContext(ctx).Raw(`SELECT share_phone, granted_at, withdrawn_at FROM disclosures WHERE invite_id = ?`, inviteID).Scan(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, nil
	}
	d := rows[0]
	d.GrantedAt = d.GrantedAt.UTC()
	return &d, nil
}

func placementOf(ctx context.Context, db *gorm.DB, inviteID string) (*candidate.PlacementRecord, error) {
	var pl []placementRow
	if err := db.WithContext(ctx).Where("invite_id = ?", inviteID).Find(&pl).Error; err != nil || len(pl) == 0 {
		return nil, err
	}
	r := pl[0]
	p := &candidate.PlacementRecord{StartDate: r.StartDate, ContractType: r.ContractType, Hours: r.Hours, HourlyWageCents: r.HourlyWageCents,
		TrialPeriodMonths: r.TrialPeriodMonths, EndedOn: r.EndedOn, Durable: r.Durable, CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt.UTC(),
		FollowUps: []candidate.FollowUpRecord{}}
	if r.EndReason != nil {
		p.EndReason = *r.EndReason
	}
	var fs []candidate.FollowUpRecord
	if err := db.WithContext(ctx).Raw(`SELECT week, due_on, answered_at, cancelled_at, still_employed FROM follow_ups WHERE placement_id = ? ORDER BY week`, r.ID).
		Scan(&fs).Error; err != nil {
		return nil, err
	}
	p.FollowUps = append(p.FollowUps, fs...)
	if err := db.WithContext(ctx).Raw(`SELECT message, created_at FROM thank_yous WHERE placement_id = ? AND sender_kind = 'kandidaat' ORDER BY created_at`, r.ID).
		Scan(&p.ThankYous).Error; err != nil {
		return nil, err
	}
	return p, nil
}

// PlacementOpening is the opening of placement id (package booking: the
// workplace of a person-bound service).
func (s *Service) PlacementOpening(ctx context.Context, db *gorm.DB, id string) (string, error) {
	var rows []string
	if err := db.WithContext(ctx).Raw(`SELECT opening_id::text FROM placements WHERE id = ?`, id).Scan(&rows).Error; err != nil {
		return "", err
	}
	if len(rows) == 0 {
		return "", fmt.Errorf("placement %s: %w", id, apperr.ErrNotFound)
	}
	return rows[0], nil
}
