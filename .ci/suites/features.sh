#!/usr/bin/env bash
# Optional features that the default build leaves out still compile and lint: the sign-up app's
# OpenTelemetry export (`--features otel`). Then the Prometheus alert rules in docs/ops are
# checked and unit-tested with promtool (Debian's prometheus package).
set -euo pipefail
cd "$(dirname "$0")/../.."
. .ci/lib.sh
step "cargo clippy -p sign-up --features otel"
timeout 1800 cargo clippy -p sign-up --features otel --all-targets -- -D warnings
step "promtool check rules docs/ops/alerts.yml"
command -v promtool >/dev/null || apt_install prometheus
promtool check rules docs/ops/alerts.yml
promtool test rules docs/ops/alerts_test.yml
