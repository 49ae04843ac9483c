#!/usr/bin/env bash
# Runs the whole test suite: the Swift tests, then the checks that need Python helpers.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
log=.build/swift-test.log
if ! swift test >"$log" 2>&1; then
  # Every failed assertion, then the summary: the tail alone hides which test failed.
  grep -E ": error: |' failed \(" "$log" || true
  tail -n 15 "$log"
  exit 1
fi
grep -E "Executed [0-9]+ tests" "$log" | tail -n 1
if [ -d scripts/checks ]; then
  for check in scripts/checks/*.sh; do
    [ -e "$check" ] || continue
    echo "== $check"
    bash "$check"
  done
fi
echo "all tests passed"
