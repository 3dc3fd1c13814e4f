import Foundation

/// When the sandbox tries a webhook delivery again: a bounded exponential back-off.
///
/// Attempt 1 goes out at once; after a failed attempt `n` (a non-2xx answer, a refused
/// connection, a timeout) the next waits `initialDelay × multiplier^(n−1)`, at most
/// `maximumDelay`, until `maximumAttempts` attempts have been made. The defaults wait 5, 10, 20,
/// 40, 80, 160 and 320 seconds (8 attempts over about 10 minutes); tests use milliseconds:
///
/// ```swift
/// configuration.webhookDelivery.retries = WebhookRetrySchedule(
///     maximumAttempts: 20, initialDelay: .milliseconds(20), maximumDelay: .milliseconds(200))
/// ```
public struct WebhookRetrySchedule: Sendable, Equatable {
    /// Attempts in all, the first included; values below 1 count as 1.
    public var maximumAttempts: Int
    /// The wait after the first failed attempt.
    public var initialDelay: Duration
    /// The factor each further wait grows by; values below 1 count as 1.
    public var multiplier: Double
    /// The longest single wait.
    public var maximumDelay: Duration

    public init(
        maximumAttempts: Int = 8, initialDelay: Duration = .seconds(5), multiplier: Double = 2,
        maximumDelay: Duration = .seconds(3600)
    ) {
        self.maximumAttempts = maximumAttempts
        self.initialDelay = initialDelay
        self.multiplier = multiplier
        self.maximumDelay = maximumDelay
    }

    /// The wait before the attempt after attempt `attempt` (1-based) failed, or `nil` when that
    /// was the last one.
    public func delay(afterAttempt attempt: Int) -> Duration? {
        guard attempt >= 1, attempt < max(maximumAttempts, 1) else { return nil }
        let initial = Self.seconds(initialDelay), ceiling = Self.seconds(maximumDelay)
        let grown = initial * pow(max(multiplier, 1), Double(attempt - 1))
        let wait = min(grown.isFinite ? grown : ceiling, ceiling)
        return .seconds(max(wait, 0))
    }

    /// Every wait in order: `maximumAttempts − 1` of them.
    public var delays: [Duration] {
        (1..<max(maximumAttempts, 1)).compactMap { delay(afterAttempt: $0) }
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
