import Foundation

/// Runs a blocking job through the check slots and waits for it at most `seconds`.
/// The job keeps its slot until it really ends (a check cannot be interrupted), so a request
/// that timed out never lets more checks run than the cap.
enum Deadline {
    enum Outcome<T: Sendable>: Sendable { case done(T), timedOut, busy }

    static func run<T: Sendable>(in slots: CheckSlots, seconds: Double, _ work: @escaping @Sendable () -> T) async -> Outcome<T> {
        await withCheckedContinuation { (continuation: CheckedContinuation<Outcome<T>, Never>) in
            let once = Once(continuation)
            let ticket = slots.submit {
                let value = work()
                once.resolve(.done(value))
            }
            guard let ticket else { once.resolve(.busy); return }
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                // A job still queued is withdrawn; a running one keeps its slot to its end.
                slots.withdraw(ticket)
                once.resolve(.timedOut)
            }
        }
    }

    /// A continuation resumed exactly once, by whichever comes first.
    final class Once<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<Outcome<T>, Never>?

        init(_ continuation: CheckedContinuation<Outcome<T>, Never>) { self.continuation = continuation }

        func resolve(_ outcome: Outcome<T>) {
            lock.lock()
            let c = continuation
            continuation = nil
            lock.unlock()
            c?.resume(returning: outcome)
        }
    }
}
