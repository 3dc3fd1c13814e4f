import Foundation
public import HTTPTypes

/// Moves one HTTP exchange over the network. ``APIClient`` builds the request; the transport
/// only sends it.
///
/// Conform to plug in another HTTP stack (AsyncHTTPClient, a test double, a recording proxy…).
///
/// Errors thrown are mapped by ``APIClient/send(_:)``: `CancellationError` and
/// `URLError(.cancelled)` become ``ClientError/cancelled(operationID:)``, `URLError(.timedOut)`
/// becomes ``ClientError/timedOut(operationID:)``, a thrown ``ClientError`` passes through, and
/// anything else becomes ``ClientError/transport(operationID:message:)``.
public protocol ClientTransport: Sendable {
    /// Sends one HTTP request. `request` carries the full URL (scheme, authority, path+query) in
    /// HTTPTypes form. Returns the response head and the whole body.
    ///
    /// - Parameters:
    ///   - request: Method, `:scheme`, `:authority`, `:path` (percent-encoded path and query) and
    ///     header fields, including `Content-Type` when there is a body. `Content-Length` is the
    ///     transport's job.
    ///   - body: The body to send, or `nil`.
    ///   - timeout: How long to wait; `nil` means the transport's default. The exact semantics
    ///     (idle vs. total time) are the transport's; ``URLSessionTransport`` uses it as
    ///     `URLRequest.timeoutInterval`, in seconds.
    /// - Returns: The response head (status and header fields) and the complete body.
    /// - Throws: Any error; see the type's documentation for how it is mapped.
    func send(_ request: HTTPRequest, body: TransportBody?, timeout: Duration?) async throws -> (HTTPResponse, Data)

    /// Sends one request and streams the body of a response `sink` accepts into it as the bytes arrive, so that a
    /// large body never sits whole in memory; any other response's body is returned in memory, as by ``send(_:body:timeout:)``.
    /// Downloads to a file and ``ResponseBodyStream`` streams both go through it.
    ///
    /// The default implementation calls ``send(_:body:timeout:)`` and hands the whole body to the sink at once
    /// (correct, neither constant in memory nor incremental); ``URLSessionTransport`` and `AsyncHTTPClientTransport` stream.
    ///
    /// - Returns: The response head, and the body when `sink` did not accept the status (empty when it did).
    /// - Throws: What ``send(_:body:timeout:)`` throws, and what the sink throws.
    func download(_ request: HTTPRequest, body: TransportBody?, timeout: Duration?,
                  into sink: ResponseBodySink) async throws -> (HTTPResponse, Data)
}

extension ClientTransport {
    public func download(_ request: HTTPRequest, body: TransportBody?, timeout: Duration?,
                         into sink: ResponseBodySink) async throws -> (HTTPResponse, Data) {
        let (head, data) = try await send(request, body: body, timeout: timeout)
        guard sink.accepts(status: head.status.code) else { return (head, data) }
        try sink.begin(head)
        try await sink.deliver(data)
        return (head, Data())
    }
}

/// What a ``ClientTransport`` sends as the request body.
///
/// A later version may add cases (for example a streamed body for large multipart uploads).
public enum TransportBody: Sendable {
    /// Bytes in memory.
    case data(Data)
    /// A file to stream from disk.
    case file(URL)
}

extension Duration {
    /// The duration in seconds, as Foundation's `TimeInterval`.
    var timeInterval: TimeInterval {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
