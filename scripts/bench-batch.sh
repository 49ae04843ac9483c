#!/usr/bin/env bash
# Throughput and memory of `gouji batch`: builds release, generates an archive of N reports
# (default 5000) into /tmp, runs a fresh batch RUNS times (default 3) under /usr/bin/time -v and
# prints the median reports/s and peak RSS, then the rate of a rerun that skips everything.
#   scripts/bench-batch.sh [N] [RUNS] [JOBS]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-5000}"; RUNS="${2:-3}"; JOBS="${3:-$(nproc)}"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }
swift build -c release >/dev/null
BIN="$(swift build -c release --show-bin-path)/gouji"
DIR="${BENCH_DIR:-/tmp/gouji-bench}"
rm -rf "$DIR"; mkdir -p "$DIR"
python3 scripts/make-archive.py "$DIR/archive" "$N"
FILES=$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print(len(m["files"]))' "$DIR/archive/.manifest.json")

measure() { # measure LABEL → appends "label seconds rss_kb" to $DIR/results
  set +e
  /usr/bin/time -v "$BIN" batch "$DIR/archive" --db "$DIR/audit.sqlite" --jobs "$JOBS" --quiet >/dev/null 2>"$DIR/time.txt"
  set -e
  python3 - "$1" "$DIR/time.txt" >>"$DIR/results" <<'PY'
import re, sys
text = open(sys.argv[2]).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1).split(":")
seconds = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
print(sys.argv[1], seconds, rss)
PY
}

: >"$DIR/results"
for i in $(seq 1 "$RUNS"); do
  rm -f "$DIR"/audit.sqlite*
  measure fresh
done
measure rerun
python3 - "$DIR/results" "$FILES" "$JOBS" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
files, jobs = int(sys.argv[2]), sys.argv[3]
fresh = [(float(s), int(r)) for label, s, r in rows if label == "fresh"]
rerun = [(float(s), int(r)) for label, s, r in rows if label == "rerun"]
for s, r in fresh:
    print(f"  run: {files} files in {s:.2f} s = {files / s:.1f} reports/s, peak RSS {r / 1024:.1f} MB")
t = statistics.median(s for s, _ in fresh)
rss = statistics.median(r for _, r in fresh) / 1024
print(f"batch ({jobs} jobs, median of {len(fresh)}): {files / t:.1f} reports/s, peak RSS {rss:.1f} MB")
print(f"rerun, everything unchanged: {files / rerun[0][0]:.1f} reports/s, peak RSS {rerun[0][1] / 1024:.1f} MB")
print(f"a million reports at this rate: {1e6 / (files / t) / 3600:.1f} h")
PY
