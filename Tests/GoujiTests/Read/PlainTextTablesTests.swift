import XCTest
@testable import Gouji

/// Tables copied out of web pages and PDFs as plain text (`PlainTextTables`). The fixtures are
/// short excerpts in the shapes such copies have (pipe rows from page converters, spreadsheet
/// rows, `pdftotext -layout` columns), names and figures changed.
final class PlainTextTablesTests: XCTestCase {
    func read(_ text: String, format: Document.Format = .text, limits: ReadLimits = ReadLimits()) throws -> Document {
        let doc = try FlatTextReader(layout: Lexicons.builtIn.layout, limits: limits)
            .read(text: text, path: "t.txt", encoding: "UTF-8", format: format)
        assertLocationsExact(doc)
        return doc
    }

    func texts(_ table: Table) -> [[String]] { table.rows.map { $0.map(\.text) } }
    func grid(_ table: Table) -> [[String]] { table.grid.map { $0.map(\.text) } }

    /// Every cell's text is the document's text at its location and has no surrounding white
    /// space; line and column are those of its start.
    func assertLocationsExact(_ doc: Document, file: StaticString = #filePath, line: UInt = #line) {
        for table in doc.tables {
            for cell in table.rows.flatMap({ $0 }) {
                XCTAssertEqual(doc.lines.text(from: cell.location.start, to: cell.location.end), cell.text, file: file, line: line)
                XCTAssertEqual(cell.text, cell.trimmed, file: file, line: line)
                XCTAssertEqual(cell.location.line, doc.lines.line(of: cell.location.start), file: file, line: line)
                XCTAssertEqual(cell.location, doc.lines.location(start: cell.location.start, end: cell.location.end), file: file, line: line)
            }
        }
    }

    // MARK: pipe rows

    /// `| a | b |` rows from a page converter that writes a cell holding only a line break as
    /// `… |⏎|` (lone `|`, `| |`, `| ||` lines).
    func testPipeRowsWithLoneBarLines() throws {
        let doc = try read("""
            2017年部门整体支出绩效评价得分表
            | 一级指标 | 二级指标 | 三级指标 | 得分 |
            | 部门决策(25分) | 目标任务(15分) | 相关性(5分) |
            |
            | 明确性(5分) |
            | ||
            | 预算编制(10分) | 测算依据(5分) |
            | |
            | 满意度(10分) | 协作部门满意度(3分) | 社会公众满意度(4分) | 4 |
            以上为部门整体支出绩效评价得分情况。

            """)
        XCTAssertEqual(doc.paragraphs.map(\.text), ["2017年部门整体支出绩效评价得分表", "以上为部门整体支出绩效评价得分情况。"])
        XCTAssertEqual(doc.paragraphs.map(\.location.line), [1, 10])
        XCTAssertEqual(doc.tables.count, 1)
        let table = doc.tables[0]
        XCTAssertEqual(texts(table), [
            ["一级指标", "二级指标", "三级指标", "得分"],
            ["部门决策(25分)", "目标任务(15分)", "相关性(5分)", ""],
            ["明确性(5分)", "", "", ""],
            ["预算编制(10分)", "测算依据(5分)", "", ""],
            ["满意度(10分)", "协作部门满意度(3分)", "社会公众满意度(4分)", "4"],
        ])
        XCTAssertEqual(table.location.line, 2)
        XCTAssertEqual(table.rows[1][2].location.line, 3)
        XCTAssertEqual(table.rows[1][2].location.column, 27)
        XCTAssertEqual(table.rows[2][0].location.line, 5)
        XCTAssertEqual(table.rows[3][3].location.line, 8, "the empty cell of `| |`")
        XCTAssertEqual(table.rows[4][3].location.line, 9)
        XCTAssertEqual(table.rows[4][3].location.column, 42)
    }

