/// Everything the templates render, computed once from a document. Plain data, no Swift text.
public struct RenderModel: Sendable {
    public struct Server: Sendable {
        public var url: String
        public var description: String?
    }

    public struct Webhook: Sendable {
        public var name: String                 // e.g. envelope.created
        public var swiftName: String            // envelopeCreated
        public var payload: TypeUsage?
        /// The payload's `type` value when its schema pins it with a one-value `enum` or a `const` (directly, through
        /// `$ref` or an `allOf` part): `batch.cancelled` for the webhook `batch_cancelled`; `nil` when it does not.
        public var pinnedType: String?
        /// What `WebhookEvent.decode(type:…)` and `decode(body:)` dispatch on: ``pinnedType``, else ``name``.
        public var eventType: String { pinnedType ?? name }
        public var documentation: [String]
        /// Whether `decode(type:)` and `decode(body:)` give this webhook for its event type: the first webhook of
        /// each event type is; a later one with the same event type is reached only by `decode(key:)`.
        public var isDispatchedByType = true
    }

    public enum Authentication: Sendable { case none, bearer, basic, apiKey(name: String, location: String) }

    /// A set of response headers, as one generated type: every operation whose success responses declare the same
    /// headers (names and types) names this type.
    public struct ResponseHeaderType: Sendable {
        /// `CreateDocumentResponseHeaders` for one operation's set; `XRequestIdHeaders` (after the headers, up to
        /// three) for a set several operations declare.
        public var name: String
        public var headers: [ResponseHeaderDeclaration]
        /// Indices into ``RenderModel/operations`` of the operations (first methods, not media-type variants) that
        /// return these headers.
        public var operations: [Int]
    }

    /// A tag operations carry, with the Swift names of its per-tag API type and accessor.
    public struct Tag: Sendable {
        /// The tag as the document writes it.
        public var name: String
        /// `PetStore` for `pet store`: unique among tags and never a reserved type name.
        public var typeName: String
        /// `petStore`: unique among tags.
        public var memberName: String
        /// Indices into ``RenderModel/operations`` of the operations that carry the tag, in document order.
        public var operations: [Int]
    }

    public var title: String
    public var apiVersion: String
    public var openAPIVersion: String
    public var sourceFile: String
    public var documentation: [String]
    public var servers: [Server]
    public var types: [TypeDeclaration]
    public var operations: [OperationDeclaration]
    public var webhooks: [Webhook]
    public var authentication: Authentication
    /// The tags operations use, in order of first use; operations without tags are in none.
    public var tags: [Tag]
    /// One type per distinct set of response headers, in order of first use.
    public var responseHeaderTypes: [ResponseHeaderType]
}
