#!/usr/bin/env bash
# The scripted batch benchmark (figures go into docs/benchmarks.md; never a timed unit test).
#   scripts/bench-batch.sh            1,000,000 and 3,000,000 generated snapshots: throughput, tokenize baseline, ratio, peak RSS
#   scripts/bench-batch.sh --smoke    10,000 snapshots, no timing claims: checks the pipeline end to end (CI runs this)
#   N="500000" scripts/bench-batch.sh  other sizes (space-separated list)
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0
if [ "${1:-}" = "--smoke" ]; then smoke=1; fi
sizes=${N:-"1000000 3000000"}
if [ "$smoke" = 1 ]; then sizes=10000; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release -v quiet -nologo src/Hepatica.Cli -o "$work/cli" >/dev/null
dotnet build -c Release -v quiet -nologo bench/Hepatica.Benchmarks -o "$work/bench" >/dev/null

timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f "%M"); fi

for n in $sizes; do
  dotnet "$work/bench/Hepatica.Benchmarks.dll" generate "$n" "$work/in.jsonl"
  size=$(stat -c %s "$work/in.jsonl")
  set +e
  "${timer[@]}" dotnet "$work/cli/hepatica.dll" batch --no-progress "$work/in.jsonl" "$work/out.jsonl" 2> "$work/batch.err"
  status=$?
  set -e
  # Exit 1 is expected: the generated file has malformed lines and unknown units on purpose.
  if [ "$status" -gt 1 ]; then cat "$work/batch.err" >&2; exit "$status"; fi
  lines_in=$(wc -l < "$work/in.jsonl")
  lines_out=$(wc -l < "$work/out.jsonl")
  if [ "$lines_in" != "$lines_out" ]; then
    echo "lines in ($lines_in) != lines out ($lines_out)" >&2
    exit 1
  fi
  summary=$(grep "lines in" "$work/batch.err")
  peak_kb=$(tail -n 1 "$work/batch.err" | grep -E '^[0-9]+$' || echo "n/a")
  echo "== $n snapshots, $((size / 1000000)) MB"
  echo "batch:    $summary"
  echo "peak RSS: ${peak_kb} KB"
  if [ "$smoke" = 0 ]; then
    dotnet "$work/bench/Hepatica.Benchmarks.dll" tokenize "$work/in.jsonl"
  fi
  rm -f "$work/in.jsonl" "$work/out.jsonl"
done
if [ "$smoke" = 1 ]; then echo "bench smoke: ok (lines in = lines out; no timing claims)"; fi
