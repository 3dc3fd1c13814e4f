import Foundation
public import HTTPTypes
#if canImport(FoundationNetworking)
public import FoundationNetworking
#endif

/// A ``ClientTransport`` over Foundation's `URLSession`, on Apple platforms and on Linux
/// (FoundationNetworking, backed by libcurl).
///
/// - In-memory bodies use `URLSession.upload(for:from:)`, file bodies `upload(for:fromFile:)`,
///   which streams the file from disk.
/// - `timeout` becomes `URLRequest.timeoutInterval` (seconds). For URLSession this is an idle
///   timeout — the longest wait for more data — not a deadline for the whole exchange. `nil`
///   keeps the session configuration's `timeoutIntervalForRequest` (60 s by default). On Linux,
///   where FoundationNetworking only honours whole seconds, it is rounded up to whole seconds
///   (minimum 1 s).
/// - Redirects, cookies and caching follow the session's configuration; pass a session built
///   from your own `URLSessionConfiguration` to change them.
/// - URLSession merges repeated response header fields into one comma-separated field, so
///   ``APIResponse/headerFields`` holds one field per name, sorted by name.
/// - Task cancellation cancels the underlying `URLSessionTask`.
/// - On Linux, each request with a body goes on a new session made from ``session``'s
///   configuration (its delegate is not carried over), with `Connection: close`, so that it always
///   has a connection of its own: when a server drops a kept-alive connection under a request with
///   a body, libcurl tries to send it again on a new connection and, unable to rewind the body,
///   waits until the timeout. On a fresh connection the drop fails the attempt at once, and
///   ``APIClient`` retries it.
public struct URLSessionTransport: ClientTransport {
    /// The session requests are sent on.
    public let session: URLSession

    /// Creates a transport sending on `session` (default: `URLSession.shared`).
    public init(session: URLSession = .shared) {
        self.session = session
    }

    /// Sends the request with URLSession and collects the whole response body.
    /// - Throws: `URLError(.badURL)` when the request has no usable URL,
    ///   `URLError(.badServerResponse)` when the response is not HTTP, and whatever URLSession
    ///   throws (`URLError`, `CancellationError`).
    public func send(_ request: HTTPRequest, body: TransportBody?, timeout: Duration?) async throws -> (HTTPResponse, Data) {
        let urlRequest = try Self.urlRequest(for: request, timeout: timeout)
        try Task.checkCancellation()
        guard let body else {
            let (data, response) = try await session.data(for: urlRequest)
            return (try Self.checkedHTTPResponse(response), data)
        }
        #if canImport(FoundationNetworking)
        var bodyRequest = urlRequest
        bodyRequest.setValue("close", forHTTPHeaderField: "Connection")
        let bodySession = URLSession(configuration: session.configuration)
        defer { bodySession.finishTasksAndInvalidate() }
        #else
        let bodyRequest = urlRequest
        let bodySession = session
        #endif
        let (data, response): (Data, URLResponse)
        switch body {
        case .data(let bytes):
            (data, response) = try await bodySession.upload(for: bodyRequest, from: bytes)
        case .file(let fileURL):
            (data, response) = try await bodySession.upload(for: bodyRequest, fromFile: fileURL)
        }
        return (try Self.checkedHTTPResponse(response), data)
    }

    /// The HTTPTypes response, or `URLError(.badServerResponse)` when `response` is not HTTP.
    private static func checkedHTTPResponse(_ response: URLResponse) throws -> HTTPResponse {
        guard let httpResponse = response as? HTTPURLResponse else {
            throw URLError(.badServerResponse)
        }
        return Self.httpResponse(from: httpResponse)
    }

    /// Converts an HTTPTypes request into a `URLRequest`. Repeated fields are joined with `, `
    /// (`Cookie` with `; `, RFC 6265 §5.4).
    /// - Throws: `URLError(.badURL)` when the request's pseudo-header fields do not form a URL.
    static func urlRequest(for request: HTTPRequest, timeout: Duration?) throws -> URLRequest {
        guard let url = request.url else { throw URLError(.badURL) }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method.rawValue
        if let timeout { urlRequest.timeoutInterval = effectiveTimeoutInterval(timeout) }
        var names: [HTTPField.Name] = []
        for field in request.headerFields where !names.contains(field.name) {
            names.append(field.name)
        }
        for name in names {
            let values = request.headerFields[values: name]
            let joined = values.joined(separator: name == .cookie ? "; " : ", ")
            urlRequest.setValue(joined, forHTTPHeaderField: name.rawName)
        }
        return urlRequest
    }

    /// The `timeoutInterval` for a requested timeout, in seconds.
    ///
    /// FoundationNetworking (Linux) truncates `timeoutInterval` to whole seconds, so `0.5` would
    /// time out at once and `1.5` after one second; there the value is rounded up to whole seconds,
    /// at least 1. Apple platforms take the value as is (at least 1 ms).
    static func effectiveTimeoutInterval(_ timeout: Duration) -> TimeInterval {
        #if canImport(FoundationNetworking)
        max(timeout.timeInterval.rounded(.up), 1)
        #else
        max(timeout.timeInterval, 0.001)
        #endif
    }

    /// Converts a `HTTPURLResponse` into an HTTPTypes response; header fields sorted by name,
    /// fields whose name is not a valid token dropped.
    static func httpResponse(from response: HTTPURLResponse) -> HTTPResponse {
        var fields: [(HTTPField.Name, String)] = []
        for (key, value) in response.allHeaderFields {
            guard let name = (key as? String).flatMap({ HTTPField.Name($0) }) else { continue }
            fields.append((name, (value as? String) ?? String(describing: value)))
        }
        fields.sort { $0.0.canonicalName < $1.0.canonicalName }
        var headerFields = HTTPFields()
        for (name, value) in fields { headerFields.append(HTTPField(name: name, value: value)) }
        return HTTPResponse(status: .init(code: response.statusCode), headerFields: headerFields)
    }
}
