import Foundation

/// A set of response headers an OpenAPI document declares, as a generated struct (`RequestIdHeaders`): one member
/// per header, decoded to its schema's type.
public protocol DeclaredResponseHeaders: Sendable {
    /// Reads the declared headers of a response; a header that is absent or unreadable is `nil`, never an error.
    init(response: APIResponse, runtime: APIClient)
}

/// The responses received while a ``APIClient/withResponse(_:)`` closure runs.
final class ResponseRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var last: APIResponse?

    func record(_ response: APIResponse) { lock.withLock { last = response } }
    var response: APIResponse? { lock.withLock { last } }
}

extension APIClient {
    /// Where ``send(_:)`` reports the responses it receives, inside ``withResponse(_:)``.
    @TaskLocal static var recorder: ResponseRecorder?

    /// Runs a call (a generated client method) and returns its value with the HTTP response behind it: status,
    /// every header field, the request id. Generated methods return only the decoded body; this reaches the rest
    /// without a second method per operation.
    ///
    /// ```swift
    /// let (document, response) = try await client.runtime.withResponse { try await client.getDocument(id: id) }
    /// print(response.status, response.requestID ?? "-")
    /// ```
    ///
    /// When the closure sends several requests, the response is the last one received (after retries, the one
    /// the call used).
    ///
    /// - Throws: what the call throws (a ``ClientError`` for generated methods); ``ClientError/invalidRequest(_:)``
    ///   when it returned without sending a request.
    public func withResponse<T>(_ call: () async throws -> T) async throws -> (value: T, response: APIResponse) {
        let recorder = ResponseRecorder()
        let value = try await Self.$recorder.withValue(recorder) { try await call() }
        guard let response = recorder.response else { throw ClientError.invalidRequest("withResponse: the call sent no request") }
        return (value, response)
    }

    /// Like ``withResponse(_:)``, with the headers the document declares for the response read into `headers`.
    ///
    /// ```swift
    /// let answer = try await client.runtime.withResponse(headers: RequestIdHeaders.self) {
    ///     try await client.uploadDocument(file: .pdf(at: url))
    /// }
    /// answer.body.id, answer.headers.xRequestId, answer.headerFields[.date]
    /// ```
    ///
    /// - Throws: what ``withResponse(_:)`` throws.
    public func withResponse<T: Sendable, Headers: DeclaredResponseHeaders>(
        headers: Headers.Type, _ call: () async throws -> T
    ) async throws -> TypedResponse<T, Headers> {
        let (value, response) = try await withResponse(call)
        return TypedResponse(status: response.status, body: value, headers: Headers(response: response, runtime: self),
                             headerFields: response.headerFields)
    }

    /// Sends a request and returns the response when `isSuccess` accepts its status; any other status is the
    /// error it stands for (``error(for:)``): what every generated method does before decoding the body.
    ///
    /// - Throws: what ``send(_:)`` throws, and ``error(for:)``'s error for a status the operation does not treat as
    ///   success.
    public func send(_ request: APIRequest, success isSuccess: (Int) -> Bool) async throws(ClientError) -> APIResponse {
        let response = try await send(request)
        guard isSuccess(response.status) else { throw error(for: response) }
        return response
    }
}
