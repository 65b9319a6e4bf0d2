#!/usr/bin/env bash
# The local stack Werkhaven runs and tests against: PostgreSQL, Meilisearch
# 1.21 and stripe-mock, all on loopback. Idempotent: `up` reuses what already
# runs. Addresses are written to .data/stack.env for the Makefile and tests,
# with the Meilisearch master key (for migrate and tests) and the app's scoped
# key MEILI_API_KEY (for serve; `werkhaven migrate` creates it in Meilisearch).
#
#   scripts/stack.sh up|down|status|env
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_DATA="$DATA/postgres"
PG_SOCK="$DATA/pgsock"
# WERKHAVEN_PG_PROBE_PORT overrides the port probed for a running server;
# pointing it at a closed port forces the private-cluster path (for testing it).
PG_PROBE_PORT="${WERKHAVEN_PG_PROBE_PORT:-5432}"

ensure_pg_client() {
  command -v psql >/dev/null 2>&1 || apt_install postgresql-client
}

pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# as_pg CMD...: initdb and postgres refuse to run as root; use the postgres user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

create_db() { # PORT HOST
  local port=$1 host=$2
  if ! psql -h "$host" -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'werkhaven'" | grep -q 1; then
    psql -h "$host" -p "$port" -U postgres -d postgres -qc 'CREATE DATABASE werkhaven' >/dev/null
    log "created database werkhaven"
  fi
}

postgres_up() {
  if [ -n "${DATABASE_URL:-}" ]; then
    ensure_pg_client
    psql "$DATABASE_URL" -qtAc 'SELECT 1' >/dev/null 2>&1 || die "DATABASE_URL is set but PostgreSQL does not answer there"
    PG_URL=$DATABASE_URL; PG_KIND="DATABASE_URL"; return
  fi
  if port_open "$PG_PROBE_PORT"; then
    ensure_pg_client
    if psql -h 127.0.0.1 -p "$PG_PROBE_PORT" -U postgres -d postgres -qtAc 'SELECT 1' >/dev/null 2>&1; then
      create_db "$PG_PROBE_PORT" 127.0.0.1
      PG_URL="postgres://postgres@127.0.0.1:$PG_PROBE_PORT/werkhaven?sslmode=disable"; PG_KIND="machine server on port $PG_PROBE_PORT"; return
    fi
    log "a server answers on 127.0.0.1:$PG_PROBE_PORT but not as user postgres without password; using a private cluster"
  fi
  private_postgres_up
}

private_postgres_up() {
  local bindir port
  bindir=$(pg_bindir)
  if [ -z "$bindir" ]; then apt_install postgresql; bindir=$(pg_bindir); fi
  [ -n "$bindir" ] || die "no PostgreSQL binaries found under /usr/lib/postgresql"
  ensure_pg_client
  mkdir -p "$PG_SOCK"
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    mkdir -p "$PG_DATA"
    [ "$(id -u)" = 0 ] && chown postgres "$PG_DATA" "$PG_SOCK"
    log "initialising a private PostgreSQL cluster in .data/postgres"
    as_pg "$bindir/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --no-locale >"$DATA/postgres-init.log" 2>&1 \
      || die "initdb failed; see .data/postgres-init.log"
  fi
  [ "$(id -u)" = 0 ] && chown postgres "$PG_SOCK"
  port=$(cat "$DATA/postgres.port" 2>/dev/null || true)
  if [ -z "$port" ] || ! as_pg "$bindir/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    if [ -z "$port" ] || port_open "$port"; then port=$(free_port); fi
    touch "$DATA/postgres.log"; [ "$(id -u)" = 0 ] && chown postgres "$DATA/postgres.log"
    as_pg "$bindir/pg_ctl" -D "$PG_DATA" -l "$DATA/postgres.log" -w -t 30 \
      -o "-p $port -k $PG_SOCK -c listen_addresses=127.0.0.1" start >/dev/null || die "PostgreSQL did not start; see .data/postgres.log"
    echo "$port" >"$DATA/postgres.port"
  fi
  create_db "$port" 127.0.0.1
  PG_URL="postgres://postgres@127.0.0.1:$port/werkhaven?sslmode=disable"; PG_KIND="private cluster on port $port"
}

meili_up() {
  [ -s "$DATA/meili.key" ] || { (umask 077; openssl rand -hex 32 >"$DATA/meili.key" 2>/dev/null || node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))' >"$DATA/meili.key"); }
  chmod 600 "$DATA/meili.key"
  local port
  port=$(cat "$DATA/meili.port" 2>/dev/null || true)
  if [ -n "$port" ] && alive "$DATA/meili.pid" && meili_healthy "$port" \
    && [ "$(cat "$DATA/meili.flags" 2>/dev/null)" = "$(meili_flags)" ]; then
    MEILI_PORT=$port; return
  fi
  meili_stop
  port=${port:-7700}
  if port_open "$port"; then port=$(free_port); fi
  meili_start "$port"
  MEILI_PORT=$port
}

