// Package search is Werkhaven's Meilisearch client. Postgres is the truth and
// every index is a projection that can be rebuilt from it (Reindex), so the
// package has two jobs: keep the index settings and the app's API key in
// place (Bootstrap), and move documents in without ever dropping a write.
package search

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/google/uuid"
	"github.com/meilisearch/meilisearch-go"
)

// Options configure a Client.
type Options struct {
	URL       string
	MasterKey string
	// Prefix namespaces every index ("werkhaven_"); tests use their own.
	Prefix string
	// HTTPClient replaces the default; only benchmarks need to.
	HTTPClient *http.Client
}

// Client talks to Meilisearch with a key scoped to the prefix's indexes; the
// master key is used only to create that key.
type Client struct {
	opts   Options
	hc     *http.Client
	app    meilisearch.ServiceManager
	appUID string
}

// NewHTTPClient returns the HTTP client Werkhaven uses for Meilisearch.
//
// Compression is off on purpose. Go's default transport asks for gzip;
// Meilisearch then writes the headers and the chunked gzip body in two
// writes, and Nagle on its side meets delayed ACK on ours: about 40 ms added
// to most responses (docs/benchmarks.md; BenchmarkPoolQuery* keeps it
// measured).
// Responses travel over loopback or a private network, where gzip buys
// nothing.
func NewHTTPClient() *http.Client {
	return &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			MaxIdleConns:        100,
			MaxIdleConnsPerHost: 64,
			IdleConnTimeout:     90 * time.Second,
			DisableCompression:  true,
		},
	}
}

// New returns a client. It does not contact Meilisearch: the app key is
// derived from the master key (Meilisearch computes a key as the HMAC-SHA256
// of its uid under the master key), so the process starts even while
// Meilisearch is down and Bootstrap creates the key once it is up.
func New(opts Options) *Client {
	hc := opts.HTTPClient
	if hc == nil {
		hc = NewHTTPClient()
	}
	uid := AppKeyUID(opts.Prefix)
	return &Client{
		opts:   opts,
		hc:     hc,
		appUID: uid,
		app:    meilisearch.New(opts.URL, meilisearch.WithCustomClient(hc), meilisearch.WithAPIKey(deriveKey(opts.MasterKey, uid))),
	}
}

// keyNamespace makes app key uids stable per prefix.
var keyNamespace = uuid.MustParse("6f1b7c52-8d0e-4b7a-9a43-3f9d8e2a1c55")

// AppKeyUID is the uid of the app's API key for an index prefix.
func AppKeyUID(prefix string) string {
	return uuid.NewSHA1(keyNamespace, []byte("werkhaven-app:"+prefix)).String()
}

func deriveKey(masterKey, uid string) string {
	m := hmac.New(sha256.New, []byte(masterKey))
	m.Write([]byte(uid))
	return hex.EncodeToString(m.Sum(nil))
}

// appActions are what the app may do, and no more: no key management, no
// dumps or snapshots.
var appActions = []string{"search", "documents.*", "indexes.*", "settings.*", "tasks.get", "stats.get", "version"}

// UID is the Meilisearch uid of the index called name.
func (c *Client) UID(name string) string { return c.opts.Prefix + name }

// Prefix is the namespace of this client's indexes.
func (c *Client) Prefix() string { return c.opts.Prefix }

// Index returns the index called name (without prefix), using the app key.
func (c *Client) Index(name string) meilisearch.IndexManager { return c.app.Index(c.UID(name)) }

// Service is the underlying client with the app key, for multi-search.
func (c *Client) Service() meilisearch.ServiceManager { return c.app }

// Health reports whether Meilisearch answers and is available.
func (c *Client) Health(ctx context.Context) error {
	h, err := c.app.HealthWithContext(ctx)
	if err != nil {
		return fmt.Errorf("meilisearch health: %w", err)
	}
	if h.Status != "available" {
		return fmt.Errorf("meilisearch status %q", h.Status)
	}
	return nil
}

// master is a client with the master key. It manages the app key and, as
// Meilisearch hides index-swap tasks from keys scoped to some indexes,
// waits for swaps; it never searches or writes documents.
func (c *Client) master() meilisearch.ServiceManager {
	return meilisearch.New(c.opts.URL, meilisearch.WithCustomClient(c.hc), meilisearch.WithAPIKey(c.opts.MasterKey))
}

// EnsureKey creates the app's API key with the master key if it does not
// exist yet, or recreates it when its rights differ from appActions.
func (c *Client) EnsureKey(ctx context.Context) error {
	master := c.master()
	want := &meilisearch.Key{
		UID:         c.appUID,
		Name:        "werkhaven-app " + c.opts.Prefix,
		Description: "Werkhaven application key, scoped to its own indexes",
		Actions:     appActions,
		Indexes:     []string{c.opts.Prefix + "*"},
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

func isNotFound(err error) bool {
	var me *meilisearch.Error
	return errors.As(err, &me) && me.StatusCode == http.StatusNotFound
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

// wait blocks until a Meilisearch task finishes and turns a failed task into
// an error.
func (c *Client) wait(ctx context.Context, info *meilisearch.TaskInfo, err error) error {
	return c.waitWith(ctx, c.app, info, err)
}

func (c *Client) waitWith(ctx context.Context, sm meilisearch.ServiceManager, info *meilisearch.TaskInfo, err error) error {
	if err != nil {
		return err
	}
	task, err := sm.WaitForTaskWithContext(ctx, info.TaskUID, 25*time.Millisecond)
	if err != nil {
		return fmt.Errorf("wait for meilisearch task %d: %w", info.TaskUID, err)
	}
	if task.Status != meilisearch.TaskStatusSucceeded {
		return fmt.Errorf("meilisearch task %d (%s) %s: %s", task.UID, task.Type, task.Status, task.Error.Message)
	}
	return nil
}
