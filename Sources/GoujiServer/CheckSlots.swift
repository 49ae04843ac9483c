import Foundation

/// The cap on concurrent checks: `capacity` jobs run at once, each on its own thread (a check
/// is CPU-bound and must not block Swift's cooperative pool, which has one thread per core);
/// up to `queueLimit` more wait in order; beyond that a job is refused at once, and the
/// request gets 503. A queued job whose request gave up (time limit) is withdrawn unrun.
public final class CheckSlots: @unchecked Sendable {
    public let capacity: Int
    public let queueLimit: Int
    private let lock = NSLock()
    private var active = 0
    private var pending: [Job] = []
    private var nextTicket: UInt64 = 0

    /// Names a submitted job, to withdraw it while it still waits.
    public typealias Ticket = UInt64

    struct Job {
        var ticket: Ticket
        var work: @Sendable () -> Void
    }

    public init(capacity: Int, queueLimit: Int) {
        self.capacity = max(1, capacity)
        self.queueLimit = max(0, queueLimit)
    }

    /// Checks running and waiting now.
    public var load: (running: Int, waiting: Int) {
        lock.lock(); defer { lock.unlock() }
        return (active, pending.count)
    }

    /// True when a job submitted now would be refused.
    public var isFull: Bool {
        lock.lock(); defer { lock.unlock() }
        return active >= capacity && pending.count >= queueLimit
    }

    /// Runs `work` now or after the jobs ahead of it; nil (and `work` never runs) when all
    /// slots and queue places are taken.
    @discardableResult
    public func submit(_ work: @escaping @Sendable () -> Void) -> Ticket? {
        lock.lock()
        nextTicket += 1
        let job = Job(ticket: nextTicket, work: work)
        if active < capacity {
            active += 1
            lock.unlock()
            start(job)
            return job.ticket
        }
        if pending.count < queueLimit {
            pending.append(job)
            lock.unlock()
            return job.ticket
        }
        lock.unlock()
        return nil
    }

    /// Takes a job out of the queue if it has not started; true when it was withdrawn.
    @discardableResult
    public func withdraw(_ ticket: Ticket) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard let i = pending.firstIndex(where: { $0.ticket == ticket }) else { return false }
        pending.remove(at: i)
        return true
    }

    private func start(_ job: Job) {
        let thread = Thread { [self] in
            job.work()
            finished()
        }
        thread.stackSize = 8 << 20 // deep tables and XML in hostile inputs
        thread.start()
    }

    /// Hands the slot to the next queued job, or frees it.
    private func finished() {
        lock.lock()
        if !pending.isEmpty {
            let next = pending.removeFirst()
            lock.unlock()
            start(next)
            return
        }
        active -= 1
        lock.unlock()
    }
}
