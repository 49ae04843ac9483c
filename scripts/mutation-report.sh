#!/bin/sh
# Measures the checker's recall on injected errors and saves the table to Corpus/mutation-report.md.
# Runs `swift test --filter MutationTests`; the test writes the table to $GOUJI_MUTATION_REPORT.
set -eu
cd "$(dirname "$0")/.."
out="Corpus/mutation-report.md"
tmp="$(mktemp)"
trap 'rm -f "$tmp" "$tmp.md"' EXIT
status=0
GOUJI_MUTATION_REPORT="$tmp.md" swift test --filter MutationTests >"$tmp" 2>&1 || status=$?
if [ -s "$tmp.md" ]; then
    mv "$tmp.md" "$out"
else
    # Fall back to the copy printed between markers.
    sed -n '/<!-- mutation-report:begin -->/,/<!-- mutation-report:end -->/p' "$tmp" | sed '1d;$d' >"$out"
fi
sed -n '/^| # | class/,/overall/p' "$out"
echo "wrote $out (swift test exit status $status)"
exit "$status"
