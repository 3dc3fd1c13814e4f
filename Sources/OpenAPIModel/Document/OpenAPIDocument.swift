import YAMLSource

/// A parsed OpenAPI 3.0 or 3.1 document with every `$ref` resolved.
public struct OpenAPIDocument: Sendable {
    public struct Info: Sendable {
        public let title: String
        public let version: String
        public let description: String?
    }

    public struct Server: Sendable {
        public let url: String
        public let description: String?
        /// Server variables with their default values.
        public let variables: [(name: String, defaultValue: String)]
    }

    public struct SecurityScheme: Sendable {
        public let name: String
        public let type: String
        public let scheme: String?
        public let parameterName: String?
        public let parameterLocation: String?
    }

    /// A webhook of the 3.1 `webhooks` section, e.g. `envelope.created`.
    public struct Webhook: Sendable {
        public let name: String
        public let operations: [Operation]
    }

    /// The `openapi` field as written, e.g. `3.1.0`.
    public let version: String
    public let info: Info
    public let servers: [Server]
    public let operations: [Operation]
    public let webhooks: [Webhook]
    /// `components/schemas` names in document order, with their addresses.
    public let componentSchemas: [(name: String, address: NodeAddress)]
    /// Every schema a `$ref` points at (components and external files), by address.
    public let schemas: [NodeAddress: Schema]
    public let securitySchemes: [SecurityScheme]
    public let rootFile: String
}