stripe_mock_bin() {
  local bin="$TOOLS/bin/stripe-mock"
  if [ ! -x "$bin" ] || [ "$ROOT/go.mod" -nt "$bin" ]; then
    log "building stripe-mock (Go tool pinned in go.mod)"
    mkdir -p "$TOOLS/bin"
    (cd "$ROOT" && go build -o "$bin" github.com/stripe/stripe-mock) || die "could not build stripe-mock"
  fi
  echo "$bin"
}

stripe_healthy() { curl -fsS -u sk_test_123: "http://127.0.0.1:$1/v1/balance" >/dev/null; }

stripe_up() {
  local port bin
  port=$(cat "$DATA/stripe-mock.port" 2>/dev/null || true)
  if [ -n "$port" ] && alive "$DATA/stripe-mock.pid" && stripe_healthy "$port"; then
    STRIPE_PORT=$port; return
  fi
  alive "$DATA/stripe-mock.pid" && kill "$(cat "$DATA/stripe-mock.pid")" 2>/dev/null || true
  bin=$(stripe_mock_bin)
  port=${port:-12111}
  if port_open "$port"; then port=$(free_port); fi
  # stripe-mock also serves HTTPS (default :12112); give it a loopback port
  # the kernel picks, so two stacks on one machine do not collide.
  nohup "$bin" -http-addr "127.0.0.1:$port" -https-addr "127.0.0.1:" >>"$DATA/stripe-mock.log" 2>&1 &
  echo $! >"$DATA/stripe-mock.pid"
  echo "$port" >"$DATA/stripe-mock.port"
  wait_for 30 stripe_healthy "$port" || die "stripe-mock did not answer on port $port; see .data/stripe-mock.log"
  STRIPE_PORT=$port
}

# meili_api_key: the app's scoped key for the master key and the index
# prefix (MEILI_INDEX_PREFIX, default werkhaven_), as `werkhaven meili-key`
# prints it; computed, Meilisearch is not asked.
meili_api_key() {
  (cd "$ROOT" && APP_ENV=development MEILI_MASTER_KEY="$(cat "$DATA/meili.key")" go run ./backend/cmd/werkhaven meili-key) \
    || die "could not compute MEILI_API_KEY (go run ./backend/cmd/werkhaven meili-key)"
}

write_env() {
  local api_key
  api_key=$(meili_api_key)
  (umask 077; cat >"$DATA/stack.env.tmp" <<ENV
DATABASE_URL=$PG_URL
MEILI_URL=http://127.0.0.1:$MEILI_PORT
MEILI_MASTER_KEY=$(cat "$DATA/meili.key")
MEILI_API_KEY=$api_key
STRIPE_API_BASE=http://127.0.0.1:$STRIPE_PORT
STRIPE_SECRET_KEY=sk_test_123
ENV
  )
  mv "$DATA/stack.env.tmp" "$DATA/stack.env"
}

up() {
  command -v curl >/dev/null || apt_install curl
  postgres_up
  meili_up
  stripe_up
  write_env
  log "postgres     $PG_KIND"
  log "meilisearch  http://127.0.0.1:$MEILI_PORT"
  log "stripe-mock  http://127.0.0.1:$STRIPE_PORT"
  log "addresses in .data/stack.env"
}

down() {
  meili_stop && log "meilisearch stopped"
  if alive "$DATA/stripe-mock.pid"; then kill "$(cat "$DATA/stripe-mock.pid")"; log "stripe-mock stopped"; fi
  rm -f "$DATA/stripe-mock.pid"
  local bindir
  bindir=$(pg_bindir)
  if [ -f "$PG_DATA/PG_VERSION" ] && [ -n "$bindir" ] && as_pg "$bindir/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    as_pg "$bindir/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null && log "private postgres stopped"
  fi
  rm -f "$DATA/stack.env"
}

status() {
  [ -f "$DATA/stack.env" ] || { echo "stack is not up (scripts/stack.sh up)"; return 1; }
  # shellcheck disable=SC1091
  set -a; source "$DATA/stack.env"; set +a
  local rc=0
  if psql "$DATABASE_URL" -qtAc 'SELECT 1' >/dev/null 2>&1; then echo "postgres     ok    ${DATABASE_URL%%\?*}"; else echo "postgres     DOWN  ${DATABASE_URL%%\?*}"; rc=1; fi
  if curl -fsS "$MEILI_URL/health" 2>/dev/null | grep -q available; then echo "meilisearch  ok    $MEILI_URL"; else echo "meilisearch  DOWN  $MEILI_URL"; rc=1; fi
  if curl -fsS -u sk_test_123: "$STRIPE_API_BASE/v1/balance" >/dev/null 2>&1; then echo "stripe-mock  ok    $STRIPE_API_BASE"; else echo "stripe-mock  DOWN  $STRIPE_API_BASE"; rc=1; fi
  return $rc
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  env) [ -f "$DATA/stack.env" ] || die "stack is not up"; cat "$DATA/stack.env" ;;
  *) echo "usage: scripts/stack.sh up|down|status|env" >&2; exit 2 ;;
esac
