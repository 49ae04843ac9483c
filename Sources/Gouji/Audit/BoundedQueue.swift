import Foundation

/// A blocking FIFO with a fixed capacity, shared by threads: `push` waits while the queue is
/// full, `pop` waits while it is empty. This is what keeps a batch's memory bounded: the walker
/// can run at most `capacity` paths ahead of the workers, and the workers at most `capacity`
/// results ahead of the writer, whatever the size of the archive.
final class BoundedQueue<Element>: @unchecked Sendable {
    enum Pop { case value(Element), timedOut, closed }

    private let condition = NSCondition()
    private var items: [Element?]
    private var head = 0, count = 0
    private var closed = false

    init(capacity: Int) {
        precondition(capacity > 0)
        items = Array(repeating: nil, count: capacity)
    }

    /// Appends, waiting for room. Returns false (and drops the element) once the queue is closed.
    @discardableResult
    func push(_ element: Element) -> Bool {
        condition.lock(); defer { condition.unlock() }
        while count == items.count && !closed { condition.wait() }
        if closed { return false }
        items[(head + count) % items.count] = element
        count += 1
        condition.broadcast()
        return true
    }

    /// The next element; waits until one arrives, the queue is closed and drained, or `deadline`.
    func pop(until deadline: Date? = nil) -> Pop {
        condition.lock(); defer { condition.unlock() }
        while count == 0 && !closed {
            if let deadline {
                if !condition.wait(until: deadline) && count == 0 { return closed ? .closed : .timedOut }
            } else {
                condition.wait()
            }
        }
        if count == 0 { return .closed }
        let element = items[head]!
        items[head] = nil
        head = (head + 1) % items.count
        count -= 1
        condition.broadcast()
        return .value(element)
    }

    /// No more pushes; pops drain what is left, then return `.closed`.
    func close() {
        condition.lock(); closed = true; condition.broadcast(); condition.unlock()
    }

    /// Closes and discards everything queued (used to stop early on a fatal error).
    func cancel() {
        condition.lock(); closed = true
        for i in items.indices { items[i] = nil }
        count = 0
        condition.broadcast(); condition.unlock()
    }
}
