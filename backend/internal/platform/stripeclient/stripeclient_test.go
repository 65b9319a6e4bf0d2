package stripeclient_test

import (
	"strings"
	"testing"

	"github.com/stripe/stripe-go/v76"

	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// TestTalksToStripeMock proves the client reaches the configured base URL
// (stripe-mock), not Stripe itself, and that idempotency keys pass through.
func TestTalksToStripeMock(t *testing.T) {
	sc := testkit.Stripe(t)
	params := &stripe.PaymentIntentParams{
		Amount:             stripe.Int64(12500),
		Currency:           stripe.String(string(stripe.CurrencyEUR)),
		PaymentMethodTypes: stripe.StringSlice([]string{"card", "ideal"}),
	}
	params.SetIdempotencyKey("werkhaven-test-" + t.Name())
	pi, err := sc.PaymentIntents.New(params)
	if err != nil {
		t.Fatalf("create payment intent against stripe-mock: %v", err)
	}
	if !strings.HasPrefix(pi.ID, "pi_") {
		t.Fatalf("unexpected payment intent id %q", pi.ID)
	}
	if pi.Amount != 12500 || pi.Currency != stripe.CurrencyEUR {
		t.Fatalf("stripe-mock reflects the request; got %d %s", pi.Amount, pi.Currency)
	}
}
