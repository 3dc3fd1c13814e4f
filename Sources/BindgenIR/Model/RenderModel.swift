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
    }

    public enum Authentication: Sendable { case none, bearer, basic, apiKey(name: String, location: String) }

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
}
