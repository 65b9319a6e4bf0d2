package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestUnknownCommandFails(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"launch"}, &out, &errOut); err == nil {
		t.Fatal("an unknown command must fail")
	}
	if !strings.Contains(errOut.String(), "usage: werkhaven") {
		t.Fatalf("usage not printed: %q", errOut.String())
	}
	if err := run(context.Background(), nil, &out, &errOut); err == nil {
		t.Fatal("no command must fail")
	}
}

func TestBadConfigurationIsOneLine(t *testing.T) {
	t.Setenv("APP_ENV", "production")
	t.Setenv("DATABASE_URL", "")
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"migrate"}, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "DATABASE_URL") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("want one line naming DATABASE_URL, got %v", err)
	}
}

func TestServeRejectsUnknownMode(t *testing.T) {
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"serve", "-mode", "everything"}, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "-mode") {
		t.Fatalf("want a -mode error, got %v", err)
	}
}

// committedIsCurrent runs the command and compares its output with the
// committed file (docs/api/<name>): run `make generate` after a change.
func committedIsCurrent(t *testing.T, command, name string) {
	t.Helper()
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{command}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join("..", "..", "..", "docs", "api", name))
	if err != nil {
		t.Fatalf("read committed docs/api/%s: %v (run `make generate`)", name, err)
	}
	if !bytes.Equal(committed, out.Bytes()) {
		t.Fatalf("docs/api/%s is stale: run `make generate` and commit the result", name)
	}
}

// The committed message catalogue (docs/api/messages.json) must match the
// one the server renders from.
func TestCommittedMessagesAreCurrent(t *testing.T) {
	committedIsCurrent(t, "messages", "messages.json")
}

// The committed OpenAPI document (docs/api/openapi.json, input of the front
// end's generated client) must match what the server serves.
func TestCommittedOpenAPIIsCurrent(t *testing.T) {
	t.Setenv("BASE_URL", "http://localhost:8080")
	committedIsCurrent(t, "openapi", "openapi.json")
}
