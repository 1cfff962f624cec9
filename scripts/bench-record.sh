#!/usr/bin/env bash
# The longitudinal record's benchmark (figures go into docs/benchmarks.md; never a timed unit test).
#   scripts/bench-record.sh           SQLite and PostgreSQL: a 10-year record of 5,000 labs for one patient ingested whole
#                                     (observations/s), its timeline, one new lab at a time, memory over 500 patients
#                                     (in process); then the CLI end to end: hepatica ingest of the Bundle and timeline
#                                     (process start included), and peak RSS of ingest over 200 and 2,000 patients
#   scripts/bench-record.sh --smoke   500 labs, 20 patients, SQLite only (and PostgreSQL when HEPATICA_BENCH_POSTGRES or
#                                     HEPATICA_TEST_POSTGRES names one): checks the pipeline end to end (CI runs this)
#   HEPATICA_BENCH_POSTGRES='Host=...;Username=...;Database=...' names the PostgreSQL to use (a database the bench may
#   write to; it erases what it wrote). Without it the full run starts its own from /usr/lib/postgresql/*/bin.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0
if [ "${1:-}" = "--smoke" ]; then smoke=1; fi
labs=${LABS:-5000}
patients=${PATIENTS:-500}
if [ "$smoke" = 1 ]; then labs=500; patients=20; fi

work=$(mktemp -d)
pg_bin=""
pg_data=""
cleanup() {
  if [ -n "$pg_data" ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
dotnet build -c Release -v quiet -nologo src/Hepatica.Cli -o "$work/cli" >/dev/null
dotnet build -c Release -v quiet -nologo bench/Hepatica.Benchmarks -o "$work/bench" >/dev/null
bench=(dotnet "$work/bench/Hepatica.Benchmarks.dll")
cli=(dotnet "$work/cli/hepatica.dll")

# PostgreSQL: the one named, else (full run) one started here on a free loopback port.
pg="${HEPATICA_BENCH_POSTGRES:-${HEPATICA_TEST_POSTGRES:-}}"
if [ -z "$pg" ] && [ "$smoke" = 0 ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort | tail -n 1 || true)
  if [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ]; then
    pg_data="$work/pg/data"
    mkdir -p "$work/pg"
    as=()
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$work/pg"; chmod 755 "$work"; as=(runuser -u postgres --); fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    "${as[@]}" "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust --encoding=UTF8 --locale=C >/dev/null
    # Durable as in production (fsync on): the figures are for a real commit.
    "${as[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg/server.log" -o "-c listen_addresses=127.0.0.1 -p $port -k $work/pg" -w start >/dev/null
    pg="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  else
    echo "no PostgreSQL found (/usr/lib/postgresql/*/bin); PostgreSQL figures skipped" >&2
  fi
fi

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB; $(date -u +%Y-%m-%d)"
"${bench[@]}" record "$work/record.db" "$labs" "$patients" $([ "$smoke" = 1 ] && echo --smoke)
if [ -n "$pg" ]; then
  "${bench[@]}" record "$pg" "$labs" "$patients" $([ "$smoke" = 1 ] && echo --smoke)
fi

# The CLI end to end, process start included (what a script that calls hepatica sees).
"${bench[@]}" generate-record "$labs" "$work/record.json" >/dev/null
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f "%e s, %M KB peak RSS"); fi
acked=$("${timer[@]}" "${cli[@]}" ingest "$work/record.json" --store "$work/cli.db" --no-progress --acks 2> "$work/ingest.err")
if [ "$(echo "$acked" | grep -c '^ack bench-10y ')" != 1 ]; then cat "$work/ingest.err" >&2; echo "the record was not acknowledged" >&2; exit 1; fi
echo "FIGURE hepatica ingest of the $labs-lab Bundle (SQLite, process included): $(tail -n 1 "$work/ingest.err")"
"${timer[@]}" "${cli[@]}" timeline bench-10y --store "$work/cli.db" > "$work/timeline.txt" 2> "$work/timeline.err"
grep -q '^Patient bench-10y: ' "$work/timeline.txt" || { cat "$work/timeline.err" >&2; exit 1; }
echo "FIGURE hepatica timeline of that patient (process included): $(tail -n 1 "$work/timeline.err"); $(head -n 1 "$work/timeline.txt")"
"${timer[@]}" "${cli[@]}" timeline bench-10y --store "$work/cli.db" --format json --assessments > "$work/timeline.json" 2> "$work/timeline-full.err"
grep -q '"assessment"' "$work/timeline.json" || { cat "$work/timeline-full.err" >&2; exit 1; }
echo "FIGURE hepatica timeline --format json --assessments (process included): $(tail -n 1 "$work/timeline-full.err"); $(wc -c < "$work/timeline.json") bytes"

# Memory flat in patients: peak RSS of one ingest run over few and many patients (one snapshot line each).
for n in $([ "$smoke" = 1 ] && echo 20 || echo "200 2000"); do
  "${bench[@]}" generate "$n" "$work/patients-$n.jsonl"
  set +e
  "${timer[@]}" "${cli[@]}" ingest "$work/patients-$n.jsonl" --store "$work/many-$n.db" --no-progress 2> "$work/many-$n.err"
  status=$?
  set -e
  # Exit 1 is expected: the generated lines hold a few malformed ones on purpose.
  if [ "$status" -gt 1 ]; then cat "$work/many-$n.err" >&2; exit "$status"; fi
  echo "FIGURE hepatica ingest of $n patients (one snapshot each, SQLite): $(tail -n 1 "$work/many-$n.err"); $(grep -m1 '^ingest into' "$work/many-$n.err" | sed 's/^ingest into [^:]*: //')"
done

if [ "$smoke" = 1 ]; then
  echo "bench-record smoke: ok (no timing claims)"
fi
