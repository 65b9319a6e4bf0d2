package apptest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v76/webhook"

	"github.com/werkhaven/werkhaven/backend/internal/platform/config"
)

type Booking struct {
	ID                   string `json:"id"`
	State                string `json:"state"`
	AmountCents          int64  `json:"amountCents"`
	CancellationFeeCents *int64 `json:"cancellationFeeCents"`
	RefundedCents        int64  `json:"refundedCents"`
	StartsAt             string `json:"startsAt"`
	PayBy                string `json:"payBy"`
	Events               []struct{ Actor, From, To string }
}

// Service adds a catalogue entry as the region's admin and returns its id.
func (f *Fixture) Service(body string) string {
	f.T.Helper()
	var out struct{ ID string }
	f.Browser().SignIn(AdminA).Call("POST", "/api/v1/services", body, http.StatusCreated, &out)
	return out.ID
}

const (
	JobcoachingJSON = `{"kind":"jobcoaching","titleNl":"Jobcoaching op de werkvloer","titleEn":"Job coaching at work","descriptionNl":"Een jobcoach helpt uw nieuwe collega.",
		"providerId":%q,"priceCents":8500,"priceUnit":"per_hour","requiresApproval":true,"eligibility":["placement"],"cancelFreeHours":48,"cancelFeePercent":50,
		"schedulable":false,"active":true,"hours":[]}`
	IntakeJSON = `{"kind":"intake","titleNl":"Kennismakingsgesprek","titleEn":"Intake meeting","priceCents":0,"priceUnit":"free","requiresApproval":false,
		"eligibility":[],"cancelFreeHours":24,"cancelFeePercent":0,"schedulable":true,"slotMinutes":60,"capacity":1,"active":true,
		"hours":[{"weekday":1,"opens":"09:00","closes":"17:00"},{"weekday":2,"opens":"09:00","closes":"17:00"},{"weekday":3,"opens":"09:00","closes":"17:00"},
		{"weekday":4,"opens":"09:00","closes":"17:00"},{"weekday":5,"opens":"09:00","closes":"17:00"},{"weekday":6,"opens":"09:00","closes":"17:00"},{"weekday":7,"opens":"09:00","closes":"17:00"}]}`
	LoonwaardeJSON = `{"kind":"loonwaardebepaling","titleNl":"Loonwaardebepaling","titleEn":"Wage value assessment","providerId":%q,"priceCents":40000,"priceUnit":"fixed",
		"requiresApproval":false,"eligibility":[],"cancelFreeHours":48,"cancelFeePercent":50,"schedulable":true,"slotMinutes":120,"capacity":1,"active":true,
		"hours":[{"weekday":1,"opens":"08:00","closes":"18:00"},{"weekday":2,"opens":"08:00","closes":"18:00"},{"weekday":3,"opens":"08:00","closes":"18:00"},
		{"weekday":4,"opens":"08:00","closes":"18:00"},{"weekday":5,"opens":"08:00","closes":"18:00"},{"weekday":6,"opens":"08:00","closes":"18:00"},{"weekday":7,"opens":"08:00","closes":"18:00"}]}`
)

// Webhook delivers a Stripe event to the API, signed with secret at ts.
func (f *Fixture) Webhook(payload []byte, secret string, ts time.Time) (int, Problem) {
	signed := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: payload, Secret: secret, Timestamp: ts})
	req := httptest.NewRequest(http.MethodPost, "/api/v1/stripe/webhook", bytes.NewReader(signed.Payload))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Stripe-Signature", signed.Header)
	resp, err := f.HTTP.Test(req, -1)
	Must(f.T, err)
	defer resp.Body.Close()
	var p Problem
	raw, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(raw, &p)
	return resp.StatusCode, p
}

func (f *Fixture) WebhookSecret() string {
	cfg, err := config.LoadFrom(nil)
	Must(f.T, err)
	return cfg.StripeWebhookSecret
}

func (f *Fixture) WaitFor(cond func() bool, what string) {
	f.T.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			f.T.Fatalf("timed out waiting for: %s", what)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

func AmsterdamTZ(t *testing.T) *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	Must(t, err)
	return loc
}