    /// `a | b |` rows from a converter that writes a bar after every cell, breaks rows after
    /// bars and pads every row to the table's width, leaving out the cells merged down from
    /// above (一级指标 `决策`, 二级指标 `工作计划`): those get empty cells again, so that each
    /// row's figures stay in their columns.
    func testRowsBrokenAfterBarsAreCutToTheTablesWidth() throws {
        let doc = try read("""
            2023年度部门整体支出绩效评价自评表
            单位 | |||||||
            序号 | 一级 指标 |
            二级 指标 |
            三级 指标 |
            指标分值 | 指标解释 | 指标说明及评分标准 | 自评得分 |
            1 | 决策 (15分) |
            基础信息 (3分) | 基础信息 完整性 | 3 | 预算基础信息是否真实、完整。 | 1、信息是否真实(1分); 2、信息是否完整(2分)。 |
            3 |
            2 | 工作计划 (6分) | 年度工作 计划完整性 | 3 | 年度工作计划是否完整可行。 | 完整可行(3分) | 2.5 | |
            3 | 年度工作 计划明确性 | 3 | 年度工作计划是否明确可操作。 | 明确可操作(3分) | 3 | ||

            """)
        XCTAssertEqual(doc.paragraphs.map(\.text), ["2023年度部门整体支出绩效评价自评表"])
        let table = try XCTUnwrap(doc.tables.first)
        XCTAssertEqual(table.rows.map(\.count), [8, 8, 8, 8, 8])
        XCTAssertEqual(texts(table)[1], ["序号", "一级 指标", "二级 指标", "三级 指标", "指标分值", "指标解释", "指标说明及评分标准", "自评得分"])
        XCTAssertEqual(texts(table)[2], ["1", "决策 (15分)", "基础信息 (3分)", "基础信息 完整性", "3", "预算基础信息是否真实、完整。",
                                         "1、信息是否真实(1分); 2、信息是否完整(2分)。", "3"])
        XCTAssertEqual(texts(table)[3], ["2", "", "工作计划 (6分)", "年度工作 计划完整性", "3", "年度工作计划是否完整可行。", "完整可行(3分)", "2.5"])
        XCTAssertEqual(texts(table)[4], ["3", "", "", "年度工作 计划明确性", "3", "年度工作计划是否明确可操作。", "明确可操作(3分)", "3"])
        XCTAssertEqual(table.rows[4][4].location.line, 11)
        XCTAssertEqual(table.rows[4][4].location.column, 18)
        XCTAssertEqual(table.rows[1].map(\.location.line), [3, 3, 4, 5, 6, 6, 6, 6])
        XCTAssertEqual(table.rows[2][7].location.line, 9)
        XCTAssertEqual(table.rows[2][7].location.column, 1)
        XCTAssertEqual(table.rows[1][1].compact, "一级指标", "a space inside a cell stays, label matching ignores it")
    }

    /// One cell per line, the cells a row lacks written as bars (`合 计 |⏎|||`), as a page
    /// converter writes cells holding paragraphs.
    func testOneCellPerLineWithBarPadding() throws {
        let doc = try read("""
            纳入决算汇编范围的独立核算单位共10个，分类说明如下：
            项目 |
            数量 |
            比上年增减 |
            变动原因说明 |
            合 计 |
            |||
            一、按单位基本性质 |
            10 |
            ||
            行政单位 |
            1 |
            ||
            """)
        XCTAssertEqual(doc.paragraphs.map(\.location.line), [1])
        let table = try XCTUnwrap(doc.tables.first)
        XCTAssertEqual(texts(table), [
            ["项目", "数量", "比上年增减", "变动原因说明"],
            ["合 计", "", "", ""],
            ["一、按单位基本性质", "10", "", ""],
            ["行政单位", "1", "", ""],
        ])
        XCTAssertEqual(table.rows[0].map(\.location.line), [2, 3, 4, 5])
        XCTAssertEqual(table.rows[2][1].location.line, 9)
    }

    func testALoneBarOpeningABlockHoldsNoRow() throws {
        let doc = try read("|\n| 项目 | 金额 |\n| 合计 | 2 |\n")
        XCTAssertEqual(doc.tables.map(texts), [[["项目", "金额"], ["合计", "2"]]])
        XCTAssertTrue(doc.paragraphs.isEmpty)
    }

    /// Many tables with paragraphs between them: each read on its own, in time linear in the text.
    func testManyTablesInOneText() throws {
        var text = ""
        for i in 0..<2000 {
            text += "第\(i)段说明。\n| 项目 | 预算数 | 决算数 |\n| 合计 | \(i).50 | \(i).00 |\n"
            text += "项目          预算数        决算数\n合计          \(i).50        \(i).00\n其中          1.00          2.00\n接待          3.00          4.00\n"
        }
        let start = Date()
        let doc = try read(text)
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
        XCTAssertEqual(doc.tables.count, 4000)
        XCTAssertEqual(doc.paragraphs.count, 2000)
        XCTAssertEqual(texts(doc.tables[3999]), [["项目", "预算数", "决算数"], ["合计", "1999.50", "1999.00"], ["其中", "1.00", "2.00"], ["接待", "3.00", "4.00"]])
    }

