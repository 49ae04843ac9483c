import Foundation
@testable import GoujiServer
import XCTest

final class ServerUnitTests: XCTestCase {
    func testSizesAndDurations() {
        XCTAssertEqual(ServerOptions.parseSize("20MB"), 20 << 20)
        XCTAssertEqual(ServerOptions.parseSize("512kb"), 512 << 10)
        XCTAssertEqual(ServerOptions.parseSize("1000"), 1000)
        XCTAssertNil(ServerOptions.parseSize("lots"))
        XCTAssertNil(ServerOptions.parseSize("-1MB"))
        XCTAssertEqual(ServerOptions.parseDuration("30s"), 30)
        XCTAssertEqual(ServerOptions.parseDuration("500ms"), 0.5)
        XCTAssertEqual(ServerOptions.parseDuration("2m"), 120)
        XCTAssertNil(ServerOptions.parseDuration("soon"))
    }

    func testMultipartParts() throws {
        let body = Data("preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nen\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\".txt\"\r\nContent-Type: text/plain\r\n\r\nline1\r\nline2\r\n--XyZ--\r\n".utf8)
        XCTAssertEqual(MultipartForm.boundary(contentType: "multipart/form-data; boundary=\"XyZ\""), "XyZ")
        XCTAssertNil(MultipartForm.boundary(contentType: "text/plain"))
        let form = try MultipartForm(body: body, boundary: "XyZ")
        XCTAssertEqual(form.field("lang"), "en")
        XCTAssertEqual(form.file?.filename, "a \"b\".txt")
        XCTAssertEqual(form.file.map { String(decoding: $0.data, as: UTF8.self) }, "line1\r\nline2")
        XCTAssertThrowsError(try MultipartForm(body: Data("--XyZ\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nno end".utf8), boundary: "XyZ"))
    }

    func testNamesAreReducedToTheirLastComponent() {
        XCTAssertEqual(Upload.safeName("../../etc/passwd"), "passwd")
        XCTAssertEqual(Upload.safeName("C:\\x\\报告.docx"), "报告.docx")
        XCTAssertEqual(Upload.safeName(nil), "document")
        XCTAssertEqual(Upload.safeName("a\u{0}b\nc.txt"), "abc.txt")
    }

    func testSlotsRunAtMostTheCapAndHandOverToTheQueue() {
        let slots = CheckSlots(capacity: 2, queueLimit: 1)
        let gate = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        final class Counter: @unchecked Sendable {
            let lock = NSLock()
            var running = 0, peak = 0
            func enter() { lock.lock(); running += 1; peak = max(peak, running); lock.unlock() }
            func leave() { lock.lock(); running -= 1; lock.unlock() }
        }
        let counter = Counter()
        let started = DispatchSemaphore(value: 0)
        let job: @Sendable () -> Void = {
            counter.enter()
            started.signal()
            gate.wait()
            counter.leave()
            done.signal()
        }
        XCTAssertNotNil(slots.submit(job))
        XCTAssertNotNil(slots.submit(job))
        XCTAssertNotNil(slots.submit(job), "one queue place")
        XCTAssertNil(slots.submit(job), "slots and queue full")
        XCTAssertTrue(slots.isFull)
        started.wait(); started.wait()
        XCTAssertEqual(slots.load.running, 2)
        XCTAssertEqual(slots.load.waiting, 1)
        // A withdrawn job never runs; a fresh one takes its place in the queue.
        let withdrawn = slots.submit { XCTFail("withdrawn job ran") }
        XCTAssertNil(withdrawn, "still full")
        gate.signal(); started.wait() // the first ends, the queued one starts
        XCTAssertEqual(counter.peak, 2)
        guard let ticket = slots.submit({ XCTFail("withdrawn job ran") }) else { return XCTFail("a queue place is free") }
        XCTAssertTrue(slots.withdraw(ticket))
        XCTAssertFalse(slots.withdraw(ticket))
        for _ in 0..<2 { gate.signal() }
        for _ in 0..<3 { done.wait() }
        XCTAssertEqual(counter.peak, 2)
        // Let the last job's thread hand its slot back.
        for _ in 0..<100 where slots.load.running > 0 { usleep(1000) }
        XCTAssertEqual(slots.load.running, 0)
        XCTAssertFalse(slots.isFull)
    }
}
