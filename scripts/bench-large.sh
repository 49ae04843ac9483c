#!/usr/bin/env bash
# Large inputs (issue 19): the seed repeated as one file of about 1.2, 3.5 and 10.5 MB, and the
# seed's text joined into one line of 1, 2 and 4 MB; each checked by the release build, median
# of 3 runs. Reading and checking must grow linearly with the input: the ratios are printed.
#
#     bash scripts/bench-large.sh
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
swift build -c release --product gouji >"$log" 2>&1 || { tail -n 20 "$log"; exit 1; }
rm -f "$log"
bin=.build/release/gouji
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import sys
seed = open("Corpus/seed/yueyang-2021-keji.txt", encoding="utf-8").read()
out = sys.argv[1]
for copies in (98, 294, 882):
    open(f"{out}/repeat-{copies}.txt", "w", encoding="utf-8").write(seed * copies)
line = seed.replace("\n", "。")
for mb in (1, 2, 4):
    n = mb * 1_000_000 // 3   # CJK text: about 3 bytes a character
    open(f"{out}/line-{mb}mb.txt", "w", encoding="utf-8").write((line * (n // len(line) + 1))[:n] + "\n")
PY
median() { sort -n | sed -n 2p; }
for f in repeat-98 repeat-294 repeat-882 line-1mb line-2mb line-4mb; do
  size=$(du -k "$work/$f.txt" | cut -f1)
  # gouji exits 1 on these (the seed has errors): only the time is wanted.
  t=$(for _ in 1 2 3; do { /usr/bin/time -f "%e" "$bin" check "$work/$f.txt" 2>&1 >/dev/null || true; } | tail -n1; done | median)
  echo "$f: ${size} KB, ${t} s"
done
