import XCTest
import Yams
@testable import Gouji

/// Every report in Corpus/reports with its expected facts and findings (NAME.expected.yaml).
final class CorpusTests: XCTestCase {
    struct Cell: Decodable, Sendable { var value: String; var line: Int?; var unit: String? }
    struct ExpectedFinding: Decodable, Sendable {
        var rule: String; var severity: String; var line: Int; var figure: String?; var also: [String]?
    }
    struct Expected: Decodable, Sendable {
        var family: String
        var variant: String
        var clean: Bool?
        var facts: Facts
        var findings: [ExpectedFinding]
        struct Facts: Decodable, Sendable {
            var funds: [String: [String: Cell]]?
            var base_table: [String: [String: Cell]]?
            var staff: [String: Cell]?
            var budget_adjust: [String: Cell]?
            var total_score: Cell?
            var grade: Cell?
            var report_date: Cell?
            var period: Cell?
            var expense_total: Cell?
            var execution_rate: Cell?
            var execution_weight: Cell?
            var execution_score: Cell?
            var indicators: Int?
        }
    }

    static let reports: [(String, Expected)] = {
        let dir = Fixtures.corpus("reports")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
            let yaml = dir + "/" + name.replacingOccurrences(of: ".txt", with: ".expected.yaml")
            guard let text = try? String(contentsOfFile: yaml, encoding: .utf8),
                  let e = try? YAMLDecoder().decode(Expected.self, from: text) else { return nil }
            return (dir + "/" + name, e)
        }
    }()

    func testCorpusIsThere() {
        XCTAssertGreaterThanOrEqual(Self.reports.count, 10)
        for family in ["hunan-project", "national-project", "department"] {
            XCTAssertGreaterThanOrEqual(Self.reports.filter { $0.1.family == family }.count, 3, family)
        }
    }

    func assertCell(_ bound: BoundValue?, _ expected: Cell, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let bound else { return XCTFail("\(what): not bound", file: file, line: line) }
        let text = bound.text.replacingOccurrences(of: "%", with: "")
        let want = expected.value.replacingOccurrences(of: "%", with: "")
        XCTAssertTrue(text == want || text.hasPrefix(want) || bound.figure.map { $0.number == Decimal(plain: want) } == true,
                      "\(what): \(bound.text) ≠ \(expected.value)", file: file, line: line)
        if let l = expected.line { XCTAssertEqual(bound.location.line, l, "\(what) line", file: file, line: line) }
    }

    func testFacts() throws {
        for (path, e) in Self.reports {
            let name = (path as NSString).lastPathComponent
            let result = Pipeline().check(path: path)
            let facts = try XCTUnwrap(result.facts, name)
            XCTAssertEqual(facts.family, e.family, name)
            XCTAssertGreaterThanOrEqual(facts.confidence, 0.5, name)
            if let funds = e.facts.funds {
                let grid = try XCTUnwrap(facts.funds, "\(name): funds")
                for (source, columns) in funds {
                    for (columnLabel, cell) in columns {
                        let what = "\(name) funds \(source)/\(columnLabel)"
                        switch columnLabel {
                        case "分值", "权重": assertCell(grid.weight, cell, what)
                        case "执行率", "预算执行率":
                            if source == "total" { assertCell(grid.rate, cell, what) }
                            else if let s = grid.sources.first(where: { Labels.normalize(grid.labels[$0] ?? "") == Labels.normalize(source) }) {
                                if cell.value.contains("%") { assertCell(grid.sourceRates[s], cell, what) }
                            }
                        case "得分": assertCell(grid.score, cell, what)
                        default:
                            guard let column = grid.columns.first(where: { Labels.normalize(grid.labels[$0] ?? "") == Labels.normalize(columnLabel) }) else {
                                XCTFail("\(what): no such column in \(grid.labels)"); continue
                            }
                            if source == "total" || source == "合计" || source == "总额" {
                                assertCell(grid.totals[column], cell, what)
                            } else if let s = grid.sources.first(where: { Labels.normalize(grid.labels[$0] ?? "") == Labels.normalize(source) }) {
                                assertCell(grid.cells[s]?[column], cell, what)
                            } else {
                                XCTFail("\(what): no such source in \(grid.labels)")
                            }
                        }
                    }
                }
            }
            if let table = e.facts.base_table {
                let data = try XCTUnwrap(facts.data, "\(name): base table")
                for (rowLabel, columns) in table {
                    guard let row = data.rows.first(where: { data.labels[$0.key] == Labels.normalize(rowLabel) }) else { continue }
                    for (columnLabel, cell) in columns {
                        guard let column = row.value.keys.first(where: { Labels.normalize(data.labels[$0] ?? "") == Labels.normalize(columnLabel) }) else {
                            XCTFail("\(name): column \(columnLabel)"); continue
                        }
                        assertCell(row.value[column], cell, "\(name) \(rowLabel)/\(columnLabel)")
                    }
                }
                XCTAssertNotNil(data.rows["three_public"], "\(name): 三公经费 row")
            }
            if let staff = e.facts.staff, let data = facts.data {
                for (label, cell) in staff {
                    let key = ["编制数": "quota", "实际在职人数": "actual", "控制率": "rate"][label]
                    if let key { assertCell(data.staff[key], cell, "\(name) staff \(label)") }
                }
            }
            if let t = e.facts.total_score { assertCell(facts.fields["total_score"], t, "\(name) total score") }
            if let g = e.facts.grade { assertCell(facts.fields["grade"], g, "\(name) grade") }
            if let r = e.facts.report_date {
                XCTAssertEqual(facts.reportDate?.date?.description, r.value, "\(name) report date")
                if let l = r.line { XCTAssertEqual(facts.reportDate?.location.line, l, "\(name) report date line") }
            }
            if let p = e.facts.period { assertCell(facts.fields["period"], p, "\(name) period"); XCTAssertNotNil(facts.period, name) }
            if let t = e.facts.expense_total { assertCell(facts.expenseTotal, t, "\(name) expense total") }
            if let n = e.facts.indicators { XCTAssertEqual(facts.indicators.count, n, "\(name) indicator rows") }
        }
    }

    func testFindings() throws {
        for (path, e) in Self.reports {
            let name = (path as NSString).lastPathComponent
            let result = Pipeline().check(path: path)
            let loud = result.findings.filter { $0.severity >= .warning }
            var matched = Set<Int>()
            for x in e.findings {
                let rules = Set([x.rule] + (x.also ?? []))
                let hits = loud.indices.filter { i in
                    let f = loud[i]
                    return rules.contains(f.rule) && (f.figures.contains { $0.location.line == x.line } || f.locations.contains { $0.line == x.line })
                }
                matched.formUnion(hits)
                let hit = hits.first { loud[$0].rule == x.rule } ?? hits.first
                XCTAssertNotNil(hit, "\(name): expected \(x.rule) at line \(x.line) (\(x.figure ?? "")); got \(loud.map { "\($0.rule)@\($0.primaryLocation?.line ?? 0)" })")
                if let hit {
                    matched.insert(hit)
                    if x.severity == "error" { XCTAssertEqual(loud[hit].severity, .error, "\(name): \(x.rule) at \(x.line) severity") }
                }
            }
            let unexpected = loud.indices.filter { !matched.contains($0) }.map { "\(loud[$0].rule)@\(loud[$0].primaryLocation?.line ?? 0): \(loud[$0].message.zh)" }
            XCTAssertEqual(unexpected, [], "\(name): findings nobody planted")
        }
    }
}