    /// A line that does not end with `|` continues onto the next: the cell holds a line break,
    /// and figures found in it point at their own line and column.
    func testARowBrokenInsideACellIsJoined() throws {
        let doc = try read("""
            | 项目名称 | 农村公路养护工程 |
            | 实施内容 | 完成县乡道养护120公里，
            新建港湾式停靠站6个。 | 完成养护126公里 |
            | 自评得分 | 95 |
            """)
        let table = try XCTUnwrap(doc.tables.first)
        XCTAssertEqual(texts(table), [
            ["项目名称", "农村公路养护工程"],
            ["实施内容", "完成县乡道养护120公里，\n新建港湾式停靠站6个。", "完成养护126公里"],
            ["自评得分", "95"],
        ])
        let goal = table.rows[1][1]
        XCTAssertEqual(goal.location.line, 2)
        XCTAssertEqual(doc.lines.line(of: goal.location.end), 3)
        let figures = FigureExtractor(lexicons: .builtIn).extract(doc)
        let stops = try XCTUnwrap(figures.first { $0.text == "6个" })
        XCTAssertEqual(stops.location.line, 3)
        XCTAssertEqual(stops.location.column, 9)
        let km = try XCTUnwrap(figures.first { $0.text == "126公里" })
        XCTAssertEqual(km.location.line, 3)
        XCTAssertEqual(km.location.column, 19)
    }

    func testSeparatorRowsAreSkippedAndEmptyRowsKept() throws {
        let doc = try read("""
            | 项目 | 金额（万元） |
            |------|-----:|
            | 合计 | 34.35 |
            |  |  |
            | 公务接待费 | 1.70 |
            """)
        XCTAssertEqual(doc.tables.count, 1)
        XCTAssertEqual(texts(doc.tables[0]), [["项目", "金额（万元）"], ["合计", "34.35"], ["", ""], ["公务接待费", "1.70"]])
        XCTAssertEqual(doc.tables[0].rows[3][1].location.line, 5)
        XCTAssertTrue(doc.paragraphs.isEmpty)
    }

