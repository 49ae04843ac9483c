#!/usr/bin/env bash
# Renders HTML reports in headless Chromium: the seed's report and a report with an injected
# <script>. Checks the DOM after the page script ran (flagged figures keep their highlight
# classes, #finding=<id> focuses a finding's figures, the injected markup is shown as text and
# never runs) and saves screenshots under .build/html-browser/ for a human look.
# Fails when Chromium is not installed (.ci/run installs it): a check that cannot run fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser=$(command -v "$candidate"); break; fi
done
if [ -z "$browser" ]; then
  echo "html-browser: FAILED — Chromium is not installed (apt-get install -y chromium)"
  exit 1
fi
bin=.build/debug/gouji
[ -x "$bin" ] || swift build
out=.build/html-browser
rm -rf "$out"; mkdir -p "$out"
run() { # url dom.html screenshot.png
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
    --user-data-dir="$out/profile" --virtual-time-budget=3000 --dump-dom "$1" >"$2" 2>/dev/null
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
    --user-data-dir="$out/profile" --hide-scrollbars --window-size=1280,2000 --screenshot="$3" "$1" >/dev/null 2>&1
  [ -s "$3" ] || { echo "html-browser: no screenshot $3"; exit 1; }
}

# 1. The seed.
seed=Corpus/seed/yueyang-2021-keji.txt
"$bin" check --format html -o "$out/seed.html" "$seed" || [ $? -eq 1 ]
run "file://$PWD/$out/seed.html" "$out/seed.dom.html" "$out/seed.png"
python3 scripts/checks/html_dom_check.py "$out/seed.html" "$out/seed.dom.html"
first=$(grep -o 'class="finding [^"]*" id="d0-k0"' "$out/seed.html" | head -1 || true)
if [ -n "$first" ]; then
  run "file://$PWD/$out/seed.html#finding=d0-k0" "$out/seed-focus.dom.html" "$out/seed-focus.png"
  python3 scripts/checks/html_dom_check.py "$out/seed.html" "$out/seed-focus.dom.html" --focus d0-k0
else
  echo "html-browser: note: the seed has no findings yet, so no flagged figures to check"
fi

# 2. A report carrying markup that must be shown as text.
cat >"$out/injected.txt" <<'TXT'
项目资金情况
共争取资金9783.6万元，其中A 660万元、B 5623.6万元。<script>document.title='PWNED'</script><img src=x onerror="document.title='PWNED'">

	支出合计
	58000.00元

TXT
"$bin" check --format html -o "$out/injected.html" "$out/injected.txt" || [ $? -eq 1 ]
run "file://$PWD/$out/injected.html" "$out/injected.dom.html" "$out/injected.png"
python3 scripts/checks/html_dom_check.py "$out/injected.html" "$out/injected.dom.html" --injected
echo "html-browser: screenshots in $out/*.png"
