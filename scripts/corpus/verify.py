"""Independent check of Corpus/reports: reads only the .txt and .expected.yaml files.

1. format: UTF-8, LF, rows/cells parse under the seed's flattening rules;
2. every fact {value, line} and every finding's figure occurs on its stated line;
3. the table arithmetic is recomputed from the text (T01, T02, T04, T05, T06, T08, T09, S01, D01, D02, D06)
   and the failures must be exactly the planted findings (clean reports: none).
Usage: python3 scripts/corpus/verify.py
"""
import glob
import os
import re
import sys
from decimal import Decimal as D, ROUND_HALF_UP

import yaml

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "Corpus", "reports")


def q2(x):
    return D(x).quantize(D("0.01"), rounding=ROUND_HALF_UP)


def parse(lines):
    """Blocks: ('p', line, text) or ('row', [(line, text), ...])."""
    blocks, row, i = [], None, 0
    for n, raw in enumerate(lines, 1):
        if raw.startswith("\t"):
            if row is None:
                row = []
            row.append([n, raw[1:]])
        elif raw == "":
            if row is not None:
                blocks.append(("row", row))
                row = None
        else:
            if row is not None and row:
                row[-1][1] += "\n" + raw  # continuation
            else:
                blocks.append(("p", n, raw))
    if row:
        blocks.append(("row", row))
    return blocks


def rows_of(blocks):
    return [b[1] for b in blocks if b[0] == "row"]


def num(t):
    t = t.strip().replace("%", "").replace("元", "").replace("万", "")
    return D(t) if re.fullmatch(r"-?\d+(\.\d+)?", t) else None


def grade_ok(score, grade):
    s = D(score)
    band = "优" if s >= 90 else "良" if s >= 80 else "中" if s >= 60 else "差"
    names = {"优": {"优", "优秀"}, "良": {"良", "良好"}, "中": {"中", "合格", "中等", "一般"}, "差": {"差", "不合格", "较差"}}
    return grade in names[band]


def check_hunan(rows, fails):
    lab = {r[0][1].split("\n")[0]: r for r in rows if r}
    cols = ["计划安排资金", "实际到位资金", "实际支出", "结余"]
    total = next(r for r in rows if r[0][1].startswith("计划安排资金"))
    tv = [(total[2 * i + 1][0], D(total[2 * i + 1][1])) for i in range(4)]
    srcs = [r for r in rows if r[0][1] in ("其中：中央财政", "省财政", "市财政", "县市区财政", "其它")]
    assert len(srcs) == 5
    for i in range(4):
        ssum = sum(D(r[2 * i + 1][1]) for r in srcs)
        if ssum != tv[i][1]:
            fails.add(("T01", tv[i][0]))
    for r in [total] + srcs:
        got, rec, sp = D(r[7][1]), D(r[3][1]), D(r[5][1])
        if got != rec - sp:
            fails.add(("T02", r[7][0]))
    # detail
    i0 = next(k for k, r in enumerate(rows) if r[0][1] == "支出内容")
    i1 = next(k for k, r in enumerate(rows) if r[0][1] == "支出合计")
    det = rows[i0 + 1:i1]
    tot_txt = rows[i1][1][1]
    header_unit = "元" if "（元）" in rows[i0][1][1] else "万元"
    dsum = sum(D(r[1][1]) for r in det)
    if dsum != num(tot_txt):
        fails.add(("T04", rows[i1][1][0]))
    factor = D(10000) if header_unit == "元" else D(1)
    if dsum / factor != tv[2][1]:
        fails.add(("T04", rows[i1][1][0]))
    # vouchers inside period
    period = next(r for r in rows if r[0][1] == "项目起止时间")[1][1]
    years = re.findall(r"(20\d\d)", period)
    y0, y1 = years[0], years[-1]
    for r in det:
        v = r[2][1]
        m = re.match(r"(?:(20\d\d)年)?(\d+)月(\d+)日", v)
        y = m.group(1) or y0
        if not (y0 <= y <= y1):
            fails.add(("DT01", r[2][0]))
    score = next(r for r in rows if r[0][1] == "绩效自评综合得分")[1]
    grade = next(r for r in rows if r[0][1] == "评价等次")[1]
    if not grade_ok(score[1], grade[1]):
        fails.add(("S01", grade[0]))


