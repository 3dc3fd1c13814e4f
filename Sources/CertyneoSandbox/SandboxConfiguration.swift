/// How a ``SandboxServer`` listens and behaves.
///
/// The defaults mirror the production API: a token bucket of 200 requests refilled at 100 per
/// minute per key, uploads up to 25 MiB, an ephemeral port on the loopback interface.
public struct SandboxConfiguration: Sendable {
    /// The address to bind; `127.0.0.1` keeps the sandbox private to this machine.
    public var host: String = "127.0.0.1"
    /// The port to bind; `0` picks a free ephemeral port (see ``SandboxInfo/port``).
    public var port: Int = 0
    /// The largest accepted upload (and request body) in bytes; larger ones answer 413.
    public var maxUploadBytes: Int = 25 * 1024 * 1024
    /// The per-key rate limit; `nil` turns rate limiting off.
    public var rateLimit: RateLimit? = RateLimit()
    /// The secret of the key created at start for account 1; `nil` generates a random
    /// `sk_test_` key.
    public var initialAPIKey: String? = nil
    /// Logs one line per request (method, path, status) through swift-log when `true`.
    public var logRequests: Bool = false
    /// Faults injected into a fraction of API requests (429, 503, dropped connections); `nil`, the
    /// default, injects none.
    public var faults: FaultInjection? = nil
    /// How webhook events are delivered: the retry schedule and the time one attempt may take.
    public var webhookDelivery = WebhookDeliveryConfiguration()

    /// A token bucket per API key: every request takes one token.
    public struct RateLimit: Sendable {
        /// The most tokens a bucket holds (the burst size).
        public var capacity: Int = 200
        /// Tokens added back per minute.
        public var refillPerMinute: Double = 100

        public init(capacity: Int = 200, refillPerMinute: Double = 100) {
            self.capacity = capacity
            self.refillPerMinute = refillPerMinute
        }
    }

    public init() {}
}
