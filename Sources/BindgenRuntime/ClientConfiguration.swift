import Foundation

/// Everything an ``APIClient`` needs besides the operation itself.
///
/// ```swift
/// let configuration = ClientConfiguration(
///     serverURL: URL(string: "https://certyneo.com/api/v1")!,
///     authentication: .bearer(token),
///     timeout: .seconds(30))
/// ```
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
    /// Per-request timeout; `nil` leaves the transport's default. For ``URLSessionTransport`` an
    /// idle timeout, in the `Duration`'s units (e.g. `.seconds(30)`, `.milliseconds(500)`).
    public var timeout: Duration?
    /// Encodes JSON request bodies; defaults to ``Foundation/JSONEncoder/bindgen``.
    /// Treat it as immutable once the configuration is in use: it is shared by concurrent calls.
    public var encoder: JSONEncoder
    /// Decodes JSON response bodies; defaults to ``Foundation/JSONDecoder/bindgen``.
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
    ///   - timeout: Per-request timeout; `nil` for the transport default.
    public init(serverURL: URL, authentication: Authentication? = nil,
                transport: any ClientTransport = URLSessionTransport(),
                userAgent: String = ClientConfiguration.defaultUserAgent, timeout: Duration? = nil) {
        self.serverURL = serverURL
        self.authentication = authentication
        self.transport = transport
        self.userAgent = userAgent
        self.timeout = timeout
        self.encoder = .bindgen
        self.decoder = .bindgen
    }
}
