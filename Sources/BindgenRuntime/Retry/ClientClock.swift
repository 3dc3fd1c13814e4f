import Foundation

/// The time source of ``APIClient``'s waits: retry backoff, `Retry-After` and the client-side
/// rate limiter. Inject one (``ClientConfiguration/clock``) to run those waits in no wall time in
/// tests, e.g. ``ImmediateClock``.
///
/// Times are `Duration`s since an arbitrary, fixed origin of the clock, so a clock needs no
/// instant type of its own.
public protocol ClientClock: Sendable {
    /// Monotonic time since the clock's origin; never goes backwards.
    var now: Duration { get }
    /// The wall-clock time, used to turn a `Retry-After` HTTP-date into a delay.
    var wallClock: Date { get }
    /// Suspends until ``now`` has reached `deadline`; returns at once when it already has.
    /// - Throws: `CancellationError` when the calling task is cancelled while waiting.
    func sleep(until deadline: Duration) async throws
}

extension ClientClock {
    /// Suspends for `duration` (none when zero or negative).
    /// - Throws: `CancellationError` when the calling task is cancelled while waiting.
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: now + duration)
    }
}

/// The real clock: `ContinuousClock` (monotonic, advancing while the system sleeps) and `Date()`.
public struct SystemClientClock: ClientClock {
    private let origin: ContinuousClock.Instant

    /// Creates a clock whose origin is the moment of creation.
    public init() {
        origin = ContinuousClock.now
    }

    /// The time since the clock was created.
    public var now: Duration { ContinuousClock.now - origin }

    /// `Date()`.
    public var wallClock: Date { Date() }

    /// `ContinuousClock().sleep(until:)`.
    public func sleep(until deadline: Duration) async throws {
        try await ContinuousClock().sleep(until: origin + deadline, tolerance: nil)
    }
}
