#!/usr/bin/env bash
# Browser journeys: a real `werkhaven serve` on its own database and port,
# with the development mail catcher on a free port, driven by playwright-core
# in Debian's Chromium. Expects the stack up and bin/werkhaven + frontend/dist
# built (make test-e2e does both). E2E_PATTERN=regexp runs a subset.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
need_chromium

# E2E_NAME names the run's database and index prefix, so two runs on one
# machine (two checkouts) do not meet.
serve_demo "${E2E_NAME:-werkhaven_e2e}"
cd frontend
# E2E_PATTERN runs only the journeys whose name matches (a regular expression).
WERKHAVEN_URL="$DEMO_URL" CHROMIUM_PATH="$CHROMIUM" node --test --test-concurrency=1 ${E2E_PATTERN:+--test-name-pattern="$E2E_PATTERN"} e2e/
