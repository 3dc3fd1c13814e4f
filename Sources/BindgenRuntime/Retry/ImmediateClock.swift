import Foundation

/// A ``ClientClock`` for tests on which every sleep returns at once, after moving the clock
/// forward to its deadline: retries, `Retry-After` waits and rate-limit pauses happen in virtual
/// time only, and the waits can be read back from ``sleeps``.
///
/// ```swift
/// let clock = ImmediateClock()
/// let client = APIClient(configuration: configuration).with { $0.clock = clock }
/// _ = try await client.send(request)        // retried twice after 503, no wall time spent
/// #expect(clock.sleeps.count == 2)
/// ```
///
/// Only the waits of ``APIClient`` run on this clock; HTTP exchanges take the real time they take,
/// and the per-call deadline of an exchange in flight is enforced in real time (see
/// ``ClientConfiguration/deadline``).
public final class ImmediateClock: ClientClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Duration
    private var recorded: [Duration] = []
    private let startDate: Date

    /// Creates a clock at `now` whose wall clock reads `startDate` at time zero.
    /// - Parameters:
    ///   - now: The initial monotonic time.
    ///   - startDate: The wall-clock time at monotonic time zero.
    public init(now: Duration = .zero, startDate: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        self.current = now
        self.startDate = startDate
    }

    /// The current virtual time.
    public var now: Duration { lock.withLock { current } }

    /// `startDate` plus ``now``.
    public var wallClock: Date {
        startDate.addingTimeInterval(now.timeInterval)
    }

    /// Every wait so far, in order, as the time it moved the clock forward (zero for a wait whose
    /// deadline had already passed).
    public var sleeps: [Duration] { lock.withLock { recorded } }

    /// The sum of ``sleeps``.
    public var totalSlept: Duration { sleeps.reduce(.zero, +) }

    /// Moves the clock forward by `duration` (nothing for zero or negative durations).
    public func advance(by duration: Duration) {
        lock.withLock { current += max(duration, .zero) }
    }

    /// Moves the clock to `deadline` when it is later, records the wait and yields once.
    /// - Throws: `CancellationError` when the task is cancelled.
    public func sleep(until deadline: Duration) async throws {
        try Task.checkCancellation()
        lock.withLock {
            let step = max(deadline - current, .zero)
            current += step
            recorded.append(step)
        }
        await Task.yield()
        try Task.checkCancellation()
    }
}
