#!/usr/bin/env bash
# Runs the already-built gouji on every bad input and checks that each one is refused cleanly:
# exit code 2, exactly the expected one stderr line `gouji: FILE: reason`, within its time bound,
# input unchanged. Large and path-based inputs are generated at run time in a temporary folder
# (nothing big is committed). Inputs are also checked to make gouji write nothing but its -o file.
# Builds nothing: run `swift build` first (scripts/test.sh does). Takes well under a minute.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
gouji=${GOUJI_BIN:-$root/.build/debug/gouji}
if [ ! -x "$gouji" ]; then
  echo "bad-inputs: $gouji is not built (run swift build)" >&2
  exit 1
fi
command -v python3 >/dev/null || { echo "bad-inputs: python3 is needed to generate inputs" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gen=$tmp/gen
mkdir -p "$gen"
ln -s "$gen/loop-b" "$gen/loop-a"
ln -s "$gen/loop-a" "$gen/loop-b"
mkdir "$gen/a-directory.txt" "$gen/a-directory.docx"

# Generated hostile inputs.
python3 - "$gen" <<'PY'
import sys, zipfile
out = sys.argv[1]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
def document(body):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
def docx(name, parts):
    with zipfile.ZipFile(f"{out}/{name}", "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts:
            z.writestr(part, data)
def write(name, data):
    with open(f"{out}/{name}", "wb") as f:
        f.write(data)
p = '<w:p><w:r><w:t>预算 100 万元</w:t></w:r></w:p>'
# Zip-slip names: the only document.xml is outside word/, and other entries climb out.
docx("zip-slip.docx", [("../../gouji-slip-evil.txt", "evil"), ("../word/document.xml", document(p)),
                       ("/tmp/gouji-slip-absolute.txt", "evil")])
# A readable .docx that also carries climbing entries: read, never extracted to disk.
docx("zip-slip-readable.docx", [("[Content_Types].xml", "<Types/>"), ("word/document.xml", document(p)),
                                ("../../gouji-slip-evil.txt", "evil"), ("../../../../tmp/gouji-slip-evil2.txt", "evil")])
deep = 5000
docx("deep-tables-5000.docx", [("word/document.xml", document(
    "<w:tbl><w:tr><w:tc>" * deep + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * deep))])
write("deep-tables-5000.html", ("<html><body>" + "<table><tr><td>" * deep + "x" + "</td></tr></table>" * deep
                                + "</body></html>").encode())
cell = "数" * (20 * 1024 * 1024 // 3)   # 20 MB of UTF-8 in one cell
write("cell-20mb.txt", ("\t" + cell + "\n").encode())
write("cell-20mb.html", ("<html><body><table><tr><td>" + cell + "</td></tr></table></body></html>").encode())
docx("cell-20mb.docx", [("word/document.xml", document(
    f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{cell}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"))])
# DTDs in encodings the byte check cannot see (libxml2 reads them through iconv).
xxe = ('<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
       f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
docx("xxe-ebcdic.docx", [("word/document.xml", ('<?xml version="1.0" encoding="IBM037"?>' + xxe).encode("cp037"))])
docx("xxe-utf7.docx", [("word/document.xml", b'<?xml version="1.0" encoding="UTF-7"?>' + xxe.encode("utf-7"))])
write("unpaired-surrogate-utf16.txt", b"\xff\xfe" + "预算".encode("utf-16-le") + b"\x00\xd8" + "元".encode("utf-16-le"))
write("odd-length-utf16.txt", b"\xfe\xff" + "预算".encode("utf-16-be") + b"\x00")
def pdf(name, objects):
    """A PDF of the given object bodies (object 1 the catalog), with a correct xref table."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for k, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    write(name, bytes(out))
pages = 10000
pdf("pages-10000.pdf", [b"<< /Type /Catalog /Pages 2 0 R >>",
                        f"<< /Type /Pages /Count {pages} /Kids [{' '.join(f'{k + 3} 0 R' for k in range(pages))}] >>".encode()]
    + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages)
depth = 100000
pdf("deep-nesting.pdf", [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
                         b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots " + b"[" * depth + b"]" * depth + b" >>"])
PY

failures=0
checked=0

# expect SECONDS 'MESSAGE' [COMMAND] FILE [extra gouji options...]
# MESSAGE is a bash glob matched against the whole reason after `gouji: FILE: `.
# COMMAND defaults to dump (reading only); extract/check also extract figures.
expect() {
  local seconds=$1 message=$2
  shift 2
  local command=dump
  case "$1" in dump|extract|facts|check) command=$1; shift ;; esac
  local file=$1
  shift
  local before=""
  [ -f "$file" ] && before=$(sha256sum "$file" | cut -d' ' -f1)
  local started=$SECONDS
  timeout "$seconds" "$gouji" "$command" "$@" "$file" >"$tmp/out" 2>"$tmp/err"
  local rc=$? took=$((SECONDS - started))
  local problem=""
  local line
  line=$(head -n 1 "$tmp/err")
  if [ "$rc" -eq 124 ]; then
    problem="did not finish within $seconds seconds"
  elif [ "$rc" -ne 2 ]; then
    problem="exit code $rc, expected 2"
  elif [ "$(wc -l <"$tmp/err")" -ne 1 ]; then
    problem="expected exactly one stderr line, got $(wc -l <"$tmp/err")"
  elif [[ "$line" != "gouji: $file: "$message ]]; then
    problem="expected 'gouji: $file: $message'"
  elif [ -n "$before" ] && [ "$(sha256sum "$file" | cut -d' ' -f1)" != "$before" ]; then
    problem="the input file changed"
  fi
  checked=$((checked + 1))
  if [ -n "$problem" ]; then
    failures=$((failures + 1))
    echo "FAIL $file: $problem"
    sed 's/^/    stderr: /' "$tmp/err" | head -n 5
  else
    echo "ok   ${took}s/${seconds}s $line"
  fi
}

# The reasons below are the English ones (the JSON contract's `error`); Chinese, the default, is
# checked at the end.
export GOUJI_LANG=en
h=Corpus/hostile
dtd='the .docx contains a DTD (entity declarations are refused)'
expect 5 "$dtd" $h/xxe.docx
expect 5 "$dtd" $h/billion-laughs.docx
expect 5 'limit exceeded: tables nested deeper than 16' $h/deep-tables.docx
expect 5 'limit exceeded: XML elements nested deeper than 256' $h/deep-xml.docx
expect 5 'file is empty' $h/empty.docx
expect 5 'file is empty' $h/empty.txt
expect 5 'not a text report (a PNG image)' $h/image.png.txt
expect 5 'cannot decode text (not UTF-8 and not valid GB18030: illegal byte sequence near byte 323)' $h/invalid-gb18030.txt
expect 5 'cannot decode text (not UTF-8 and not valid Big5: illegal byte sequence near byte 5)' $h/invalid-utf8.txt
expect 5 'malformed XML in .docx (word/document.xml line 1, column 209, parser error *)' $h/malformed-xml-ampersand.docx
expect 5 'malformed XML in .docx (word/document.xml line 1, column 205, parser error *)' $h/malformed-xml.docx
expect 5 'not a valid .docx (missing word/document.xml)' $h/no-document-xml.docx
expect 5 'not a text report (contains NUL bytes)' $h/nul-bytes.txt
expect 5 'not a valid .docx (no zip signature)' $h/text-renamed.docx
expect 5 'not a valid .docx (not a zip archive, or a truncated one)' $h/truncated.docx
expect 10 'the .docx expands beyond 1048576 bytes (see --max-docx-size)' $h/zip-bomb-lying.docx --max-docx-size 1048576
expect 10 'limit exceeded: a paragraph has more than 1000000 characters' $h/zip-bomb-lying.docx
expect 10 'the .docx expands beyond 268435456 bytes (see --max-docx-size)' $h/zip-bomb.docx
expect 5 'is a directory, not a report file' "$gen/a-directory.txt"
expect 5 'is a directory, not a report file' "$gen/a-directory.docx"
expect 5 'no such file' "$gen/does-not-exist.txt"
expect 5 'cannot read file (broken or looping symbolic link)' "$gen/loop-a"
expect 5 'not a valid .docx (missing word/document.xml)' "$gen/zip-slip.docx"
expect 5 "malformed XML in .docx (word/document.xml is not UTF-8 or UTF-16: it does not start with '<' in UTF-8 or UTF-16)" "$gen/xxe-ebcdic.docx"
expect 5 'malformed XML in .docx (word/document.xml is not UTF-8 or UTF-16: it declares the encoding UTF-7)' "$gen/xxe-utf7.docx"
expect 10 'limit exceeded: tables nested deeper than 16' "$gen/deep-tables-5000.docx"
expect 10 'limit exceeded: XML elements nested deeper than 256' "$gen/deep-tables-5000.docx" --max-table-depth 256
expect 10 'limit exceeded: tables nested deeper than 256' "$gen/deep-tables-5000.docx" --max-xml-depth 100000 --max-table-depth 256
expect 10 'limit exceeded: tables nested deeper than 16' "$gen/deep-tables-5000.html"
expect 20 'limit exceeded: a cell on line 1 has more than 1000000 characters' "$gen/cell-20mb.txt"
expect 20 'limit exceeded: a paragraph has more than 1000000 characters' "$gen/cell-20mb.html"
expect 20 'limit exceeded: a paragraph has more than 1000000 characters' "$gen/cell-20mb.docx"
expect 5 'cannot decode text (invalid UTF-16 (unpaired surrogate))' "$gen/unpaired-surrogate-utf16.txt"
expect 5 'cannot decode text (UTF-16 text with an odd number of bytes)' "$gen/odd-length-utf16.txt"
expect 10 'encrypted PDF (a password is needed)' $h/encrypted.pdf
expect 10 'damaged PDF (*)' $h/truncated.pdf
expect 10 'limit exceeded: more than 2000 pages in the PDF (see --max-pdf-pages)' "$gen/pages-10000.pdf"
expect 10 'no text layer (scanned); try --ocr' "$gen/deep-nesting.pdf"
expect 10 'no text layer (scanned); try --ocr' check Corpus/seed/pdf/yueyang-2021-keji.scanned.pdf
# Each configurable limit, lowered on the sample report.
seed=Corpus/seed/yueyang-2021-keji
expect 5 'file is larger than the input limit of 1000 bytes (see --max-input-size)' $seed.txt --max-input-size 1000
expect 5 'the .docx expands beyond 10000 bytes (see --max-docx-size)' $seed.docx --max-docx-size 10000
expect 5 'limit exceeded: XML elements nested deeper than 5' $seed.docx --max-xml-depth 5
expect 5 'limit exceeded: a table has more than 50 cells' $seed.txt --max-cells 50
expect 5 'limit exceeded: a table has more than 50 cells' $seed.docx --max-cells 50
expect 5 'limit exceeded: a cell on line * has more than 10 characters' $seed.txt --max-cell-chars 10
expect 10 'limit exceeded: more than 10 figures' extract $seed.txt --max-figures 10
expect 10 'limit exceeded: more than 10 figures' check $seed.docx --max-figures 10
expect 10 'limit exceeded: more than 3 pages in the PDF (see --max-pdf-pages)' Corpus/seed/pdf/yueyang-2021-keji.pdf --max-pdf-pages 3


# A limit beyond what the readers can take is a usage error.
checked=$((checked + 1))
usage=$("$gouji" dump --max-table-depth 100000 $seed.txt 2>&1 >/dev/null)
if [ $? -eq 2 ] && [ "$usage" = "gouji: --max-table-depth must be at most 256 (got 100000)" ]; then
  echo "ok   $usage"
else
  failures=$((failures + 1)); echo "FAIL --max-table-depth 100000: $usage"
fi

# Reading never writes: run from an empty folder on the zip-slip inputs, with and without -o,
# and check that the folder tree and /tmp hold nothing but the -o file afterwards.
sandbox=$tmp/sandbox
mkdir -p "$sandbox/a/b"
rm -f /tmp/gouji-slip-absolute.txt /tmp/gouji-slip-evil2.txt
for file in zip-slip.docx zip-slip-readable.docx; do
  for command in "dump" "check" "check -o out.json"; do
    rm -f "$sandbox/a/b/out.json"
    (cd "$sandbox/a/b" && timeout 10 "$gouji" $command "$gen/$file" >/dev/null 2>&1)
    rc=$?
    written=$(cd "$sandbox" && find . -mindepth 1 ! -path ./a ! -path ./a/b ! -path ./a/b/out.json | head -n 3)
    checked=$((checked + 1))
    if [ "$rc" -gt 2 ] || [ -n "$written" ] || ls /tmp/gouji-slip-* >/dev/null 2>&1 \
       || { [[ "$command" == *-o* ]] && [ ! -f "$sandbox/a/b/out.json" ]; }; then
      failures=$((failures + 1))
      echo "FAIL gouji $command $file: exit $rc, files written: ${written:-none} $(ls /tmp/gouji-slip-* 2>/dev/null)"
    else
      echo "ok   gouji $command $file wrote nothing else (exit $rc)"
    fi
  done
done

# The reason in Chinese, as users get it without GOUJI_LANG or --lang en.
for pair in "$h/encrypted.pdf|PDF 已加密（需要密码）" "$h/empty.txt|文件为空" "$h/image.png.txt|不是文本报告（a PNG image）"; do
  file=${pair%%|*} want=${pair#*|}
  got=$(env -u GOUJI_LANG "$gouji" check "$file" 2>&1 >/dev/null | head -n 1)
  checked=$((checked + 1))
  if [ "$got" != "gouji: $file: $want" ]; then
    failures=$((failures + 1)); echo "FAIL $file: expected 'gouji: $file: $want', got '$got'"
  else
    echo "ok   $got"
  fi
done

echo "bad-inputs: $checked checked, $failures failed in ${SECONDS}s"
[ "$failures" -eq 0 ]
