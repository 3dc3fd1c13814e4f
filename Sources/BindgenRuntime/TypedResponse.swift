import Foundation
public import HTTPTypes

/// A success response with its decoded body and the response headers the document declares for it.
///
/// Returned by ``APIClient/withResponse(headers:_:)`` (and the generated `Client.withResponse(headers:_:)`) for a
/// call whose success responses declare `headers` (OpenAPI 3.1 §4.8.17, Response Object); the method itself
/// returns only ``body``.
///
/// ```swift
/// let answer = try await client.withResponse(headers: XRequestIdHeaders.self) { try await $0.createDocument(file) }
/// answer.body.id                // the decoded body
/// answer.headers.xRequestId     // a declared header, typed; nil when absent or unreadable
/// answer.headerFields[.date]    // every field as received
/// ```
public struct TypedResponse<Body: Sendable, Headers: Sendable>: Sendable {
    /// The HTTP status code, e.g. `201`.
    public let status: Int
    /// The decoded body (`Void` when the response has none).
    public let body: Body
    /// The declared response headers, each decoded to its schema's type.
    public let headers: Headers
    /// Every response header field as received.
    public let headerFields: HTTPFields

    /// Creates a response; used by generated code and by tests.
    public init(status: Int, body: Body, headers: Headers, headerFields: HTTPFields) {
        self.status = status
        self.body = body
        self.headers = headers
        self.headerFields = headerFields
    }
}

extension APIClient {
    /// Reads one response header field as `T`, for generated header types.
    ///
    /// The field's text (several fields of one name joined with `", "`, RFC 9110 §5.3) is decoded with
    /// ``ClientConfiguration/decoder`` first as a JSON string — so `String`, `Date` (RFC 3339), `UUID`, `URL` and
    /// string enums read it as written — and, failing that, as a JSON value, which reads integers, numbers,
    /// `true`/`false` and integer enums.
    ///
    /// - Returns: `nil` when the field is absent, its name is not a valid field name, or its text is not a `T`.
    ///   Never throws: a malformed header must not turn a successful call into a failure.
    public func decodeHeader<T: Decodable>(_ type: T.Type, named name: String, from response: APIResponse) -> T? {
        guard let fieldName = HTTPField.Name(name), let text = response.headerFields[fieldName] else { return nil }
        if T.self == String.self { return text as? T }
        let decoder = configuration.decoder
        if let quoted = try? JSONEncoder().encode(text), let value = try? decoder.decode(T.self, from: quoted) {
            return value
        }
        return try? decoder.decode(T.self, from: Data(text.utf8))
    }
}
