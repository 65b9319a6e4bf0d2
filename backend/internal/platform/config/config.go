// Package config reads Werkhaven's configuration from the environment into one
// typed struct. Defaults make a local run work without any setup; production
// mode refuses development secrets and missing required values, so a
// misconfigured deployment fails at start rather than at its first request.
package config

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"reflect"
	"strings"
	"time"

	"github.com/caarlos0/env/v11"
)

// Environments Werkhaven knows.
const (
	Development = "development"
	Production  = "production"
)

// Config is the whole configuration of a werkhaven process.
type Config struct {
	AppEnv     string `env:"APP_ENV" envDefault:"development"`
	ListenAddr string `env:"LISTEN_ADDR" envDefault:":8080"`
	BaseURL    string `env:"BASE_URL" envDefault:"http://localhost:8080"`
	LogLevel   string `env:"LOG_LEVEL" envDefault:"info"`

	DatabaseURL    string `env:"DATABASE_URL" envDefault:"postgres://postgres@127.0.0.1:5432/werkhaven?sslmode=disable"`
	DatabaseMaxCon int32  `env:"DATABASE_MAX_CONNS" envDefault:"20"`

	MeiliURL string `env:"MEILI_URL" envDefault:"http://127.0.0.1:7700"`
	// MeiliMasterKey is for `werkhaven migrate` (and `meili-key`) only: it
	// creates the app's scoped key and deletes Meilisearch's default keys.
	// A production serve refuses to start with it (CheckServe). Development
	// defaults to DevMeiliMasterKey.
	MeiliMasterKey string `env:"MEILI_MASTER_KEY"`
	// MeiliAPIKey is the app's scoped key, all serve and its jobs use; when
	// empty (development, tests) it is derived from MeiliMasterKey.
	MeiliAPIKey      string `env:"MEILI_API_KEY"`
	MeiliIndexPrefix string `env:"MEILI_INDEX_PREFIX" envDefault:"werkhaven_"`
	// MeiliQueryTimeout bounds one search request of a pool, the occupation
	// picker or a candidate's openings: a hung Meilisearch answers 503
	// searchUnavailable within it instead of holding the request.
	MeiliQueryTimeout time.Duration `env:"MEILI_QUERY_TIMEOUT" envDefault:"1500ms"`

	StripeSecretKey     string `env:"STRIPE_SECRET_KEY" envDefault:"sk_test_123"`
	StripeAPIBase       string `env:"STRIPE_API_BASE" envDefault:"http://127.0.0.1:12111"`
	StripeWebhookSecret string `env:"STRIPE_WEBHOOK_SECRET" envDefault:"whsec_werkhaven_dev"`

	SMTPURL  string `env:"SMTP_URL" envDefault:"smtp://127.0.0.1:1025"`
	MailFrom string `env:"MAIL_FROM" envDefault:"Werkhaven <noreply@werkhaven.localhost>"`

	// SessionSecret keys HMACs of sessions, CSRF tokens and mailed links.
	SessionSecret string `env:"SESSION_SECRET" envDefault:"werkhaven-dev-session-secret-0123456789abcdef"`

	// RegistrationDeclinedRetention is how long a declined organisation
	// sign-up is kept before it is deleted.
	RegistrationDeclinedRetention time.Duration `env:"REGISTRATION_DECLINED_RETENTION" envDefault:"8760h"`

	// WebDir holds the built front end (frontend/dist); empty serves the API only.
	WebDir string `env:"WEB_DIR" envDefault:"frontend/dist"`

	BodyLimitBytes  int           `env:"BODY_LIMIT_BYTES" envDefault:"1048576"`
	ReadTimeout     time.Duration `env:"HTTP_READ_TIMEOUT" envDefault:"15s"`
	WriteTimeout    time.Duration `env:"HTTP_WRITE_TIMEOUT" envDefault:"30s"`
	IdleTimeout     time.Duration `env:"HTTP_IDLE_TIMEOUT" envDefault:"120s"`
	ShutdownTimeout time.Duration `env:"SHUTDOWN_TIMEOUT" envDefault:"30s"`

	// ProxyHeader names the header carrying the client's IP behind a
	// trusted reverse proxy (e.g. X-Forwarded-For, of which the last entry,
	// the proxy's own, counts: httpapi.ClientIP); empty: the peer address.
	ProxyHeader string `env:"PROXY_HEADER"`

	// MetricsToken, when set, is required as a bearer token on /metrics;
	// production requires it to be set.
	MetricsToken string `env:"METRICS_TOKEN"`

	// ReadLimitPerMinute is how many pool and candidate reads one account
	// may make per minute (identity.ReadLimiter), shared by every server
	// process; 0 turns the limit off.
	ReadLimitPerMinute int `env:"READ_LIMIT_PER_MINUTE" envDefault:"120"`

	// JobWorkers is the number of River workers on the default queue.
	JobWorkers int `env:"JOB_WORKERS" envDefault:"10"`
}

