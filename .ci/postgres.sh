# Sourced by .ci/run and the suites: installs (Debian packages) and starts a local PostgreSQL on
# 127.0.0.1:5432 with a `waflow` superuser, and sets TEST_DATABASE_URL. Idempotent.
ci_start_postgres() {
  apt_install postgresql postgresql-client
  local ver
  ver=$(ls /usr/lib/postgresql | sort -V | tail -n1)
  if ! pg_lsclusters -h 2>/dev/null | grep -q "^$ver main"; then
    pg_createcluster "$ver" main >/dev/null
  fi
  if ! pg_lsclusters -h | grep -q "^$ver main .* online"; then
    pg_ctlcluster "$ver" main start
  fi
  for _ in $(seq 1 50); do
    su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432" && break
    sleep 0.2
  done
  su postgres -c "psql -q -tAc \"SELECT 1 FROM pg_roles WHERE rolname='waflow'\"" | grep -q 1 ||
    su postgres -c "psql -q -c \"CREATE ROLE waflow LOGIN SUPERUSER PASSWORD 'waflow'\"" >/dev/null
  su postgres -c "psql -q -tAc \"SELECT 1 FROM pg_database WHERE datname='waflow_test'\"" | grep -q 1 ||
    su postgres -c "createdb -O waflow waflow_test"
  TEST_DATABASE_URL="postgres://waflow:waflow@127.0.0.1:5432/waflow_test"
}
