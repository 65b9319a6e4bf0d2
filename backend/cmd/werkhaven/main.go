// Command werkhaven is the whole Werkhaven backend in one binary:
//
//	werkhaven serve [-mode all|web|workers] [-migrate]   HTTP API, front end and background workers
//	werkhaven migrate                                    apply the schema, load reference data, set up Meilisearch's keys
//	werkhaven meili-key                                  print the app's scoped Meilisearch key (MEILI_API_KEY for serve)
//	werkhaven seed [--demo]                              create the demo region, organisations and users
//	werkhaven seed --demo-history                        add a year of history to the demo region (for the figures)
//	werkhaven admin create-platform [-name NAME] EMAIL   create a platform administrator; prints their one-time sign-up link
//	werkhaven reindex [index ...]                        rebuild search indexes from Postgres
//	werkhaven healthcheck                                exit 0 when the local server is alive
//	werkhaven openapi                                    print the OpenAPI 3.1 document
//	werkhaven messages                                   print the message catalogue (Dutch and English)
//
// Configuration comes from the environment (see README.md).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "werkhaven:", err)
		os.Exit(1)
	}
}

const usage = `usage: werkhaven <command> [flags]

commands:
  serve        run the HTTP API, the front end and the background workers
  migrate      apply database migrations, load reference data and, with MEILI_MASTER_KEY,
               create the app's scoped Meilisearch key and delete Meilisearch's default keys
  meili-key    print the app's scoped Meilisearch key: serve's MEILI_API_KEY (needs MEILI_MASTER_KEY)
  seed         create the demo region, its organisations and a user per role (idempotent);
               seed --demo-history adds a year of history to it, for the figures (idempotent)
  admin        admin create-platform [-name NAME] EMAIL: create a platform administrator (of no
               region: creates regions and invites their first admins) and print the one-time
               link where they choose a password (valid 7 days)
  reindex      rebuild search indexes from PostgreSQL (all, or those named)
  healthcheck  exit 0 when the server on LISTEN_ADDR answers /healthz
  openapi      print the OpenAPI 3.1 document (JSON)
  messages     print the message catalogue: every text the API shows, in Dutch and English (JSON)`

var errUsage = errors.New("unknown command; run `werkhaven help`")

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return errUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return serve(ctx, rest, stderr)
	case "migrate":
		return migrate(ctx, stderr)
	case "meili-key":
		return meiliKey(stdout)
	case "seed":
		// "--demo" is accepted for clarity; the demo region is all seed makes.
		// "--demo-history" adds a year of history to the demo region.
		if len(rest) > 0 && (rest[0] == "--demo-history" || rest[0] == "-demo-history") {
			return seedDemoHistory(ctx, stdout, stderr)
		}
		if len(rest) > 0 && rest[0] != "--demo" && rest[0] != "-demo" {
			return fmt.Errorf("seed: unknown argument %q (use: werkhaven seed --demo or --demo-history)", rest[0])
		}
		return seedDemo(ctx, stdout, stderr)
	case "admin":
		return admin(ctx, rest, stdout, stderr)
	case "reindex":
		return reindex(ctx, rest, stdout, stderr)
	case "healthcheck":
		return healthcheck(ctx)
	case "openapi":
		return openAPIDocument(stdout)
	case "messages":
		return messageCatalogue(stdout)
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, usage)
		return nil
	default:
		fmt.Fprintln(stderr, usage)
		return errUsage
	}
}
