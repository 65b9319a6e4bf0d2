# Shared helpers for the scripts in this folder (sourced, not run).
# shellcheck shell=bash
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA="$ROOT/.data"
TOOLS="$ROOT/.tools"
mkdir -p "$DATA" "$TOOLS"

log() { echo "stack: $*" >&2; }
die() { echo "stack: error: $*" >&2; exit 1; }

# port_open PORT: something listens on 127.0.0.1:PORT.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port: a port nothing listens on, chosen by the kernel.
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# alive PIDFILE: the process in PIDFILE runs.
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# wait_for SECONDS CMD...: retry CMD every 0.2 s until it succeeds.
wait_for() {
  local deadline=$((SECONDS + $1)); shift
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -ge "$deadline" ] && return 1
    sleep 0.2
  done
}

# apt_install PKG...: install Debian packages (needs root).
apt_install() {
  [ "$(id -u)" = 0 ] || die "please install: $* (sudo apt-get install -y $*)"
  log "installing $* with apt-get"
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

meili_healthy() { curl -fsS "http://127.0.0.1:$1/health" | grep -q available; }

# MEILI_MAX_INDEXING_MEMORY bounds the memory Meilisearch allocates per indexing batch. Left to
# Meilisearch it is sized from the machine's memory, and a batch of one document then spent up to
# 1.7 s zeroing that allocation (docs/operations.md, "Meilisearch's indexing memory"). The same value
# is in docker-compose.yml and testkit.StartMeili.
MEILI_MAX_INDEXING_MEMORY=${MEILI_MAX_INDEXING_MEMORY:-1GiB}

# meili_flags: the settings the stack's Meilisearch runs with (meili_up restarts it when they change).
meili_flags() { echo "--max-indexing-memory $MEILI_MAX_INDEXING_MEMORY"; }

# meili_start PORT: start the stack's Meilisearch on PORT (key and data under .data/).
meili_start() {
  local port=$1 bin key
  bin=$("$ROOT/scripts/install-meilisearch.sh")
  key=$(cat "$DATA/meili.key")
  mkdir -p "$DATA/meili"
  # shellcheck disable=SC2046 # meili_flags is words
  nohup "$bin" --http-addr "127.0.0.1:$port" --master-key "$key" --env development --no-analytics \
    --db-path "$DATA/meili/data.ms" --dump-dir "$DATA/meili/dumps" --snapshot-dir "$DATA/meili/snapshots" \
    $(meili_flags) >>"$DATA/meili.log" 2>&1 &
  echo $! >"$DATA/meili.pid"
  echo "$port" >"$DATA/meili.port"
  meili_flags >"$DATA/meili.flags"
  wait_for 30 meili_healthy "$port" || die "Meilisearch did not become healthy on port $port; see .data/meili.log"
}

meili_stop() {
  if alive "$DATA/meili.pid"; then
    kill "$(cat "$DATA/meili.pid")"
    wait_for 15 bash -c "! kill -0 $(cat "$DATA/meili.pid") 2>/dev/null" || kill -9 "$(cat "$DATA/meili.pid")" 2>/dev/null || true
  fi
  rm -f "$DATA/meili.pid"
}

# need_chromium: sets CHROMIUM to Debian's Chromium (or CHROMIUM_PATH), or stops.
need_chromium() {
  CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
  [ -x "$CHROMIUM" ] || die "Chromium is missing at $CHROMIUM: apt-get install -y chromium"
}

# perf_on_demo NAME SCRIPT: runs frontend/perf/SCRIPT in Node against a
# serve_demo NAME, with Debian's Chromium (WERKHAVEN_URL, CHROMIUM_PATH).
perf_on_demo() {
  need_chromium
  cd "$ROOT"
  serve_demo "$1"
  (cd "$ROOT/frontend" && WERKHAVEN_URL="$DEMO_URL" CHROMIUM_PATH="$CHROMIUM" node "perf/$2")
}

# serve_demo NAME: a real `werkhaven serve` of the built binary and front end
# on its own database and Meilisearch index prefix NAME, freshly migrated and
# seeded with the demo region, with the development mail catcher on a free
# port; stopped when the calling script exits. Sets DEMO_URL.
serve_demo() {
  local name=$1 db_url port smtp_port
  [ -f "$DATA/stack.env" ] || die "the stack is not up: run make stack"
  set -a; source "$DATA/stack.env"; set +a
  [[ $name =~ ^[a-z][a-z0-9_]{0,40}$ ]] || die "the run's name must be lower-case letters, digits and _"
  db_url=$(node -e 'const u=new URL(process.argv[1]);u.pathname="/"+process.argv[2];console.log(u.toString())' "$DATABASE_URL" "$name")
  psql "$DATABASE_URL" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" -c "CREATE DATABASE $name" >/dev/null
  port=$(free_port)
  smtp_port=$(free_port)
  export DATABASE_URL=$db_url LISTEN_ADDR=127.0.0.1:$port BASE_URL=http://127.0.0.1:$port \
    SMTP_URL=smtp://127.0.0.1:$smtp_port MEILI_INDEX_PREFIX=${name}_ WEB_DIR=${WEB_DIR:-frontend/dist} APP_ENV=development
  # The scoped key of this run's prefix (stack.env holds the one of the
  # default prefix); migrate creates it, serve runs with it alone, as in
  # production.
  MEILI_API_KEY=$(bin/werkhaven meili-key)
  export MEILI_API_KEY
  bin/werkhaven migrate 2>"$DATA/$name-migrate.log"
  bin/werkhaven seed --demo >/dev/null
  env -u MEILI_MASTER_KEY bin/werkhaven serve >"$DATA/$name-serve.log" 2>&1 &
  DEMO_PID=$!
  trap 'kill $DEMO_PID 2>/dev/null || true; wait $DEMO_PID 2>/dev/null || true' EXIT
  wait_for 30 curl -fsS "http://127.0.0.1:$port/healthz" || die "werkhaven did not start; see .data/$name-serve.log"
  DEMO_URL="http://127.0.0.1:$port"
  # The seed's search work (index settings, the outbox's jobs, Meilisearch's tasks) runs after
  # serve starts; a journey or a measurement that begins sooner finds the typeahead empty.
  wait_for 120 search_settled "$name" || die "the demo's search indexes did not settle in 120 s; see .data/$name-serve.log"
}

# search_settled NAME: true once serve logged its indexes ready, no search outbox row or job of the
# run's database waits, and Meilisearch has no task of the run's indexes (prefix NAME_) to do.
search_settled() {
  grep -q '"search indexes ready"' "$DATA/$1-serve.log" || return 1
  [ "$(psql "$DATABASE_URL" -tAc "SELECT (SELECT count(*) FROM search_outbox) +
    (SELECT count(*) FROM river_job WHERE state IN ('available', 'running', 'retryable'))")" = 0 ] || return 1
  curl -fsS -H "Authorization: Bearer $MEILI_MASTER_KEY" "$MEILI_URL/tasks?statuses=enqueued,processing&limit=1000" |
    node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>{
      const busy=JSON.parse(s).results.filter((t)=>(t.indexUid??"").startsWith(process.argv[1]));
      process.exit(busy.length ? 1 : 0)})' "$1_"
}
