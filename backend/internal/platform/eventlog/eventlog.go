// Package eventlog is the append-only history of a state machine's
// subject (an invite, a booking): who moved it, when, from which state to
// which, and why. Each log is its own table (invite_events,
// booking_events) with the same columns and a trigger refusing UPDATE and
// DELETE; this package writes and reads them the same way. A log whose
// table has a code column (Log.Code) may also hold notes that change no
// state (From = To), each named by a code.
package eventlog

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// Log names one event table and the column naming its subject.
type Log struct {
	Table   string // e.g. "invite_events"
	Subject string // e.g. "invite_id"
	// Code is the column holding an entry's code ("": the table has none).
	Code string
}

// Entry is one event.
type Entry struct {
	At          time.Time
	ActorUserID string
	Actor       string
	From, To    string
	Reason      string
	// Code names a note (e.g. "doublePayment"); only logs with Log.Code store it.
	Code string
}

// Append writes one event for subject id in tx.
func (l Log) Append(ctx context.Context, tx *gorm.DB, id string, e Entry) error {
	var from, user any
	if e.From != "" {
		from = e.From
	}
	if e.ActorUserID != "" {
		user = e.ActorUserID
	}
	cols, args := "", []any{id, e.At, user, e.Actor, from, e.To, e.Reason}
	if l.Code != "" && e.Code != "" {
		cols, args = ", "+l.Code, append(args, e.Code)
	}
	return tx.WithContext(ctx).Exec(`INSERT INTO `+l.Table+` (`+l.Subject+`, occurred_at, actor_user_id, actor, from_state, to_state, reason`+cols+`)
		VALUES ?`, args).Error
}

// List returns subject id's events, oldest first.
func (l Log) List(ctx context.Context, db *gorm.DB, id string) ([]Entry, error) {
	var rows []struct {
		OccurredAt  time.Time
		ActorUserID *string
		Actor       string
		FromState   *string
		ToState     string
		Reason      string
		Code        *string
	}
	code := "NULL::text"
	if l.Code != "" {
		code = l.Code
	}
	if err := db.WithContext(ctx).Raw(`SELECT occurred_at, actor_user_id::text, actor, from_state, to_state, reason, `+code+` AS code FROM `+l.Table+
		` WHERE `+l.Subject+` = ? ORDER BY id`, id).Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]Entry, len(rows))
	for i, r := range rows {
		out[i] = Entry{At: r.OccurredAt, Actor: r.Actor, To: r.ToState, Reason: r.Reason}
		if r.FromState != nil {
			out[i].From = *r.FromState
		}
		if r.ActorUserID != nil {
			out[i].ActorUserID = *r.ActorUserID
		}
		if r.Code != nil {
			out[i].Code = *r.Code
		}
	}
	return out, nil
}
