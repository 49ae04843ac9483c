import Foundation
import ZIPFoundation

/// A .docx opened for editing: every part kept in the archive's order, read through the
/// reader's `OfficePackage` (size cap, corrupt-zip handling), the main document and any other
/// XML part that is changed held as an `XMLTree`, and the whole written back as a new zip.
/// Parts that are not changed are written back byte for byte.
final class WordPackage {
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let officeDocumentType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"

    private(set) var entries: [(path: String, data: Data)]
    /// Parts parsed for editing, written back serialised.
    private var trees: [String: XMLTree] = [:]
    let documentPath: String
    let document: XMLTree

    init(data: Data, limits: ReadLimits) throws {
        var package = try OfficePackage(data: data, limit: limits.maxUncompressedBytes)
        var entries: [(String, Data)] = []
        for path in package.filePaths { entries.append((path, try package.part(path))) }
        self.entries = entries
        var main = DocxReader.mainPart
        if let rels = entries.first(where: { $0.0 == "_rels/.rels" }) {
            let tree = try XMLTree(rels.1, part: "_rels/.rels")
            for r in tree.root.children where r.name == "Relationship" && r.attribute("Type")?.hasSuffix("/officeDocument") == true {
                if let target = r.attribute("Target") { main = target.hasPrefix("/") ? String(target.dropFirst()) : target }
            }
        }
        guard let doc = entries.first(where: { $0.0 == main }) else { throw ReadError.docxMissingPart(main) }
        documentPath = main
        document = try XMLTree(doc.1, part: main)
        trees[main] = document
    }

    /// The folder of the main document (`word`).
    var directory: String { documentPath.split(separator: "/").dropLast().joined(separator: "/") }
    /// The main document's relationships part (`word/_rels/document.xml.rels`).
    var relationshipsPath: String {
        (directory.isEmpty ? "" : directory + "/") + "_rels/" + documentPath.split(separator: "/").last! + ".rels"
    }

    func data(_ path: String) -> Data? { entries.first { $0.path == path }?.data }

    /// The part at `path` as a tree for editing (parsed once).
    func tree(_ path: String) throws -> XMLTree? {
        if let t = trees[path] { return t }
        guard let data = data(path) else { return nil }
        let t = try XMLTree(data, part: path)
        trees[path] = t
        return t
    }

    /// Adds a part written from `xml` (or replaces one at the same path) and returns its tree.
    func addPart(_ path: String, xml: String) throws -> XMLTree {
        let t = try XMLTree(xml: xml, part: path)
        if let i = entries.firstIndex(where: { $0.path == path }) { entries[i].data = Data() } else { entries.append((path, Data())) }
        trees[path] = t
        return t
    }

    /// The package path of the part the main document relates to with `type`, if any.
    func relatedPart(type: String) throws -> String? {
        guard let rels = try tree(relationshipsPath) else { return nil }
        for r in rels.root.children where r.name == "Relationship" && r.attribute("Type") == type {
            guard let target = r.attribute("Target"), r.attribute("TargetMode") != "External" else { continue }
            return target.hasPrefix("/") ? String(target.dropFirst()) : (directory.isEmpty ? "" : directory + "/") + target
        }
        return nil
    }

    /// Relates `path` (in the main document's folder) to the main document with `type`, and
    /// registers its content type.
    func relate(_ path: String, type: String, contentType: String) throws {
        let rels = try tree(relationshipsPath) ?? addPart(relationshipsPath, xml:
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"\(Self.relationshipsNamespace)\"/>")
        let ids = Set(rels.root.children.compactMap { $0.attribute("Id") })
        var n = 1
        while ids.contains("rIdGouji\(n)") { n += 1 }
        let target = directory.isEmpty ? path : String(path.dropFirst(directory.count + 1))
        rels.root.append(rels.element("Relationship", namespace: Self.relationshipsNamespace,
                                      attributes: [("Id", "rIdGouji\(n)"), ("Type", type), ("Target", target)]))
        if let types = try tree("[Content_Types].xml"),
           !types.root.children.contains(where: { $0.name == "Override" && $0.attribute("PartName") == "/" + path }) {
            types.root.append(types.element("Override", namespace: Self.contentTypesNamespace,
                                            attributes: [("PartName", "/" + path), ("ContentType", contentType)]))
        }
    }

    /// The package as zip bytes: edited parts serialised, the others as they were.
    func write() throws -> Data {
        try Self.zip(entries.map { ($0.path, trees[$0.path]?.serialized() ?? $0.data) })
    }

    /// A new package from parts given as XML text (used to build a .docx from a text report).
    static func zip(_ parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: Date(timeIntervalSince1970: 315_532_800),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw ReadError.unreadable("cannot write the .docx archive") }
        return data
    }
}
