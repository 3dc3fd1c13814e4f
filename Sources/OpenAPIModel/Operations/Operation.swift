public import BindgenDiagnostics
import YAMLSource

/// Where a parameter goes (OpenAPI 3 `in`).
public enum ParameterLocation: String, Sendable, Hashable {
    case path, query, header, cookie
}

/// A parameter after `$ref` resolution and path-item merging.
public struct Parameter: Sendable {
    public let name: String
    public let location: ParameterLocation
    public let required: Bool
    public let description: String?
    public let deprecated: Bool
    /// The parameter's schema; for a parameter declared with `content`, the schema of its one media type.
    public let schema: Schema?
    public let style: String?
    public let explode: Bool?
    public let sourceLocation: SourceLocation
}

/// A media type entry of `content` (request bodies, responses).
public struct MediaType: Sendable {
    public let contentType: String
    public let schema: Schema?
    /// `itemSchema` (OpenAPI 3.2): the schema of each item of a sequential media type (`text/event-stream`,
    /// `application/jsonl`, `application/json-seq`), where `schema` describes the whole body.
    public var itemSchema: Schema? = nil
    /// `encoding` of multipart and form bodies: property name → part content type.
    public let encoding: [(property: String, contentType: String?)]
    public let location: SourceLocation
}

public struct RequestBody: Sendable {
    public let description: String?
    public let required: Bool
    public let content: [MediaType]
    public let location: SourceLocation
}

public struct Header: Sendable {
    public let name: String
    public let description: String?
    public let required: Bool
    public let schema: Schema?
}

/// One entry of `responses`: a status code (`200`), a range (`2XX`) or `default`.
public struct Response: Sendable {
    public let statusCode: String
    public let description: String?
    public let headers: [Header]
    public let content: [MediaType]
    public let location: SourceLocation

    /// The numeric code, `nil` for ranges and `default`.
    public var code: Int? { Int(statusCode) }
    /// True for 2xx codes and the `2XX` range.
    public var isSuccess: Bool {
        if let code { return (200..<300).contains(code) }
        return statusCode.uppercased() == "2XX"
    }
}

/// An operation: one method of one path (or of one webhook).
public struct Operation: Sendable {
    public let method: String
    public let path: String
    public let operationID: String?
    public let summary: String?
    public let description: String?
    public let tags: [String]
    public let parameters: [Parameter]
    public let requestBody: RequestBody?
    public let responses: [Response]
    public let deprecated: Bool
    public let location: SourceLocation
    public let address: NodeAddress
    /// The operation's `callbacks` (OpenAPI 3.x §4.8.18): requests the API sends to the caller.
    public var callbacks: [Callback] = []
}

/// One callback of an operation: a name and, per runtime expression (e.g. `{$request.query.callbackUrl}/data`),
/// the operations of its path item.
public struct Callback: Sendable {
    public let name: String
    public let expression: String
    public let operations: [Operation]
}
