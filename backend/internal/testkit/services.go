package testkit

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/meilisearch/meilisearch-go"
	"github.com/stripe/stripe-go/v76/client"

	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/platform/stripeclient"
)

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// Logger is a logger that writes nothing, for code under test.
func Logger() *slog.Logger { return discardLogger() }

// MeiliURL and MeiliMasterKey of the test Meilisearch.
func MeiliURL(t testing.TB) string       { return requireEnv(t, "MEILI_URL") }
func MeiliMasterKey(t testing.TB) string { return requireEnv(t, "MEILI_MASTER_KEY") }

// Search returns a client whose indexes live under a prefix of their own;
// they are deleted when the test ends. Like serve, it holds the app's scoped
// key alone: the test creates that key with the master key first, as
// `werkhaven migrate` does.
func Search(t testing.TB) *search.Client {
	t.Helper()
	url, master, prefix := MeiliURL(t), MeiliMasterKey(t), SearchPrefix(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := search.New(search.Options{URL: url, MasterKey: master, Prefix: prefix}).EnsureKey(ctx); err != nil {
		t.Fatalf("create the test's Meilisearch key: %v", err)
	}
	return search.New(search.Options{URL: url, APIKey: search.AppKey(master, prefix), Prefix: prefix})
}

// SearchPrefix is an index prefix of the test's own, checked to reach
// Meilisearch; its indexes and app key are deleted when the test ends.
func SearchPrefix(t testing.TB) string {
	t.Helper()
	url, key := MeiliURL(t), MeiliMasterKey(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url+"/health", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("Meilisearch is not reachable at %s: %v\n"+startHint, url, err, "MEILI_URL and MEILI_MASTER_KEY")
	}
	resp.Body.Close()
	prefix := "werkhaven_test_" + randomSuffix() + "_"
	t.Cleanup(func() { deleteIndexes(url, key, prefix) })
	return prefix
}

// Meili is a Meilisearch client with the master key, for tests that look
// into an index (documents, stats, settings): the app's key may not read
// them back. Name indexes with the app client's UID.
func Meili(t testing.TB) meilisearch.ServiceManager {
	t.Helper()
	return meilisearch.New(MeiliURL(t), meilisearch.WithCustomClient(search.NewHTTPClient()), meilisearch.WithAPIKey(MeiliMasterKey(t)))
}

// deleteIndexes removes a test's indexes and its API key with the master key.
func deleteIndexes(url, masterKey, prefix string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	do := func(method, path string) (*http.Response, error) {
		req, _ := http.NewRequestWithContext(ctx, method, url+path, nil)
		req.Header.Set("Authorization", "Bearer "+masterKey)
		return http.DefaultClient.Do(req)
	}
	resp, err := do(http.MethodGet, "/indexes?limit=1000")
	if err != nil {
		return
	}
	var body struct {
		Results []struct {
			UID string `json:"uid"`
		} `json:"results"`
	}
	_ = decodeJSON(resp, &body)
	for _, ix := range body.Results {
		if strings.HasPrefix(ix.UID, prefix) {
			if r, err := do(http.MethodDelete, "/indexes/"+ix.UID); err == nil {
				r.Body.Close()
			}
		}
	}
	if r, err := do(http.MethodDelete, "/keys/"+search.AppKeyUID(prefix)); err == nil {
		r.Body.Close()
	}
}

// Stripe returns a Stripe client talking to stripe-mock.
func Stripe(t testing.TB) *client.API {
	t.Helper()
	base := requireEnv(t, "STRIPE_API_BASE")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/v1/balance", nil)
	req.SetBasicAuth("sk_test_123", "")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("stripe-mock is not reachable at %s: %v\n"+startHint, base, err, "STRIPE_API_BASE")
	}
	resp.Body.Close()
	key := Env("STRIPE_SECRET_KEY")
	if key == "" {
		key = "sk_test_123"
	}
	return stripeclient.New(key, base)
}
