package identity

import (
	"context"
	"encoding/hex"
	"fmt"
	"net/netip"
	"time"

	"gorm.io/gorm"
)

// Throttling counts events per key in Postgres, so that every replica sees
// the same counts: failed sign-ins in sign_in_failures, requests for mailed
// links in mail_requests. A key names an account (accountKey), a client IP
// (ipKey) or both ("account:…|ip:…"). The limits are in identity.go.

// counter is one table of timestamped events per key.
type counter struct {
	recent string // the limit-th newest event of a key since a time (args: key, since, limit-1)
	insert string // one event (args: key, at)
}

var (
	signInFailures = counter{
		recent: `SELECT failed_at FROM sign_in_failures WHERE key = ? AND failed_at > ? ORDER BY failed_at DESC OFFSET ? LIMIT 1`,
		insert: `INSERT INTO sign_in_failures (key, failed_at) VALUES (?, ?)`,
	}
	mailRequests = counter{
		recent: `SELECT requested_at FROM mail_requests WHERE key = ? AND requested_at > ? ORDER BY requested_at DESC OFFSET ? LIMIT 1`,
		insert: `INSERT INTO mail_requests (key, requested_at) VALUES (?, ?)`,
	}
)

// rule allows limit events of key within window.
type rule struct {
	key    string
	limit  int
	window time.Duration
}

// wait returns how long until every rule allows one more event, zero when
// they all do now. A key with limit events within its window reopens when
// the oldest of its last limit events is window old.
func (c counter) wait(ctx context.Context, db *gorm.DB, now time.Time, rules ...rule) (time.Duration, error) {
	var wait time.Duration
	for _, r := range rules {
		var at []time.Time
		if err := db.WithContext(ctx).Raw(c.recent, r.key, now.Add(-r.window), r.limit-1).Scan(&at).Error; err != nil {
			return 0, fmt.Errorf("throttle check: %w", err)
		}
		if len(at) > 0 {
			wait = max(wait, at[0].Add(r.window).Sub(now))
		}
	}
	return wait, nil
}

// add records one event at now for each key, in tx.
func (c counter) add(ctx context.Context, tx *gorm.DB, now time.Time, keys ...string) error {
	for _, k := range keys {
		if err := tx.WithContext(ctx).Exec(c.insert, k, now).Error; err != nil {
			return fmt.Errorf("throttle count: %w", err)
		}
	}
	return nil
}

// accountKey names an e-mail address by its SHA-256: the addresses anyone
// types are not kept in the clear.
func accountKey(email string) string {
	return "account:" + hex.EncodeToString(HashSecret(NormaliseEmail(email)))
}

// ipKey names a client IP; an IPv6 client by its /64, the network one
// subscriber gets, so that hopping addresses within it does not escape a
// limit.
func ipKey(ip string) string {
	if a, err := netip.ParseAddr(ip); err == nil && a.Is6() && !a.Is4In6() {
		p, _ := a.WithZone("").Prefix(64)
		return "ip:" + p.String()
	}
	return "ip:" + ip
}

// signInKeys are the keys a sign-in counts under: the account with the IP,
// and the IP alone.
func signInKeys(email, ip string) (pair, from string) {
	from = ipKey(ip)
	return accountKey(email) + "|" + from, from
}

// clearSignInFailures forgets the account's failed sign-ins from every IP,
// in tx (after its owner set a new password by mail).
func clearSignInFailures(ctx context.Context, tx *gorm.DB, email string) error {
	return tx.WithContext(ctx).Exec(`DELETE FROM sign_in_failures WHERE starts_with(key, ?)`, accountKey(email)+"|").Error
}
