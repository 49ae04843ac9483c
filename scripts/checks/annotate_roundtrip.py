"""Reads an annotated .docx back with python-docx and checks that every comment exists, is by
勾稽, and that the text its range wraps equals the flagged figure.
Usage: annotate_roundtrip.py OUT.docx EXPECTED.json   (EXPECTED: list of {"rule", "text"} in order)
       annotate_roundtrip.py --make-docx OUT.docx       (writes a test .docx with python-docx)"""
import json
import re
import sys

import docx
from docx.oxml.ns import qn

if sys.argv[1] == "--make-docx":
    d = docx.Document()
    d.add_paragraph("项目资金情况")
    p = d.add_paragraph()
    p.add_run("2021年度共向上争取资金97")
    p.add_run("83.6万元").bold = True  # the figure is split over two runs
    p.add_run("。其中中央专项资金660万元、省级专项5623.6万元、市级专项3600万元。")
    table = d.add_table(rows=3, cols=2)
    for r, (label, value) in enumerate([("支出内容", "实际支出数（元）"), ("办公经费", "1165"), ("支出合计", "1265")]):
        table.cell(r, 0).text = label
        table.cell(r, 1).text = value
    d.add_paragraph("完成率达到１００％，<script>alert(1)</script>。")
    d.save(sys.argv[2])
    sys.exit(0)

loose = "--loose" in sys.argv  # another program rewrote the file: compare texts, not ids
path, expected_path = [a for a in sys.argv[1:] if a != "--loose"]
expected = json.load(open(expected_path, encoding="utf-8"))
document = docx.Document(path)  # fails on a malformed package
part = document.part
comments_part = None
for rel in part.rels.values():
    if rel.reltype.endswith("/comments"):
        comments_part = rel.target_part
problems = []
if comments_part is None:
    problems.append("no comments part related to the document")
    comments = {}
else:
    from lxml import etree
    root = etree.fromstring(comments_part.blob)
    comments = {}
    for c in root.iter(qn("w:comment")):
        text = "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in c.iter(qn("w:p")))
        comments[int(c.get(qn("w:id")))] = (c.get(qn("w:author")), c.get(qn("w:initials")), text)

# Text wrapped by each comment range, walking the body in document order.
open_ids, anchored, references = set(), {}, set()
for el in part.element.body.iter():
    if el.tag == qn("w:commentRangeStart"):
        i = int(el.get(qn("w:id")))
        open_ids.add(i)
        anchored.setdefault(i, "")
    elif el.tag == qn("w:commentRangeEnd"):
        open_ids.discard(int(el.get(qn("w:id"))))
    elif el.tag == qn("w:commentReference"):
        references.add(int(el.get(qn("w:id"))))
    elif el.tag == qn("w:t"):
        for i in open_ids:
            anchored[i] += el.text or ""
    elif el.tag == qn("w:tab"):
        for i in open_ids:
            anchored[i] += "\t"

ours = sorted(i for i, (author, _, _) in comments.items() if author == "勾稽")
if len(ours) != len(expected):
    problems.append(f"{len(ours)} Gouji comment(s), expected {len(expected)}")
pairs = zip(ours, expected)
if loose:
    got = sorted(anchored.get(i, "") for i in ours)
    want = sorted(e["text"] for e in expected)
    if got != want:
        problems.append(f"anchored texts {got} differ from {want}")
    pairs = []
elif all("id" in e for e in expected):
    pairs = [(e["id"], e) for e in expected]
for i, want in pairs:
    if i not in comments:
        problems.append(f"comment {i} ({want['rule']}) is missing")
        continue
    author, initials, text = comments[i]
    if initials != "GJ":
        problems.append(f"comment {i}: initials {initials!r}")
    if not text.split("\n")[0].count(f"[{want['rule']} "):
        problems.append(f"comment {i}: text does not name rule {want['rule']}: {text[:60]!r}")
    if "\n规则：" not in text or "\n建议：" not in text:
        problems.append(f"comment {i}: text lacks the rule or the fix: {text!r}")
    if i not in references:
        problems.append(f"comment {i}: no w:commentReference")
    if anchored.get(i) != want["text"]:
        problems.append(f"comment {i} ({want['rule']}): anchored {anchored.get(i)!r}, expected {want['text']!r}")
for p in problems:
    print("annotate-roundtrip: " + p)
print(f"annotate-roundtrip: {path}: {len(ours)} comment(s) {'OK' if not problems else 'FAILED'}")
sys.exit(1 if problems else 0)
