import Foundation

/// Writes Gouji's Word comments: the comment's words (rule, message, arithmetic, fix), the
/// `w:comment` elements of the comments part (created and related when missing), the range
/// markers in the document, and the removal of the comments an earlier run of Gouji wrote, so
/// that annotating an annotated file replaces its own comments and keeps everyone else's.
struct CommentWriter {
    /// The author of Gouji's comments (and of its tracked changes).
    static let author = "勾稽"
    /// Authors of comments written by earlier versions of Gouji, replaced as well.
    static let formerAuthors: Set<String> = ["勾稽 Gouji"]
    static let initials = "GJ"
    static let commentsType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
    static let commentsContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
    /// Word 2013+ parts that refer to comments by their paragraphs' `w14:paraId` or by durable id.
    static let companionTypeSuffixes = ["/commentsExtended", "/commentsIds", "/commentsExtensible"]

    let package: WordPackage

    // MARK: - Words

    /// The paragraphs of the comment for `finding`: severity, rule and message; a note when the
    /// comment could not be put on the figure itself; the rule; the arithmetic; the fix.
    static func paragraphs(_ f: Finding, unanchored sought: String?, lang: Language) -> [String] {
        let zh = lang == .zh
        var out = ["\(f.severity.label(lang))[\(f.rule) \(f.name)] \(f.message.text(lang))"]
        if let sought {
            let what = sought.isEmpty ? (zh ? "所指位置" : "the place it refers to") : "“\(sought)”"
            out.append(zh ? "（未能在文中定位到\(what)，本条意见挂在所在段落上）"
                          : "(\(what) could not be found in the text; this comment is on its paragraph)")
        }
        if let rule = RuleRegistry.rule(id: f.rule)?.description {
            out.append((zh ? "规则：" : "Rule: ") + rule.summary.text(lang))
        }
        if let a = f.arithmetic { out.append((zh ? "计算：" : "Arithmetic: ") + a.text(lang)) }
        if f.suggestions.isEmpty {
            out.append(zh ? "建议：按上述规则核对原文并更正" : "Fix: check the text against the rule above and correct it")
        }
        for s in f.suggestions {
            let line = (zh ? "建议：" : "Fix: ") + s.summary(lang)
            if !out.contains(line) { out.append(line) }   // a suggestion found two ways is said once
        }
        return out
    }

    // MARK: - Removing earlier comments

    /// Removes every comment by Gouji (its `w:comment`, range markers, reference runs and
    /// companion entries); returns how many.
    func removeOwnComments() throws -> Int {
        guard let path = try package.relatedPart(type: Self.commentsType), let comments = try package.tree(path) else { return 0 }
        var ids: Set<String> = [], paragraphIDs: Set<String> = []
        for c in comments.root.children where c.is("comment", in: WordML.namespaces) {
            guard let a = c.attribute("author"), a == Self.author || Self.formerAuthors.contains(a), let id = c.attribute("id") else { continue }
            ids.insert(id)
            for p in c.descendants where p.name == "p" { if let pid = p.attribute("paraId") { paragraphIDs.insert(pid) } }
            c.remove()
        }
        guard !ids.isEmpty else { return 0 }
        for e in package.document.root.descendants where e.namespace.map(WordML.namespaces.contains) == true {
            guard ["commentRangeStart", "commentRangeEnd", "commentReference"].contains(e.name), let id = e.attribute("id"), ids.contains(id) else { continue }
            if e.name == "commentReference", let run = e.parent, run.is("r", in: WordML.namespaces),
               run.children.allSatisfy({ $0 == e || $0.name == "rPr" }) {
                run.remove()
            } else {
                e.remove()
            }
        }
        // Companion parts: entries for the removed comments' paragraphs, then their durable ids.
        var durableIDs: Set<String> = []
        for suffix in Self.companionTypeSuffixes {
            guard let p = try relatedPart(suffix: suffix), let tree = try package.tree(p) else { continue }
            for e in tree.root.children {
                if let pid = e.attribute("paraId"), paragraphIDs.contains(pid) {
                    if let d = e.attribute("durableId") { durableIDs.insert(d) }
                    e.remove()
                } else if let d = e.attribute("durableId"), durableIDs.contains(d) {
                    e.remove()
                }
            }
        }
        return ids.count
    }

