// Package testkit gives integration tests real services: a fresh migrated
// PostgreSQL database per test (cloned from a template, so it takes
// milliseconds), an isolated Meilisearch index prefix, and stripe-mock.
//
// `make test` starts the services (scripts/stack.sh up) and writes their
// addresses to .data/stack.env, which testkit reads when the environment does
// not name them. A test whose service is unreachable fails, saying how to
// start it; it never skips.
package testkit

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

const startHint = "start the local stack with `make stack` (scripts/stack.sh up), or set %s"

var (
	envOnce sync.Once
	fileEnv map[string]string
)

// RepoRoot is the repository's root folder (where go.mod is).
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Dir(file)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Env returns a service setting: the process environment first, then
// .data/stack.env written by scripts/stack.sh.
func Env(name string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	envOnce.Do(func() {
		fileEnv = map[string]string{}
		f, err := os.Open(filepath.Join(RepoRoot(), ".data", "stack.env"))
		if err != nil {
			return
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			line = strings.TrimPrefix(line, "export ")
			if k, v, ok := strings.Cut(line, "="); ok {
				fileEnv[k] = strings.Trim(v, `"'`)
			}
		}
	})
	return fileEnv[name]
}

func requireEnv(t testing.TB, name string) string {
	t.Helper()
	v := Env(name)
	if v == "" {
		t.Fatalf("%s is not set and .data/stack.env has no value for it: "+startHint, name, name)
	}
	return v
}

// Context is a test-scoped context, cancelled when the test ends.
func Context(t testing.TB) context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	return ctx
}

func randomSuffix() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
