import Foundation

/// Builds a minimal .docx from a document read from text: each paragraph a w:p, each table a
/// w:tbl over its grid (captions as a paragraph before the table, blank lines kept as empty
/// paragraphs), and returns the segment map from document offsets to the Word parts.
enum TextDocxBuilder {
    static func build(_ document: Document) -> (Data, [AnchorFinder.Segment]) {
        var body = ""
        var segments: [AnchorFinder.Segment] = []
        var p = 0, t = 0
        var lastLine = 0

        func runs(_ text: String) -> String {
            // Tabs become w:tab (one character of run text, like in the reader's model).
            text.split(separator: "\t", omittingEmptySubsequences: false).map { piece in
                piece.isEmpty ? "" : "<w:t xml:space=\"preserve\">\(escape(String(piece)))</w:t>"
            }.joined(separator: "<w:tab/>")
        }
        func paragraph(_ text: String, bold: Bool = false) -> String {
            if text.isEmpty { return "<w:p/>" }
            return "<w:p><w:r>" + (bold ? "<w:rPr><w:b/></w:rPr>" : "") + runs(text) + "</w:r></w:p>"
        }
        func gap(before line: Int) {
            if lastLine > 0 && line > lastLine + 1 { body += "<w:p/>"; p += 1 }
        }
        func endLine(_ location: SourceLocation) -> Int { document.lines.line(of: max(location.start, location.end - 1)) }

        for block in document.blocks {
            switch block {
            case .paragraph(let para):
                gap(before: para.location.line)
                segments.append(.init(start: para.location.start, end: para.location.start + para.text.unicodeScalars.count, part: "p\(p)"))
                body += paragraph(para.text)
                p += 1
                lastLine = endLine(para.location)
            case .table(let table):
                if let caption = table.caption {
                    gap(before: caption.location.line)
                    segments.append(.init(start: caption.location.start, end: caption.location.start + caption.text.unicodeScalars.count, part: "p\(p)"))
                    body += paragraph(caption.text, bold: true)
                    p += 1
                }
                let width = max(1, table.rows.map { $0.reduce(0) { $0 + max(1, $1.span) } }.max() ?? 1)
                let columnWidth = 9000 / width
                body += "<w:tbl><w:tblPr><w:tblW w:w=\"\(columnWidth * width)\" w:type=\"dxa\"/><w:tblBorders>"
                for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                    body += "<w:\(side) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>"
                }
                body += "</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
                body += String(repeating: "<w:gridCol w:w=\"\(columnWidth)\"/>", count: width) + "</w:tblGrid>"
                for (r, row) in table.rows.enumerated() {
                    body += "<w:tr>"
                    var column = 0
                    for (c, cell) in row.enumerated() {
                        var span = max(1, cell.span)
                        if c == row.count - 1 { span = max(span, width - column) }
                        column += span
                        body += "<w:tc><w:tcPr><w:tcW w:w=\"\(columnWidth * span)\" w:type=\"dxa\"/>"
                        if span > 1 { body += "<w:gridSpan w:val=\"\(span)\"/>" }
                        switch cell.verticalMerge {
                        case .restart: body += "<w:vMerge w:val=\"restart\"/>"
                        case .continuation: body += "<w:vMerge/>"
                        case .none: break
                        }
                        body += "</w:tcPr>"
                        segments.append(.init(start: cell.location.start, end: cell.location.start + cell.text.unicodeScalars.count,
                                              part: "t\(t)/r\(r)/c\(c)"))
                        body += cell.text.split(separator: "\n", omittingEmptySubsequences: false).map { paragraph(String($0)) }.joined()
                        body += "</w:tc>"
                    }
                    if row.isEmpty { body += "<w:tc><w:p/></w:tc>" }
                    body += "</w:tr>"
                }
                body += "</w:tbl>"
                t += 1
                lastLine = table.rows.last?.last.map { endLine($0.location) } ?? table.location.line
                // Word needs a paragraph between two adjacent tables.
                body += "<w:p/>"
                p += 1
                lastLine += 1
            }
        }
        let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let documentXML = header + "<w:document xmlns:w=\"\(WordML.main)\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>"
            + body + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
        let styles = header + "<w:styles xmlns:w=\"\(WordML.main)\"><w:docDefaults><w:rPrDefault><w:rPr>"
            + "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"宋体\" w:cs=\"Times New Roman\"/>"
            + "<w:sz w:val=\"22\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style></w:styles>"
        let contentTypes = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/></Types>"
        let rootRels = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"
        let documentRels = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>"
        let parts: [(String, String)] = [("[Content_Types].xml", contentTypes), ("_rels/.rels", rootRels),
                                         ("word/document.xml", documentXML), ("word/_rels/document.xml.rels", documentRels),
                                         ("word/styles.xml", styles)]
        let data = (try? WordPackage.zip(parts.map { ($0.0, Data($0.1.utf8)) })) ?? Data()
        return (data, segments)
    }

    /// Text as XML character data (markup characters escaped, characters XML cannot hold dropped).
    static func escape(_ s: String) -> String {
        var out = ""
        for u in CommentWriter.xmlSafe(s).unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
