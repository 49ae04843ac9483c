#!/usr/bin/env bash
# Runs the whole test suite: the Swift tests, then the checks that need Python helpers.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
swift test 2>&1 | tail -n 60
if [ -d scripts/checks ]; then
  for check in scripts/checks/*.sh; do
    [ -e "$check" ] || continue
    echo "== $check"
    bash "$check"
  done
fi
echo "all tests passed"