def check_national(rows, fails, lines):
    i = next(k for k, r in enumerate(rows) if r[0][1].startswith("项目资金"))
    fr = rows[i + 1:i + 5]
    for c in range(2, 5):
        if D(fr[0][c][1]) != sum(D(r[c][1]) for r in fr[1:]):
            fails.add(("T01", fr[0][c][0]))
    A, B, W = D(fr[0][3][1]), D(fr[0][4][1]), D(fr[0][5][1])
    rate = q2(B / A * 100)
    if num(fr[0][6][1]) != rate:
        fails.add(("T05", fr[0][6][0]))
    es = q2(min(B / A, 1) * W)
    if D(fr[0][7][1]) != es:
        fails.add(("T06", fr[0][7][0]))
    k = next(k for k, r in enumerate(rows) if r[0][1] == "绩效指标")
    kt = next(k for k, r in enumerate(rows) if r[0][1] == "总分")
    inds = rows[k + 1:kt]
    wsum = sum(D(r[6][1]) for r in inds)
    if wsum + W != 100:
        fails.add(("T08", rows[kt][6][0]))
    ssum = sum(D(r[7][1]) for r in inds)
    for r in inds:
        tgt, act, w, sc, reason = r[4][1], r[5][1], D(r[6][1]), D(r[7][1]), r[8][1]
        m = re.match(r"([≥≤=])([\d.]+)", tgt)
        if not m:
            continue
        op, a = m.group(1), D(m.group(2))
        b = D(re.match(r"[\d.]+", act).group(0))
        met = b >= a if op == "≥" else b <= a if op == "≤" else b == a
        expect = w if met else q2(b / a * w)
        if sc != expect:
            fails.add(("G02", r[7][0]))
        if not met and not reason.strip():
            fails.add(("G03", r[5][0]))
    total = D(rows[kt][7][1])
    if total != es + ssum:
        fails.add(("T09", rows[kt][7][0]))
    g = next(r for r in rows if r[0][1] == "自评等级")[1]
    if not grade_ok(total, g[1]):
        fails.add(("S01", g[0]))
    return total


def check_sichuan(rows, fails):
    i = next(k for k, r in enumerate(rows) if r[0][1].startswith("预算执行情况"))
    fr = rows[i + 1:i + 6]
    for c in range(2, 5):
        if D(fr[0][c][1]) != sum(D(r[c][1]) for r in fr[1:]):
            fails.add(("T01", fr[0][c][0]))
    for r in fr:
        if r[5][1] != "/" and num(r[5][1]) != q2(D(r[4][1]) / D(r[3][1]) * 100):
            fails.add(("T05", r[5][0]))
    A, B, W = D(fr[0][3][1]), D(fr[0][4][1]), D(fr[0][6][1])
    es = q2(min(B / A, 1) * W)
    if D(fr[0][7][1]) != es:
        fails.add(("T06", fr[0][7][0]))
    k = next(k for k, r in enumerate(rows) if r[0][1].startswith("绩效指标"))
    kt = next(k for k, r in enumerate(rows) if r[0][1] == "合计")
    inds = rows[k + 1:kt]
    if sum(D(r[8][1]) for r in inds) + W != 100:
        fails.add(("T08", rows[kt][8][0]))
    ssum = D(0)
    for r in inds:
        op, a, b, w, sc = r[4][1], D(r[5][1]), D(r[7][1]), D(r[8][1]), D(r[9][1])
        met = b >= a if op == "≥" else b <= a if op == "≤" else b == a
        if sc != (w if met else q2(b / a * w)):
            fails.add(("G02", r[9][0]))
        ssum += sc
    if D(rows[kt][9][1]) != es + ssum:
        fails.add(("T09", rows[kt][9][0]))
    concl = next(r for r in rows if r[0][1] == "评价结论")[1]
    g = re.search(r"自评等级为(.)", concl[1]).group(1)
    if not grade_ok(rows[kt][9][1], g):
        fails.add(("S01", concl[0]))


