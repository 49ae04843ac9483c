#!/usr/bin/env bash
# Runs `gouji check --format sarif` on every Corpus/**/*.txt (and on a missing file, which must
# still give a valid log) and validates each output against Tests/Schemas/sarif-schema-2.1.0.json
# with Python's jsonschema. Exit code 1 from gouji means findings, 2 an unreadable input (the
# log then carries a tool execution notification); both are fine.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=.build/debug/gouji
[ -x "$bin" ] || swift build
if ! python3 -c 'import jsonschema' 2>/dev/null; then
  echo "sarif-validate: FAILED — python3 module jsonschema is not installed (pip install jsonschema)"
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
while IFS= read -r -d '' file; do
  set +e
  "$bin" check --format sarif "$file" >"$tmp/$n.sarif" 2>"$tmp/$n.err"
  rc=$?
  set -e
  # 0 clean, 1 findings, 2 unreadable input (still a valid log, with a notification).
  if [ "$rc" -gt 2 ] || [ ! -s "$tmp/$n.sarif" ]; then
    echo "sarif-validate: gouji exited $rc on $file:"; cat "$tmp/$n.err"; exit 1
  fi
  n=$((n + 1))
done < <(find Corpus -name '*.txt' -print0 | sort -z)
# All corpus files in one run, and an unreadable input (exit 2, still a valid log).
set +e
find Corpus -name '*.txt' -print0 | sort -z | xargs -0 "$bin" check --format sarif >"$tmp/all.sarif" 2>/dev/null
"$bin" check --format sarif Corpus/does-not-exist.txt >"$tmp/missing.sarif" 2>/dev/null
rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "sarif-validate: expected exit 2 for a missing input, got $rc"; exit 1; }
python3 scripts/checks/sarif_validate.py Tests/Schemas/sarif-schema-2.1.0.json "$tmp"/*.sarif
