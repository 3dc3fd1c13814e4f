import Foundation
// Generated code imports only BindgenRuntime and Foundation, yet uses HTTPTypes names through this
// module's API (`HTTPMethod` members such as `.post`, `HTTPFields`, `HTTPField.Name`). Re-exporting
// keeps them visible, also with the `MemberImportVisibility` upcoming feature enabled.
@_exported public import HTTPTypes

/// The HTTP request method (`GET`, `POST`, …), re-exported from HTTPTypes so generated code
/// needs no extra import.
public typealias HTTPMethod = HTTPRequest.Method

/// One API operation call, before server URL, authentication and default headers are applied.
///
/// Generated clients create one per call, fill it with the helpers below and hand it to
/// ``APIClient/send(_:)``.
///
/// ```swift
/// var request = APIRequest(operationID: "getEnvelope", method: .get,
///                          pathTemplate: "/envelopes/{id}",
///                          path: "/envelopes/" + APIRequest.pathSegment(id))
/// request.addQuery("include", ["signers", "documents"], explode: false)
/// request.accept = "application/json"
/// ```
public struct APIRequest: Sendable {
    /// The OpenAPI `operationId`, carried into errors and logs.
    public var operationID: String
    /// The HTTP method.
    public var method: HTTPMethod
    /// The path as written in the OpenAPI document, e.g. `"/envelopes/{id}"`. Informational only.
    public var pathTemplate: String
    /// The concrete, already percent-encoded path, e.g. `"/envelopes/env%2F1"`. Must start with `/`.
    /// It is appended to the path of ``ClientConfiguration/serverURL``.
    public var path: String
    /// Query items in the order they are sent, unencoded. ``APIClient`` percent-encodes names and
    /// values per RFC 3986 when building the URL: space becomes `%20` and `+` becomes `%2B`.
    public var queryItems: [(name: String, value: String)]
    /// Header fields sent as they are. Authentication, `User-Agent`, `Accept` and
    /// `Content-Type` are added by ``APIClient`` and replace same-named fields set here.
    public var headerFields: HTTPFields
    /// The request body, if any; its content type becomes the `Content-Type` header.
    public var body: RequestBody?
    /// The `Accept` header value; `nil` sends no `Accept` header.
    public var accept: String?

    /// Creates a request without query items, extra headers or body.
    /// - Parameters:
    ///   - operationID: The OpenAPI `operationId`.
    ///   - method: The HTTP method.
    ///   - pathTemplate: The templated path from the document, e.g. `"/envelopes/{id}"`.
    ///   - path: The concrete percent-encoded path; build segments with ``pathSegment(_:)-(ParameterValue)``.
    public init(operationID: String, method: HTTPMethod, pathTemplate: String, path: String) {
        self.operationID = operationID
        self.method = method
        self.pathTemplate = pathTemplate
        self.path = path
        self.queryItems = []
        self.headerFields = HTTPFields()
        self.body = nil
        self.accept = nil
    }

    /// The same request asking for other media types: generated methods that read a body as it arrives (server-sent
    /// events, JSON Lines) ask only for what they read.
    public func accepting(_ mediaTypes: String) -> APIRequest {
        var copy = self
        copy.accept = mediaTypes
        return copy
    }

    /// Appends one query item `name=value`; does nothing when `value` is `nil`.
    ///
    /// This is the OpenAPI `style: form` encoding of a primitive.
    public mutating func addQuery(_ name: String, _ value: (some ParameterValue)?) {
        guard let value else { return }
        queryItems.append((name: name, value: value.parameterValue))
    }

    /// Appends an array query parameter in OpenAPI `style: form`.
    ///
    /// - `explode: true` repeats the name: `name=a&name=b`.
    /// - `explode: false` sends one item whose value is the comma-joined list: `name=a,b`
    ///   (the commas stay literal on the wire; commas inside values are not escaped and would
    ///   be ambiguous, as in the OpenAPI style itself).
    ///
    /// `nil` and empty arrays add nothing.
    public mutating func addQuery(_ name: String, _ values: [some ParameterValue]?, explode: Bool) {
        guard let values, !values.isEmpty else { return }
        if explode {
            for value in values { queryItems.append((name: name, value: value.parameterValue)) }
        } else {
            queryItems.append((name: name, value: values.map(\.parameterValue).joined(separator: ",")))
        }
    }

    /// Sets a header field (OpenAPI `in: header`, `style: simple`), replacing any same-named field.
    ///
    /// - `nil` does nothing.
    /// - A `name` that is not a valid RFC 9110 field name (a `token`) is ignored silently: the
    ///   generator only emits names from the document, so this only guards against bad documents.
    /// - CR, LF and NUL in the value are replaced by spaces (HTTPTypes' lenient value handling),
    ///   so a value can never inject another header.
    public mutating func setHeader(_ name: String, _ value: (some ParameterValue)?) {
        guard let value, let fieldName = HTTPField.Name(name) else { return }
        headerFields[fieldName] = value.parameterValue
    }

    /// Sets a header field from an array in OpenAPI `style: simple`: the values joined with `,`
    /// (RFC 9110 §5.3 list syntax), replacing any same-named field. `nil` and empty arrays do
    /// nothing; invalid names are ignored as in ``setHeader(_:_:)``.
    public mutating func setHeader(_ name: String, _ values: [some ParameterValue]?) {
        guard let values, !values.isEmpty, let fieldName = HTTPField.Name(name) else { return }
        headerFields[fieldName] = values.map(\.parameterValue).joined(separator: ",")
    }

    /// Encodes fields as an `application/x-www-form-urlencoded` body (WHATWG URL Standard §5.2):
    /// `name=value` pairs in order, joined by `&`; space becomes `+`; everything except
    /// `A–Z a–z 0–9 * - . _` is percent-encoded from UTF-8 (so `+` is `%2B`, `~` is `%7E`).
    public static func formURLEncoded(_ fields: [(name: String, value: String)]) -> Data {
        let text = fields.map { field in
            PercentEncoding.encode(field.name, for: .form) + "=" + PercentEncoding.encode(field.value, for: .form)
        }.joined(separator: "&")
        return Data(text.utf8)
    }

    /// Percent-encodes a value for use as one path segment (OpenAPI `style: simple`).
    ///
    /// Everything except RFC 3986 unreserved characters (`A–Z a–z 0–9 - . _ ~`) is encoded from
    /// its UTF-8 bytes, including `/`, `?`, `#`, `%`, and space (`%20`).
    public static func pathSegment(_ value: some ParameterValue) -> String {
        PercentEncoding.encode(value.parameterValue, for: .pathSegment)
    }

    /// Percent-encodes an array for one path segment: items joined with literal commas
    /// (OpenAPI `style: simple`, `explode: false`), each item encoded like ``pathSegment(_:)``.
    public static func pathSegment(_ values: [some ParameterValue]) -> String {
        values.map { PercentEncoding.encode($0.parameterValue, for: .pathSegment) }.joined(separator: ",")
    }

    /// The query string for ``queryItems``: `name=value` pairs joined by `&`, each side
    /// percent-encoded per RFC 3986 (see ``APIRequest/queryItems``). Empty when there are none.
    public var encodedQuery: String {
        queryItems.map { item in
            PercentEncoding.encode(item.name, for: .query) + "=" + PercentEncoding.encode(item.value, for: .query)
        }.joined(separator: "&")
    }
}
