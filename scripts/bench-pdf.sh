#!/usr/bin/env bash
# Benchmark (not a timed test): one 20-page PDF report read and checked by the release build.
# The PDF is put together with qpdf from Corpus PDFs (the seed's 9 pages, 市场's 8, 司法's first 3)
# in a temporary folder; each run is a fresh `gouji check` process, and the median wall time of
# RUNS (default 11) is printed. Issue 19's target: under 1 s.
#
#   bash scripts/bench-pdf.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
command -v qpdf >/dev/null || { echo "bench-pdf: qpdf is needed (apt-get install qpdf)" >&2; exit 1; }
swift build -c release 2>&1 | tail -n 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pdf=$tmp/report-20-pages.pdf
qpdf --empty --pages Corpus/seed/pdf/yueyang-2021-keji.pdf Corpus/reports/pdf/department-heshan-2019-shichang.pdf \
  Corpus/reports/pdf/hunan-yueyang-2022-sifa.pdf 1-3 -- "$pdf"
pages=$(qpdf --show-npages "$pdf")
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  rc=0; .build/release/gouji check "$pdf" >/dev/null || rc=$?
  end=$(date +%s.%N)
  [ "$rc" -le 1 ] || { echo "bench-pdf: gouji check exited $rc" >&2; exit 1; }
  times+=("$(printf "%.3f" "$(echo "$end - $start" | bc)")")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
echo "bench-pdf: $pages pages read and checked, median of $runs runs: ${median} s (runs: ${times[*]})"
