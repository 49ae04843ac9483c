"""hunan-project: 财政支出绩效评价自评报告 (rules.md §1.2), laid out like the seed."""
from common import Doc, F

COLS = ["计划安排资金", "实际到位资金", "实际支出", "结余"]
SOURCES = ["其中：中央财政", "省财政", "市财政", "县市区财政", "其它"]


def build(s):
    d = Doc()
    L = {}
    d.blank(3)
    d.p("附件")
    d.blank()
    d.p(s["title"])
    d.blank(2)
    d.p("评价类型：项目实施过程评价□   项目完成结果评价■")
    L["project_name"] = d.p(f"项目名称：{s['name']}")
    d.p(f"项目单位：{s['unit']}")
    d.p(f"主管部门：{s['dept']}")
    d.p("评价方式：部门（单位）绩效自评")
    d.p("评价机构：部门（单位）评价组")
    d.blank(4)
    L["report_date"] = d.p(f"报告日期：{s['report_date']}")
    d.p(s["maker"])
    d.blank(3)
    d.caption(s.get("cap1", "一、项目基本概况"))
    d.row("项目负责人", s["leader"], "联系电话", s["phone"])
    d.row("项目地址", s["address"], "邮  编", s["postcode"])
    L["period"] = d.row("项目起止时间", s["period"])[1]
    f = s["funds"]
    cells = []
    for c in COLS:
        cells += [f"{c}\n（万元）", f["total"][c]]
    ln = d.row(*cells)
    L["funds"] = {"total": {c: ln[2 * i + 1] for i, c in enumerate(COLS)}}
    for src in SOURCES:
        cells = []
        for c in COLS:
            cells += [src, f[src][c]]
        ln = d.row(*cells)
        L["funds"][src] = {c: ln[2 * i + 1] for i, c in enumerate(COLS)}
    d.caption("二、项目支出明细情况")
    d.row("支出内容", s["detail_header"], "会计凭证号", "备注")
    L["detail"] = []
    for content, amount, voucher, note in s["detail"]:
        ln = d.row(content, amount, voucher, note)
        L["detail"].append(ln)
    L["expense_total"] = d.row("支出合计", s["detail_total"], "", "")[1]
    d.caption("三、项目绩效自评情况")
    d.row("项目绩效定性目标及实施计划完成情况", "预 期 目 标", "实际完成")
    ln = d.row("", s["goal_target"], s["goal_actual"])
    L["goal_target"], L["goal_actual"] = ln[1], ln[2]
    d.row("项目绩效定量目标（指标）及完成情况", "一级指标", "二级指标", "指标内容", "指标（目标）值", "实际完成值")
    L["indicators"] = []
    for ind in s["indicators"]:
        ln = d.row("", *ind)
        L["indicators"].append(ln)
    L["total_score"] = d.row("绩效自评综合得分", s["score"])[1]
    L["grade"] = d.row("评价等次", s["grade"])[1]
    d.caption("四、评价人员")
    d.row("姓名", "职称/职务", "单  位", "签字")
    for name, title, org in s["evaluators"]:
        d.row(name, title, org, "")
    pad = " " * 62
    d.row(f"评价组组长（签字）：{s['evaluators'][0][0]}")
    d.blank()
    d.p(pad + s["report_date"])
    d.blank()
    d.row("项目单位意见：同意自评结论。")
    d.blank()
    d.p(" " * 48 + "项目单位负责人（签章）：")
    d.p(pad + s["report_date"])
    d.blank()
    d.row("主管部门意见：同意。")
    d.blank()
    d.p(" " * 48 + "主管部门负责人（签章）：")
    d.p(pad + s["report_date"])
    d.blank()
    d.row("财政部门归口业务科室意见：")
    d.blank()
    d.p(" " * 37 + "财政部门归口业务科室负责人（签章）：")
    d.p(pad + "年   月   日")
    d.blank()
    d.p(f"填报人（签名）：{s['filler']}                联系电话：{s['phone']}")
    d.caption("五、评价报告综述（文字部分）")
    L["narrative"] = {}
    for key, text in s["narrative"]:
        ln = d.p(text)
        if key:
            L["narrative"][key] = ln
    d.blank(2)
    return d, L


def facts(s, L, extra=None):
    fu = {}
    for row in ["total"] + SOURCES:
        key = row.replace("其中：", "")
        fu[key] = {c: F(s["funds"][row][c], L["funds"][row][c]) for c in COLS}
    out = {
        "funds": fu,
        "expense_total": {"value": s["expense_total_value"], "unit": s["expense_unit"], "line": L["expense_total"]},
        "expense_lines": len(s["detail"]),
        "total_score": F(s["score"], L["total_score"]),
        "grade": F(s["grade"], L["grade"]),
        "period": F(s["period"], L["period"]),
        "report_date": {"value": s["report_date_iso"], "line": L["report_date"]},
        "indicators": sum(1 for ind in s["indicators"] if ind[2]),
    }
    if extra:
        out.update(extra)
    return out
