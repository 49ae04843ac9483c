#!/usr/bin/env bash
# `gouji annotate` round trip: annotates the seed (text → new .docx), annotates that .docx again
# (existing comments are kept and new ones added), and annotates a .docx written by python-docx
# whose figure is split over runs. Each output is read back with python-docx: every comment
# exists and its range wraps exactly the flagged figure's text. LibreOffice (installed by .ci/run)
# must also convert each output to PDF (it opens it without repair).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! python3 -c 'import docx' 2>/dev/null; then
  echo "annotate-roundtrip: FAILED — python3 module python-docx is not installed (pip install python-docx)"
  exit 1
fi
bin=.build/debug/gouji
[ -x "$bin" ] || swift build
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Expected comments from `gouji check --format json`: the primary figure's text, else the text
# of the first location (offsets are Unicode scalars = Python code points).
expect() { # input json-of-check expected.json [times]
  python3 - "$1" "$2" "$3" "${4:-1}" <<'PY'
import json, sys
src, check, out, times = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
text = open(src, encoding="utf-8").read().replace("\r\n", "\n") if src.endswith(".txt") else None
findings = json.load(open(check, encoding="utf-8"))["documents"][0]["findings"]
rows = []
for f in findings:
    if f["figures"]:
        rows.append({"rule": f["rule"], "text": f["figures"][0]["text"]})
    elif f["locations"] and text is not None:
        l = f["locations"][0]
        rows.append({"rule": f["rule"], "text": text[l["start"]:l["end"]]})
json.dump(rows * times, open(out, "w", encoding="utf-8"), ensure_ascii=False)
print(f"  {len(rows)} finding(s) to annotate")
PY
}
check_office() { # annotated.docx expected.json
  if command -v soffice >/dev/null 2>&1; then
    # A profile of its own: a LibreOffice already running with the default profile (another
    # check, a desktop session) would take the request or hold the profile's lock.
    local profile="-env:UserInstallation=file://$tmp/lo-profile"
    timeout 120 soffice "$profile" --headless --convert-to pdf --outdir "$tmp" "$1" >/dev/null 2>&1 \
      && [ -s "$tmp/$(basename "${1%.docx}").pdf" ] || { echo "annotate-roundtrip: LibreOffice could not open $1"; exit 1; }
    # LibreOffice saves it again as .docx: the comments and their ranges must survive.
    mkdir -p "$tmp/lo"
    timeout 120 soffice "$profile" --headless --convert-to "docx:MS Word 2007 XML" --outdir "$tmp/lo" "$1" >/dev/null 2>&1 \
      && [ -s "$tmp/lo/$(basename "$1")" ] || { echo "annotate-roundtrip: LibreOffice could not save $1 again as .docx"; exit 1; }
    python3 scripts/checks/annotate_roundtrip.py --loose "$tmp/lo/$(basename "$1")" "$2"
    echo "annotate-roundtrip: LibreOffice opened $(basename "$1"), converted it to PDF and kept its comments"
  else
    echo "annotate-roundtrip: FAILED — LibreOffice (soffice) is not installed (apt-get install libreoffice-writer-nogui)"; exit 1
  fi
}

seed=Corpus/seed/yueyang-2021-keji.txt
"$bin" check --format json "$seed" >"$tmp/seed.json" || [ $? -eq 1 ]
expect "$seed" "$tmp/seed.json" "$tmp/seed.expected.json"
"$bin" annotate "$seed" -o "$tmp/seed.docx"
python3 scripts/checks/annotate_roundtrip.py "$tmp/seed.docx" "$tmp/seed.expected.json"
check_office "$tmp/seed.docx" "$tmp/seed.expected.json"
# The seed's .docx annotated again: the same findings once more, old comments kept.
# Its findings can differ a little (the .docx is read through Word's structure), so the new
# comments are expected where `annotate` says it anchored them; the old ones must be intact.
"$bin" annotate "$tmp/seed.docx" -o "$tmp/seed2.docx" >"$tmp/seed2.list"
python3 - "$tmp/seed.expected.json" "$tmp/seed2.list" "$tmp/seed2.expected.json" <<'PY'
import json, re, sys
old = [dict(e, id=i) for i, e in enumerate(json.load(open(sys.argv[1], encoding="utf-8")))]
new = []
for line in open(sys.argv[2], encoding="utf-8"):
    m = re.match(r"^批注 (\d+) \[(\w+)\] (\S+) “(.*)”$", line.rstrip("\n"))
    if not m:
        sys.exit(f"annotate-roundtrip: unexpected line (figure not matched?): {line!r}")
    new.append({"id": int(m[1]), "rule": m[2], "text": m[4]})
assert new and new[0]["id"] == len(old), "new comment ids must follow the existing ones"
json.dump(old + new, open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False)
PY
python3 scripts/checks/annotate_roundtrip.py "$tmp/seed2.docx" "$tmp/seed2.expected.json"
# The input is never modified, and the output may not be the input.
before=$(sha256sum "$tmp/seed.docx")
if "$bin" annotate "$tmp/seed.docx" -o "$tmp/seed.docx" 2>/dev/null; then echo "annotate-roundtrip: annotating a file onto itself must fail"; exit 1; fi
[ "$before" = "$(sha256sum "$tmp/seed.docx")" ] || { echo "annotate-roundtrip: the input was modified"; exit 1; }

# A .docx written by python-docx, the figure split over a plain and a bold run.
python3 scripts/checks/annotate_roundtrip.py --make-docx "$tmp/foreign.docx"
"$bin" annotate "$tmp/foreign.docx" -o "$tmp/foreign.out.docx" >"$tmp/foreign.list"
python3 - "$tmp/foreign.list" "$tmp/foreign.expected.json" <<'PY'
import json, re, sys
rows = []
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"^批注 (\d+) \[(\w+)\] (\S+) “(.*)”$", line.rstrip("\n"))
    if not m:
        sys.exit(f"annotate-roundtrip: unexpected line (figure not matched?): {line!r}")
    rows.append({"id": int(m[1]), "rule": m[2], "text": m[4]})
json.dump(rows, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
print(f"  {len(rows)} comment(s) on the python-docx file: " + ", ".join(r["rule"] + " " + r["text"] for r in rows))
PY
python3 scripts/checks/annotate_roundtrip.py "$tmp/foreign.out.docx" "$tmp/foreign.expected.json"
check_office "$tmp/foreign.out.docx" "$tmp/foreign.expected.json"
python3 - "$tmp/foreign.out.docx" <<'PY'
import sys, docx
d = docx.Document(sys.argv[1])
print("  foreign .docx reopened:", len(d.paragraphs), "paragraphs,", len(d.tables), "table(s)")
PY
