import Foundation

/// An interceptor around each HTTP attempt of ``APIClient``: it sees the request as it is about to
/// be sent (server URL, credentials, `User-Agent`, `Idempotency-Key` applied) and the response as
/// the transport returned it, and may change either, observe them, or fail.
///
/// Middlewares run in the order of ``ClientConfiguration/middlewares``: the first one sees the
/// request first and the response last. They run once per attempt, so a retried call passes
/// through them again (``MiddlewareContext/attempt`` tells which attempt it is).
///
/// ```swift
/// struct TraceHeader: ClientMiddleware {
///     func intercept(_ request: HTTPRequest, body: TransportBody?, context: MiddlewareContext,
///                    next: Next) async throws -> (HTTPResponse, Data) {
///         var request = request
///         request.headerFields[HTTPField.Name("X-Trace")!] = UUID().uuidString
///         return try await next(request, body)
///     }
/// }
/// ```
///
/// Errors thrown are mapped as for a ``ClientTransport``; throw a ``ClientError`` to fail the call
/// with that error.
public protocol ClientMiddleware: Sendable {
    /// The rest of the chain: the next middleware, or the transport.
    typealias Next = @Sendable (HTTPRequest, TransportBody?) async throws -> (HTTPResponse, Data)

    /// Handles one attempt; call `next` (at most once is usual, zero times to answer yourself).
    /// - Parameters:
    ///   - request: The request about to be sent.
    ///   - body: Its body, if any.
    ///   - context: The call the attempt belongs to.
    ///   - next: Sends the request on through the rest of the chain.
    /// - Returns: The response head and the complete body.
    /// - Throws: Whatever `next` throws, or an error of the middleware's own.
    func intercept(_ request: HTTPRequest, body: TransportBody?, context: MiddlewareContext,
                   next: Next) async throws -> (HTTPResponse, Data)
}

/// What a ``ClientMiddleware`` knows about the call an attempt belongs to.
public struct MiddlewareContext: Sendable {
    /// The OpenAPI `operationId`.
    public let operationID: String
    /// The path as the document writes it, e.g. `"/envelopes/{id}"`: a low-cardinality label for
    /// metrics.
    public let pathTemplate: String
    /// The attempt's number: 1 for the first, 2 for the first retry, …
    public let attempt: Int
    /// The timeout handed to the transport for this attempt.
    public let timeout: Duration?
    private let secrets: [String]

    /// Creates a context; ``APIClient`` makes one per attempt.
    /// - Parameters:
    ///   - operationID: The operation's `operationId`.
    ///   - pathTemplate: The operation's path as the document writes it, e.g. `/envelopes/{id}`.
    ///   - attempt: 1 for the first attempt, 2 for the first retry, and so on.
    ///   - timeout: The attempt's timeout, or `nil` for none.
    ///   - secrets: Strings ``redact(_:)`` replaces, e.g. the API key.
    public init(operationID: String, pathTemplate: String, attempt: Int, timeout: Duration?, secrets: [String] = []) {
        self.operationID = operationID
        self.pathTemplate = pathTemplate
        self.attempt = attempt
        self.timeout = timeout
        self.secrets = secrets.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// `text` with every configured credential (in any of the forms it is sent in) replaced by
    /// `<redacted>`. Use it on anything a middleware logs or exports.
    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets {
            result = result.replacingOccurrences(of: secret, with: "<redacted>")
        }
        return result
    }
}
