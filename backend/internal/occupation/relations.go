package occupation

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm/clause"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// A region's changes to relatedness (occupation_relations): made by its
// accountmanagers and admins, read by every pool of the region from the
// next request on. A pair is stored once, in id order, whatever the
// order it was given in.

// Action is what a region's change does to a pair.
type Action string

// The actions: add makes the pair Close, remove takes away a built-in
// relation.
const (
	ActionAdd    Action = "add"
	ActionRemove Action = "remove"
)

type relationRow struct {
	ID          string `gorm:"primaryKey;default:gen_random_uuid()"`
	RegionID    string
	OccupationA string `gorm:"column:occupation_a"`
	OccupationB string `gorm:"column:occupation_b"`
	Action      Action
	CreatedBy   string
	CreatedAt   time.Time
}

func (relationRow) TableName() string { return "occupation_relations" }

// other is the pair's other occupation when id is one of it, else "".
func (r relationRow) other(id string) string {
	switch id {
	case r.OccupationA:
		return r.OccupationB
	case r.OccupationB:
		return r.OccupationA
	}
	return ""
}

// RegionRelation is one of a region's changes, with labels.
type RegionRelation struct {
	ID                            string
	OccupationID, RelatedID       string
	OccupationLabel, RelatedLabel string
	Action                        Action
	CreatedAt                     time.Time
}

// RegionRelations lists p's region's changes, newest first.
func (s *Service) RegionRelations(ctx context.Context, p authz.Principal) ([]RegionRelation, error) {
	var rows []struct {
		relationRow
		LabelA, LabelB string
	}
	err := s.DB.WithContext(ctx).Table("occupation_relations r").
		Select("r.*, a.label AS label_a, b.label AS label_b").
		Joins("JOIN occupations a ON a.id = r.occupation_a").Joins("JOIN occupations b ON b.id = r.occupation_b").
		Where("r.region_id = ?", p.RegionID).Order("r.created_at DESC, r.id").Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make([]RegionRelation, len(rows))
	for i, r := range rows {
		out[i] = RegionRelation{ID: r.ID, OccupationID: r.OccupationA, RelatedID: r.OccupationB, OccupationLabel: r.LabelA,
			RelatedLabel: r.LabelB, Action: r.Action, CreatedAt: r.CreatedAt.UTC()}
	}
	return out, nil
}

// AddRegionRelation records a change for p's region: the pair must be two
// different known occupations and not changed before (409 duplicate; a
// change is undone by deleting it).
func (s *Service) AddRegionRelation(ctx context.Context, p authz.Principal, a, b string, action Action) (RegionRelation, error) {
	if !p.Has(authz.Admin, authz.Accountmanager) {
		return RegionRelation{}, apperr.ErrForbidden
	}
	var bad apperr.Fields
	if action != ActionAdd && action != ActionRemove {
		bad.Add("action", "enum", msg.M("occupation.relationAction"))
	}
	if a == b {
		bad.Add("relatedOccupationId", "self", msg.M("occupation.relationSelf"))
	}
	labels, err := s.Labels(ctx, []string{a, b})
	if err != nil {
		return RegionRelation{}, err
	}
	for name, id := range map[string]string{"occupationId": a, "relatedOccupationId": b} {
		if labels[id] == "" {
			bad.Add(name, "unknown", msg.M("occupation.relationUnknown", id))
		}
	}
	if len(bad) > 0 {
		return RegionRelation{}, &apperr.InvalidError{Fields: bad}
	}
	row := relationRow{RegionID: p.RegionID, OccupationA: min(a, b), OccupationB: max(a, b), Action: action, CreatedBy: p.UserID}
	res := s.DB.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&row)
	if res.Error != nil {
		return RegionRelation{}, fmt.Errorf("add relation: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return RegionRelation{}, &apperr.ConflictError{Code: "duplicate", Msg: msg.M("occupation.relationDuplicate")}
	}
	return RegionRelation{ID: row.ID, OccupationID: a, RelatedID: b, OccupationLabel: labels[a], RelatedLabel: labels[b],
		Action: action, CreatedAt: row.CreatedAt.UTC()}, nil
}

// DeleteRegionRelation undoes one of p's region's changes; another
// region's answers apperr.ErrNotFound.
func (s *Service) DeleteRegionRelation(ctx context.Context, p authz.Principal, id string) error {
	if !p.Has(authz.Admin, authz.Accountmanager) {
		return apperr.ErrForbidden
	}
	res := s.DB.WithContext(ctx).Where("id = ? AND region_id = ?", id, p.RegionID).Delete(&relationRow{})
	if res.Error != nil {
		return database.Translate(res.Error, "delete relation")
	}
	if res.RowsAffected == 0 {
		return apperr.ErrNotFound
	}
	return nil
}
