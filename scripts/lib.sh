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

# meili_start PORT: start the stack's Meilisearch on PORT (key and data under .data/).
meili_start() {
  local port=$1 bin key
  bin=$("$ROOT/scripts/install-meilisearch.sh")
  key=$(cat "$DATA/meili.key")
  mkdir -p "$DATA/meili"
  nohup "$bin" --http-addr "127.0.0.1:$port" --master-key "$key" --env development --no-analytics \
    --db-path "$DATA/meili/data.ms" --dump-dir "$DATA/meili/dumps" --snapshot-dir "$DATA/meili/snapshots" \
    >>"$DATA/meili.log" 2>&1 &
  echo $! >"$DATA/meili.pid"
  echo "$port" >"$DATA/meili.port"
  wait_for 30 meili_healthy "$port" || die "Meilisearch did not become healthy on port $port; see .data/meili.log"
}

meili_stop() {
  if alive "$DATA/meili.pid"; then
    kill "$(cat "$DATA/meili.pid")"
    wait_for 15 bash -c "! kill -0 $(cat "$DATA/meili.pid") 2>/dev/null" || kill -9 "$(cat "$DATA/meili.pid")" 2>/dev/null || true
  fi
  rm -f "$DATA/meili.pid"
}
