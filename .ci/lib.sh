# Shared by .ci/run and .ci/suites/*.sh: small helpers, sourced, never run.

step() { printf '\n== %s ==\n' "$*"; }

# Installs Debian packages that are missing, quietly and idempotently.
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ "${#missing[@]}" -gt 0 ]; then
    step "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    timeout 600 apt-get update -qq >/dev/null
    timeout 1200 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

. "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"
