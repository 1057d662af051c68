#!/usr/bin/env bash
# kill -9 of the real sign-up server under a sign-up load, on SQLite and on PostgreSQL: every
# answered sign-up exists once after the restart, integrity checks pass.
# Run by .ci/run after `cargo test` (bounded in time, loopback only); fails if PostgreSQL was skipped.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/lib.sh
ci_start_postgres
export TEST_DATABASE_URL
out=$(timeout 900 cargo test -p sign-up --test crash -- --nocapture 2>&1) || { echo "$out"; exit 1; }
grep -E '^test |test result|^killed|^amcheck|^note' <<<"$out"
if grep -q 'skipping the PostgreSQL' <<<"$out"; then
  echo "crash: the PostgreSQL tests were skipped" >&2
  exit 1
fi
