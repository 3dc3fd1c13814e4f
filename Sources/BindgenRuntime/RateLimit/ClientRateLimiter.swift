/// A client-side token bucket per API key, so that a client stays within the server's rate limit
/// instead of running into 429s.
///
/// Each bucket holds up to ``Configuration/capacity`` tokens and gains
/// ``Configuration/refillPerMinute`` per minute, continuously. Every attempt of every call (retries
/// included) takes one token; when none is left, the attempt waits until one is due. A 429 answer
/// with `Retry-After` pauses the key's bucket until that delay has passed.
///
/// Buckets are keyed by the credential of ``ClientConfiguration/authentication`` (the secret stays in
/// memory and is never printed). Clients made from one another with ``APIClient/with(_:)`` share
/// the limiter; give two independently built clients the same instance to share their buckets.
///
/// The defaults, 200 tokens refilled at 100 per minute, are the Certyneo API's limit. Switch the
/// limiter off with `configuration.rateLimiter = nil`.
public actor ClientRateLimiter {
    /// The size and refill rate of each bucket.
    public struct Configuration: Sendable, Hashable {
        /// The most tokens a bucket holds: the largest burst. At least 1.
        public var capacity: Int
        /// Tokens added per minute.
        public var refillPerMinute: Double

        /// Creates a bucket configuration; defaults: capacity 200, 100 tokens per minute.
        public init(capacity: Int = 200, refillPerMinute: Double = 100) {
            self.capacity = capacity
            self.refillPerMinute = refillPerMinute
        }
    }

    /// The outcome of ``reserve(key:now:maxWait:)``.
    enum Reservation: Sendable, Equatable {
        /// A token is reserved; send after waiting this long (zero: at once).
        case granted(wait: Duration)
        /// A token would come only after this wait, longer than allowed; nothing was reserved.
        case refused(wait: Duration)
    }

    private struct Bucket {
        var tokens: Double
        var updatedAt: Duration
        var pausedUntil: Duration?
    }

    /// The bucket configuration.
    public let configuration: Configuration
    private let capacity: Double
    private let refillPerSecond: Double
    private var buckets: [String: Bucket] = [:]

    /// Creates a limiter whose buckets start full.
    public init(_ configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.capacity = Double(max(configuration.capacity, 1))
        self.refillPerSecond = max(configuration.refillPerMinute, 0) / 60
    }

    /// Takes a token for `key`, possibly one that only becomes available later.
    /// - Parameters:
    ///   - key: The bucket's key.
    ///   - now: The current time of the client's ``ClientClock``.
    ///   - maxWait: The longest acceptable wait; a longer one reserves nothing.
    func reserve(key: String, now: Duration, maxWait: Duration) -> Reservation {
        var bucket = refilled(key, now: now)
        bucket.tokens -= 1
        var wait = Duration.zero
        if bucket.tokens < 0 {
            guard refillPerSecond > 0 else { return .refused(wait: RetryAfter.maximumDelay) }
            // Whole milliseconds, rounded up after rounding away floating-point noise.
            let microseconds = (-bucket.tokens / refillPerSecond * 1_000_000).rounded()
            wait = .milliseconds(Int64((microseconds / 1000).rounded(.up)))
        }
        if let pausedUntil = bucket.pausedUntil, pausedUntil > now {
            wait = max(wait, pausedUntil - now)
        }
        guard wait <= maxWait else { return .refused(wait: wait) }
        buckets[key] = bucket
        return .granted(wait: wait)
    }

    /// Gives back a token reserved by ``reserve(key:now:maxWait:)`` that was not used (the call was
    /// cancelled while waiting for it).
    func refund(key: String) {
        guard var bucket = buckets[key] else { return }
        bucket.tokens = min(capacity, bucket.tokens + 1)
        buckets[key] = bucket
    }

    /// Holds every attempt with `key` until `duration` after `now` (after a 429 with
    /// `Retry-After`). A shorter pause never shortens one already in force.
    func pause(key: String, for duration: Duration, now: Duration) {
        var bucket = refilled(key, now: now)
        let until = now + max(duration, .zero)
        bucket.pausedUntil = max(bucket.pausedUntil ?? until, until)
        buckets[key] = bucket
    }

    /// The tokens `key`'s bucket holds at `now` (negative while attempts wait for tokens).
    func tokens(key: String, now: Duration) -> Double {
        refilled(key, now: now).tokens
    }

    private func refilled(_ key: String, now: Duration) -> Bucket {
        var bucket = buckets[key] ?? Bucket(tokens: capacity, updatedAt: now, pausedUntil: nil)
        let elapsed = max(now - bucket.updatedAt, .zero)
        bucket.tokens = min(capacity, bucket.tokens + elapsed.timeInterval * refillPerSecond)
        bucket.updatedAt = max(now, bucket.updatedAt)
        if let pausedUntil = bucket.pausedUntil, pausedUntil <= now { bucket.pausedUntil = nil }
        return bucket
    }
}
