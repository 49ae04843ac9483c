#!/usr/bin/env bash
# Drives the `gouji serve` workbench in headless Chromium (selenium + chromedriver): uploads the
# seed .docx and finds its six errors highlighted, focuses a finding's figure, switches to
# English, downloads the annotated .docx and reads its comments, pastes the seed text and
# applies the F01 fix, and shows an injected document as text. Screenshot:
# .build/artifacts/serve.png. Fails when Chromium, chromedriver or selenium is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser=$(command -v "$candidate"); break; fi
done
driver=$(command -v chromedriver || true)
[ -n "$browser" ] || { echo "serve-browser: FAILED — Chromium is not installed (apt-get install -y chromium)"; exit 1; }
[ -n "$driver" ] || { echo "serve-browser: FAILED — chromedriver is not installed (apt-get install -y chromium-driver)"; exit 1; }
python3 -c "import selenium" 2>/dev/null || { echo "serve-browser: FAILED — python selenium is not installed"; exit 1; }
bin=.build/debug/gouji
[ -x "$bin" ] || swift build
mkdir -p .build/artifacts
work=$(mktemp -d)
log="$work/serve.log"
# Started from another folder: the page's files are in the binary.
(cd "$work" && exec "$OLDPWD/$bin" serve --port 0 --max-concurrent 2 --queue 4) 2>"$log" &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port=""
for _ in $(seq 1 100); do
  port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "serve-browser: FAILED — the server did not start"; cat "$log"; exit 1; }
python3 scripts/checks/serve_browser.py "http://127.0.0.1:$port" "$browser" "$driver" "$work/downloads"
# SIGTERM: the server finishes and exits 0.
kill -TERM "$server"
status=0; wait "$server" || status=$?
[ "$status" -eq 0 ] || { echo "serve-browser: FAILED — the server exited $status on SIGTERM"; cat "$log"; exit 1; }
grep -q "gouji serve: stopped" "$log" || { echo "serve-browser: FAILED — no graceful stop"; cat "$log"; exit 1; }
if grep -q "5\.8\.\|yueyang\|岳阳" "$log"; then echo "serve-browser: FAILED — the access log holds document content"; exit 1; fi
trap - EXIT; rm -rf "$work"
echo "serve-browser: passed (screenshot .build/artifacts/serve.png)"
