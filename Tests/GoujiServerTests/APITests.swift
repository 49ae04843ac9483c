import Foundation
import Gouji
@testable import GoujiServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import XCTest
import ZIPFoundation

final class APITests: XCTestCase {
    /// The CLI's JSON for the seed .docx, run where the file has the name the API is given.
    func cliJSON(_ file: URL, arguments: [String] = []) throws -> Data {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gouji-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: file, to: dir.appendingPathComponent(file.lastPathComponent))
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: ServeFixtures.gouji.path), "no gouji binary at \(ServeFixtures.gouji.path); run swift build")
        let process = Process()
        process.executableURL = ServeFixtures.gouji
        process.arguments = ["check", "--format", "json"] + arguments + [file.lastPathComponent]
        process.currentDirectoryURL = dir
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1, "the seed has errors, so the CLI exits 1")
        return out
    }

    func testCheckOfTheSeedDocxIsTheCLIJSON() async throws {
        let expected = try cliJSON(ServeFixtures.seedDocx)
        let expectedEn = try cliJSON(ServeFixtures.seedDocx, arguments: ["--lang", "en"])
        let docx = try Data(contentsOf: ServeFixtures.seedDocx)
        try await live(GoujiServer(options: serverOptions())) { client in
            let raw = try await client.execute(uri: "/api/check?name=yueyang-2021-keji.docx", method: .post, body: buffer(docx))
            XCTAssertEqual(raw.status, .ok)
            XCTAssertEqual(raw.headers[.contentType], "application/json; charset=utf-8")
            XCTAssertEqual(raw.headers[HTTPField.Name("X-Gouji-Exit-Code")!], "1")
            XCTAssertEqual(raw.data, expected, "the API's JSON differs from gouji check --format json")
            // The same file as a multipart upload (the name comes from its filename).
            let boundary = "gouji-test-boundary"
            var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nen\r\n".utf8)
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"yueyang-2021-keji.docx\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += docx + Data("\r\n--\(boundary)--\r\n".utf8)
            let form = try await client.execute(uri: "/api/check", method: .post,
                                                headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: buffer(body))
            XCTAssertEqual(form.status, .ok)
            XCTAssertEqual(form.data, expectedEn, "the multipart upload's JSON differs from gouji check --lang en --format json")
        }
    }

    func testOtherFormatsAreTheRenderersOutput() async throws {
        let docx = try Data(contentsOf: ServeFixtures.seedDocx)
        let results = Pipeline().checkAll(path: ServeFixtures.seedDocx.path).map { r -> CheckResult in
            var r = r; r.path = "seed.docx"; return r
        }
        try await live(GoujiServer(options: serverOptions())) { client in
            for name in ["sarif", "csv", "html"] {
                let renderer = RendererRegistry.renderer(named: name)!
                let response = try await client.execute(uri: "/api/check?name=seed.docx&format=\(name)", method: .post, body: buffer(docx))
                XCTAssertEqual(response.status, .ok, name)
                XCTAssertEqual(response.headers[.contentType], renderer.mediaType)
                XCTAssertEqual(response.text, renderer.render(results, options: RenderOptions(lang: .zh)), name)
            }
            let bad = try await client.execute(uri: "/api/check?format=text", method: .post, body: buffer(docx))
            XCTAssertEqual(bad.status, .badRequest)
            XCTAssertTrue((bad.json["error"] as? String ?? "").contains("format must be one of json, html, sarif, csv"), bad.text)
        }
    }

    func testUploadOverTheLimitIs413() async throws {
        try await live(GoujiServer(options: serverOptions { $0.maxUploadBytes = 1000 })) { client in
            let response = try await client.execute(uri: "/api/check?name=big.txt", method: .post, body: buffer(Data(repeating: 0x41, count: 5000)))
            XCTAssertEqual(response.status, .contentTooLarge)
            XCTAssertEqual(response.json["error"] as? String, "upload is larger than the limit of 1000 bytes (see --max-upload)")
            let small = try await client.execute(uri: "/api/check?name=small.txt", method: .post, body: buffer(Data("项目资金9783.6万元。\n".utf8)))
            XCTAssertEqual(small.status, .ok)
        }
    }

    func testUnreadableFileIs422WithTheReadersReason() async throws {
        try await live(GoujiServer(options: serverOptions())) { client in
            let notDocx = try await client.execute(uri: "/api/check?name=report.docx", method: .post, body: buffer(Data("plain words".utf8)))
            XCTAssertEqual(notDocx.status, .unprocessableContent)
            XCTAssertEqual(notDocx.json["error"] as? String, "not a valid .docx (no zip signature)")
            let empty = try await client.execute(uri: "/api/check?name=empty.txt", method: .post, body: buffer(Data()))
            XCTAssertEqual(empty.status, .unprocessableContent)
            XCTAssertEqual(empty.json["error"] as? String, "file is empty")
            let truncated = try Data(contentsOf: ServeFixtures.root.appendingPathComponent("Corpus/hostile/truncated.docx"))
            let broken = try await client.execute(uri: "/api/annotate?name=t.docx", method: .post, body: buffer(truncated))
            XCTAssertEqual(broken.status, .unprocessableContent)
            XCTAssertFalse((broken.json["error"] as? String ?? "").isEmpty)
        }
    }

    func testBusyServerAnswers503WithRetryAfter() async throws {
        let server = GoujiServer(options: serverOptions { $0.maxConcurrent = 2; $0.queue = 0 })
        let gate = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        // Take both slots with jobs that wait for the gate.
        for _ in 0..<2 { XCTAssertNotNil(server.slots.submit { started.signal(); gate.wait() }) }
        started.wait(); started.wait()
        XCTAssertNil(server.slots.submit { }, "a third job must be refused")
        try await live(server) { client in
            let text = buffer(Data("项目资金9783.6万元。\n".utf8))
            let busy = try await client.execute(uri: "/api/check?name=a.txt", method: .post, body: text)
            XCTAssertEqual(busy.status, .serviceUnavailable)
            XCTAssertEqual(busy.headers[.retryAfter], "1")
            XCTAssertEqual(busy.json["error"] as? String, "all check slots are busy; retry shortly")
            // Health and rules need no slot.
            let health = try await client.execute(uri: "/api/health", method: .get)
            XCTAssertEqual(health.status, .ok)
            XCTAssertEqual(health.json["running"] as? Int, 2)
            gate.signal(); gate.signal()
            var status = HTTPResponse.Status.serviceUnavailable
            for _ in 0..<50 where status == .serviceUnavailable {
                status = try await client.execute(uri: "/api/check?name=a.txt", method: .post, body: text).status
                if status == .serviceUnavailable { try await Task.sleep(for: .milliseconds(20)) }
            }
            XCTAssertEqual(status, .ok, "once the slots are free the check runs")
        }
    }

    func testQueuedRequestWaitsForASlotAndTimesOutAfterTheLimit() async throws {
        let server = GoujiServer(options: serverOptions { $0.maxConcurrent = 1; $0.queue = 1; $0.timeoutSeconds = 0.5 })
        let gate = DispatchSemaphore(value: 0)
        XCTAssertNotNil(server.slots.submit { gate.wait() })
        try await live(server) { client in
            let text = buffer(Data("项目资金9783.6万元。\n".utf8))
            // Queued behind the blocked job past the time limit: 504, and its job never runs.
            let late = try await client.execute(uri: "/api/check?name=a.txt", method: .post, body: text)
            XCTAssertEqual(late.status, .gatewayTimeout)
            XCTAssertEqual(late.json["error"] as? String, "the check took longer than the time limit of 0.5s (see --timeout)")
            // Queued behind a job that ends soon: served.
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { gate.signal() }
            let served = try await client.execute(uri: "/api/check?name=a.txt", method: .post, body: text)
            XCTAssertEqual(served.status, .ok)
            XCTAssertEqual(server.slots.load.waiting, 0)
        }
    }

    func testRulesHealthAndOpenAPI() async throws {
        try await live(GoujiServer(options: serverOptions())) { client in
            let health = try await client.execute(uri: "/api/health", method: .get)
            XCTAssertEqual(health.status, .ok)
            XCTAssertEqual(health.json["status"] as? String, "ok")
            let rules = try await client.execute(uri: "/api/rules?lang=en", method: .get)
            XCTAssertEqual(rules.status, .ok)
            let list = rules.json["rules"] as? [[String: Any]] ?? []
            XCTAssertEqual(list.count, RuleRegistry.descriptions.count)
            let n01 = list.first { $0["id"] as? String == "N01" }
            XCTAssertNotNil(n01)
            XCTAssertEqual(n01?["description"] as? String, RuleRegistry.descriptions.first { $0.id == "N01" }?.summary.text(.en))
            XCTAssertFalse((n01?["example"] as? String ?? "").isEmpty)
            let badLang = try await client.execute(uri: "/api/rules?lang=fr", method: .get)
            XCTAssertEqual(badLang.status, .badRequest)
            let spec = try await client.execute(uri: "/api/openapi.yaml", method: .get)
            XCTAssertEqual(spec.status, .ok)
            XCTAssertTrue(spec.text.hasPrefix("openapi: 3."))
            for path in ["/api/check:", "/api/annotate:", "/api/fix:", "/api/rules:", "/api/health:"] {
                XCTAssertTrue(spec.text.contains(path), path)
            }
            let missing = try await client.execute(uri: "/nothing", method: .get)
            XCTAssertEqual(missing.status, .notFound)
            XCTAssertNotNil(missing.json["error"] as? String, missing.text)
        }
    }

    func testAnnotateAnswersADocxWithComments() async throws {
        let docx = try Data(contentsOf: ServeFixtures.seedDocx)
        try await live(GoujiServer(options: serverOptions())) { client in
            let response = try await client.execute(uri: "/api/annotate?name=%E5%B2%B3%E9%98%B3.docx", method: .post, body: buffer(docx))
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers[.contentType], "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            XCTAssertTrue(response.headers[.contentDisposition]?.contains("filename*=UTF-8''%E5%B2%B3%E9%98%B3.annotated.docx") == true,
                          response.headers[.contentDisposition] ?? "")
            let comments = Int(response.headers[HTTPField.Name("X-Gouji-Comments")!] ?? "") ?? 0
            XCTAssertGreaterThanOrEqual(comments, 6, "the seed's five errors and more")
            let archive = try Archive(data: response.data, accessMode: .read)
            guard let entry = archive["word/comments.xml"] else { return XCTFail("no word/comments.xml") }
            var xml = Data()
            _ = try archive.extract(entry) { xml.append($0) }
            let text = String(decoding: xml, as: UTF8.self)
            XCTAssertEqual(text.components(separatedBy: "<w:comment ").count - 1, comments)
            XCTAssertTrue(text.contains("F01"), "the malformed 5.8. has its comment")
            XCTAssertNotNil(archive["word/document.xml"])
        }
    }

    func testFixAnswersTheFixedTextAndItsDiff() async throws {
        let text = try Data(contentsOf: ServeFixtures.seedText)
        try await live(GoujiServer(options: serverOptions())) { client in
            let response = try await client.execute(uri: "/api/fix?name=seed.txt", method: .post, body: buffer(text))
            XCTAssertEqual(response.status, .ok)
            let json = response.json
            XCTAssertEqual(json["changed"] as? Bool, true)
            let diff = json["diff"] as? String ?? ""
            XCTAssertTrue(diff.hasPrefix("--- a/seed.txt\n+++ b/seed.txt\n"), diff)
            XCTAssertTrue(diff.contains("\n-\t5.8.\n"), diff)
            XCTAssertTrue(diff.contains("\n+\t5.8\n"), diff)
            let fixed = json["text"] as? String ?? ""
            XCTAssertTrue(fixed.contains("\t5.8\n") && !fixed.contains("\t5.8.\n"))
            let applied = json["applied"] as? [[String: Any]] ?? []
            XCTAssertTrue(applied.contains { $0["original"] as? String == "5.8." && $0["replacement"] as? String == "5.8" })
            // The fixed text checks without the F01.
            let again = try await client.execute(uri: "/api/check?name=seed.txt", method: .post, body: buffer(Data(fixed.utf8)))
            XCTAssertFalse(again.text.contains("\"rule\" : \"F01\""))
            let docx = try Data(contentsOf: ServeFixtures.seedDocx)
            let refused = try await client.execute(uri: "/api/fix?name=seed.docx", method: .post, body: buffer(docx))
            XCTAssertEqual(refused.status, .unprocessableContent)
        }
    }

    func testDocumentMarkupIsEscapedInTheHTMLReport() async throws {
        let hostile = "项目资金情况\n共争取资金9783.6万元，其中A 660万元、B 5623.6万元。<script>alert('x')</script>\" onmouseover=\"alert(1)\n"
        try await live(GoujiServer(options: serverOptions())) { client in
            let response = try await client.execute(uri: "/api/check?name=x%22%3E%3Cscript%3E.txt&format=html", method: .post,
                                                    body: buffer(Data(hostile.utf8)))
            XCTAssertEqual(response.status, .ok)
            let html = response.text
            XCTAssertFalse(html.contains("<script>alert"), "document markup reached the page")
            XCTAssertFalse(html.contains("\" onmouseover=\""))
            XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot; onmouseover=&quot;alert("), "the markup is shown as text")
            XCTAssertFalse(html.contains("x\"><script>.txt"), "the file name reached the page unescaped")
            // The report's own inline script runs under its own policy; the page's is strict.
            XCTAssertTrue(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'none'") == true)
            let view = try await client.execute(uri: "/api/view?name=x.txt", method: .post, body: buffer(Data(hostile.utf8)))
            XCTAssertEqual(view.status, .ok)
            XCTAssertTrue(view.text.contains("<script>alert('x')</script>"), "the view carries the text as data, for textContent")
        }
    }

    func testPageAndScriptAreServedUnderAStrictPolicy() async throws {
        try await live(GoujiServer(options: serverOptions())) { client in
            let page = try await client.execute(uri: "/", method: .get)
            XCTAssertEqual(page.status, .ok)
            XCTAssertEqual(page.headers[.contentType], "text/html; charset=utf-8")
            let policy = page.headers[.contentSecurityPolicy] ?? ""
            XCTAssertTrue(policy.hasPrefix("default-src 'self'"), policy)
            XCTAssertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy)
            XCTAssertTrue(page.text.contains("<script src=\"/app.js\" defer></script>"))
            XCTAssertFalse(page.text.contains("<script>"), "no inline script")
            XCTAssertFalse(page.text.contains("http://") || page.text.contains("https://"), "nothing from elsewhere")
            let script = try await client.execute(uri: "/app.js", method: .get)
            XCTAssertEqual(script.status, .ok)
            XCTAssertEqual(script.headers[.contentType], "text/javascript; charset=utf-8")
            XCTAssertFalse(script.text.contains("innerHTML") || script.text.contains("eval("), "the page builds its DOM with textContent")
            let style = try await client.execute(uri: "/report.css", method: .get)
            XCTAssertEqual(style.text, HTMLRenderer.css)
        }
    }

    func testAccessLogHasNoDocumentContent() async throws {
        let lines = LogLines()
        let server = GoujiServer(options: serverOptions { $0.accessLog = { lines.append($0) } })
        try await live(server) { client in
            _ = try await client.execute(uri: "/api/check?name=secret-name.txt", method: .post, body: buffer(Data("机密项目资金9783.6万元。\n".utf8)))
            _ = try await client.execute(uri: "/api/health", method: .get)
        }
        let all = lines.all
        XCTAssertEqual(all.count, 2, "\(all)")
        XCTAssertNotNil(all.first?.range(of: #"^POST /api/check 200 \d+ \d+\.\dms$"#, options: .regularExpression), all.first ?? "")
        XCTAssertNotNil(all.last?.range(of: #"^GET /api/health 200 \d+ \d+\.\dms$"#, options: .regularExpression), all.last ?? "")
        XCTAssertFalse(all.joined().contains("secret") || all.joined().contains("机密"))
    }
}
