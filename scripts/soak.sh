#!/usr/bin/env bash
# Soak test of the sign-up server with ../shared/bench (loopback only):
#   1. builds the release server, makes a key pair and encrypted bodies (gen_requests.py, kind mixed);
#   2. measures the maximum throughput (bench run.sh, MAX_S seconds);
#   3. measures ping latency under a flood of bad requests (garbage bodies at full speed on
#      FLOOD_CONNS connections while run.sh sends pings on 2 connections);
#   4. soaks for SOAK_S seconds (default 600) at half the measured maximum, sampling the server's RSS
#      every 30 s; wrk paces each connection with bench.lua's requests plus a delay().
# Prints RSS at start and end, requests, errors, and one last line:
#   SOAK max_req_per_s=<x> target_req_per_s=<y> achieved_req_per_s=<z> p99_ms=<p> errors=<n>
#        rss_start_kib=<a> rss_end_kib=<b> flood_ping_p99_ms=<c>
# Env: BUILD=0 skips the release build, RUST_LOG of the server (warn), SOAK_S (600), MAX_S (15), CONNECTIONS (16), COUNT (bodies, 60000), PORT (18480),
#      WORK (/tmp/waflow-soak), PYTHON (a python with `cryptography`; the pywa venv by default),
#      BENCH (../shared/bench, next to the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
SOAK_S=${SOAK_S:-600}
MAX_S=${MAX_S:-15}
CONNECTIONS=${CONNECTIONS:-16}
COUNT=${COUNT:-60000}
PORT=${PORT:-18480}
WORK=${WORK:-/tmp/waflow-soak}
BENCH=${BENCH:-$(cd .. && pwd)/shared/bench}
PYTHON=${PYTHON:-/tmp/pywa-signup-venv/bin/python}
URL="http://127.0.0.1:$PORT/sign-up-flow"
unset DATABASE_URL WAFLOW_PRIVATE_KEY WAFLOW_TOKEN WAFLOW_APP_SECRET

if ! "$PYTHON" -c 'import cryptography' 2>/dev/null; then
  PYTHON="$WORK/venv/bin/python"
  if ! "$PYTHON" -c 'import cryptography' 2>/dev/null; then
    python3 -m venv "$WORK/venv" && "$WORK/venv/bin/pip" install -q cryptography
  fi
fi
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

mkdir -p "$WORK"
[ "${BUILD:-1}" = 0 ] || cargo build --release -q -p sign-up
BIN=target/release/sign-up

if [ ! -s "$WORK/key.pem" ]; then
  openssl genrsa -out "$WORK/key.pem" 2048 2>/dev/null
  openssl rsa -in "$WORK/key.pem" -pubout -out "$WORK/pub.pem" 2>/dev/null
fi
# The server only accepts flow tokens it issued: a fresh database, one token, bodies carrying it.
rm -rf "$WORK/data"
token=$("$BIN" issue-token --phone +15550000000 --data-dir "$WORK/data" 2>/dev/null | tail -n 1)
"$PYTHON" "$BENCH/gen_requests.py" --public-key "$WORK/pub.pem" --out "$WORK/mixed.jsonl" \
  --count "$COUNT" --kind mixed --flow-token "$token"
"$PYTHON" "$BENCH/gen_requests.py" --public-key "$WORK/pub.pem" --out "$WORK/ping.jsonl" \
  --count 20000 --kind ping --flow-token "$token"
# Bad requests for the flood: garbage (400), envelopes that fail before RSA (421), and envelopes
# with a full-size wrapped key, so every one costs the server an RSA private-key operation (421).
# (a leading zero byte keeps it below the modulus, so the RSA operation really runs)
rsa_junk=$({ printf '\000'; head -c 255 /dev/urandom; } | base64 -w0)
iv=$(head -c 16 /dev/urandom | base64 -w0)
data=$(head -c 48 /dev/urandom | base64 -w0)
printf '%s\n' 'garbage' \
  '{"encrypted_flow_data":"AAAA","encrypted_aes_key":"AAAA","initial_vector":"AAAA"}' \
  "{\"encrypted_flow_data\":\"$data\",\"encrypted_aes_key\":\"$rsa_junk\",\"initial_vector\":\"$iv\"}" \
  >"$WORK/bad.jsonl"

