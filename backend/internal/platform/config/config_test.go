package config

import (
	"log/slog"
	"strings"
	"testing"
)

func prodEnv(overrides ...string) []string {
	base := []string{
		"APP_ENV=production",
		"DATABASE_URL=postgres://wh:pw@db:5432/werkhaven",
		"MEILI_URL=http://meili:7700",
		"MEILI_MASTER_KEY=a-real-master-key-of-enough-length",
		"STRIPE_SECRET_KEY=sk_live_abc",
		"STRIPE_API_BASE=https://stripe.example",
		"STRIPE_WEBHOOK_SECRET=whsec_real",
		"SMTP_URL=smtp://relay.example:587",
		"BASE_URL=https://werkhaven.example",
		"SESSION_SECRET=0123456789abcdef0123456789abcdef-real",
		"METRICS_TOKEN=a-real-metrics-token",
	}
	return append(base, overrides...)
}

func TestDefaultsWorkLocally(t *testing.T) {
	c, err := LoadFrom(nil)
	if err != nil {
		t.Fatalf("defaults: %v", err)
	}
	if c.AppEnv != Development || c.ListenAddr != ":8080" || c.BodyLimitBytes != 1<<20 {
		t.Fatalf("unexpected defaults: %+v", c)
	}
}

func TestProductionAcceptsRealValues(t *testing.T) {
	c, err := LoadFrom(prodEnv())
	if err != nil {
		t.Fatalf("production config refused: %v", err)
	}
	if !c.IsProduction() {
		t.Fatal("expected production")
	}
}

func TestProductionRefuses(t *testing.T) {
	tests := []struct {
		name     string
		env      []string
		wantName string
	}{
		{"missing database url", dropVar(prodEnv(), "DATABASE_URL"), "DATABASE_URL"},
		{"missing smtp", dropVar(prodEnv(), "SMTP_URL"), "SMTP_URL"},
		{"open metrics", dropVar(prodEnv(), "METRICS_TOKEN"), "METRICS_TOKEN"},
		{"dev meili key", prodEnv("MEILI_MASTER_KEY=werkhaven-dev-master-key-0123456789"), "MEILI_MASTER_KEY"},
		{"short meili key", prodEnv("MEILI_MASTER_KEY=short"), "MEILI_MASTER_KEY"},
		{"no meili key at all", dropVar(prodEnv(), "MEILI_MASTER_KEY"), "MEILI_API_KEY"},
		{"dev stripe key", prodEnv("STRIPE_SECRET_KEY=sk_test_123"), "STRIPE_SECRET_KEY"},
		{"dev webhook secret", prodEnv("STRIPE_WEBHOOK_SECRET=whsec_werkhaven_dev"), "STRIPE_WEBHOOK_SECRET"},
		{"dev session secret", prodEnv("SESSION_SECRET=werkhaven-dev-session-secret-0123456789abcdef"), "SESSION_SECRET"},
		{"short session secret", prodEnv("SESSION_SECRET=short"), "SESSION_SECRET"},
		{"http base url", prodEnv("BASE_URL=http://werkhaven.example"), "BASE_URL"},
		{"bad app env", []string{"APP_ENV=staging"}, "APP_ENV"},
		{"bad duration", []string{"HTTP_READ_TIMEOUT=soon"}, "HTTP_READ_TIMEOUT"},
		{"bad url", []string{"MEILI_URL=nohost"}, "MEILI_URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadFrom(tt.env)
			if err == nil {
				t.Fatal("expected an error")
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.wantName) || strings.Contains(msg, "\n") {
				t.Fatalf("error should be one line naming %s, got %q", tt.wantName, msg)
			}
		})
	}
}

// Production: serve holds the scoped key alone, migrate the master key.
func TestMeilisearchKeysPerCommand(t *testing.T) {
	migrate, err := LoadFrom(prodEnv())
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate.CheckMasterKey("migrate"); err != nil {
		t.Errorf("migrate with the master key: %v", err)
	}
	if err := migrate.CheckServe(); err == nil || !strings.Contains(err.Error(), "MEILI_MASTER_KEY must not be set") {
		t.Errorf("serve with the master key: want a refusal, got %v", err)
	}
	serve, err := LoadFrom(append(dropVar(prodEnv(), "MEILI_MASTER_KEY"), "MEILI_API_KEY=the-scoped-key"))
	if err != nil {
		t.Fatal(err)
	}
	if err := serve.CheckServe(); err != nil {
		t.Errorf("serve with the scoped key alone: %v", err)
	}
	if err := serve.CheckMasterKey("migrate"); err == nil || !strings.Contains(err.Error(), "MEILI_MASTER_KEY is required for migrate") {
		t.Errorf("migrate without the master key: want a refusal, got %v", err)
	}
	// Development: the development master key, and serve may hold it.
	dev, err := LoadFrom(nil)
	if err != nil {
		t.Fatal(err)
	}
	if dev.MeiliMasterKey != DevMeiliMasterKey || dev.CheckServe() != nil || dev.CheckMasterKey("migrate") != nil {
		t.Errorf("development keys: master %q, serve %v", dev.MeiliMasterKey, dev.CheckServe())
	}
}

func TestLogValueMasksSecrets(t *testing.T) {
	c, err := LoadFrom(prodEnv("MEILI_API_KEY=a-real-scoped-key"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	slog.New(slog.NewJSONHandler(&b, nil)).Info("config", "config", c)
	out := b.String()
	for _, secret := range []string{"a-real-master-key", "a-real-scoped-key", "sk_live_abc", "whsec_real", "0123456789abcdef0123", ":pw@"} {
		if strings.Contains(out, secret) {
			t.Errorf("log output leaks %q: %s", secret, out)
		}
	}
	if !strings.Contains(out, "werkhaven.example") {
		t.Errorf("non-secret values should be logged: %s", out)
	}
}

func dropVar(env []string, name string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, name+"=") {
			out = append(out, kv)
		}
	}
	return out
}
