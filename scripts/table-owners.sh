#!/usr/bin/env bash
# Which package names which table: runs TestTableOwners
# (backend/internal/app/tables_test.go) verbosely and prints, per package,
# every table its SQL names and whether that table is its own, another
# package's view (allowed), exempt, or a VIOLATION; then a one-line verdict.
# Needs no services: the test reads the migrations and the Go source.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=$(go test -count=1 -run '^TestTableOwners$' -v ./backend/internal/app/ 2>&1)
status=$?
awk -v status="$status" '
  /^=== RUN   TestTableOwners\// { sub(/^=== RUN   TestTableOwners\//, ""); printf "\n%s\n", $0; next }
  /^=== NAME  TestTableOwners$/ { summary = 1; next }
  /^    tables_test\.go:[0-9]+: / {
    sub(/^    tables_test\.go:[0-9]+: /, "")
    if (summary) { counts = $0 } else if (/ has no owner| no migration creates|is not a package/) { printf "  %s\n", $0; unowned++ } else { printf "  %s\n", $0 }
    next
  }
  /^(panic|--- FAIL|FAIL|ok|# )/ && !/TestTableOwners\// { other = other $0 "\n" }
  END {
    if (unowned) printf "\n"
    if (counts == "" && status != 0) { printf "%s", other; print "verdict: FAIL — the test did not run to its report (see above)"; exit 1 }
    if (status == 0) print "\nverdict: PASS — every table has one owner and no package names another package'"'"'s table (" counts ")"
    else { print "\nverdict: FAIL — " counts; exit 1 }
  }' <<<"$out"
