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
    /// The headers the success responses declare (every status, first declaration of a name wins; `Content-Type`
    /// left out as OpenAPI says), in document order.
    public var responseHeaders: [ResponseHeaderDeclaration] = []
    /// The type holding ``responseHeaders`` (``RenderModel/responseHeaderTypes``): `CreateDocumentResponseHeaders`,
    /// or `XRequestIdHeaders` when several operations declare the same headers; `nil` when none are declared.
    public var responseHeadersTypeName: String?
    /// The name of the operation's first method when this one sends another of the request body's media types
    /// (`createPet` for `createPetMultipart`); `nil` for the first method, which keeps the operation's name.
    ///
    /// An operation whose request body offers several media types (JSON, multipart, form; `json-patch+json` and
    /// `merge-patch+json`) gets one method per media type: the preferred one (JSON, then multipart, form, binary,
    /// text) under the operation's name, each other under the name with a suffix of its media type. They share the
    /// operation's success type, output enum and response headers type.
    public var primaryName: String?
    /// The other methods of the same operation with the media type each sends, in document order of the
    /// preference above; empty when the body has one media type.
    public var bodyAlternatives: [(swiftName: String, contentType: String)] = []
    /// The other ways to read the success body as it arrives, one method each (a binary body's chunks, each stream
    /// media type but the one ``success`` returns).
    public var streams: [StreamDeclaration] = []
    /// How the operation pages, when it is a cursor-paginated list (``PaginationPass``); `nil` otherwise.
    public var pagination: PaginationDeclaration?
}

/// A header a success response declares (OpenAPI Header Object).
public struct ResponseHeaderDeclaration: Sendable {
    public var swiftName: String
    public var wireName: String
    /// The schema's type (not optional: the property that holds it is).
    public var type: TypeUsage
    public var documentation: [String]
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
        /// A whole multipart or urlencoded body given as one value (a `oneOf` of objects): its JSON members are
        /// the fields.
        case formValue
        /// The parts or fields of `additionalProperties`, a dictionary from part name to value.
        case additionalParts
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
    /// `stream`: a body read as it arrives (an operation whose only success bodies are streams returns the first).
    public enum Body: Sendable, Hashable { case none, json(TypeUsage), binary, text, stream(StreamDeclaration) }

    /// One success status and what its body decodes to.
    public struct Response: Sendable {
        /// `200`, or a range such as `2XX`.
        public var status: String
        public var body: Body
        /// The case of the output enum (``Shape/perStatus(typeName:)``): `ok`, `created`, `noContent`, `status207`.
        public var caseName: String
        public var description: String?
    }

    /// What the client method returns.
    public enum Shape: Sendable, Hashable {
        /// Every success status has the same body (or none): the method returns it (``body``).
        case single
        /// Some statuses carry ``body``, the others none (`200` with JSON, `204`): the method returns it optional,
        /// `nil` for the bodiless ones.
        case optional
        /// The statuses carry different bodies: the method returns an enum named `typeName` with a case per status.
        case perStatus(typeName: String)
    }

    /// Status codes (or `2XX`) that count as success, specific codes before ranges.
    public var statuses: [String]
    /// The body of the first status that has one (``Body/none`` when none has).
    public var body: Body
    public var description: String?
    /// Every success status with its body, in the order of ``statuses``.
    public var responses: [Response] = []
    public var shape: Shape = .single
}

/// A success body read as it arrives, by a method of its own: server-sent events, JSON Lines, JSON text sequences
/// (each item decoded), or the bytes of a binary body in chunks.
public struct StreamDeclaration: Sendable, Hashable {
    public enum Framing: Sendable, Hashable {
        /// `text/event-stream`.
        case serverSentEvents
        /// `application/jsonl`, `application/x-ndjson` and their aliases.
        case jsonLines
        /// `application/json-seq` (RFC 7464).
        case jsonSequence
        /// Any binary media type, as byte chunks.
        case bytes
    }

    public var framing: Framing
    /// The type of each item: an event's `data` (`nil`: the text), a JSON value (`.jsonValue` without a schema);
    /// `nil` for bytes.
    public var item: TypeUsage?
    /// The media types the method asks for (`Accept`), as the document lists them.
    public var contentTypes: [String]
    /// What the method name adds to the operation's: `Events`, `Lines`, `JSONSequence`, `Chunks`.
    public var suffix: String
    /// The method's name, once every operation is named (empty for the stream an operation itself returns).
    public var swiftName: String = ""

    public init(framing: Framing, item: TypeUsage?, contentTypes: [String], suffix: String) {
        self.framing = framing
        self.item = item
        self.contentTypes = contentTypes
        self.suffix = suffix
    }
}
