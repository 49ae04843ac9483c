import CXML2
import Foundation

/// One XML part of a Word package held as libxml2's tree (the same libxml2 the .docx reader
/// streams through), changed in place and written back with libxml2's serialiser.
///
/// Parsing never loads anything from outside (`XML_PARSE_NONET`) and never substitutes
/// entities, and libxml2 prints nothing (Gouji reports the error); a part with a DTD is refused before libxml2 sees it (`DocxXMLGuard`, as the reader
/// does). What is not changed is written back as parsed: elements, attributes (in their order),
/// namespace declarations, comments, processing instructions and white space.
final class XMLTree {
    let doc: xmlDocPtr
    /// The part's name in the package, for messages.
    let part: String

    init(_ data: Data, part: String) throws {
        if DocxXMLGuard.containsDTD(data) { throw ReadError.forbiddenDTD }
        if let why = DocxXMLGuard.unsupportedEncoding(data) { throw ReadError.malformedXML("\(part): \(why)") }
        let parsed: xmlDocPtr? = data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return xmlReadMemory(base, Int32(raw.count), part, nil,
                                 Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
        }
        guard let parsed else { throw ReadError.malformedXML("\(part) is not well-formed XML") }
        guard xmlDocGetRootElement(parsed) != nil else {
            xmlFreeDoc(parsed)
            throw ReadError.malformedXML("\(part) has no root element")
        }
        doc = parsed
        self.part = part
    }

    /// A part made from XML text written by Gouji.
    convenience init(xml: String, part: String) throws { try self.init(Data(xml.utf8), part: part) }

    deinit { xmlFreeDoc(doc) }

    var root: XMLElement { XMLElement(xmlDocGetRootElement(doc)!) }

    /// The part as UTF-8 bytes.
    func serialized() -> Data {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpMemoryEnc(doc, &buffer, &size, "UTF-8")
        guard let buffer else { return Data() }
        // libxml2's xmlFree is a global variable (not concurrency-safe to read in Swift 6); it is
        // the C library's free unless xmlMemSetup replaced it, which Gouji never does.
        defer { free(buffer) }
        return Data(bytes: buffer, count: Int(size))
    }

    /// A new element in namespace `namespace` (declared in the part, else the root's own
    /// namespace) with `attributes` (qualified names, e.g. `w:id`, resolved against the part).
    func element(_ name: String, namespace: String?, attributes: [(String, String)] = []) -> XMLElement {
        let root = xmlDocGetRootElement(doc)
        let ns = namespace.flatMap { xmlSearchNsByHref(doc, root, $0) } ?? root?.pointee.ns
        let node = xmlNewDocNode(doc, ns, name, nil)!
        let e = XMLElement(node)
        // Attached to the root while attributes are set, so that prefixes resolve.
        if let root { xmlAddChild(root, node) }
        for (key, value) in attributes { e.set(key, value) }
        xmlUnlinkNode(node)
        return e
    }

    /// A text node (escaped when written).
    func text(_ content: String) -> xmlNodePtr { xmlNewDocText(doc, content)! }
}

/// An element of an `XMLTree` (a libxml2 node pointer; valid while its tree lives).
struct XMLElement: Equatable {
    let node: xmlNodePtr
    init(_ node: xmlNodePtr) { self.node = node }

    static func string(_ p: UnsafePointer<xmlChar>?) -> String? { p.map { String(cString: $0) } }

    /// The local name (`p` for `w:p`).
    var name: String { Self.string(node.pointee.name) ?? "" }
    /// The namespace URI, if any.
    var namespace: String? { Self.string(node.pointee.ns?.pointee.href) }
    var parent: XMLElement? {
        guard let p = node.pointee.parent, p.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLElement(p)
    }

    func `is`(_ local: String, in namespaces: Set<String>) -> Bool {
        name == local && namespace.map(namespaces.contains) == true
    }

    /// The element children, in order.
    var children: [XMLElement] {
        var out: [XMLElement] = []
        var c = node.pointee.children
        while let n = c {
            if n.pointee.type == XML_ELEMENT_NODE { out.append(XMLElement(n)) }
            c = n.pointee.next
        }
        return out
    }

    func children(_ local: String, in namespaces: Set<String>) -> [XMLElement] {
        children.filter { $0.is(local, in: namespaces) }
    }

    func first(_ local: String, in namespaces: Set<String>) -> XMLElement? {
        children.first { $0.is(local, in: namespaces) }
    }

    /// Every element below this one, in document order.
    var descendants: [XMLElement] {
        var out: [XMLElement] = []
        func walk(_ e: XMLElement) { for c in e.children { out.append(c); walk(c) } }
        walk(self)
        return out
    }

    /// The value of the attribute with local name `local`, in any namespace.
    func attribute(_ local: String) -> String? {
        var a = node.pointee.properties
        while let p = a {
            if Self.string(p.pointee.name) == local {
                return Self.content(p.pointee.children)
            }
            a = p.pointee.next
        }
        return nil
    }

    /// Sets an attribute by qualified name (`w:id`, `xml:space`, `Target`).
    func set(_ qualified: String, _ value: String) {
        xmlSetProp(node, qualified, value)
    }

    /// The decoded text content.
    var text: String { Self.content(node.pointee.children) }

    /// The text of a node list and its descendants (text and CDATA nodes), read in place.
    static func content(_ first: xmlNodePtr?) -> String {
        var out = ""
        var c = first
        while let n = c {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: out += string(n.pointee.content) ?? ""
            case XML_ELEMENT_NODE: out += content(n.pointee.children)
            default: break
            }
            c = n.pointee.next
        }
        return out
    }

    func append(_ child: XMLElement) { xmlAddChild(node, child.node) }
    func append(text: xmlNodePtr) { xmlAddChild(node, text) }
    func insertBefore(_ new: XMLElement) { xmlAddPrevSibling(node, new.node) }
    func insertAfter(_ new: XMLElement) { xmlAddNextSibling(node, new.node) }

    /// A deep copy in the same tree, not yet placed, meant to go beside this element: its
    /// namespaces resolve to the ones in scope at the parent (`xmlDocCopyNode` would declare
    /// them again on the copy).
    func copy() -> XMLElement {
        var clone: xmlNodePtr?
        if xmlDOMWrapCloneNode(nil, node.pointee.doc, node, &clone, node.pointee.doc, node.pointee.parent, 1, 0) == 0, let clone {
            return XMLElement(clone)
        }
        return XMLElement(xmlDocCopyNode(node, node.pointee.doc, 1)!)
    }

    /// Takes the element out of its tree and frees it.
    func remove() {
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }

    /// Replaces this element by `new` and frees this one.
    func replace(with new: XMLElement) {
        xmlAddPrevSibling(node, new.node)
        remove()
    }
}
