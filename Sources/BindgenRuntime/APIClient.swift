import Foundation
import HTTPTypes

/// The engine behind generated clients: turns an ``APIRequest`` into an HTTP exchange.
///
/// `APIClient` never judges status codes. Generated operations call ``send(_:)``, then
/// ``decodeJSON(_:from:)`` for documented successes and ``error(for:)`` for everything else.
///
/// ``send(_:)`` makes the call safe to use against a real API: retries with backoff and
/// `Retry-After` (``RetryPolicy``), an `Idempotency-Key` on every POST, a client-side token bucket
/// per credential (``ClientRateLimiter``), middlewares (``ClientMiddleware``), per-attempt timeouts
/// and a per-call deadline. A value type: derive per-call variants with ``with(_:)``.
public struct APIClient: Sendable {
    /// Server, credentials, transport and coders.
    public let configuration: ClientConfiguration

    /// Creates a client.
    public init(configuration: ClientConfiguration) {
        self.configuration = configuration
    }

    /// Returns a client whose configuration is this one's changed by `modify`; the two share the
    /// transport and the ``ClientRateLimiter`` (so the same buckets), and nothing else is copied.
    ///
    /// This is how to set anything per call:
    /// ```swift
    /// let envelope = try await client.with { $0.deadline = .seconds(5); $0.retryPolicy = .none }
    ///     .send(request)
    /// ```
    public func with(_ modify: (inout ClientConfiguration) -> Void) -> APIClient {
        var configuration = configuration
        modify(&configuration)
        return APIClient(configuration: configuration)
    }

    /// Sends a request and returns the response for ANY status (no status checks), retrying,
    /// rate limiting and timing the call as configured.
    ///
    /// Per call:
    /// - Builds the HTTP request once: URL (``ClientConfiguration/serverURL``'s path without a
    ///   trailing `/`, then ``APIRequest/path``, then `?` and ``APIRequest/encodedQuery``, RFC 3986
    ///   encoding; an API key in the query comes last); header fields: the request's own, then
    ///   `User-Agent`, `Accept` (when ``APIRequest/accept`` is set), `Content-Type` (from
    ///   ``APIRequest/body``), an `Idempotency-Key` (a new lowercase UUID on a POST that has none; see
    ///   ``ClientConfiguration/idempotencyKeyHeader``) and the credentials, each replacing a
    ///   same-named field.
    /// - Prepares the body once: a multipart form with files on disk is written to a temporary file
    ///   that each attempt streams (removed when the call ends); `.file` bodies are streamed by the
    ///   transport.
    ///
    /// Per attempt: takes a token from ``ClientConfiguration/rateLimiter`` (waiting for one if
    /// need be), runs the ``ClientConfiguration/middlewares`` and the transport. Then
    /// ``ClientConfiguration/retryPolicy`` decides whether to wait and send again; a 429 with
    /// `Retry-After` also pauses the credential's bucket for that long.
    ///
    /// Thrown transport errors are mapped: `CancellationError`/`URLError.cancelled` →
    /// ``ClientError/cancelled(operationID:)``, `URLError.timedOut` → ``ClientError/timedOut(operationID:)``,
    /// ``TransportError`` by its kind, others → ``ClientError/transport(operationID:message:)``.
    ///
    /// - Throws: ``ClientError/invalidRequest(_:)`` (bad server URL or path, unreadable file, bad
    ///   API key name), ``ClientError/cancelled(operationID:)`` (also when the task is already
    ///   cancelled before sending, or is cancelled during a wait), ``ClientError/timedOut(operationID:)``
    ///   (an attempt timed out and was not retried, or the ``ClientConfiguration/deadline`` passed),
    ///   ``ClientError/rateLimited(_:)`` (a 429's `Retry-After`, or the limiter's wait for a token, is
    ///   longer than ``RetryPolicy/maxRetryAfter``) or ``ClientError/transport(operationID:message:)``.
    ///   Messages are scrubbed of credentials.
    public func send(_ request: APIRequest) async throws(ClientError) -> APIResponse {
        let exchange = try await prepareExchange(request)
        defer { exchange.body.discard() }
        let response = try await perform(exchange)
        Self.recorder?.record(response)
        return response
    }

    /// Joins the server URL and the operation path and query.
    /// - Throws: ``ClientError/invalidRequest(_:)`` when the server URL has no scheme or host, or
    ///   `path` is not a percent-encoded absolute path.
    static func url(serverURL: URL, path: String, query: String) throws(ClientError) -> URL {
        guard PercentEncoding.isEncodedAbsolutePath(path) else {
            throw .invalidRequest("Path \"\(path)\" must start with \"/\" and be percent-encoded")
        }
        guard let components = URLComponents(url: serverURL, resolvingAgainstBaseURL: true),
              let scheme = components.scheme, !scheme.isEmpty,
              let host = components.percentEncodedHost, !host.isEmpty
        else {
            throw .invalidRequest("Server URL \"\(serverURL.absoluteString)\" needs a scheme and a host")
        }
        // The absolute form without query and fragment is scheme://authority/base-path.
        var base = Substring(serverURL.absoluteURL.absoluteString)
        if let end = base.firstIndex(where: { $0 == "?" || $0 == "#" }) { base = base[..<end] }
        guard let schemeEnd = base.range(of: "://") else {
            throw .invalidRequest("Server URL \"\(serverURL.absoluteString)\" needs a scheme and a host")
        }
        let authorityEnd = base[schemeEnd.upperBound...].firstIndex(of: "/") ?? base.endIndex
        var basePath = base[authorityEnd...]
        while basePath.hasSuffix("/") { basePath.removeLast() }
        var text = String(base[..<authorityEnd]) + basePath + path
        if !query.isEmpty { text += "?" + query }
        guard let url = URL(string: text) else {
            throw .invalidRequest("Could not build a URL from \"\(text)\"")
        }
        return url
    }
}
