/// A token bucket per API key: `capacity` tokens, refilled continuously at
/// `refillPerMinute / 60` per second; each request takes one.
actor RateLimiter {
    private struct Bucket {
        var tokens: Double
        var updatedAt: ContinuousClock.Instant
    }

    private let capacity: Double
    private let refillPerSecond: Double
    private let clock = ContinuousClock()
    private var buckets: [String: Bucket] = [:]

    init(_ limit: SandboxConfiguration.RateLimit) {
        self.capacity = Double(max(limit.capacity, 1))
        self.refillPerSecond = max(limit.refillPerMinute, 0) / 60
    }

    /// Takes a token for `key`; returns `nil` when the request may go on, else the whole seconds
    /// (at least 1) until a token is back.
    func take(for key: String) -> Int? {
        let now = clock.now
        var bucket = buckets[key] ?? Bucket(tokens: capacity, updatedAt: now)
        let elapsed = bucket.updatedAt.duration(to: now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        bucket.tokens = min(capacity, bucket.tokens + seconds * refillPerSecond)
        bucket.updatedAt = now
        defer { buckets[key] = bucket }
        if bucket.tokens >= 1 {
            bucket.tokens -= 1
            return nil
        }
        guard refillPerSecond > 0 else { return 60 }
        let wait = ((1 - bucket.tokens) / refillPerSecond).rounded(.up)
        return max(1, Int(min(wait, 86_400)))
    }
}
