package search

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"

	"github.com/google/uuid"
	"github.com/meilisearch/meilisearch-go"
)

// keyNamespace makes app key uids stable per prefix.
var keyNamespace = uuid.MustParse("6f1b7c52-8d0e-4b7a-9a43-3f9d8e2a1c55")

// AppKeyUID is the uid of the app's API key for an index prefix.
func AppKeyUID(prefix string) string {
	return uuid.NewSHA1(keyNamespace, []byte("werkhaven-app:"+prefix)).String()
}

// AppKey is the value of the app's API key for an index prefix under a
// master key: what EnsureKey creates and serve needs as MEILI_API_KEY.
// Meilisearch computes a key as the HMAC-SHA256 of its uid under the master
// key, and the uid is fixed per prefix, so the value is too.
func AppKey(masterKey, prefix string) string { return deriveKey(masterKey, AppKeyUID(prefix)) }

func deriveKey(masterKey, uid string) string {
	m := hmac.New(sha256.New, []byte(masterKey))
	m.Write([]byte(uid))
	return hex.EncodeToString(m.Sum(nil))
}

// appActions are exactly the calls serve and its jobs make, on the prefix's
// indexes only: Bootstrap (indexes.get, indexes.create, settings.update),
// Put and Remove (documents.add, documents.delete), searches and
// multi-searches (search), Reindex (indexes.swap, indexes.delete) and
// waiting for their tasks (tasks.get). No key management, no reading
// documents back, no dumps or snapshots.
var appActions = []string{
	"search", "documents.add", "documents.delete",
	"indexes.get", "indexes.create", "indexes.delete", "indexes.swap",
	"settings.update", "tasks.get",
}

// DefaultKeyNames are the keys Meilisearch (1.21) creates on its first start:
// each reaches every index, and Werkhaven uses none of them, so Provision
// deletes them. Meilisearch creates them only while it has no key at all;
// the app's key, created first, keeps them from coming back.
var DefaultKeyNames = []string{
	"Default Search API Key",
	"Default Admin API Key",
	"Default Read-Only Admin API Key",
	"Default Chat API Key",
}

// master is a client with the master key, for key management only; it never
// searches, writes documents or waits for tasks.
func (c *Client) master() (meilisearch.ServiceManager, error) {
	if c.opts.MasterKey == "" {
		return nil, errors.New("managing meilisearch keys needs the master key (MEILI_MASTER_KEY)")
	}
	return meilisearch.New(c.opts.URL, meilisearch.WithCustomClient(c.hc), meilisearch.WithAPIKey(c.opts.MasterKey)), nil
}

// EnsureKey creates the app's API key with the master key if it does not
// exist yet, or recreates it (same uid, so the same value) when its rights
// differ from appActions.
func (c *Client) EnsureKey(ctx context.Context) error {
	master, err := c.master()
	if err != nil {
		return err
	}
	want := &meilisearch.Key{
		UID:         c.appUID,
		Name:        "werkhaven-app " + c.opts.Prefix,
		Description: "Werkhaven application key, scoped to its own indexes",
		Actions:     appActions,
		Indexes:     []string{c.opts.Prefix + "*"},
	}
	if c.opts.APIKey != "" && c.opts.APIKey != deriveKey(c.opts.MasterKey, c.appUID) {
		return fmt.Errorf("MEILI_API_KEY is not the app key of index prefix %q under this master key (werkhaven meili-key prints it)", c.opts.Prefix)
	}
	got, err := master.GetKeyWithContext(ctx, c.appUID)
	switch {
	case err == nil:
		if equalStrings(got.Actions, want.Actions) && equalStrings(got.Indexes, want.Indexes) {
			return nil
		}
		if _, err := master.DeleteKeyWithContext(ctx, c.appUID); err != nil {
			return fmt.Errorf("replace meilisearch app key: %w", err)
		}
	case !isNotFound(err):
		return fmt.Errorf("read meilisearch app key: %w", err)
	}
	created, err := master.CreateKeyWithContext(ctx, want)
	if err != nil {
		return fmt.Errorf("create meilisearch app key: %w", err)
	}
	if created.Key != deriveKey(c.opts.MasterKey, c.appUID) {
		return errors.New("meilisearch app key differs from the derived key: Meilisearch changed how it derives keys")
	}
	return nil
}

// RemoveDefaultKeys deletes Meilisearch's default keys (DefaultKeyNames)
// with the master key and returns the names of those it deleted. Keys of
// other names (another prefix's app key, an operator's own) stay.
func (c *Client) RemoveDefaultKeys(ctx context.Context) ([]string, error) {
	master, err := c.master()
	if err != nil {
		return nil, err
	}
	keys, err := master.GetKeysWithContext(ctx, &meilisearch.KeysQuery{Limit: 1000})
	if err != nil {
		return nil, fmt.Errorf("list meilisearch keys: %w", err)
	}
	var removed []string
	for _, k := range keys.Results {
		if !slices.Contains(DefaultKeyNames, k.Name) {
			continue
		}
		if _, err := master.DeleteKeyWithContext(ctx, k.UID); err != nil && !isNotFound(err) {
			return removed, fmt.Errorf("delete meilisearch key %q: %w", k.Name, err)
		}
		removed = append(removed, k.Name)
	}
	return removed, nil
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, s := range a {
		seen[s]++
	}
	for _, s := range b {
		if seen[s] == 0 {
			return false
		}
		seen[s]--
	}
	return true
}
