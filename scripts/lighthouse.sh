#!/usr/bin/env bash
# Lighthouse figures of the pages issue 21 names (sign-in, vacature, pool,
# caseload, kandidaat), mobile and desktop, on a real `werkhaven serve` with
# the demo region, in Debian's Chromium (frontend/perf/lighthouse.mjs).
# Expects the stack up and bin/werkhaven + frontend/dist built (make
# lighthouse does both). LH_RUNS (default 3) runs per page and form factor,
# LH_PAGES=sign-in,pool a subset.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
need_chromium
serve_demo "${LH_NAME:-werkhaven_lighthouse}"
cd frontend
WERKHAVEN_URL="$DEMO_URL" CHROMIUM_PATH="$CHROMIUM" node perf/lighthouse.mjs
