// Package infra_test checks the deployment files: docker-compose.yml and the
// Dockerfile. No Docker engine runs in CI, so the files are loaded and
// inspected rather than started.
package infra_test

import (
	"bufio"
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
)

var composeEnv = []string{
	"POSTGRES_PASSWORD=pw-for-test",
	"MEILI_MASTER_KEY=a-master-key-for-the-test",
	"STRIPE_SECRET_KEY=sk_test_x",
	"STRIPE_WEBHOOK_SECRET=whsec_x",
	"SMTP_URL=smtp://mail.test:25",
	"SESSION_SECRET=0123456789abcdef0123456789abcdef",
	"BASE_URL=https://werkhaven.test",
	"METRICS_TOKEN=a-metrics-token-for-the-test",
	"MEILI_API_KEY=a-scoped-key-for-the-test",
}

func loadCompose(t *testing.T, env []string) (*types.Project, error) {
	t.Helper()
	opts, err := cli.NewProjectOptions([]string{"../docker-compose.yml"},
		cli.WithName("werkhaven"), cli.WithEnv(env), cli.WithWorkingDirectory(".."), cli.WithDiscardEnvFile)
	if err != nil {
		t.Fatal(err)
	}
	return opts.LoadProject(context.Background())
}

func TestComposeServices(t *testing.T) {
	p, err := loadCompose(t, composeEnv)
	if err != nil {
		t.Fatalf("load docker-compose.yml: %v", err)
	}
	svc := func(name string) types.ServiceConfig {
		s, err := p.GetService(name)
		if err != nil {
			t.Fatalf("service %s: %v", name, err)
		}
		return s
	}
	pg, meili, stripe, migrate, app := svc("postgres"), svc("meilisearch"), svc("stripe-mock"), svc("migrate"), svc("app")

	if pg.Image != "postgres:16" {
		t.Errorf("postgres image %q", pg.Image)
	}
	if meili.Image != "getmeili/meilisearch:v1.21" {
		t.Errorf("meilisearch image %q", meili.Image)
	}
	if !strings.HasPrefix(stripe.Image, "stripe/stripe-mock") {
		t.Errorf("stripe-mock image %q", stripe.Image)
	}
	for _, s := range []types.ServiceConfig{pg, meili, app} {
		if s.HealthCheck == nil || len(s.HealthCheck.Test) < 2 {
			t.Errorf("%s needs a health check with a test command", s.Name)
		}
	}
	for _, s := range []types.ServiceConfig{migrate, app} {
		if s.Build == nil || s.Build.Dockerfile != "infra/docker/Dockerfile" {
			t.Fatalf("%s must be built from infra/docker/Dockerfile: %+v", s.Name, s.Build)
		}
	}
	if !slices.Equal(migrate.Command, types.ShellCommand{"migrate"}) || !slices.Equal(app.Command, types.ShellCommand{"serve"}) {
		t.Errorf("migrate runs %v, app runs %v; want migrate, then serve", migrate.Command, app.Command)
	}
	wantDeps := map[string]map[string]string{
		"migrate": {"postgres": "service_healthy", "meilisearch": "service_healthy"},
		"app":     {"migrate": "service_completed_successfully", "postgres": "service_healthy", "meilisearch": "service_healthy", "stripe-mock": "service_started"},
	}
	for _, s := range []types.ServiceConfig{migrate, app} {
		for dep, cond := range wantDeps[s.Name] {
			d, ok := s.DependsOn[dep]
			if !ok || d.Condition != cond {
				t.Errorf("%s depends on %s with %s, got %+v", s.Name, dep, cond, d)
			}
		}
	}
	wantEnv := map[string]string{
		"DATABASE_URL":    "@postgres:5432/",
		"MEILI_URL":       "http://meilisearch:7700",
		"STRIPE_API_BASE": "http://stripe-mock:12111",
		"APP_ENV":         "production",
		"SESSION_SECRET":  "0123456789abcdef",
		"METRICS_TOKEN":   "a-metrics-token-for-the-test",
	}
	for _, s := range []types.ServiceConfig{migrate, app} {
		for k, want := range wantEnv {
			v := s.Environment[k]
			if v == nil || !strings.Contains(*v, want) {
				t.Errorf("%s %s should contain %q, got %v", s.Name, k, want, v)
			}
		}
	}
	// The master key goes to migrate only; the app serves with the scoped key.
	if v := migrate.Environment["MEILI_MASTER_KEY"]; v == nil || meili.Environment["MEILI_MASTER_KEY"] == nil || *v != *meili.Environment["MEILI_MASTER_KEY"] {
		t.Error("migrate and meilisearch must share the master key")
	}
	if _, ok := app.Environment["MEILI_MASTER_KEY"]; ok {
		t.Error("the app must not get the Meilisearch master key")
	}
	if v := app.Environment["MEILI_API_KEY"]; v == nil || *v != "a-scoped-key-for-the-test" {
		t.Errorf("the app must get the scoped key MEILI_API_KEY, got %v", v)
	}
	if _, ok := migrate.Environment["MEILI_API_KEY"]; ok {
		t.Error("migrate needs no MEILI_API_KEY")
	}
}

// Secrets have no defaults: compose refuses to start without them.
// MEILI_API_KEY is the exception: `docker compose run migrate meili-key`
// prints it, so compose must load without it; serve refuses to start
// without it.
func TestComposeRequiresSecrets(t *testing.T) {
	for _, name := range []string{"MEILI_MASTER_KEY", "SESSION_SECRET", "POSTGRES_PASSWORD", "METRICS_TOKEN"} {
		var env []string
		for _, kv := range composeEnv {
			if !strings.HasPrefix(kv, name+"=") {
				env = append(env, kv)
			}
		}
		if _, err := loadCompose(t, env); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("loading without %s must fail naming it, got %v", name, err)
		}
	}
}

func TestDockerfileRunsAsNonRootWithHealthcheck(t *testing.T) {
	f, err := os.Open("docker/Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var stages [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(strings.ToUpper(line), "FROM ") {
			stages = append(stages, nil)
		}
		if len(stages) > 0 {
			stages[len(stages)-1] = append(stages[len(stages)-1], line)
		}
	}
	if len(stages) < 3 {
		t.Fatalf("want a multi-stage build (web, build, runtime), got %d stages", len(stages))
	}
	final := strings.Join(stages[len(stages)-1], "\n")
	for _, want := range []string{"USER nonroot", "HEALTHCHECK", "/app/werkhaven\", \"healthcheck\"", "COPY --from=web", "ENTRYPOINT"} {
		if !strings.Contains(final, want) {
			t.Errorf("final stage lacks %q", want)
		}
	}
	if strings.Contains(final, "USER root") {
		t.Error("final stage must not run as root")
	}
}
