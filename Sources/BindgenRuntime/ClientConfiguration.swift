import Foundation
public import Logging

/// Everything an ``APIClient`` needs besides the operation itself.
///
/// ```swift
/// var configuration = ClientConfiguration(
///     serverURL: URL(string: "https://certyneo.com/api/v1")!,
///     authentication: .bearer(token),
///     timeout: .seconds(30))
/// configuration.retryPolicy.maxRetries = 4
/// configuration.middlewares = [LoggingMiddleware(logger: logger)]
/// ```
///
/// Per-call settings: derive a client with ``APIClient/with(_:)`` (a cheap copy sharing transport and
/// rate limiter), e.g. `client.with { $0.deadline = .seconds(5) }`.
public struct ClientConfiguration: Sendable {
    /// The server base URL, e.g. `https://certyneo.com/api/v1`. Operation paths are appended to its
    /// path (`/api/v1` + `/envelopes` → `/api/v1/envelopes`), a trailing `/` is ignored, and its
    /// query and fragment are dropped.
    public var serverURL: URL
    /// Credentials applied to every request; `nil` sends none.
    public var authentication: Authentication?
    /// The HTTP transport.
    public var transport: any ClientTransport
    /// The `User-Agent` header value (RFC 9110 §10.1.5); an empty string sends none.
    public var userAgent: String
    /// Per-attempt timeout; `nil` leaves the transport's default. For ``URLSessionTransport`` an
    /// idle timeout, in the `Duration`'s units (e.g. `.seconds(30)`, `.milliseconds(500)`).
    public var timeout: Duration?
    /// The longest a whole call may take, all attempts and waits included; `nil` (the default) sets
    /// no limit. When it passes the call throws ``ClientError/timedOut(operationID:)``; a retry
    /// whose wait would end after it is not made (the last answer or error is reported instead).
    /// Waits are measured on ``clock``; an exchange in flight is cut off in real time, and each
    /// attempt's transport timeout is at most the time left.
    public var deadline: Duration?
    /// When and how long to retry; ``RetryPolicy/default`` retries twice.
    public var retryPolicy: RetryPolicy
    /// The client-side token bucket per credential; `nil` switches client-side rate limiting off.
    /// Defaults to a new ``ClientRateLimiter`` with 200 tokens refilled at 100 per minute.
    public var rateLimiter: ClientRateLimiter?
    /// Interceptors around each attempt, outermost first (see ``ClientMiddleware``).
    public var middlewares: [any ClientMiddleware]
    /// The header that carries an idempotency key: every POST without one gets a new UUID in it,
    /// the same for all retries of the call, and a request carrying it counts as replay-safe for
    /// ``RetryPolicy``. `nil` adds no keys. Default `"Idempotency-Key"`.
    public var idempotencyKeyHeader: String?
    /// The clock of retry and rate-limit waits; inject ``ImmediateClock`` in tests.
    public var clock: any ClientClock
    /// The random numbers of the retry jitter; inject ``RandomSource/constant(_:)`` in tests.
    public var random: RandomSource
    /// Where the client reports retries and rate-limit waits (at `.debug`); `nil` (the default)
    /// logs nothing. Requests and responses are logged by ``LoggingMiddleware``.
    public var logger: Logger?
    /// Encodes JSON request bodies; defaults to `JSONEncoder.bindgen`.
    /// Treat it as immutable once the configuration is in use: it is shared by concurrent calls.
    public var encoder: JSONEncoder
    /// Decodes JSON response bodies; defaults to `JSONDecoder.bindgen`.
    /// Treat it as immutable once the configuration is in use: it is shared by concurrent calls.
    public var decoder: JSONDecoder

    /// The default ``userAgent``: `"BindgenRuntime/0.1 (Swift)"`.
    public static let defaultUserAgent = "BindgenRuntime/0.1 (Swift)"

    /// Creates a configuration with the `.bindgen` JSON coders.
    /// - Parameters:
    ///   - serverURL: Base URL; must be absolute with a scheme and host (checked on each send).
    ///   - authentication: Credentials for every request.
    ///   - transport: Defaults to ``URLSessionTransport`` on `URLSession.shared`.
    ///   - userAgent: Defaults to ``defaultUserAgent``.
    ///   - timeout: Per-attempt timeout; `nil` for the transport default.
    ///   - retryPolicy: Defaults to ``RetryPolicy/default``.
    ///   - rateLimiter: Defaults to a new limiter with the Certyneo limit; `nil` for none.
    ///   - middlewares: Interceptors, outermost first.
    public init(serverURL: URL, authentication: Authentication? = nil,
                transport: any ClientTransport = URLSessionTransport(),
                userAgent: String = ClientConfiguration.defaultUserAgent, timeout: Duration? = nil,
                retryPolicy: RetryPolicy = .default, rateLimiter: ClientRateLimiter? = ClientRateLimiter(),
                middlewares: [any ClientMiddleware] = []) {
        self.serverURL = serverURL
        self.authentication = authentication
        self.transport = transport
        self.userAgent = userAgent
        self.timeout = timeout
        self.deadline = nil
        self.retryPolicy = retryPolicy
        self.rateLimiter = rateLimiter
        self.middlewares = middlewares
        self.idempotencyKeyHeader = "Idempotency-Key"
        self.clock = SystemClientClock()
        self.random = .system
        self.logger = nil
        self.encoder = .bindgen
        self.decoder = .bindgen
    }
}
