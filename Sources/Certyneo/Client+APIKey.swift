public import BindgenRuntime
public import Foundation

extension Client {
    /// The local sandbox's base URL for a port: `http://127.0.0.1:PORT/api/v1` (see `certyneo sandbox`).
    public static func sandboxServerURL(port: Int) -> URL {
        URL(string: "http://127.0.0.1:\(port)/api/v1") ?? defaultServerURL
    }

    /// A client authenticated with a Certyneo API key.
    ///
    /// The client retries (`RetryPolicy.default`: twice, after connection errors,
    /// 408, 429 and 5xx), adds an `Idempotency-Key` to every POST, keeps to the API's rate limit with
    /// a client-side token bucket (200 requests, refilled at 100 per minute) and sends
    /// ``CertyneoSDK/userAgent``. Change any of it with ``with(_:)``.
    ///
    /// - Parameters:
    ///   - apiKey: A secret key, `sk_test_…` (test environment, or the sandbox) or `sk_live_…`; sent as
    ///     `Authorization: Bearer <key>` (RFC 6750) and never printed by the SDK.
    ///   - serverURL: `https://certyneo.com/api/v1` by default; the sandbox prints its own.
    ///   - transport: How requests travel; `URLSessionTransport` by default.
    ///   - timeout: Per-attempt timeout; `nil` leaves the transport's default (60 seconds for URLSession).
    public init(
        apiKey: String,
        serverURL: URL = Client.defaultServerURL,
        transport: any ClientTransport = URLSessionTransport(),
        timeout: Duration? = nil
    ) {
        self.init(runtime: APIClient(configuration: ClientConfiguration(
            serverURL: serverURL, authentication: .bearer(apiKey), transport: transport,
            userAgent: CertyneoSDK.userAgent, timeout: timeout)))
    }
}