    /// The national form copied from a page: `项目资金（万元）` lost its merge with the empty
    /// sub-label heading, so the header is a cell short.
    func testAShortHeaderSpansTheMissingColumnsAndTheFundsBind() throws {
        let doc = try read("""
            项目支出绩效自评表
            （2022年度）
            | 项目名称 | 农村公路养护工程 |
            | 主管部门 | 广德市交通运输局 | 实施单位 | 广德市公路管理中心 |
            | 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
            | | 年度资金总额 | 420.00 | 486.50 | 303.12 | 20 | 62.31% | 12.46 |
            | | 其中：本年财政拨款 | 420.00 | 446.50 | 268.12 | — | — | — |
            | | 上年结转资金 | 0.00 | 40.00 | 35.00 | — | — | — |
            填报日期：2023年3月1日
            """)
        let funds = try XCTUnwrap(doc.tables.first { $0.rows.first?.first?.text == "项目资金（万元）" })
        XCTAssertEqual(funds.rows[0].map(\.span), [2, 1, 1, 1, 1, 1, 1])
        XCTAssertEqual(grid(funds)[0], ["项目资金（万元）", "项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])
        XCTAssertEqual(grid(funds)[1], ["", "年度资金总额", "420.00", "486.50", "303.12", "20", "62.31%", "12.46"])
        XCTAssertEqual(funds.grid[0][1].origin, GridPosition(row: 0, column: 0))

        let figures = FigureExtractor(lexicons: .builtIn).extract(doc)
        let facts = FactBinder(lexicons: .builtIn).bind(document: doc, figures: figures)
        let grid = try XCTUnwrap(facts.funds)
        XCTAssertEqual(grid.totals["initial"]?.text, "420.00")
        XCTAssertEqual(grid.totals["adjusted"]?.text, "486.50")
        XCTAssertEqual(grid.totals["executed"]?.text, "303.12")
        XCTAssertEqual(grid.totals["executed"]?.location.line, 6)
        XCTAssertEqual(grid.weight?.text, "20")
        XCTAssertEqual(grid.rate?.text, "62.31%")
        XCTAssertEqual(grid.score?.text, "12.46")
        XCTAssertEqual(grid.cells["appropriation"]?["executed"]?.text, "268.12")
        XCTAssertEqual(grid.cells["carryover"]?["adjusted"]?.text, "40.00")
    }

    /// The Sichuan form as such pages carry it: every row padded to the page's width, the block
    /// headings merged down (`预算执行情况(10分)`, `绩效指标(90分)`) left out of the rows below,
    /// several forms one after the other.
    func testPaddedRowsUnderBlockHeadingsAndFormTitles() throws {
        let doc = try read("""
            部门预算项目支出绩效自评表(2023年度) | ||||||||||
            项目名称 | 51092324T000010263357-2023年全县安可替代补助资金项目 | |||||||||
            主管部门 | 大英县司法局部门 | 实施单位 | 大英县司法局 | |||||||
            预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 | ||
            总额 | 0.00 | 3.36 | 3.36 | 100.00% | 10 | 10 | 年中追加预算3.36万元。 | |||
            其中:财政资金 | 0.00 | 3.36 | 3.36 | 100.00% | / | / | ||||
            单位资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / | ||||
            绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |
            产出指标 | 数量指标 | 购置安可电脑 | ≥ | 13 | 台 | 13 | 30 | 30 | ||
            质量指标 | 验收合格率 | = | 100 | % | 100 | 30 | 30 | |||
            效益指标 | 社会效益指标 | 办公效率提升 | 定性 | 有效提升 | | 有效提升 | 30 | 30 | ||
            合计 | 100 | |||||||||
            部门预算项目支出绩效自评表(2023年度) | ||||||||||
            项目名称 | 51092324T000010263358-2023年法律援助经费 | |||||||||
            """)
        XCTAssertEqual(doc.tables.map(\.location.line), [1, 8, 13])
        let funds = doc.tables[0]
        XCTAssertEqual(texts(funds)[4], ["", "总额", "0.00", "3.36", "3.36", "100.00%", "10", "10", "年中追加预算3.36万元。", "", ""])
        XCTAssertEqual(texts(funds)[5], ["", "其中:财政资金", "0.00", "3.36", "3.36", "100.00%", "/", "/", "", "", ""])
        XCTAssertEqual(texts(funds)[2], ["主管部门", "大英县司法局部门", "实施单位", "大英县司法局", "", "", "", "", "", "", ""])
        let indicators = doc.tables[1]
        XCTAssertEqual(texts(indicators)[1], ["", "产出指标", "数量指标", "购置安可电脑", "≥", "13", "台", "13", "30", "30", ""])
        XCTAssertEqual(texts(indicators)[2], ["", "", "质量指标", "验收合格率", "=", "100", "%", "100", "30", "30", ""])
        XCTAssertEqual(texts(indicators)[3], ["", "效益指标", "社会效益指标", "办公效率提升", "定性", "有效提升", "", "有效提升", "30", "30", ""])
        XCTAssertEqual(texts(indicators)[4].prefix(2), ["合计", "100"])

        let result = Pipeline().check(document: doc)
        let grid = try XCTUnwrap(result.facts?.funds)
        XCTAssertEqual(grid.totals["initial"]?.text, "0.00")
        XCTAssertEqual(grid.totals["adjusted"]?.text, "3.36")
        XCTAssertEqual(grid.totals["executed"]?.text, "3.36")
        XCTAssertEqual(grid.rate?.text, "100.00%")
        XCTAssertEqual(grid.cells["fiscal"]?["executed"]?.text, "3.36")
        XCTAssertEqual(result.facts?.indicators.map { $0.actual?.text ?? "" }, ["13", "100", "有效提升"])
        XCTAssertEqual(result.facts?.indicators.map { $0.score?.text ?? "" }, ["30", "30", "30"])
        XCTAssertEqual(result.findings.filter { $0.severity >= .warning }.map(\.rule), [])
    }

    /// The ten Corpus reports rewritten as pipe rows, as a page converter writes their tables,
    /// give the findings of the flattened originals.
    func testCorpusReportsAsPipeRowsGiveTheSameFindings() throws {
        let pipeline = Pipeline()
        let folder = Fixtures.corpus("reports")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertEqual(names.count, 10)
        for name in names {
            let original = try DocumentReader().read(path: folder + "/" + name)
            var text = ""
            for block in original.blocks {
                switch block {
                case .paragraph(let p): text += p.text + "\n"
                case .table(let t):
                    for row in (t.caption.map { [[$0]] } ?? []) + t.rows {
                        text += "| " + row.map { $0.text.replacingOccurrences(of: "|", with: "/") }.joined(separator: " | ") + " |\n"
                    }
                }
            }
            let piped = try read(text)
            // Tables of two rows or more come back cell by cell (a lone `| … |` line stays a
            // paragraph: a table needs two rows).
            let cells = piped.tables.map { $0.rows.map { $0.map(\.trimmed) } }
            for o in original.tables where o.rows.count >= 2 {
                XCTAssertTrue(cells.contains(o.rows.map { $0.map(\.trimmed) }), "\(name) table \(o.index)")
            }
            let a = pipeline.check(document: piped), b = pipeline.check(document: original)
            func findings(_ r: CheckResult) -> [String] { r.findings.map { "\($0.rule) \($0.severity)" }.sorted() }
            XCTAssertEqual(findings(a), findings(b), name)
            XCTAssertEqual(a.template, b.template, name)
            func facts(_ r: CheckResult) -> [String] {
                guard let f = r.facts else { return [] }
                var out = f.fields.map { "\($0.key)=\($0.value.text)" }.sorted()
                if let funds = f.funds {
                    out += funds.totals.map { "total \($0.key)=\($0.value.text)" }.sorted()
                    out += funds.cells.flatMap { s, c in c.map { "\(s) \($0.key)=\($0.value.text)" } }.sorted()
                }
                out += f.expenses.map { "expense \($0.content)=\($0.amount?.text ?? "")" }
                out += f.indicators.map { "indicator \($0.content?.text ?? "") \($0.target?.text ?? "") \($0.actual?.text ?? "") \($0.score?.text ?? "")" }
                return out
            }
            XCTAssertEqual(facts(a), facts(b), name)
            XCTAssertFalse(facts(a).isEmpty, name)
        }
    }

    // MARK: tab rows

    func testTabSeparatedRows() throws {
        let doc = try read("“三公”经费支出决算表\n项目\t预算数\t决算数\t增减\n合计\t34.35\t30.10\t-4.25\n因公出国（境）费\t\t0\t0\n公务接待费\t1.70\t1.20\t-0.50 \n注：单位万元。\n")
        XCTAssertEqual(doc.paragraphs.map(\.text), ["“三公”经费支出决算表", "注：单位万元。"])
        let table = try XCTUnwrap(doc.tables.first)
        XCTAssertEqual(texts(table), [
            ["项目", "预算数", "决算数", "增减"],
            ["合计", "34.35", "30.10", "-4.25"],
            ["因公出国（境）费", "", "0", "0"],
            ["公务接待费", "1.70", "1.20", "-0.50"],
        ])
        XCTAssertEqual(table.rows[3][3].location.line, 5)
        XCTAssertEqual(table.rows[3][3].location.column, 17)
    }

    /// The heading 科目 covered the code and name columns; its merge was lost in the copy.
    func testTabRowsWithAShortHeader() throws {
        let doc = try read("科目\t上年决算数\t本年预算数\t本年决算数\n一般公共服务支出\t201\t100.00\t120.00\t110.00\n教育支出\t205\t8.00\t10.00\t9.50\n")
        let table = try XCTUnwrap(doc.tables.first)
        XCTAssertEqual(table.rows[0].map(\.span), [2, 1, 1, 1])
        XCTAssertEqual(grid(table), [
            ["科目", "科目", "上年决算数", "本年预算数", "本年决算数"],
            ["一般公共服务支出", "201", "100.00", "120.00", "110.00"],
            ["教育支出", "205", "8.00", "10.00", "9.50"],
        ])
    }

    // MARK: aligned columns

    /// `pdftotext -layout`: characters one position each, numbers right-aligned, a two-line
    /// header whose upper headings cover several columns.
    func testWhitespaceAlignedColumns() throws {
        let doc = try read("""
            支出决算表
            支出功能分类科目及编码                                     本年支出决算数（万元）
            科目编码     科目名称                       合计      基本支出        项目支出
            201      一般公共服务支出               1,234.50    1,000.00      234.50
            20101    人大事务                      88.00       88.00        0.00
            2010101  行政运行                   1,146.50      912.00      234.50
            208      社会保障和就业支出                 12.30       12.30           —
            注：本表反映部门本年度各项支出情况。
            """)
        XCTAssertEqual(doc.paragraphs.map(\.location.line), [1, 8])
        let table = try XCTUnwrap(doc.tables.first)
        XCTAssertEqual(grid(table), [
            ["支出功能分类科目及编码", "支出功能分类科目及编码", "", "本年支出决算数（万元）", "本年支出决算数（万元）"],
            ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
            ["201", "一般公共服务支出", "1,234.50", "1,000.00", "234.50"],
            ["20101", "人大事务", "88.00", "88.00", "0.00"],
            ["2010101", "行政运行", "1,146.50", "912.00", "234.50"],
            ["208", "社会保障和就业支出", "12.30", "12.30", "—"],
        ])
        XCTAssertEqual(table.rows[0].map(\.span), [2, 1, 2])
        XCTAssertEqual(table.rows[4][2].location.line, 6)
        XCTAssertEqual(table.rows[4][2].location.column, 33)
        XCTAssertEqual(table.rows[3][4].location.column, 61)
    }

    /// Aligned by hand in a monospaced font: CJK characters two positions wide; a wrapped label
    /// and a row of dashes between data lines; the unit note above stays a paragraph.
    func testColumnsAlignedByDisplayWidth() throws {
        let doc = try read("""
                            一般公共预算财政拨款“三公”经费支出决算表
                                                                      单位：万元
              项目                              预算数          决算数
              合计                               34.35           30.10
              1.因公出国（境）费                  0.00            0.00
              2.公务用车购置及运
                行费                             32.65           28.90
              3.公务接待费                          —               —
              4.会议费                            1.70            1.20
            本年“三公”经费决算数比预算数减少4.25万元。
            """)
        XCTAssertEqual(doc.paragraphs.map(\.location.line), [1, 2, 10])
        let table = try XCTUnwrap(doc.tables.first)
        XCTAssertEqual(texts(table), [
            ["项目", "预算数", "决算数"],
            ["合计", "34.35", "30.10"],
            ["1.因公出国（境）费", "0.00", "0.00"],
            ["2.公务用车购置及运", "", ""],
            ["行费", "32.65", "28.90"],
            ["3.公务接待费", "—", "—"],
            ["4.会议费", "1.70", "1.20"],
        ])
        XCTAssertEqual(table.rows[4][1].location.line, 7)
    }

    // MARK: what stays as it was

    func testProseStaysProse() throws {
        let text = """
            本项目全年预算数 100 万元，执行数 95 万元，执行率 95%。
            选择方案 A | B 中的一个，得分 98 分  等级 优。
            2021年  收入 120万元  支出 110万元
            其中  基本支出 80万元
            项目支出  30万元  结余 10万元
            | 注：以上数据未经审计
            部门（单位）名称：  岳阳市城市管理监督指挥中心
            预 算 编 码：      906017
            评价方式：         部门（单位）绩效自评
            项目      预算数    决算数
            合计      34.35     30.10
            浏览量:1 | | | |

            报表编号:510000_0013zp |
            |
            项目名称 |
            51000021R000000019951-工资性支出 |
            总额 |
            238.93 |
            """
        let doc = try read(text)
        XCTAssertTrue(doc.tables.isEmpty, "\(doc.tables.map(texts))")
        XCTAssertEqual(doc.paragraphs.map(\.text), text.split(separator: "\n").map(String.init))
    }

    func testFlattenedLayoutNextToAPipeTableReadsAsBefore() throws {
        let doc = try read("前言\n\t甲\n（万元）\n\t\n\n\t乙\t内\n\n| 项目 | 金额 |\n| 合计 | 2 |\n正文\n\t丙\n\t3\n\n")
        XCTAssertEqual(doc.tables.map(texts), [[["甲\n（万元）", ""], ["乙\t内"]], [["项目", "金额"], ["合计", "2"]], [["丙", "3"]]])
        XCTAssertEqual(doc.paragraphs.map(\.text), ["前言", "正文"])
        XCTAssertEqual(doc.paragraphs.map(\.index), [0, 1])
        XCTAssertEqual(doc.tables.map(\.index), [0, 1, 2])
        XCTAssertEqual(doc.tables[1].rows[1][1].location.line, 9)
        // Blocks keep the order of the text.
        let kinds = doc.blocks.map { if case .table = $0 { return "t" } else { return "p" } }
        XCTAssertEqual(kinds, ["p", "t", "t", "p", "t"])
    }

    func testOnlyTextInputIsLookedAt() throws {
        let text = "| 项目 | 金额 |\n| 合计 | 2 |\n"
        XCTAssertEqual(try read(text, format: .docx).tables.count, 0)
        XCTAssertEqual(try read(text).tables.count, 1)
    }

    func testATableOverTheCellLimitStaysParagraphs() throws {
        var limits = ReadLimits()
        limits.maxCellsPerTable = 3
        let doc = try read("| 项目 | 金额 |\n| 合计 | 2 |\n", limits: limits)
        XCTAssertTrue(doc.tables.isEmpty)
        XCTAssertEqual(doc.paragraphs.count, 2)
    }
}
