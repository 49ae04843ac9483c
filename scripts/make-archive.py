#!/usr/bin/env python3
"""Builds a test archive for `gouji batch` from the Corpus.

    scripts/make-archive.py OUT_DIR [N] [--seed S]

Takes every report in Corpus/seed/*.txt, Corpus/reports/*.txt (if present) and every .docx under
Corpus/, and writes N reports (default 5000) into nested folders of OUT_DIR
(OUT_DIR/<year>/<region>/<unit>/report-NNNNNN.<ext>): flattened text in UTF-8 or GB18030, Word
.docx (copies of Corpus .docx files, or built from the text, one paragraph per line) and HTML.
About 60% get one injected error: a digit of a figure changed, two adjacent digits of a figure
swapped, or a line dropped. It also writes a few unreadable files (empty, a PNG named .txt, a
.docx that is not a zip) plus one copy of each file in Corpus/hostile, one hidden file and one unsupported file (a .tif scan), which `gouji batch` must
skip. Everything is deterministic for a given seed. A hidden OUT_DIR/.manifest.json lists each
file with what was done to it (the walker skips hidden files).
"""
import argparse
import io
import json
import os
import random
import re
import sys
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXED_TIME = (2022, 6, 22, 0, 0, 0)
NUMBER = re.compile(r"\d+(?:\.\d+)?")


def load_sources():
    texts, docx = [], []
    for folder in ("Corpus/seed", "Corpus/reports"):
        path = os.path.join(ROOT, folder)
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                if name.endswith(".txt") and not name.startswith("."):
                    with open(os.path.join(path, name), "rb") as f:
                        raw = f.read()
                    for enc in ("utf-8-sig", "gb18030", "utf-16"):
                        try:
                            texts.append((name, raw.decode(enc)))
                            break
                        except UnicodeDecodeError:
                            continue
    hostile = []
    for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, "Corpus")):
        dirnames.sort()
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = os.path.join(dirpath, name)
            if os.path.basename(dirpath) == "hostile":
                if os.path.splitext(name)[1].lower() in (".txt", ".docx", ".html", ".htm"):
                    with open(path, "rb") as f:
                        hostile.append((name, f.read()))
                continue
            if name.endswith(".docx"):
                with open(path, "rb") as f:
                    data = f.read()
                try:  # only well-formed reports are sources; broken ones belong to Corpus/hostile
                    with zipfile.ZipFile(io.BytesIO(data)) as z:
                        z.getinfo("word/document.xml")
                except (zipfile.BadZipFile, KeyError):
                    continue
                docx.append((name, data))
    if not texts and not docx:
        sys.exit("make-archive: no reports found in Corpus/")
    return texts, docx, hostile


def mutate_text(text, rng):
    """Returns (text, description); the description is None when nothing was changed."""
    kind = rng.choice(["digit", "swap", "drop"])
    if kind == "drop":
        lines = text.split("\n")
        candidates = [i for i, l in enumerate(lines) if NUMBER.search(l)]
        if candidates:
            i = rng.choice(candidates)
            removed = lines.pop(i)
            return "\n".join(lines), {"kind": "drop-line", "line": i + 1, "text": removed.strip()[:60]}
        return text, None
    numbers = [m for m in NUMBER.finditer(text) if len(m.group()) >= 2]
    if not numbers:
        return text, None
    m = rng.choice(numbers)
    digits = [i for i in range(m.start(), m.end()) if text[i].isdigit()]
    if kind == "swap":
        pairs = [i for i in digits if i + 1 in digits and text[i] != text[i + 1]]
        if pairs:
            i = rng.choice(pairs)
            new = text[:i] + text[i + 1] + text[i] + text[i + 2:]
            return new, {"kind": "swap-digits", "offset": i, "was": m.group()}
    i = rng.choice(digits)
    d = rng.choice([c for c in "0123456789" if c != text[i]])
    return text[:i] + d + text[i + 1:], {"kind": "change-digit", "offset": i, "was": m.group()}


def docx_from_text(text):
    paragraphs = []
    for line in text.split("\n"):
        runs = "".join(
            ('<w:r><w:tab/></w:r>' if part == "\t" else f'<w:r><w:t xml:space="preserve">{escape(part)}</w:t></w:r>')
            for part in re.split(r"(\t)", line) if part)
        paragraphs.append(f"<w:p>{runs}</w:p>")
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                + "".join(paragraphs) + "</w:body></w:document>")
    return build_docx({"word/document.xml": document})


