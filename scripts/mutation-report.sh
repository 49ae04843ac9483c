#!/bin/sh
# Measures the checker's recall on injected errors and saves the tables to Corpus/mutation-report.md
# (mutants of the clean Corpus/reports) and Corpus/real-mutation-report.md (mutants of the clean
# real reports of Corpus/real). Runs `swift test --filter MutationTests` (both test classes); the
# tests write their tables to $GOUJI_MUTATION_REPORT and $GOUJI_REAL_MUTATION_REPORT.
set -eu
cd "$(dirname "$0")/.."
out="Corpus/mutation-report.md"
real="Corpus/real-mutation-report.md"
tmp="$(mktemp)"
trap 'rm -f "$tmp" "$tmp.md" "$tmp.real.md"' EXIT
status=0
GOUJI_MUTATION_REPORT="$tmp.md" GOUJI_REAL_MUTATION_REPORT="$tmp.real.md" swift test --filter MutationTests >"$tmp" 2>&1 || status=$?
if [ -s "$tmp.real.md" ]; then
    mv "$tmp.real.md" "$real"
    sed -n '/^| # | class/,/overall/p' "$real"
    echo "wrote $real"
fi
if [ -s "$tmp.md" ]; then
    mv "$tmp.md" "$out"
else
    # Fall back to the copy printed between markers.
    sed -n '/<!-- mutation-report:begin -->/,/<!-- mutation-report:end -->/p' "$tmp" | sed '1d;$d' >"$out"
fi
sed -n '/^| # | class/,/overall/p' "$out"
echo "wrote $out (swift test exit status $status)"
exit "$status"