    private func relatedPart(suffix: String) throws -> String? {
        guard let rels = try package.tree(package.relationshipsPath) else { return nil }
        for r in rels.root.children where r.attribute("Type")?.hasSuffix(suffix) == true {
            if let type = r.attribute("Type") { return try package.relatedPart(type: type) }
        }
        return nil
    }

    // MARK: - Writing

    /// The first comment id free in the document and its comments part.
    func nextID() throws -> Int {
        var best = -1
        func scan(_ elements: [XMLElement]) {
            for e in elements where ["comment", "commentRangeStart", "commentRangeEnd", "commentReference"].contains(e.name) {
                if let v = e.attribute("id").flatMap(Int.init) { best = max(best, v) }
            }
        }
        scan(package.document.root.descendants)
        if let path = try package.relatedPart(type: Self.commentsType), let c = try package.tree(path) { scan(c.root.children) }
        return best + 1
    }

    /// Wraps `range` of `container`'s text in comment `id`: `w:commentRangeStart` before it,
    /// `w:commentRangeEnd` and a run holding `w:commentReference` after it.
    func mark(_ container: WordContainer, range: Range<Int>, id: Int) {
        guard !container.paragraphs.isEmpty else { return }
        let (sp, so) = container.locate(range.lowerBound, preferEnd: false)
        let (ep, eo) = container.locate(range.upperBound, preferEnd: true)
        let first = container.paragraphs[sp], last = container.paragraphs[ep]
        first.insert(first.element("commentRangeStart", attributes: [("id", "\(id)")]), before: so)
        let reference = last.element("r")
        reference.append(last.element("commentReference", attributes: [("id", "\(id)")]))
        last.insert([last.element("commentRangeEnd", attributes: [("id", "\(id)")]), reference], after: eo)
    }

    /// Appends one `w:comment` per entry to the comments part, creating it when missing.
    func write(_ comments: [(id: Int, paragraphs: [String])]) throws {
        guard !comments.isEmpty else { return }
        let tree: XMLTree
        if let path = try package.relatedPart(type: Self.commentsType), let t = try package.tree(path) {
            tree = t
        } else {
            let path = (package.directory.isEmpty ? "" : package.directory + "/") + "comments.xml"
            let ns = package.document.root.namespace ?? WordML.main
            tree = try package.addPart(path, xml: "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"\(ns)\"/>")
            try package.relate(path, type: Self.commentsType, contentType: Self.commentsContentType)
        }
        let ns = tree.root.namespace ?? WordML.main
        for (id, paragraphs) in comments {
            let c = tree.element("comment", namespace: ns, attributes: [("w:id", "\(id)"), ("w:author", Self.author), ("w:initials", Self.initials)])
            for (i, text) in paragraphs.enumerated() {
                let p = tree.element("p", namespace: ns)
                if i == 0 {
                    let r = tree.element("r", namespace: ns)
                    r.append(tree.element("annotationRef", namespace: ns))
                    p.append(r)
                }
                let r = tree.element("r", namespace: ns)
                let t = tree.element("t", namespace: ns, attributes: [("xml:space", "preserve")])
                t.append(text: tree.text(Self.xmlSafe(text)))
                r.append(t)
                p.append(r)
                c.append(p)
            }
            tree.root.append(c)
        }
    }

    /// Drops the characters XML 1.0 cannot hold (control characters other than tab and line
    /// breaks, U+FFFE, U+FFFF).
    static func xmlSafe(_ s: String) -> String {
        var v = String.UnicodeScalarView()
        for u in s.unicodeScalars where !(u.value < 0x20 && u != "\t" && u != "\n" && u != "\r") && u.value != 0xFFFE && u.value != 0xFFFF {
            v.append(u)
        }
        return String(v)
    }
}
