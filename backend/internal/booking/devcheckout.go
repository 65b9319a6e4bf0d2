package booking

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/stripe/stripe-go/v76/webhook"
)

// DevCheckout stands in for Stripe's hosted Checkout page in development
// and browser tests, where stripe-mock cannot take a payment: Pay links
// here, and "Betalen (testmodus)" delivers a payment_intent.succeeded event
// signed with the webhook secret to the same Receive path a real Stripe
// webhook takes. Never mounted in production.
type DevCheckout struct{ Service *Service }

var devPage = template.Must(template.New("pay").Parse(`<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Testbetaling / Test payment – Werkhaven</title>
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
button{font-size:1.1rem;padding:.7rem 1.4rem;background:#154273;color:#fff;border:0;border-radius:4px;cursor:pointer}
button:focus{outline:3px solid #f9b000;outline-offset:2px}.note{background:#fff4d6;padding:.8rem;border-left:4px solid #f9b000}</style></head>
<body><main><h1>Testbetaling</h1>
<p class="note">Dit is de testomgeving: er wordt geen echt geld betaald. / This is the test environment: no real money is paid.</p>
<p>{{.Title}}: <strong>€ {{.Amount}}</strong></p>
<form method="post" action="/dev/betalen"><input type="hidden" name="session" value="{{.Session}}">
<button type="submit">Betalen (testmodus)</button></form></main></body></html>`))

// Page shows the test checkout of one session.
func (d DevCheckout) Page(c *fiber.Ctx) error {
	var pr periodRow
	if err := d.Service.DB.WithContext(c.UserContext()).Where("checkout_session_id = ?", c.Query("session")).Take(&pr).Error; err != nil {
		return c.Status(http.StatusNotFound).SendString("onbekende betaling / unknown payment")
	}
	var title string
	_ = d.Service.DB.WithContext(c.UserContext()).Raw(`SELECT s.title_nl FROM bookings b JOIN services s ON s.id = b.service_id WHERE b.id = ?`, pr.BookingID).Row().Scan(&title)
	var sb strings.Builder
	if err := devPage.Execute(&sb, map[string]any{"Title": title, "Amount": fmt.Sprintf("%d,%02d", pr.AmountCents/100, pr.AmountCents%100), "Session": c.Query("session")}); err != nil {
		return err
	}
	c.Set("Content-Type", "text/html; charset=utf-8")
	return c.SendString(sb.String())
}

// Complete delivers the signed event and returns to the booking.
func (d DevCheckout) Complete(c *fiber.Ctx) error {
	var pr periodRow
	if err := d.Service.DB.WithContext(c.UserContext()).Where("checkout_session_id = ?", c.FormValue("session")).Take(&pr).Error; err != nil {
		return c.Status(http.StatusNotFound).SendString("onbekende betaling / unknown payment")
	}
	payload, err := DevEvent("payment_intent.succeeded", pr.BookingID, pr.Period, "pi_dev_"+randomID(), pr.AmountCents)
	if err != nil {
		return err
	}
	signed := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: payload, Secret: d.Service.WebhookSecret})
	if err := d.Service.Receive(c.UserContext(), signed.Payload, signed.Header); err != nil {
		return err
	}
	return c.Redirect(fmt.Sprintf("/boekingen/%s?betaald=1", pr.BookingID), http.StatusSeeOther)
}

// DevEvent is a Stripe event about one period's payment intent, in
// Stripe's shape (for the test checkout and for tests).
func DevEvent(eventType, bookingID string, period int, paymentIntentID string, amount int64) ([]byte, error) {
	return json.Marshal(map[string]any{
		"id": "evt_" + randomID(), "object": "event", "type": eventType, "api_version": "2023-10-16", "created": 0, "livemode": false,
		"data": map[string]any{"object": map[string]any{"id": paymentIntentID, "object": "payment_intent", "amount": amount, "currency": "eur",
			"metadata": map[string]string{"booking_id": bookingID, "period": fmt.Sprint(period)}}},
	})
}

func randomID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
