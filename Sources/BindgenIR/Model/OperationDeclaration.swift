/// One operation as the client, the endpoint enum and the templates need it.
public struct OperationDeclaration: Sendable {
    public var swiftName: String           // client method and endpoint case name
    public var operationID: String
    public var method: String              // upper case: GET, POST…
    public var pathTemplate: String        // "/envelopes/{id}"
    /// The path split into literal text and parameter references, in order.
    public var pathComponents: [PathComponent]
    public var summary: String?
    public var documentation: [String]
    public var tags: [String]
    public var deprecated: Bool
    /// Arguments in signature order: path, body (or form parts), query, header, cookie; required before optional within each group.
    public var arguments: [ArgumentDeclaration]
    public var body: BodyDeclaration?
    public var success: SuccessDeclaration
    /// Documented non-success status codes with their descriptions, in document order.
    public var errorResponses: [(status: String, description: String)]
    public var acceptedContentTypes: [String]
    public var sourcePointer: String
}

public enum PathComponent: Sendable {
    case literal(String)
    case parameter(swiftName: String)
}

/// An argument of a client method / associated value of an endpoint case.
public struct ArgumentDeclaration: Sendable {
    public enum Role: Sendable, Hashable {
        case path, query, header, cookie
        case jsonBody
        case formPart            // a multipart or urlencoded part (the property of the body schema)
        case rawBody             // binary or text body
    }

    public var swiftName: String
    public var label: String?              // nil → same as swiftName; "_" for unlabeled
    public var wireName: String            // parameter or part name as sent
    public var role: Role
    public var type: TypeUsage             // optional when not required
    public var required: Bool
    public var explode: Bool
    /// OpenAPI `style` as written, or the default of its location (`form` for query and cookie, `simple` otherwise).
    public var style: String = "form"
    public var documentation: [String]
}

public struct BodyDeclaration: Sendable {
    public enum Encoding: Sendable, Hashable { case json, multipart, formURLEncoded, binary, text }
    public var encoding: Encoding
    public var contentType: String
    public var required: Bool
}

public struct SuccessDeclaration: Sendable {
    public enum Body: Sendable { case none, json(TypeUsage), binary, text }
    /// Status codes (or `2XX`) that count as success; the first one's body gives the return type.
    public var statuses: [String]
    public var body: Body
    public var description: String?
}
