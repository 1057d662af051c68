#!/usr/bin/env bash
# The playground's end-to-end tests: headless Debian Chromium driven by playwright-core (npm).
# Installs what is missing (quietly, idempotently), builds the sign-up server and the `waflow`
# command, then runs tests/browser. Every step is bounded in time; any failure fails the suite.
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
dpkg -s chromium >/dev/null 2>&1 || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get update -qq >/dev/null
  timeout 1200 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
test -x /usr/bin/chromium

echo "building the sign-up server and the waflow command (release)"
timeout 2400 cargo build --release --quiet -p sign-up -p waflow-cli

cd tests/browser
timeout 600 npm ci --no-audit --no-fund --loglevel=error
timeout 1200 npm test