// DevMeiliMasterKey is the master key development uses when MEILI_MASTER_KEY
// is unset; production refuses it.
const DevMeiliMasterKey = "werkhaven-dev-master-key-0123456789"

// requiredInProduction are variables that must be set explicitly in
// production: their development defaults point at this laptop. Which
// Meilisearch key a command needs depends on the command (CheckServe,
// CheckMasterKey).
var requiredInProduction = []string{
	"DATABASE_URL", "MEILI_URL", "STRIPE_SECRET_KEY",
	"STRIPE_API_BASE", "STRIPE_WEBHOOK_SECRET", "SMTP_URL", "BASE_URL", "SESSION_SECRET",
	// /metrics names tables, queues and error rates: not for everyone.
	"METRICS_TOKEN",
}

// Load reads the configuration from the process environment.
func Load() (Config, error) { return LoadFrom(os.Environ()) }

// LoadFrom reads the configuration from KEY=value pairs (tests pass their own).
func LoadFrom(environ []string) (Config, error) {
	vars := make(map[string]string, len(environ))
	for _, kv := range environ {
		if k, v, ok := strings.Cut(kv, "="); ok {
			vars[k] = v
		}
	}
	var c Config
	if err := env.ParseWithOptions(&c, env.Options{Environment: vars}); err != nil {
		var agg env.AggregateError
		if errors.As(err, &agg) && len(agg.Errors) > 0 {
			err = agg.Errors[0]
		}
		var pe env.ParseError
		if errors.As(err, &pe) {
			// Name the variable the operator set, not the Go field.
			f, _ := reflect.TypeOf(c).FieldByName(pe.Name)
			return Config{}, fmt.Errorf("config: %s: %w", f.Tag.Get("env"), pe.Err)
		}
		return Config{}, fmt.Errorf("config: %w", err)
	}
	if c.AppEnv == Development && c.MeiliMasterKey == "" {
		c.MeiliMasterKey = DevMeiliMasterKey
	}
	if err := c.validate(vars); err != nil {
		return Config{}, fmt.Errorf("config: %w", err)
	}
	return c, nil
}

// IsProduction reports whether the process runs in production mode.
func (c Config) IsProduction() bool { return c.AppEnv == Production }