def build_docx(parts):
    base = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '</Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>',
    }
    base.update(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in base.items():
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)
    return out.getvalue()


def mutate_docx(data, rng):
    """Changes one digit inside the text of word/document.xml; other parts are copied."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    xml = parts.get("word/document.xml", b"").decode("utf-8")
    texts = [m for m in re.finditer(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml) if re.search(r"\d\d", m.group(1))]
    if not texts:
        return data, None
    m = rng.choice(texts)
    digits = [i for i in range(m.start(1), m.end(1)) if xml[i].isdigit()]
    i = rng.choice(digits)
    d = rng.choice([c for c in "0123456789" if c != xml[i]])
    parts["word/document.xml"] = (xml[:i] + d + xml[i + 1:]).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content)
    return out.getvalue(), {"kind": "change-digit", "part": "word/document.xml"}


def html_from_text(text):
    body = "\n".join(f"<p>{escape(line)}</p>" for line in text.split("\n"))
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>report</title></head><body>\n{body}\n</body></html>\n'


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("n", nargs="?", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=20220622)
    ap.add_argument("--error-rate", type=float, default=0.6)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    texts, docxs, hostile = load_sources()
    years = ["2019", "2020", "2021", "2022"]
    regions = ["岳阳市", "长沙市", "湘潭市", "常德市", "衡阳市", "株洲市"]
    units = ["科技局", "财政局", "教育局", "卫健委", "交通局", "农业农村局", "水利局", "民政局"]
    manifest = []

    def write(rel, data):
        path = os.path.join(args.out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)

    for i in range(args.n):
        folder = os.path.join(rng.choice(years), rng.choice(regions), rng.choice(units))
        r = rng.random()
        fmt = "docx" if r < 0.25 else "gb18030" if r < 0.40 else "html" if r < 0.50 else "txt"
        mutate = rng.random() < args.error_rate
        entry = {"index": i}
        if fmt == "docx" and docxs and (not texts or rng.random() < 0.5):
            name, data = rng.choice(docxs)
            change = None
            if mutate:
                data, change = mutate_docx(data, rng)
            ext = "docx"
        else:
            name, text = rng.choice(texts)
            change = None
            if mutate:
                text, change = mutate_text(text, rng)
            if fmt == "docx":
                data, ext = docx_from_text(text), "docx"
            elif fmt == "gb18030":
                data, ext = text.encode("gb18030"), "txt"
            elif fmt == "html":
                data, ext = html_from_text(text).encode("utf-8"), "html"
            else:
                data, ext = text.encode("utf-8"), "txt"
        rel = os.path.join(folder, f"report-{i:06d}.{ext}")
        write(rel, data)
        entry.update({"path": rel, "source": name, "format": fmt, "change": change})
        manifest.append(entry)

    # Unreadable inputs, recorded by gouji batch as such; and files it must skip.
    bad = max(3, args.n // 1000)
    png = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(64))
    for j in range(bad):
        kind = ["empty", "png", "not-a-zip"][j % 3]
        rel = os.path.join("unsorted", f"bad-{j:04d}." + ("docx" if kind == "not-a-zip" else "txt"))
        write(rel, b"" if kind == "empty" else png if kind == "png" else b"this is not a zip archive\n")
        manifest.append({"path": rel, "unreadable": kind})
    # One copy of each hostile fixture (zip bombs, XXE, deep nesting …): recorded, never fatal.
    for name, data in hostile:
        rel = os.path.join("unsorted", "hostile", name)
        write(rel, data)
        manifest.append({"path": rel, "hostile": name})
    write(os.path.join("unsorted", ".hidden-report.txt"), b"skipped: hidden\n")
    write(os.path.join("unsorted", "scan.tif"), b"II*\x00 skipped: unsupported extension\n")
    with open(os.path.join(args.out, ".manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"seed": args.seed, "reports": args.n, "unreadable": bad, "hostile": len(hostile), "files": manifest}, f, ensure_ascii=False, indent=1)
    print(f"make-archive: {args.n} reports + {bad} unreadable and {len(hostile)} hostile files in {args.out}")


if __name__ == "__main__":
    main()
