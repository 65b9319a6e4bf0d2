#!/usr/bin/env bash
# Lighthouse figures of the pages issue 21 names (sign-in, vacature, pool,
# caseload, kandidaat), mobile and desktop, on a real `werkhaven serve` with
# the demo region, in Debian's Chromium (frontend/perf/lighthouse.mjs).
# Expects the stack up and bin/werkhaven + frontend/dist built (make
# lighthouse does both). LH_RUNS (default 3) runs per page and form factor,
# LH_PAGES=sign-in,pool a subset of the pages, LH_FORMS=mobile of the form factors, LH_KEEP=1 keeps every full report in
# .data/lighthouse/ (page-formfactor-run.json) to look into.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
perf_on_demo "${LH_NAME:-werkhaven_lighthouse}" lighthouse.mjs