func (c Config) validate(vars map[string]string) error {
	switch c.AppEnv {
	case Development, Production:
	default:
		return fmt.Errorf("APP_ENV must be %q or %q, not %q", Development, Production, c.AppEnv)
	}
	for name, raw := range map[string]string{"BASE_URL": c.BaseURL, "MEILI_URL": c.MeiliURL, "STRIPE_API_BASE": c.StripeAPIBase, "SMTP_URL": c.SMTPURL} {
		u, err := url.Parse(raw)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return fmt.Errorf("%s must be an absolute URL, got %q", name, raw)
		}
	}
	if c.BodyLimitBytes < 1024 {
		return fmt.Errorf("BODY_LIMIT_BYTES must be at least 1024, got %d", c.BodyLimitBytes)
	}
	if c.JobWorkers < 1 {
		return fmt.Errorf("JOB_WORKERS must be at least 1, got %d", c.JobWorkers)
	}
	if !c.IsProduction() {
		return nil
	}
	for _, name := range requiredInProduction {
		if strings.TrimSpace(vars[name]) == "" {
			return fmt.Errorf("%s is required when APP_ENV=production", name)
		}
	}
	// The development secrets are the struct tags' defaults and
	// DevMeiliMasterKey: public, since they sit in this file, so production
	// refuses every one of them.
	var defaults Config
	if err := env.ParseWithOptions(&defaults, env.Options{Environment: map[string]string{}}); err != nil {
		return err
	}
	dev := []struct{ name, value, devValue string }{
		{"MEILI_MASTER_KEY", c.MeiliMasterKey, DevMeiliMasterKey},
		{"STRIPE_SECRET_KEY", c.StripeSecretKey, defaults.StripeSecretKey},
		{"STRIPE_WEBHOOK_SECRET", c.StripeWebhookSecret, defaults.StripeWebhookSecret},
		{"SESSION_SECRET", c.SessionSecret, defaults.SessionSecret},
	}
	for _, d := range dev {
		if d.value == d.devValue {
			return fmt.Errorf("%s is the development secret; set a real one when APP_ENV=production", d.name)
		}
	}
	if c.MeiliMasterKey == "" && c.MeiliAPIKey == "" {
		return errors.New("MEILI_API_KEY (serve, reindex) or MEILI_MASTER_KEY (migrate) is required when APP_ENV=production")
	}
	if c.MeiliMasterKey != "" && len(c.MeiliMasterKey) < 16 {
		return errors.New("MEILI_MASTER_KEY must be at least 16 bytes when APP_ENV=production")
	}
	if len(c.SessionSecret) < 32 {
		return errors.New("SESSION_SECRET must be at least 32 bytes when APP_ENV=production")
	}
	if !strings.HasPrefix(c.BaseURL, "https://") {
		return errors.New("BASE_URL must start with https:// when APP_ENV=production")
	}
	return nil
}

// CheckServe refuses what a production serve must not run with: the
// Meilisearch master key in its environment, or no scoped key. serve and its
// jobs need only MEILI_API_KEY; without the master key, a compromised server
// can neither manage Meilisearch keys nor reach indexes outside its prefix.
func (c Config) CheckServe() error {
	if !c.IsProduction() {
		return nil
	}
	if c.MeiliMasterKey != "" {
		return errors.New("config: MEILI_MASTER_KEY must not be set for serve when APP_ENV=production: " +
			"serve runs with the scoped MEILI_API_KEY alone, so that a compromised server cannot manage Meilisearch keys " +
			"or reach other indexes; only `werkhaven migrate` needs the master key")
	}
	if c.MeiliAPIKey == "" {
		return errors.New("config: MEILI_API_KEY is required for serve when APP_ENV=production: " +
			"the app's scoped Meilisearch key, which `werkhaven migrate` creates and `werkhaven meili-key` prints")
	}
	return nil
}

// CheckMasterKey refuses a command that manages Meilisearch keys (migrate,
// meili-key) without the master key.
func (c Config) CheckMasterKey(command string) error {
	if c.MeiliMasterKey == "" {
		return fmt.Errorf("config: MEILI_MASTER_KEY is required for %s: it creates the app's scoped Meilisearch key", command)
	}
	return nil
}

// LogValue prints the configuration with every secret masked, so it can be
// logged at start-up.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("app_env", c.AppEnv),
		slog.String("listen_addr", c.ListenAddr),
		slog.String("base_url", c.BaseURL),
		slog.String("database_url", maskURL(c.DatabaseURL)),
		slog.String("meili_url", c.MeiliURL),
		slog.String("meili_master_key", mask(c.MeiliMasterKey)),
		slog.String("meili_api_key", mask(c.MeiliAPIKey)),
		slog.String("meili_index_prefix", c.MeiliIndexPrefix),
		slog.Duration("meili_query_timeout", c.MeiliQueryTimeout),
		slog.String("stripe_api_base", c.StripeAPIBase),
		slog.String("stripe_secret_key", mask(c.StripeSecretKey)),
		slog.String("stripe_webhook_secret", mask(c.StripeWebhookSecret)),
		slog.String("smtp_url", maskURL(c.SMTPURL)),
		slog.String("session_secret", mask(c.SessionSecret)),
		slog.String("metrics_token", mask(c.MetricsToken)),
		slog.String("web_dir", c.WebDir),
	)
}

func mask(s string) string {
	if s == "" {
		return ""
	}
	return "****"
}

// maskURL hides the password of a URL (postgres://user:secret@host → user:****).
func maskURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "****"
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "****")
	}
	return u.String()
}
