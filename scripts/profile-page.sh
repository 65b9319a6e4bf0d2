#!/usr/bin/env bash
# A CPU profile of one page as it opens (frontend/perf/profile.mjs) on a real
# `werkhaven serve` with the demo region, in Debian's Chromium. PAGE=vacature,
# pool (default), caseload or kandidaat. Expects the stack up and bin/werkhaven
# + frontend/dist built (make build).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
perf_on_demo "${PROFILE_NAME:-werkhaven_profile}" profile.mjs
