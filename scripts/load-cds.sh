#!/usr/bin/env bash
# Load run of the CDS Hooks patient-view service on loopback with wrk (Debian package `wrk`; not part of the tests).
#   scripts/load-cds.sh                        ~1,000 requests/s offered for 30 s after a 10 s warm-up
#   RATE=2000 CONNS=40 DURATION=60s scripts/load-cds.sh
#   STRICT=true scripts/load-cds.sh           the baseline: every prefetch value parsed by Firely (Hepatica:CdsHooks:StrictFhir)
# DEMO ONLY: the host runs with Hepatica__CdsHooks__RequireJwt=false (no JWT check), Release build, logging at Warning,
# on 127.0.0.1. The request is scripts/load-cds/patient-view.json: a typical prefetch (Patient, Conditions, 7 lab
# Observations, 3 Procedures, empty Immunization and MedicationRequest searchsets) giving 4 cards with breakdowns.
# Prints: requests/s, p50, p99, errors (socket errors + non-2xx).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 2; }

RATE=${RATE:-1000}          # offered requests per second (all connections together)
CONNS=${CONNS:-20}          # connections; each pauses CONNS*1000/RATE ms between requests
THREADS=${THREADS:-2}
DURATION=${DURATION:-30s}
PORT=${PORT:-5097}
export CDS_REQUEST="$PWD/scripts/load-cds/patient-view.json"
export DELAY_MS=$(( CONNS * 1000 / RATE ))

work=$(mktemp -d)
host_pid=""
cleanup() { if [ -n "$host_pid" ]; then kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

dotnet build -c Release -v quiet -nologo src/Hepatica.Web -o "$work/web" >/dev/null
Hepatica__CdsHooks__RequireJwt=false Hepatica__CdsHooks__StrictFhir=${STRICT:-false} Logging__LogLevel__Default=Warning \
  dotnet "$work/web/Hepatica.Web.dll" --urls "http://127.0.0.1:$PORT" --contentRoot "$work/web" > "$work/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 300); do   # up to 60 s: a shared machine starts slowly
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 0.2
done
url="http://127.0.0.1:$PORT/cds-services/hepatica-patient-view"
status=$(curl -s -o "$work/first.json" -w "%{http_code}" -H "Content-Type: application/json" --data-binary @"$CDS_REQUEST" "$url")
[ "$status" = 200 ] || { echo "first request answered $status" >&2; cat "$work/first.json" "$work/host.log" >&2; exit 1; }
echo "cards in the response: $(grep -o '"summary"' "$work/first.json" | wc -l)"

wrk -t"$THREADS" -c"$CONNS" -d10s -s scripts/load-cds/post.lua "$url" > /dev/null   # warm-up (JIT, tiered compilation)
cpu() { awk '{print $14 + $15}' "/proc/$host_pid/stat"; }   # host user+system CPU, clock ticks
cpu_before=$(cpu)
wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s scripts/load-cds/post.lua "$url" > "$work/wrk.txt"
cpu_after=$(cpu)

rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
p50=$(awk '$1=="50%" {print $2}' "$work/wrk.txt")
p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
total=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt"); non2xx=${non2xx:-0}
sock=$(awk -F'[ ,]+' '/Socket errors/ {print $4+$6+$8+$10}' "$work/wrk.txt"); sock=${sock:-0}
echo "offered:    ~$RATE req/s ($CONNS connections, $THREADS threads, ${DELAY_MS} ms pause per connection, $DURATION)"
echo "throughput: $rps req/s ($total requests)"
echo "latency:    p50 $p50   p99 $p99"
echo "errors:     $((non2xx + sock)) (non-2xx $non2xx, socket $sock)"
# CPU the host spent per request: less sensitive to a busy machine than latency (it does not count waiting for a core).
awk -v t="$(( cpu_after - cpu_before ))" -v hz="$(getconf CLK_TCK)" -v n="$total" 'BEGIN { printf "host CPU:   %.2f ms per request (%d requests)\n", 1000 * t / hz / n, n }'
echo "load:       $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15-min load average at the end; $(nproc) cores)"
