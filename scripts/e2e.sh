#!/usr/bin/env bash
# Browser journeys: a real `werkhaven serve` on its own database and port,
# with the development mail catcher on a free port, driven by playwright-core
# in Debian's Chromium. Expects the stack up and bin/werkhaven + frontend/dist
# built (make test-e2e does both).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
[ -f "$DATA/stack.env" ] || die "the stack is not up: run make stack"
set -a; source "$DATA/stack.env"; set +a
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] || die "Chromium is missing at $CHROMIUM: apt-get install -y chromium"

db_url=$(node -e 'const u=new URL(process.argv[1]);u.pathname="/werkhaven_e2e";console.log(u.toString())' "$DATABASE_URL")
psql "$DATABASE_URL" -qc 'DROP DATABASE IF EXISTS werkhaven_e2e WITH (FORCE)' -c 'CREATE DATABASE werkhaven_e2e' >/dev/null
port=$(free_port)
smtp_port=$(free_port)
export DATABASE_URL=$db_url LISTEN_ADDR=127.0.0.1:$port BASE_URL=http://127.0.0.1:$port \
  SMTP_URL=smtp://127.0.0.1:$smtp_port MEILI_INDEX_PREFIX=werkhaven_e2e_ WEB_DIR=frontend/dist APP_ENV=development
bin/werkhaven migrate 2>"$DATA/e2e-migrate.log"
bin/werkhaven seed --demo >/dev/null
bin/werkhaven serve >"$DATA/e2e-serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
wait_for 30 curl -fsS "http://127.0.0.1:$port/healthz" || die "werkhaven did not start; see .data/e2e-serve.log"
cd frontend
WERKHAVEN_URL="http://127.0.0.1:$port" CHROMIUM_PATH="$CHROMIUM" node --test --test-concurrency=1 e2e/
