"""national-project: 项目支出绩效自评表 (财预〔2020〕10号 附件1, rules.md §1.1) and its variants."""
from decimal import Decimal as D
from common import Doc, F, pct, exec_score, fmt_score, q2

NCOLS = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]


def build(s):
    """s['rows']: list of (label, [年初, 全年, 执行], weight/None) — first row is the total."""
    d = Doc()
    L = {"funds": {}, "indicators": []}
    d.p(s.get("annex", "附件1"))
    d.blank()
    d.p("项目支出绩效自评表")
    d.p(f"（{s['year']}年度）")
    d.blank()
    L["project_name"] = d.row("项目名称", s["name"])[1]
    d.row("主管部门", s["dept"], "实施单位", s["unit"])
    d.row("项目资金\n（万元）", "", *NCOLS)
    w = s["exec_weight"]
    for i, (label, vals, key) in enumerate(s["rows"]):
        if i == 0:
            tail = [str(w), s["rate_text"] + "%", s["exec_score_text"]]
        else:
            tail = ["—", "—", "—"]
        ln = d.row("", label, *vals, *tail)
        L["funds"][key] = {c: ln[2 + j] for j, c in enumerate(NCOLS)}
    ln = d.row("年度总体目标", "预期目标", "实际完成情况")
    ln = d.row("", s["goal_target"], s["goal_actual"])
    L["goal_target"], L["goal_actual"] = ln[1], ln[2]
    d.row("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
    for ind in s["indicators"]:
        l1, l2, name, target, actual, weight, score, reason = ind
        ln = d.row("", l1, l2, name, target, actual, weight, score, reason)
        L["indicators"].append(ln)
    ln = d.row("总分", "", "", "", "", "", "100", s["total_text"], "")
    L["total_weight"], L["total_score"] = ln[6], ln[7]
    for label, text in s.get("closing_rows", []):
        L.setdefault("closing", {})[label] = d.row(label, text)[1]
    L["grade"] = d.row("自评等级", s["grade"])[1]
    d.blank()
    d.p(f"填表人：{s['filler']}        联系电话：{s['phone']}        填报日期：{s['report_date']}")
    L["report_date"] = d.n
    d.blank()
    L["narrative"] = {}
    for key, text in s["narrative"]:
        ln = d.p(text)
        if key:
            L["narrative"][key] = ln
    d.blank()
    return d, L


def check_and_total(s):
    """Recompute everything from the raw numbers; returns the true total score."""
    rows = s["rows"]
    for j in range(3):
        assert D(rows[0][1][j]) == sum(D(r[1][j]) for r in rows[1:]), (j, rows)
    rate = pct(rows[0][1][2], rows[0][1][1])
    es = exec_score(rows[0][1][2], rows[0][1][1], s["exec_weight"])
    return rate, es


def facts(s, L, grade_line=None):
    fu = {}
    for label, vals, key in s["rows"]:
        row = {c: F(vals[j], L["funds"][key][c]) for j, c in enumerate(NCOLS[:3])}
        if key == "total":
            row["分值"] = F(s["exec_weight"], L["funds"][key]["分值"])
            row["执行率"] = F(s["rate_text"] + "%", L["funds"][key]["执行率"])
            row["得分"] = F(s["exec_score_text"], L["funds"][key]["得分"])
        fu[key] = row
    return {
        "funds": fu,
        "execution_rate": F(s["rate_text"], L["funds"]["total"]["执行率"]),
        "execution_weight": F(s["exec_weight"], L["funds"]["total"]["分值"]),
        "execution_score": F(s["exec_score_text"], L["funds"]["total"]["得分"]),
        "total_score": F(s["total_text"], L["total_score"]),
        "grade": F(s["grade"], grade_line or L["grade"]),
        "report_date": {"value": s["report_date_iso"], "line": L["report_date"]},
        "indicators": len(s["indicators"]),
        "indicator_weight_sum": str(sum(D(i[5]) for i in s["indicators"])),
    }


def score_text(x):
    return fmt_score(x)


# ---------------------------------------------------------------- Sichuan form
SC_COLS = ["年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"]


def build_sichuan(s):
    d = Doc()
    L = {"funds": {}, "indicators": []}
    d.p(f"部门预算项目支出绩效自评表（{s['year']}年度）")
    d.blank()
    L["project_name"] = d.row("项目名称", s["name"])[1]
    d.row("主管部门", s["dept"], "实施单位（盖章）", s["unit"])
    d.row("项目基本情况", "1.项目年度目标完成情况", "项目年度目标", "年度目标完成情况")
    ln = d.row("", "", s["goal_target"], s["goal_actual"])
    L["goal_target"], L["goal_actual"] = ln[2], ln[3]
    d.row("", "2.项目实施内容及过程概述", s["process"])
    d.row("预算执行情况（10分）", "年度预算数（万元）", *SC_COLS, "原因")
    for i, (label, vals, rate, key) in enumerate(s["rows"]):
        if i == 0:
            ln = d.row("", label, *vals, rate, str(s["exec_weight"]), s["exec_score_text"], s["exec_reason"])
        else:
            ln = d.row("", label, *vals, rate, "/", "/", "")
        L["funds"][key] = {c: ln[2 + j] for j, c in enumerate(SC_COLS)}
    d.row("绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析")
    for ind in s["indicators"]:
        ln = d.row("", *ind)
        L["indicators"].append(ln)
    ln = d.row("合计", "", "", "", "", "", "", "", "100", s["total_text"], "")
    L["total_weight"], L["total_score"] = ln[8], ln[9]
    L["conclusion"] = d.row("评价结论", s["conclusion"])[1]
    d.row("存在问题", s["problems"])
    d.row("改进措施", s["measures"])
    d.row(f"项目负责人：{s['leader']}", f"财务负责人：{s['finance']}")
    L["report_date"] = d.p(f"填报日期：{s['report_date']}")
    d.blank()
    L["narrative"] = {}
    for key, text in s.get("narrative", []):
        ln = d.p(text)
        if key:
            L["narrative"][key] = ln
    d.blank()
    return d, L
