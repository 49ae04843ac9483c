#!/usr/bin/env bash
# Runs the already-built gouji on every bad input and checks that each one is refused cleanly:
# exit code 2, exactly one stderr line `gouji: FILE: reason`, within 10 seconds, input unchanged.
# Builds nothing: run `swift build` first (scripts/test.sh does).
set -uo pipefail
cd "$(dirname "$0")/../.."
gouji=.build/debug/gouji
if [ ! -x "$gouji" ]; then
  echo "bad-inputs: $gouji is not built (run swift build)" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ln -s "$tmp/loop-b" "$tmp/loop-a"
ln -s "$tmp/loop-a" "$tmp/loop-b"
mkdir "$tmp/a-directory.txt"

failures=0
checked=0

# check FILE [extra gouji options...]
check() {
  local file=$1
  shift
  local before=""
  [ -f "$file" ] && before=$(sha256sum "$file" | cut -d' ' -f1)
  timeout 10 "$gouji" dump "$@" "$file" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  local problem=""
  if [ "$rc" -eq 124 ]; then
    problem="did not finish within 10 seconds"
  elif [ "$rc" -ne 2 ]; then
    problem="exit code $rc, expected 2"
  elif [ "$(wc -l <"$tmp/err")" -ne 1 ]; then
    problem="expected exactly one stderr line, got $(wc -l <"$tmp/err")"
  elif [[ "$(head -n 1 "$tmp/err")" != "gouji: $file: "* ]]; then
    problem="stderr does not start with 'gouji: $file: '"
  elif [ -n "$before" ] && [ "$(sha256sum "$file" | cut -d' ' -f1)" != "$before" ]; then
    problem="the input file changed"
  fi
  checked=$((checked + 1))
  if [ -n "$problem" ]; then
    failures=$((failures + 1))
    echo "FAIL $file: $problem"
    sed 's/^/    stderr: /' "$tmp/err" | head -n 5
  else
    echo "ok   $file: $(cat "$tmp/err")"
  fi
}

for file in Corpus/hostile/*; do
  case "$file" in
    *zip-bomb-lying.docx) check "$file" --max-docx-size 1048576 ;;
    *) check "$file" ;;
  esac
done
check "$tmp/a-directory.txt"
check "$tmp/does-not-exist.txt"
check "$tmp/loop-a"

echo "bad-inputs: $checked checked, $failures failed"
[ "$failures" -eq 0 ]
