import Foundation
import Gouji
import Hummingbird

/// The workbench page and its files, embedded at build time (Assets/), and the OpenAPI
/// document. The report style sheet is the HTML report's own, so the page looks like it.
enum Page {
    static let files: [String: (type: String, body: String)] = {
        var out: [String: (String, String)] = [:]
        for (name, text) in EmbeddedAssets.files {
            let type: String
            switch (name as NSString).pathExtension {
            case "html": type = "text/html; charset=utf-8"
            case "js": type = "text/javascript; charset=utf-8"
            case "css": type = "text/css; charset=utf-8"
            case "yaml": type = "application/yaml; charset=utf-8"
            default: type = "text/plain; charset=utf-8"
            }
            out["/" + name] = (type, text)
        }
        out["/report.css"] = ("text/css; charset=utf-8", HTMLRenderer.css)
        out["/"] = out["/index.html"]
        return out
    }()

    static func response(_ path: String) -> Response? {
        guard let file = files[path] else { return nil }
        var headers = HTTPFields()
        headers[.contentType] = file.type
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: file.body)))
    }
}
