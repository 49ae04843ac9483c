"""Helpers for writing flattened-Word test reports (the seed's format) with exact line numbers.

Format (rules.md §1.0): every table cell is a line starting with a TAB; an empty cell is a line
holding only a TAB; a blank line ends a table row; a line without a tab right after a cell line
continues that cell; any other non-empty line is a paragraph.
"""
import json
from decimal import Decimal as D, ROUND_HALF_UP

TWO = D("0.01")


def q2(x):
    return D(x).quantize(TWO, rounding=ROUND_HALF_UP)


def pct(num, den):
    """Percent with two decimals, half-up, as text without the % sign."""
    return str(q2(D(num) / D(den) * 100))


def money(x):
    return str(q2(x))


def exec_score(done, budget, weight):
    rate = D(done) / D(budget)
    return q2(min(rate, D(1)) * D(weight))


def pos_score(actual, target, weight):
    """Positive target: full if B >= A else B/A * weight (rules.md §1.1)."""
    a, b = D(target), D(actual)
    if b >= a:
        return q2(weight)
    return q2(b / a * D(weight))


def fmt_score(x):
    x = D(x)
    if x == x.to_integral_value():
        return str(int(x))
    return str(q2(x))


class Doc:
    def __init__(self):
        self.lines = []

    @property
    def n(self):
        return len(self.lines)

    def p(self, text=""):
        """A paragraph line (or a blank line). Returns its 1-based line number."""
        assert not text.startswith("\t"), text
        assert "\n" not in text
        self.lines.append(text)
        return self.n

    def blank(self, k=1):
        for _ in range(k):
            self.lines.append("")

    def row(self, *cells):
        """One table row. A cell may hold '\n' for line breaks inside the cell.
        Returns the 1-based line number of the first line of every cell."""
        out = []
        for c in cells:
            parts = c.split("\n")
            assert all(parts[1:]), "continuation lines must not be empty"
            assert not any(x.startswith("\t") for x in parts[1:])
            self.lines.append("\t" + parts[0])
            out.append(self.n)
            for x in parts[1:]:
                self.lines.append(x)
        self.lines.append("")
        return out

    def caption(self, text):
        return self.row(text)[0]

    def text(self):
        return "\n".join(self.lines) + "\n"


def F(value, line):
    return {"value": str(value), "line": line}


def _y(v):
    return json.dumps(v, ensure_ascii=False)


def to_yaml(obj, indent=0):
    """Small YAML emitter: dicts, lists, strings (JSON-quoted), ints. Flow style for {value, line} leaves."""
    sp = "  " * indent
    out = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            key = k if all(ch.isalnum() or ch in "_" for ch in k) else _y(k)
            if isinstance(v, dict) and set(v) <= {"value", "line", "unit"} and "line" in v:
                inner = ", ".join(f"{kk}: {_y(vv) if isinstance(vv, str) else vv}" for kk, vv in v.items())
                out.append(f"{sp}{key}: {{{inner}}}")
            elif isinstance(v, (dict, list)):
                if not v:
                    out.append(f"{sp}{key}: {'{}' if isinstance(v, dict) else '[]'}")
                else:
                    out.append(f"{sp}{key}:")
                    out.append(to_yaml(v, indent + 1))
            elif isinstance(v, str):
                out.append(f"{sp}{key}: {_y(v)}")
            elif isinstance(v, bool):
                out.append(f"{sp}{key}: {'true' if v else 'false'}")
            else:
                out.append(f"{sp}{key}: {v}")
    elif isinstance(obj, list):
        for item in obj:
            if isinstance(item, dict):
                first = True
                for k, v in item.items():
                    prefix = f"{sp}- " if first else f"{sp}  "
                    first = False
                    if isinstance(v, list):
                        out.append(f"{prefix}{k}: [{', '.join(_y(x) for x in v)}]")
                    elif isinstance(v, str):
                        out.append(f"{prefix}{k}: {_y(v)}")
                    else:
                        out.append(f"{prefix}{k}: {v}")
            else:
                out.append(f"{sp}- {_y(item) if isinstance(item, str) else item}")
    return "\n".join(out)


def write(base, doc, expected, outdir):
    with open(f"{outdir}/{base}.txt", "w", encoding="utf-8", newline="\n") as f:
        f.write(doc.text())
    with open(f"{outdir}/{base}.expected.yaml", "w", encoding="utf-8", newline="\n") as f:
        f.write(to_yaml(expected) + "\n")
