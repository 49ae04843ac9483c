import Foundation

/// Renders what a reader saw: tables as grids with coordinates, paragraphs with line numbers.
public enum DumpRenderer {
    public static func text(_ document: Document) -> String {
        var out = "# \(document.path) (\(document.format.rawValue), \(document.encoding)): "
        out += "\(document.paragraphs.count) paragraphs, \(document.tables.count) tables\n"
        for block in document.blocks {
            switch block {
            case .paragraph(let p):
                out += "L\(p.location.line)\t\(p.text)\n"
            case .table(let t):
                out += "\n[table \(t.index)] L\(t.location.line)"
                if let caption = t.caption { out += " caption: \(caption.trimmed)" }
                out += "\n"
                for (r, row) in t.grid.enumerated() {
                    for (c, cell) in row.enumerated() {
                        let merged = cell.origin.map { " (merged from r\($0.row)c\($0.column))" } ?? ""
                        let text = cell.text.replacingOccurrences(of: "\n", with: "⏎")
                        out += "  r\(r)c\(c) L\(cell.location.line)\(merged)\t\(text)\n"
                    }
                }
                out += "\n"
            }
        }
        return out
    }

    public struct JSONCell: Codable {
        var row: Int, column: Int, text: String, line: Int, column_in_line: Int, start: Int, end: Int
        var part: String?, origin: GridPosition?
    }
    public struct JSONBlock: Codable {
        var type: String
        var index: Int
        var text: String?
        var line: Int
        var caption: String?
        var rows: [[JSONCell]]?
    }
    public struct JSONDocument: Codable {
        var path: String, format: String, encoding: String, blocks: [JSONBlock]
    }

    public static func jsonDocument(_ document: Document) -> JSONDocument {
        let blocks: [JSONBlock] = document.blocks.map { block in
            switch block {
            case .paragraph(let p):
                return JSONBlock(type: "paragraph", index: p.index, text: p.text, line: p.location.line)
            case .table(let t):
                let rows = t.grid.enumerated().map { r, row in
                    row.enumerated().map { c, cell in
                        JSONCell(row: r, column: c, text: cell.text, line: cell.location.line,
                                 column_in_line: cell.location.column, start: cell.location.start,
                                 end: cell.location.end, part: cell.location.part, origin: cell.origin)
                    }
                }
                return JSONBlock(type: "table", index: t.index, line: t.location.line, caption: t.caption?.trimmed, rows: rows)
            }
        }
        return JSONDocument(path: document.path, format: document.format.rawValue, encoding: document.encoding, blocks: blocks)
    }
}
