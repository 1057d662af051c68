#!/usr/bin/env bash
# Two instances of the real sign-up server on one PostgreSQL: one user per e-mail under races,
# tokens closed on one refused (427) on the other, shared sessions and reset codes, shared throttling.
# Run by .ci/run after `cargo test` (bounded in time, loopback only); fails if PostgreSQL was skipped.
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/lib.sh
ci_start_postgres
export TEST_DATABASE_URL
out=$(timeout 900 cargo test -p sign-up --test multi_instance -- --nocapture 2>&1) || { echo "$out"; exit 1; }
grep -E '^test |test result|^killed' <<<"$out"
if grep -q 'skipping the PostgreSQL' <<<"$out"; then
  echo "multi_instance: the PostgreSQL tests were skipped" >&2
  exit 1
fi
