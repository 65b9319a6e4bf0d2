// Package search is Werkhaven's Meilisearch client. Postgres is the truth and
// every index is a projection that can be rebuilt from it (Reindex), so the
// package has two jobs: keep the index settings in place (Bootstrap), and
// move documents in without ever dropping a write.
//
// Invariants:
//   - Two keys, two processes. `werkhaven migrate` holds the master key and
//     only manages keys with it (Provision: the app's scoped key, and
//     Meilisearch's default keys deleted). serve and its jobs hold the app's
//     key alone (MEILI_API_KEY): every search, write, rebuild and swap works
//     with it, and it reaches nothing outside the prefix's indexes.
//   - The app key's uid is fixed per prefix, so its value (AppKey) is fixed
//     per master key and prefix: re-running migrate gives the same key.
package search

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	gojson "github.com/goccy/go-json"
	"github.com/meilisearch/meilisearch-go"
)

// Options configure a Client.
type Options struct {
	URL string
	// MasterKey creates the app's key (EnsureKey); serve runs without it.
	MasterKey string
	// APIKey is the app's scoped key (MEILI_API_KEY); empty: derived from
	// MasterKey (development and tests).
	APIKey string
	// Prefix namespaces every index ("werkhaven_"); tests use their own.
	Prefix string
	// HTTPClient replaces the default; only benchmarks need to.
	HTTPClient *http.Client
	// QueryTimeout bounds each search request (Service, SearchIndex) so
	// that a hung Meilisearch fails a pool fast (503 searchUnavailable)
	// instead of holding the request for the HTTP client's 30 s; writes,
	// rebuilds and jobs keep the long timeout. Zero: no shorter bound.
	QueryTimeout time.Duration
}

// Client talks to Meilisearch with a key scoped to the prefix's indexes; the
// master key, when it has one, is used only to manage keys.
type Client struct {
	opts   Options
	hc     *http.Client
	app    meilisearch.ServiceManager
	reader meilisearch.ServiceManager // app with QueryTimeout
	appUID string
	key    string // the app key
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

// New returns a client. It does not contact Meilisearch, so the process
// starts even while Meilisearch is down. Without Options.APIKey the app key
// is derived from the master key (AppKey).
func New(opts Options) *Client {
	hc := opts.HTTPClient
	if hc == nil {
		hc = NewHTTPClient()
	}
	uid := AppKeyUID(opts.Prefix)
	key := opts.APIKey
	if key == "" {
		key = deriveKey(opts.MasterKey, uid)
	}
	c := &Client{
		opts:   opts,
		hc:     hc,
		appUID: uid,
		key:    key,
		app:    meilisearch.New(opts.URL, meilisearch.WithCustomClient(hc), meilisearch.WithAPIKey(key)),
	}
	c.reader = c.app
	if opts.QueryTimeout > 0 {
		// The same transport (no compression, the same kept-alive
		// connections), a shorter deadline.
		rc := *hc
		rc.Timeout = opts.QueryTimeout
		c.reader = meilisearch.New(opts.URL, meilisearch.WithCustomClient(&rc), meilisearch.WithAPIKey(key))
	}
	return c
}

// UID is the Meilisearch uid of the index called name.
func (c *Client) UID(name string) string { return c.opts.Prefix + name }

// Prefix is the namespace of this client's indexes.
func (c *Client) Prefix() string { return c.opts.Prefix }

// Index returns the index called name (without prefix), using the app key.
func (c *Client) Index(name string) meilisearch.IndexManager { return c.app.Index(c.UID(name)) }

// Service is the underlying client with the app key, for searches
// (multi-search): each request is bounded by Options.QueryTimeout.
func (c *Client) Service() meilisearch.ServiceManager { return c.reader }

// SearchIndex is the index called name for searching, each request bounded
// by Options.QueryTimeout.
func (c *Client) SearchIndex(name string) meilisearch.IndexManager {
	return c.reader.Index(c.UID(name))
}

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

// IsKeyRefused reports whether Meilisearch refused the key an error came
// with (401 or 403): a missing, wrong or too narrow key.
func IsKeyRefused(err error) bool {
	var me *meilisearch.Error
	return errors.As(err, &me) && (me.StatusCode == http.StatusUnauthorized || me.StatusCode == http.StatusForbidden)
}

func isNotFound(err error) bool {
	var me *meilisearch.Error
	return errors.As(err, &me) && me.StatusCode == http.StatusNotFound
}

// wait blocks until a Meilisearch task finishes and turns a failed task into
// an error.
func (c *Client) wait(ctx context.Context, info *meilisearch.TaskInfo, err error) error {
	if err != nil {
		return err
	}
	task, err := c.app.WaitForTaskWithContext(ctx, info.TaskUID, 25*time.Millisecond)
	if err != nil {
		return fmt.Errorf("wait for meilisearch task %d: %w", info.TaskUID, err)
	}
	if task.Status != meilisearch.TaskStatusSucceeded {
		return fmt.Errorf("meilisearch task %d (%s) %s: %s", task.UID, task.Type, task.Status, task.Error.Message)
	}
	return nil
}

// SearchInto searches the index called name and decodes Meilisearch's
// answer straight into out (a struct with the fields wanted: hits of a
// type of the caller's, totalHits, facetDistribution…), where the client's
// own search decodes every hit into a map of raw values first. Bounded by
// Options.QueryTimeout like Service.
//
// The answer is read whole and decoded with goccy/go-json, a drop-in for
// encoding/json's Unmarshal: a pool's first answer is ~230 KB (a few
// hundred candidates' ranking fields), which encoding/json took ~2.3 ms
// of CPU to decode, more than half of the pool's own work; go-json takes
// ~0.4 ms (docs/benchmarks.md).
func (c *Client) SearchInto(ctx context.Context, name string, req *meilisearch.SearchRequest, out any) error {
	body, err := json.Marshal(req)
	if err != nil {
		return err
	}
	if c.opts.QueryTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.opts.QueryTimeout)
		defer cancel()
	}
	r, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(c.opts.URL, "/")+"/indexes/"+url.PathEscape(c.UID(name))+"/search", bytes.NewReader(body))
	if err != nil {
		return err
	}
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Authorization", "Bearer "+c.key)
	resp, err := c.hc.Do(r)
	if err != nil {
		return fmt.Errorf("search %s: %w", c.UID(name), err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		return fmt.Errorf("search %s: %s: %s", c.UID(name), resp.Status, msg)
	}
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("search %s: %w", c.UID(name), err)
	}
	return gojson.Unmarshal(raw, out)
}
