#!/usr/bin/env bash
# The playground's end-to-end tests: headless Debian Chromium driven by playwright-core (npm).
# Installs what is missing (quietly, idempotently), builds the sign-up server and the `waflow`
# command, then runs tests/browser. Every step is bounded in time; any failure fails the suite.
set -euo pipefail
cd "$(dirname "$0")/../.."

. .ci/lib.sh
apt_install chromium
# Node.js may come from elsewhere than Debian: install Debian's only when there is none.
command -v node >/dev/null 2>&1 || apt_install nodejs
command -v npm >/dev/null 2>&1 || apt_install npm
test -x /usr/bin/chromium

echo "building the sign-up server and the waflow command (release), the examples (debug, as cargo test built them)"
timeout 2400 cargo build --release --quiet -p sign-up -p waflow-cli
timeout 1200 cargo build --quiet -p waflow --examples
# Wherever cargo puts them (CARGO_TARGET_DIR may point elsewhere).
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
export SIGN_UP_BIN="$target_dir/release/sign-up" WAFLOW_BIN="$target_dir/release/waflow"
export EXAMPLES_DIR="$target_dir/debug/examples"
test -x "$SIGN_UP_BIN" && test -x "$WAFLOW_BIN"

cd tests/browser
timeout 600 npm ci --no-audit --no-fund --loglevel=error
timeout 1200 npm test
