// Package stripeclient builds Werkhaven's Stripe client. Every backend is
// pointed at one configurable base URL, so tests and local runs talk to
// stripe-mock and production to Stripe, with the same code.
package stripeclient

import (
	"net/http"
	"strings"
	"time"

	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/client"
)

// New returns a client using key against apiBase (e.g. http://127.0.0.1:12111).
func New(key, apiBase string) *client.API {
	base := strings.TrimRight(apiBase, "/")
	hc := &http.Client{Timeout: 30 * time.Second}
	retries := int64(2)
	cfg := func() *stripe.BackendConfig {
		return &stripe.BackendConfig{
			URL:               stripe.String(base),
			HTTPClient:        hc,
			MaxNetworkRetries: &retries,
			// Stripe's default logger prints request details to stderr.
			LeveledLogger: &stripe.LeveledLogger{Level: stripe.LevelError},
		}
	}
	backends := &stripe.Backends{
		API:     stripe.GetBackendWithConfig(stripe.APIBackend, cfg()),
		Connect: stripe.GetBackendWithConfig(stripe.ConnectBackend, cfg()),
		Uploads: stripe.GetBackendWithConfig(stripe.UploadsBackend, cfg()),
	}
	return client.New(key, backends)
}