def check_department(rows, fails, blocks):
    def row(label):
        return next(r for r in rows if r[0][1] == label)
    q = next(k for k, r in enumerate(rows) if r[0][1] == "财政供养人员情况")
    pr = rows[q + 1]
    if num(pr[3][1]) != q2(D(pr[2][1]) / D(pr[1][1]) * 100):
        fails.add(("D01", pr[3][0]))
    for j in (1, 2, 3):
        v = lambda lab: D(row(lab)[j][1])
        if v("1、公务用车购置和维护经费") != v("其中：公车购置") + v("公车运行维护"):
            fails.add(("D02", row("1、公务用车购置和维护经费")[j][0]))
        if v("三公经费") != v("1、公务用车购置和维护经费") + v("2、出国经费") + v("3、公务接待"):
            fails.add(("D02", row("三公经费")[j][0]))
        if v("项目支出") != v("1、业务工作专项") + v("2、运行维护专项"):
            fails.add(("T01", row("项目支出")[j][0]))
        if v("公用经费") != v("其中：办公经费") + v("水费、电费、差旅费") + v("会议费、培训费") + v("其他公用经费"):
            fails.add(("T01", row("公用经费")[j][0]))
    k = next(k for k, r in enumerate(rows) if r[0][1] == "一级指标")
    kt = next(k for k, r in enumerate(rows) if r[0][1] == "合计")
    sr = rows[k + 1:kt]
    wsum = sum(D(r[4][1]) for r in sr)
    ssum = sum(D(r[5][1]) for r in sr)
    # level weights written as （n分） in the level cells
    cur1 = cur2 = None
    acc1, acc2, dec1, dec2 = {}, {}, {}, {}
    for r in sr:
        if r[0][1]:
            cur1 = r[0][1]
            dec1[cur1] = D(re.search(r"（(\d+)分）", cur1).group(1))
        if r[1][1]:
            cur2 = (cur1, r[1][1])
            dec2[cur2] = D(re.search(r"（(\d+)分）", r[1][1]).group(1))
        acc1[cur1] = acc1.get(cur1, 0) + D(r[4][1])
        acc2[cur2] = acc2.get(cur2, 0) + D(r[4][1])
        if D(r[5][1]) > D(r[4][1]):
            fails.add(("T07", r[5][0]))
    if acc1 != dec1 or acc2 != dec2 or wsum != 100:
        fails.add(("D06", rows[kt][4][0]))
    total = D(rows[kt][5][1])
    if total != ssum:
        fails.add(("D06", rows[kt][5][0]))
    g = row("评价等次")[1]
    if not grade_ok(total, g[1]):
        fails.add(("S01", g[0]))
    # 三公 change rate in the score table must use the table's 上年决算数
    prev = D(row("三公经费")[1][1])
    cur = D(row("三公经费")[3][1])
    r = next(r for r in sr if r[2][1] == "三公经费变动率")
    m = re.search(r"上年决算([\d.]+)万元", r[6][1])
    if m and D(m.group(1)) != prev:
        fails.add(("D03", r[6][0]))
    # narrative score restated
    for b in blocks:
        if b[0] == "p" and "综合自评得分" in b[2]:
            m = re.search(r"综合自评得分([\d.]+)分", b[2])
            if D(m.group(1)) != total:
                fails.add(("X03", b[1]))


def main():
    bad = 0
    for txt in sorted(glob.glob(os.path.join(ROOT, "*.txt"))):
        name = os.path.basename(txt)[:-4]
        raw = open(txt, "rb").read()
        assert b"\r" not in raw, name
        lines = raw.decode("utf-8").split("\n")
        assert lines[-1] == "", name
        lines = lines[:-1]
        exp = yaml.safe_load(open(os.path.join(ROOT, name + ".expected.yaml"), encoding="utf-8"))
        problems = []

        def walk(node, path):
            if isinstance(node, dict) and "line" in node and "value" in node:
                text = lines[node["line"] - 1]
                v = node["value"]
                if path.endswith("report_date"):
                    y, m, d = v.split("-")
                    ok = re.search(rf"{int(y)}年\s*{int(m)}月\s*{int(d)}日", text)
                else:
                    ok = v in text
                if not ok:
                    problems.append(f"fact {path}={v!r} not on line {node['line']}: {text!r}")
            elif isinstance(node, dict):
                for k, v in node.items():
                    walk(v, f"{path}.{k}")

        walk(exp["facts"], "facts")
        for f in exp["findings"]:
            text = lines[f["line"] - 1]
            if not f["figure"] or f["figure"] not in text:
                problems.append(f"finding {f['rule']} figure {f['figure']!r} not on line {f['line']}: {text!r}")
        blocks = parse(lines)
        rows = rows_of(blocks)
        fails = set()
        fam, var = exp["family"], exp["variant"]
        if fam == "hunan-project":
            check_hunan(rows, fails)
        elif var == "national-project-sichuan":
            check_sichuan(rows, fails)
        elif fam == "national-project":
            check_national(rows, fails, lines)
        else:
            check_department(rows, fails, blocks)
        impl = {"T01", "T02", "T04", "T05", "T06", "T07", "T08", "T09", "G02", "G03", "S01",
                "D01", "D02", "D03", "D06", "X03", "DT01"}
        planted = {(f["rule"], f["line"]) for f in exp["findings"] if f["severity"] == "error" and f["rule"] in impl}
        if fails != planted:
            problems.append(f"recomputed failures {sorted(fails)} != planted errors {sorted(planted)}")
        if exp["clean"] != (not exp["findings"]):
            problems.append("clean flag disagrees with findings")
        n_ind = exp["facts"]["indicators"]
        status = "OK " if not problems else "BAD"
        print(f"{status} {name}: {fam}/{var}, {len(lines)} lines, {n_ind} indicators, planted {sorted(planted)}")
        for p in problems:
            print("    " + p)
        bad += bool(problems)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