/// Each Corpus report as .docx (made by scripts/fixtures/flat2docx.py) reads into the same
/// tables and gives the same facts and findings as its flattened text.
final class CorpusDocxTests: XCTestCase {
    func testDocxEqualsText() throws {
        let dir = Fixtures.corpus("reports")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir + "/docx").filter { $0.hasSuffix(".docx") }.sorted()
        XCTAssertEqual(names.count, CorpusTests.reports.count)
        for name in names {
            let docx = Pipeline().check(path: dir + "/docx/" + name)
            let text = Pipeline().check(path: dir + "/" + name.replacingOccurrences(of: ".docx", with: ".txt"))
            XCTAssertNil(docx.error, name)
            let cells = { (r: CheckResult) in r.document!.tables.map { $0.rows.map { $0.map(\.trimmed) } } }
            XCTAssertEqual(cells(docx), cells(text), "\(name): cell texts")
            XCTAssertEqual(docx.template, text.template, name)
            XCTAssertEqual(docx.facts?.fields["total_score"]?.text, text.facts?.fields["total_score"]?.text, name)
            XCTAssertEqual(docx.findings.map { "\($0.rule)@\($0.primaryLocation?.line ?? 0)" }, text.findings.map { "\($0.rule)@\($0.primaryLocation?.line ?? 0)" }, name)
            XCTAssertTrue(docx.findings.allSatisfy { f in f.figures.allSatisfy { $0.location.part != nil } }, "\(name): every figure has its Word part")
        }
    }
}