# MALLOC_MMAP_THRESHOLD_ (set it to 131072 to test the recommendation of docs/operations.md)
# passes through to the server.
RUST_LOG=${RUST_LOG:-warn} "$BIN" --addr "127.0.0.1:$PORT" --data-dir "$WORK/data" --private-key "$WORK/key.pem" \
  >"$WORK/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -s -o /dev/null --max-time 1 -X POST "$URL" && break
  sleep 0.1
done
rss() { awk '/^VmRSS/ {print $2}' "/proc/$server/status"; }
result() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }
rss_boot=$(rss)
echo "RSS after start: $rss_boot KiB"

echo "== maximum throughput (${MAX_S}s, $CONNECTIONS connections, kind mixed)"
max_out=$("$BENCH/run.sh" "$URL" "$WORK/mixed.jsonl" "$MAX_S" "$CONNECTIONS" | tail -n 4)
echo "$max_out"
max=$(result req_per_s "$(grep '^RESULT' <<<"$max_out")")

echo "== ping latency under a flood of bad requests"
BODIES_FILE="$WORK/bad.jsonl" WRK_THREADS=1 timeout 60 \
  wrk -t1 -c"${FLOOD_CONNS:-8}" -d20s -s "$BENCH/bench.lua" "$URL" >"$WORK/flood.txt" 2>&1 &
flood=$!
sleep 2
ping_out=$(SETUP_REPEAT=0 "$BENCH/run.sh" "$URL" "$WORK/ping.jsonl" 15 2 | tail -n 4)
wait "$flood" || true
echo "$ping_out"
echo "flood: $(grep '^WRK' "$WORK/flood.txt" || echo 'no summary')"
flood_p99=$(result p99_ms "$(grep '^RESULT' <<<"$ping_out")")

target=$(awk -v m="$max" 'BEGIN { printf "%d", m / 2 }')
delay_ms=$(awk -v c="$CONNECTIONS" -v t="$target" 'BEGIN { printf "%.3f", c * 1000 / t }')
cat >"$WORK/paced.lua" <<EOF
dofile("$BENCH/bench.lua")
function delay() return $delay_ms end
EOF
echo "== soak: ${SOAK_S}s at half of $max req/s = $target req/s ($CONNECTIONS connections, ${delay_ms} ms between requests on each)"
rss_start=$(rss)
echo "RSS start: $rss_start KiB"
(
  while kill -0 "$server" 2>/dev/null; do
    echo "$(date +%T) rss_kib=$(rss)"
    sleep 30
  done
) >"$WORK/rss.log" &
sampler=$!
soak_out=$(BODIES_FILE="$WORK/mixed.jsonl" WRK_THREADS=1 timeout $((SOAK_S + 60)) \
  wrk -t1 -c"$CONNECTIONS" -d"${SOAK_S}s" --timeout 5s -s "$WORK/paced.lua" "$URL")
rss_end=$(rss)
kill "$sampler" 2>/dev/null || true
echo "$soak_out" | tail -n 12
cat "$WORK/rss.log"
echo "RSS end: $rss_end KiB"
line=$(grep '^WRK ' <<<"$soak_out")
errors=$(( $(result non2xx "$line") + $(result connect_err "$line") + $(result read_err "$line") \
  + $(result write_err "$line") + $(result timeouts "$line") ))
server_errors=$(grep -c ' ERROR ' "$WORK/server.log" || true)
echo "server log lines at ERROR: $server_errors"
echo "SOAK max_req_per_s=$max target_req_per_s=$target achieved_req_per_s=$(result req_per_s "$line")" \
  "p99_ms=$(result p99_ms "$line") requests=$(result requests "$line") errors=$errors" \
  "rss_boot_kib=$rss_boot rss_start_kib=$rss_start rss_end_kib=$rss_end flood_ping_p99_ms=$flood_p99 server_errors=$server_errors"
