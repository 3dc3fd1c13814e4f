import Foundation

/// When and how long ``APIClient`` waits before sending a request again.
///
/// By default a call is tried up to three times (``maxRetries`` `2`): again after a connection
/// failure or a per-attempt timeout, and after HTTP 408, 429, 500, 502, 503 and 504. Other
/// statuses, all other 4xx among them, are returned at once.
///
/// The wait before retry *n* (0 for the first retry) is the larger of
/// - the exponential backoff `min(baseDelay · 2ⁿ, maxDelay)` shortened by a random jitter of up to
///   ``jitter`` of itself (default: 0.5 s, 1 s, 2 s, … capped at 8 s, each between half and all of
///   that), and
/// - the response's `Retry-After` (RFC 9110 §10.2.3), delay-seconds or an HTTP-date.
///
/// A `Retry-After` longer than ``maxRetryAfter`` (60 s by default) stops retrying instead of
/// sleeping: a 429 then throws ``ClientError/rateLimited(_:)`` carrying the delay, any other
/// status is returned as it is.
///
/// Retrying must not repeat an action the server may already have taken. A request is *replay-safe*
/// when its method is idempotent (RFC 9110 §9.2.2: GET, HEAD, OPTIONS, TRACE, PUT, DELETE) or it
/// carries an `Idempotency-Key` (``ClientConfiguration/idempotencyKeyHeader``; ``APIClient`` adds one
/// to every POST). Others (a PATCH, a POST with automatic keys switched off) are retried only after
/// 408, 429 and 503, which say the request was not processed, unless
/// ``retriesNonReplaySafeRequests`` is `true`.
///
/// ```swift
/// var policy = RetryPolicy.default
/// policy.maxRetries = 5
/// let patient = client.with { $0.retryPolicy = policy }
/// ```
public struct RetryPolicy: Sendable, Hashable {
    /// How many times a call may be sent again after its first attempt; `0` never retries.
    public var maxRetries: Int
    /// The HTTP statuses that are retried.
    public var retryableStatuses: Set<Int>
    /// Whether connection failures (``ClientError/transport(operationID:message:)``) and per-attempt
    /// timeouts (``ClientError/timedOut(operationID:)``) are retried.
    public var retriesConnectionErrors: Bool
    /// The first backoff delay; doubled for each further retry. Default 500 milliseconds.
    public var baseDelay: Duration
    /// The longest backoff delay (before `Retry-After` is considered). Default 8 seconds.
    public var maxDelay: Duration
    /// The fraction of each backoff delay that may be taken away at random, from `0` (no jitter,
    /// exactly `baseDelay · 2ⁿ`) to `1` (anything from zero to that). Default `0.5`.
    public var jitter: Double
    /// The longest `Retry-After` (and client-side rate-limit wait) the client sleeps through.
    /// Default 60 seconds.
    public var maxRetryAfter: Duration
    /// Whether requests that are not replay-safe are retried after connection failures and
    /// statuses such as 500, where the server may have acted. Default `false`.
    public var retriesNonReplaySafeRequests: Bool

    /// Creates a policy; every parameter defaults to the value described on its property.
    public init(maxRetries: Int = 2, retryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504],
                retriesConnectionErrors: Bool = true, baseDelay: Duration = .milliseconds(500),
                maxDelay: Duration = .seconds(8), jitter: Double = 0.5, maxRetryAfter: Duration = .seconds(60),
                retriesNonReplaySafeRequests: Bool = false) {
        self.maxRetries = maxRetries
        self.retryableStatuses = retryableStatuses
        self.retriesConnectionErrors = retriesConnectionErrors
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
        self.maxRetryAfter = maxRetryAfter
        self.retriesNonReplaySafeRequests = retriesNonReplaySafeRequests
    }

    /// Two retries with the backoff described above.
    public static let `default` = RetryPolicy()

    /// Never retries: every call is sent once.
    public static let none = RetryPolicy(maxRetries: 0)

    /// Statuses by which the server says it did not process the request, so that any request
    /// may be sent again.
    static let notProcessedStatuses: Set<Int> = [408, 429, 503]

    /// The backoff before retry `retry` (0 for the first retry), before `Retry-After`.
    /// - Parameters:
    ///   - retry: The number of retries already made.
    ///   - random: A number in `0..<1` from the client's ``RandomSource``; `0` gives the full delay.
    /// - Returns: A delay in `[d · (1 − jitter), d]` with `d = min(baseDelay · 2^retry, maxDelay)`.
    public func backoff(forRetry retry: Int, random: Double) -> Duration {
        let base = max(baseDelay.timeInterval, 0)
        let cap = max(maxDelay.timeInterval, 0)
        let exponent = Double(min(max(retry, 0), 62))
        let full = min(base * pow(2, exponent), cap)
        let fraction = min(max(jitter, 0), 1) * min(max(random, 0), 1)
        return .milliseconds(Int64((full * (1 - fraction) * 1000).rounded()))
    }

    /// The wait before retry `retry`: the larger of the backoff and `retryAfter`.
    func delay(forRetry retry: Int, retryAfter: Duration?, random: Double) -> Duration {
        max(backoff(forRetry: retry, random: random), retryAfter ?? .zero)
    }

    /// Whether a response with `status` may be retried.
    func retries(status: Int, replaySafe: Bool) -> Bool {
        guard retryableStatuses.contains(status) else { return false }
        return replaySafe || retriesNonReplaySafeRequests || Self.notProcessedStatuses.contains(status)
    }

    /// Whether a failed attempt may be retried.
    func retries(_ error: ClientError, replaySafe: Bool) -> Bool {
        switch error {
        case .transport, .timedOut:
            retriesConnectionErrors && (replaySafe || retriesNonReplaySafeRequests)
        default:
            false
        }
    }

    /// RFC 9110 §9.2.2.
    static func isIdempotent(_ method: HTTPMethod) -> Bool {
        [.get, .head, .options, .trace, .put, .delete].contains(method)
    }
}
