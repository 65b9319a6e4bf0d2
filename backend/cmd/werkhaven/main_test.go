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

// The committed message catalogue (docs/api/messages.json) must match the
// one the server renders from: run `make generate` after changing a text.
func TestCommittedMessagesAreCurrent(t *testing.T) {
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"messages"}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join("..", "..", "..", "docs", "api", "messages.json"))
	if err != nil {
		t.Fatalf("read committed catalogue: %v (run `make generate`)", err)
	}
	if !bytes.Equal(committed, out.Bytes()) {
		t.Fatal("docs/api/messages.json is stale: run `make generate` and commit the result")
	}
}

// The committed OpenAPI document (docs/api/openapi.json, input of the front
// end's generated client) must match what the server serves: run
// `make generate` after changing an operation.
func TestCommittedOpenAPIIsCurrent(t *testing.T) {
	t.Setenv("BASE_URL", "http://localhost:8080")
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"openapi"}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join("..", "..", "..", "docs", "api", "openapi.json"))
	if err != nil {
		t.Fatalf("read committed OpenAPI document: %v (run `make generate`)", err)
	}
	if !bytes.Equal(committed, out.Bytes()) {
		t.Fatal("docs/api/openapi.json is stale: run `make generate` and commit the result")
	}
}
