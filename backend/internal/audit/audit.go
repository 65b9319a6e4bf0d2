// Package audit is Werkhaven's append-only audit log. Record writes an event
// in the caller's transaction, so the action and its audit entry commit
// together; the table refuses UPDATE, DELETE and TRUNCATE (a trigger), so
// entries cannot be changed afterwards. Entries never hold passwords,
// tokens or a BSN: Record drops detail keys that look like them.
package audit

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

// Outcomes of an audited action.
const (
	Success = "success"
	Failure = "failure"
	Denied  = "denied"
)

// Event is one audited action.
type Event struct {
	RegionID    string
	ActorUserID string
	ActorRole   string
	Action      string // e.g. "session.sign_in", "candidate.personal_data_read"
	Outcome     string
	SubjectType string
	SubjectID   string
	IP          string
	Details     map[string]any
}

// Entry is a stored event.
type Entry struct {
	ID          int64
	OccurredAt  time.Time
	RegionID    string
	ActorUserID string
	ActorRole   string
	Action      string
	Outcome     string
	SubjectType string
	SubjectID   string
	IP          string
	RequestID   string
	Details     map[string]any
	// ActorName and SubjectName are filled by Names, not by List.
	ActorName   string
	SubjectName string
}

type row struct {
	ID          int64     `gorm:"primaryKey"`
	OccurredAt  time.Time `gorm:"autoCreateTime:false"`
	RegionID    *string
	ActorUserID *string
	ActorRole   *string
	Action      string
	Outcome     string
	SubjectType *string
	SubjectID   *string
	IP          *string
	RequestID   *string
	Details     []byte `gorm:"type:jsonb"`
}

func (row) TableName() string { return "audit_events" }

// forbiddenKeys never reach the log, whatever a caller passes.
var forbiddenKeys = []string{"password", "token", "bsn", "secret", "hash"}

// FromPrincipal fills the actor fields from the signed-in caller in ctx.
func FromPrincipal(ctx context.Context, e Event) Event {
	if p, ok := authz.From(ctx); ok {
		if e.ActorUserID == "" {
			e.ActorUserID = p.UserID
		}
		if e.ActorRole == "" {
			e.ActorRole = string(p.Role)
		}
		if e.RegionID == "" {
			e.RegionID = p.RegionID
		}
	}
	return e
}

// Record writes e with tx (a transaction, so it commits with the action).
func Record(ctx context.Context, tx *gorm.DB, e Event) error {
	if e.Outcome == "" {
		e.Outcome = Success
	}
	if !Labelled(e.Action) {
		// Still recorded (the log must not lose an event), but the audit
		// page would show the bare code: labels.json needs it.
		slog.WarnContext(ctx, "audit action without a label in labels.json", "action", e.Action)
	}
	details := map[string]any{}
	for k, v := range e.Details {
		lk := strings.ToLower(k)
		bad := false
		for _, f := range forbiddenKeys {
			if strings.Contains(lk, f) {
				bad = true
			}
		}
		if !bad {
			details[k] = v
		}
	}
	b, err := json.Marshal(details)
	if err != nil {
		return fmt.Errorf("audit details: %w", err)
	}
	r := row{
		OccurredAt: time.Now().UTC(), RegionID: database.NullIfEmpty(e.RegionID), ActorUserID: database.NullIfEmpty(e.ActorUserID),
		ActorRole: database.NullIfEmpty(e.ActorRole), Action: e.Action, Outcome: e.Outcome, SubjectType: database.NullIfEmpty(e.SubjectType),
		SubjectID: database.NullIfEmpty(e.SubjectID), IP: database.NullIfEmpty(e.IP), RequestID: database.NullIfEmpty(httpapi.RequestID(ctx)), Details: b,
	}
	if err := tx.WithContext(ctx).Create(&r).Error; err != nil {
		return fmt.Errorf("record audit event %s: %w", e.Action, err)
	}
	return nil
}

// Filter narrows List.
type Filter struct {
	ActorUserID string
	SubjectType string
	SubjectID   string
	// ListedIn also matches entries about many subjects at once: entries of
	// SubjectType without a subject id whose details[ListedIn] is a list
	// holding SubjectID (a caseload read names its candidates so).
	ListedIn string
	Action   string
	From, To time.Time
	// Before is the cursor: only entries with a smaller id.
	Before int64
	Limit  int
}

// List returns a region's entries, newest first, and the cursor of the next
// page (0 when there is none).
func List(ctx context.Context, db *gorm.DB, regionID string, f Filter) ([]Entry, int64, error) {
	q := db.WithContext(ctx).Model(&row{}).Where("region_id = ?", regionID)
	if f.ActorUserID != "" {
		q = q.Where("actor_user_id = ?", f.ActorUserID)
	}
	if f.SubjectType != "" {
		q = q.Where("subject_type = ?", f.SubjectType)
	}
	switch {
	case f.SubjectID != "" && f.ListedIn != "":
		q = q.Where("(subject_id = ? OR (subject_id IS NULL AND details -> ? @> jsonb_build_array(?::text)))", f.SubjectID, f.ListedIn, f.SubjectID)
	case f.SubjectID != "":
		q = q.Where("subject_id = ?", f.SubjectID)
	}
	if f.Action != "" {
		q = q.Where("action = ?", f.Action)
	}
	if !f.From.IsZero() {
		q = q.Where("occurred_at >= ?", f.From)
	}
	if !f.To.IsZero() {
		q = q.Where("occurred_at < ?", f.To)
	}
	if f.Before > 0 {
		q = q.Where("id < ?", f.Before)
	}
	var rows []row
	if err := q.Order("id DESC").Limit(f.Limit + 1).Find(&rows).Error; err != nil {
		return nil, 0, fmt.Errorf("list audit events: %w", err)
	}
	var next int64
	if len(rows) > f.Limit {
		rows = rows[:f.Limit]
		next = rows[len(rows)-1].ID
	}
	out := make([]Entry, len(rows))
	for i, r := range rows {
		out[i] = fromRow(r)
	}
	return out, next, nil
}

func fromRow(r row) Entry {
	e := Entry{ID: r.ID, OccurredAt: r.OccurredAt.UTC(), RegionID: deref(r.RegionID), ActorUserID: deref(r.ActorUserID),
		ActorRole: deref(r.ActorRole), Action: r.Action, Outcome: r.Outcome, SubjectType: deref(r.SubjectType),
		SubjectID: deref(r.SubjectID), IP: deref(r.IP), RequestID: deref(r.RequestID)}
	_ = json.Unmarshal(r.Details, &e.Details)
	return e
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
