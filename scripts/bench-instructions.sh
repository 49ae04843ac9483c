#!/usr/bin/env bash
# Instructions per report of `gouji batch`, counted by valgrind's callgrind: stable where wall
# times on a shared virtual machine are not (±15 % run to run), so two builds can be compared by
# one run each. Builds release (or takes BIN), makes an archive of N reports (default 60) into
# /tmp, and counts a `--jobs 1` batch over it and over a one-report archive; the difference
# divided by (files - 1) is the cost of a report without start-up.
#   scripts/bench-instructions.sh [N] [BIN]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-60}"
command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind; }
if [ -n "${2:-}" ]; then BIN="$2"; else swift build -c release >/dev/null; BIN="$(swift build -c release --show-bin-path)/gouji"; fi
DIR="${BENCH_DIR:-/tmp/gouji-instructions}"
rm -rf "$DIR"; mkdir -p "$DIR/one"
python3 scripts/make-archive.py "$DIR/archive" "$N" >/dev/null
cp "$(find "$DIR/archive" -name '*.txt' -size +1k | sort | head -1)" "$DIR/one/"
# valgrind cannot read Swift's debug information: count a stripped copy.
strip -o "$DIR/gouji" "$BIN"
count() {
  rm -f "$DIR"/store.sqlite*
  # The batch exits 1 or 2 when it finds errors or unreadable files: not a failure here.
  { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$DIR/gouji" batch "$1" --db "$DIR/store.sqlite" --jobs 1 --quiet 2>&1 >/dev/null || true; } \
    | awk '/Collected/ {print $4}'
}
FILES=$(find "$DIR/archive" -type f ! -name '.*' | wc -l)
ALL=$(count "$DIR/archive"); ONE=$(count "$DIR/one")
python3 -c "
files, all_, one = $FILES, $ALL, $ONE
print(f'{files} files: {all_/1e9:.3f} G instructions; one report: {one/1e9:.3f} G (start-up and one report)')
print(f'per file: {(all_ - one) / (files - 1) / 1e6:.2f} M instructions')
"
