"""Reads what `gouji annotate` prints on standard output, one line per comment:
批注 ID [RULE] PART “ANCHORED TEXT”. A line with a note (the comment is on a paragraph because
the figure was not found) does not match and stops the check."""
import re
import sys


def read_list(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^批注 (\d+) \[(\w+)\] (\S+) “(.*)”$", line.rstrip("\n"))
        if not m:
            sys.exit(f"annotate-roundtrip: unexpected line (figure not matched?): {line!r}")
        rows.append({"id": int(m[1]), "rule": m[2], "text": m[4]})
    return rows
