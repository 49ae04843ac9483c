#!/usr/bin/env bash
# Builds the libFuzzer targets instrumented (-sanitize=fuzzer,address) and runs them.
#
#   bash scripts/fuzz.sh [TARGET] [SECONDS] [extra libFuzzer options...]
#
# TARGET: flattext, docx, check, xlsx, pdf or all (default all, one after another: the machines have two
# cores). SECONDS: time per target (default 600). The instrumented build goes to .build-fuzz so
# the normal .build stays as it is; `swift build`/`swift test` never use fuzzer flags.
# Seeds: the Corpus files each target reads (see seeds_for) plus the few inputs only fuzzing needs in
# Fuzz/corpus/<target>/; new interesting inputs go to .build-fuzz/corpus/<target>/
# (not committed); crashes and timeouts go to .build-fuzz/artifacts/<target>/ (leak detection is
# off: LeakSanitizer reports small allocations inside FoundationEssentials on every input). Keep each
# crasher as a regression test: copy it to Corpus/fuzz-crashers/<target>-<name> (see
# Tests/GoujiTests/Read/FuzzRegressionTests.swift). Exit code: 0 if no target crashed.
set -uo pipefail
cd "$(dirname "$0")/.."
target=${1:-all}
seconds=${2:-600}
shift $(( $# > 2 ? 2 : $# ))
case "$target" in
  all) targets=(flattext docx check xlsx pdf) ;;
  flattext|docx|check|xlsx|pdf) targets=("$target") ;;
  *) echo "usage: scripts/fuzz.sh [flattext|docx|check|xlsx|pdf|all] [SECONDS] [libFuzzer options...]" >&2; exit 2 ;;
esac

scratch=.build-fuzz
status=0

# The Corpus folders that seed each target (read directly, not copied).
seeds_for() {
  case "$1" in
    flattext) echo "Corpus/seed Corpus/reports Corpus/hostile" ;;
    docx) echo "Corpus/hostile Corpus/reports/docx" ;;
    pdf) echo "Corpus/seed/pdf Corpus/reports/pdf" ;;
    check) echo "Corpus/seed Corpus/reports" ;;
    xlsx) echo "Corpus/reports/xlsx Corpus/seed/xlsx Corpus/xlsx-cases" ;;
  esac
}
for t in "${targets[@]}"; do
  echo "== building fuzz-$t"
  # GOUJI_FUZZ=1 makes Package.swift add -sanitize=fuzzer,address (and -DFUZZING) to Gouji and
  # the fuzz targets only: with -Xswiftc the host tool Embedder would get libFuzzer too.
  GOUJI_FUZZ=1 swift build -c debug --scratch-path "$scratch" --product "fuzz-$t" 2>&1 \
    | grep -v "Cannot export local symbol" | tail -n 3
  [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "fuzz: build of fuzz-$t failed" >&2; exit 1; }
  mkdir -p "$scratch/corpus/$t" "$scratch/artifacts/$t"
  echo "== running fuzz-$t for $seconds s"
  # The Swift runtime's backtracer would catch the crash signal before libFuzzer writes the
  # crash file; leave crashes to libFuzzer and ASan.
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:handle_abort=1 \
    "$scratch/debug/fuzz-$t" "$scratch/corpus/$t" $([ -d "Fuzz/corpus/$t" ] && echo "Fuzz/corpus/$t") $(seeds_for "$t") \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
    -artifact_prefix="$scratch/artifacts/$t/" -print_final_stats=1 "$@" 2>&1 | tee "$scratch/fuzz-$t.log" | grep -E "^(INFO: Seed|#[0-9]+ +(pulse|DONE))|ERROR|SUMMARY|artifact|Fatal|stat::number_of_executed_units|stat::average_exec_per_sec" 
  rc=${PIPESTATUS[0]}
  echo "== fuzz-$t: exit $rc (log: $scratch/fuzz-$t.log)"
  [ "$rc" -eq 0 ] || status=1
done
exit "$status"
