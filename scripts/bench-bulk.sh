#!/usr/bin/env bash
# The scripted Bulk Data batch benchmark (figures go into docs/benchmarks.md; never a timed unit test).
#   scripts/bench-bulk.sh             a generated export of about 1.1 GB: end-to-end GB/s, the one-thread tokenize GB/s, their ratio, peak RSS
#   scripts/bench-bulk.sh --smoke     a 5 MB export, no timing claims: checks the pipeline end to end (CI runs this)
#   SIZE_MB=4000 scripts/bench-bulk.sh   another size; MEMORY_MB=256 passes --memory-mb (more partitions)
# Every run also runs `bulk --strict` (Firely's validated parse of every line: the path before the fast readers of
# decision 0007) on the same export and requires byte-identical records and error records; the full run prints both
# figures, so the ratio to that baseline is measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0
if [ "${1:-}" = "--smoke" ]; then smoke=1; fi
size=${SIZE_MB:-1100}
if [ "$smoke" = 1 ]; then size=5; fi
memory=${MEMORY_MB:-1024}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release -v quiet -nologo src/Hepatica.Cli -o "$work/cli" >/dev/null
dotnet build -c Release -v quiet -nologo bench/Hepatica.Benchmarks -o "$work/bench" >/dev/null

timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f "%M"); fi

dotnet "$work/bench/Hepatica.Benchmarks.dll" generate-bulk "$size" "$work/export"
bytes=$(cat "$work/export"/*.ndjson | wc -c)
patients=$(cat "$work/export"/Patient.*.ndjson | wc -l)

start=$(date +%s.%N)
set +e
"${timer[@]}" dotnet "$work/cli/hepatica.dll" bulk "$work/export" "$work/out.ndjson" --as-of 2026-11-20 --memory-mb "$memory" --no-progress 2> "$work/batch.err"
status=$?
set -e
end=$(date +%s.%N)
# Exit 1 is expected: the generated export has truncated lines and orphan Observations on purpose.
if [ "$status" -gt 1 ]; then cat "$work/batch.err" >&2; exit "$status"; fi
records=$(wc -l < "$work/out.ndjson")
errors=$(wc -l < "$work/out.ndjson.errors.ndjson")
if [ "$records" != "$patients" ]; then
  echo "patients in ($patients) != records out ($records)" >&2
  cat "$work/batch.err" >&2
  exit 1
fi
if [ "$size" -ge 5 ] && [ "$errors" -eq 0 ]; then
  echo "the generated errors gave no error records" >&2
  exit 1
fi
peak_kb=$(tail -n 1 "$work/batch.err" | grep -E '^[0-9]+$' || echo "n/a")

strict_start=$(date +%s.%N)
set +e
dotnet "$work/cli/hepatica.dll" bulk "$work/export" "$work/strict.ndjson" --as-of 2026-11-20 --memory-mb "$memory" --no-progress --strict 2> "$work/strict.err"
strict_status=$?
set -e
strict_end=$(date +%s.%N)
if [ "$strict_status" != "$status" ] || ! cmp -s "$work/out.ndjson" "$work/strict.ndjson" || ! cmp -s "$work/out.ndjson.errors.ndjson" "$work/strict.ndjson.errors.ndjson"; then
  echo "bulk and bulk --strict differ (exit $status and $strict_status): the fast readers changed a result" >&2
  exit 1
fi

echo "== FHIR Bulk export: $((bytes / 1000000)) MB, $patients patients"
grep -v -E '^[0-9]+$' "$work/strict.err" | sed 's/^/strict: /'
echo "bulk and bulk --strict: byte-identical records and error records"
grep -v -E '^[0-9]+$' "$work/batch.err" | sed 's/^/batch: /'
echo "records out: $records, error records: $errors, peak RSS: ${peak_kb} KB"
if [ "$smoke" = 1 ]; then
  echo "bench-bulk smoke: ok (patients in = records out; the same bytes as --strict; no timing claims)"
  exit 0
fi

tok=$(dotnet "$work/bench/Hepatica.Benchmarks.dll" tokenize-bulk "$work/export")
echo "$tok"
tok_gbs=$(echo "$tok" | grep -oE '[0-9.]+ GB/s' | grep -oE '[0-9.]+')
awk -v b="$bytes" -v s="$start" -v e="$end" -v t="$tok_gbs" -v ss="$strict_start" -v se="$strict_end" 'BEGIN {
  gbs = b / (e - s) / 1e9; strict = b / (se - ss) / 1e9;
  printf "FIGURE end-to-end (process wall clock, 2 cores): %.3f GB/s in %.2f s; --strict (Firely, the path before): %.3f GB/s in %.2f s (%.2fx); tokenize only (1 thread): %.3f GB/s; batch / tokenize = %.0f%%\n", gbs, e - s, strict, se - ss, gbs / strict, t, 100 * gbs / t
}'
