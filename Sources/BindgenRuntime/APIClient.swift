import Foundation
import HTTPTypes

/// The engine behind generated clients: turns an ``APIRequest`` into an HTTP exchange.
///
/// `APIClient` never judges status codes. Generated operations call ``send(_:)``, then
/// ``decodeJSON(_:from:)`` for documented successes and ``error(for:)`` for everything else.
public struct APIClient: Sendable {
    /// Server, credentials, transport and coders.
    public let configuration: ClientConfiguration

    /// Creates a client.
    public init(configuration: ClientConfiguration) {
        self.configuration = configuration
    }

    /// Applies auth, User-Agent, Accept, Content-Type (from body), builds the URL; maps thrown
    /// transport errors: CancellationError/URLError.cancelled → .cancelled, URLError.timedOut →
    /// .timedOut, other → .transport. Returns the response for ANY status (no status checks).
    ///
    /// In detail:
    /// - URL: ``ClientConfiguration/serverURL``'s path without a trailing `/`, then
    ///   ``APIRequest/path``, then `?` and ``APIRequest/encodedQuery`` (RFC 3986 encoding) when
    ///   there are query items (an API key in the query comes last).
    /// - Headers: the request's own fields, then `User-Agent`, `Accept` (when
    ///   ``APIRequest/accept`` is set), `Content-Type` (from ``APIRequest/body``) and the credentials,
    ///   each replacing a same-named field.
    /// - Multipart bodies are encoded in memory before sending; file bodies are streamed by the transport.
    ///
    /// - Throws: ``ClientError/invalidRequest(_:)`` (bad server URL or path, unreadable file, bad
    ///   API key name), ``ClientError/cancelled(operationID:)`` (also when the task is already
    ///   cancelled before sending), ``ClientError/timedOut(operationID:)`` or
    ///   ``ClientError/transport(operationID:message:)``. Messages are scrubbed of credentials.
    public func send(_ request: APIRequest) async throws(ClientError) -> APIResponse {
        var headerFields = request.headerFields
        var queryItems = request.queryItems
        if !configuration.userAgent.isEmpty { headerFields[.userAgent] = configuration.userAgent }
        if let accept = request.accept { headerFields[.accept] = accept }
        if let body = request.body { headerFields[.contentType] = body.contentType }
        try configuration.authentication?.apply(to: &headerFields, queryItems: &queryItems)

        var finalRequest = request
        finalRequest.queryItems = queryItems
        let url = try Self.url(serverURL: configuration.serverURL, path: request.path, query: finalRequest.encodedQuery)
        let httpRequest = HTTPRequest(method: request.method, url: url, headerFields: headerFields)
        let transportBody = try request.body?.transportBody()

        if Task.isCancelled { throw .cancelled(operationID: request.operationID) }
        do {
            let (response, body) = try await configuration.transport.send(
                httpRequest, body: transportBody, timeout: configuration.timeout)
            return APIResponse(request: request, status: response.status.code,
                               headerFields: response.headerFields, body: body)
        } catch {
            throw mapTransportError(error, operationID: request.operationID)
        }
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
