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

# E2E_NAME names the run's database and index prefix, so two runs on one
# machine (two checkouts) do not meet.
name=${E2E_NAME:-werkhaven_e2e}
[[ $name =~ ^[a-z][a-z0-9_]{0,40}$ ]] || die "E2E_NAME must be lower-case letters, digits and _"
db_url=$(node -e 'const u=new URL(process.argv[1]);u.pathname="/"+process.argv[2];console.log(u.toString())' "$DATABASE_URL" "$name")
psql "$DATABASE_URL" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" -c "CREATE DATABASE $name" >/dev/null
port=$(free_port)
smtp_port=$(free_port)
export DATABASE_URL=$db_url LISTEN_ADDR=127.0.0.1:$port BASE_URL=http://127.0.0.1:$port \
  SMTP_URL=smtp://127.0.0.1:$smtp_port MEILI_INDEX_PREFIX=${name}_ WEB_DIR=frontend/dist APP_ENV=development
# The scoped key of this run's prefix (stack.env holds the one of the
# default prefix); migrate creates it, serve runs with it alone, as in
# production.
MEILI_API_KEY=$(bin/werkhaven meili-key)
export MEILI_API_KEY
bin/werkhaven migrate 2>"$DATA/$name-migrate.log"
bin/werkhaven seed --demo >/dev/null
env -u MEILI_MASTER_KEY bin/werkhaven serve >"$DATA/$name-serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
wait_for 30 curl -fsS "http://127.0.0.1:$port/healthz" || die "werkhaven did not start; see .data/$name-serve.log"
cd frontend
WERKHAVEN_URL="http://127.0.0.1:$port" CHROMIUM_PATH="$CHROMIUM" node --test --test-concurrency=1 e2e/
