#!/usr/bin/env bash
# `gouji annotate` round trip: annotates the seed (text → new .docx), annotates that .docx again
# (Gouji's earlier comments are replaced), and annotates a .docx written by python-docx
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
# The seed's .docx annotated again: Gouji's earlier comments are replaced, not added to, so the
# result holds exactly one comment per finding of that .docx (ids from 0 again), each on its
# figure, and `annotate` says how many it replaced.
"$bin" annotate "$tmp/seed.docx" -o "$tmp/seed2.docx" >"$tmp/seed2.list" 2>"$tmp/seed2.err"
"$bin" check --format json "$tmp/seed.docx" >"$tmp/seed2.json" || [ $? -eq 1 ]
python3 - "$tmp/seed.expected.json" "$tmp/seed2.list" "$tmp/seed2.json" "$tmp/seed2.err" "$tmp/seed2.expected.json" <<'PY'
import json, re, sys
sys.path.insert(0, "scripts/checks")
from annotate_list import read_list
old = json.load(open(sys.argv[1], encoding="utf-8"))
findings = json.load(open(sys.argv[3], encoding="utf-8"))["documents"][0]["findings"]
new = read_list(sys.argv[2])
assert [n["id"] for n in new] == list(range(len(findings))), "one comment per finding, ids from 0"
assert [n["rule"] for n in new] == [f["rule"] for f in findings]
for n, f in zip(new, findings):
    if f["figures"]:
        assert n["text"] == f["figures"][0]["text"], (n, f["figures"][0]["text"])
err = open(sys.argv[4], encoding="utf-8").read()
want = f"{len(new)}条意见，其中0条挂在段落上；替换了此前勾稽写的{len(old)}条意见。"
assert want in err, f"annotate-roundtrip: expected “{want}” in: {err!r}"
json.dump(new, open(sys.argv[5], "w", encoding="utf-8"), ensure_ascii=False)
print(f"  re-annotated: {len(old)} comment(s) replaced by {len(new)}")
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
sys.path.insert(0, "scripts/checks")
from annotate_list import read_list
rows = read_list(sys.argv[1])
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

# The GBK web page: a new .docx with one comment per finding, each on its figure's text.
html=Corpus/seed/html/yueyang-2021-keji.gbk.html
"$bin" check --format json "$html" >"$tmp/html.json" || [ $? -eq 1 ]
expect "$html" "$tmp/html.json" "$tmp/html.figures.json"
"$bin" annotate "$html" -o "$tmp/html.docx" >"$tmp/html.list"
python3 - "$tmp/html.list" "$tmp/html.json" "$tmp/html.expected.json" <<'PY'
import json, re, sys
sys.path.insert(0, "scripts/checks")
from annotate_list import read_list
findings = json.load(open(sys.argv[2], encoding="utf-8"))["documents"][0]["findings"]
rows = read_list(sys.argv[1])
assert len(rows) == len(findings), f"{len(rows)} comments for {len(findings)} findings"
for r, f in zip(rows, findings):
    assert r["rule"] == f["rule"] and (not f["figures"] or r["text"] == f["figures"][0]["text"]), (r, f["figures"][:1])
json.dump(rows, open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False)
print(f"  web page: {len(rows)} comment(s) for {len(findings)} finding(s)")
PY
python3 scripts/checks/annotate_roundtrip.py "$tmp/html.docx" "$tmp/html.expected.json"

# A PDF cannot carry Word comments: exit 2 and one line saying why.
set +e
"$bin" annotate Corpus/seed/pdf/yueyang-2021-keji.pdf -o "$tmp/pdf.docx" >/dev/null 2>"$tmp/pdf.err"; rc=$?
set -e
[ "$rc" -eq 2 ] && [ "$(wc -l <"$tmp/pdf.err")" -eq 1 ] && grep -q "无法给 PDF 加批注" "$tmp/pdf.err" && [ ! -e "$tmp/pdf.docx" ] \
  || { echo "annotate-roundtrip: a PDF must be refused with exit 2 and one line (rc=$rc: $(cat "$tmp/pdf.err"))"; exit 1; }
echo "annotate-roundtrip: PDF refused: $(cat "$tmp/pdf.err")"
