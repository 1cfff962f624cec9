#!/usr/bin/env bash
# Peak RSS of `hepatica batch` and `hepatica bulk` at 1, 2, 8 and 64 threads (figures in docs/benchmarks.md,
# "Memory against --threads"). A scripted measurement, never a timed test.
#   scripts/bench-threads-memory.sh                 200,000 snapshots and a 200 MB export
#   N=50000 BULK_MB=50 scripts/bench-threads-memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
n=${N:-200000}
bulk_mb=${BULK_MB:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release -v quiet -nologo src/Hepatica.Cli -o "$work/cli" >/dev/null
dotnet build -c Release -v quiet -nologo bench/Hepatica.Benchmarks -o "$work/bench" >/dev/null
dotnet "$work/bench/Hepatica.Benchmarks.dll" generate "$n" "$work/in.jsonl"
dotnet "$work/bench/Hepatica.Benchmarks.dll" generate-bulk "$bulk_mb" "$work/bulk"
for t in 1 2 8 64; do
  set +e
  /usr/bin/time -f "%M" dotnet "$work/cli/hepatica.dll" batch --no-progress --threads "$t" "$work/in.jsonl" "$work/out.jsonl" 2> "$work/err"
  status=$?
  set -e
  if [ "$status" -gt 1 ]; then cat "$work/err" >&2; exit "$status"; fi
  echo "batch threads=$t peak RSS $(tail -n 1 "$work/err") KB"
done
for t in 1 2 8 64; do
  rm -f "$work/bulk-out.ndjson" "$work/bulk-out.ndjson.errors.ndjson"
  set +e
  /usr/bin/time -f "%M" dotnet "$work/cli/hepatica.dll" bulk --no-progress --threads "$t" "$work/bulk" "$work/bulk-out.ndjson" --as-of 2026-11-20 2> "$work/err"
  status=$?
  set -e
  if [ "$status" -gt 1 ]; then cat "$work/err" >&2; exit "$status"; fi
  echo "bulk  threads=$t peak RSS $(tail -n 1 "$work/err") KB"
done
