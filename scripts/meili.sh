#!/usr/bin/env bash
# Stop or start only the stack's Meilisearch, on the same port with the same
# key and data: for trying what Werkhaven does while search is down.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ -f "$DATA/meili.port" ] || die "the stack was never started: run scripts/stack.sh up"
case "${1:-}" in
  stop) meili_stop; log "Meilisearch stopped" ;;
  start)
    if alive "$DATA/meili.pid" && meili_healthy "$(cat "$DATA/meili.port")"; then log "Meilisearch already runs"; exit 0; fi
    meili_start "$(cat "$DATA/meili.port")"; log "Meilisearch started on port $(cat "$DATA/meili.port")" ;;
  *) echo "usage: scripts/meili.sh stop|start" >&2; exit 2 ;;
esac
