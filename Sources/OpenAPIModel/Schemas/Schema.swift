public import BindgenDiagnostics
import YAMLSource

/// A JSON Schema object as OpenAPI 3.0 and 3.1 use it. Immutable; `$ref`s stay references
/// (their targets live in ``OpenAPIDocument/schemas``), so recursive schemas are plain data.
public final class Schema: Sendable {
    /// A member of `properties`.
    public struct Property: Sendable {
        public let name: String
        public let schema: Schema
        public let location: SourceLocation
    }

    /// `additionalProperties`: absent, `true`/`false`, or a schema for the values.
    public enum AdditionalProperties: Sendable {
        case allowed(Bool)
        case schema(Schema)
    }

    /// `discriminator` with its `mapping` in document order (several keys may name one schema).
    public struct Discriminator: Sendable {
        public let propertyName: String
        public let mapping: [(key: String, reference: Reference)]
    }

    public let address: NodeAddress
    public let location: SourceLocation
    /// `$ref` of this schema object, resolved to an address (3.1 allows siblings; they are kept).
    public let reference: Reference?
    /// `type`, as a list (`type: string` → `["string"]`; 3.1 `type: [string, "null"]` keeps both).
    public let types: [String]
    public let format: String?
    public let title: String?
    public let summaryDescription: String?
    public let properties: [Property]
    public let required: [String]
    public let items: Schema?
    public let additionalProperties: AdditionalProperties?
    /// `enum`, typed (`DocumentValue`).
    public let enumValues: [DocumentValue]?
    public let constValue: DocumentValue?
    public let allOf: [Schema]
    public let oneOf: [Schema]
    public let anyOf: [Schema]
    public let discriminator: Discriminator?
    /// OpenAPI 3.0 `nullable: true`.
    public let nullable: Bool
    public let deprecated: Bool
    public let readOnly: Bool
    public let writeOnly: Bool
    public let defaultValue: DocumentValue?
    /// `example`, else the first of `examples`.
    public let example: DocumentValue?
    public let contentMediaType: String?
    public let contentEncoding: String?
    /// `contentSchema` (JSON Schema 2020-12): the schema of the value a string holds in `contentMediaType`, e.g. the
    /// JSON inside the `data` of a server-sent event.
    public let contentSchema: Schema?

    init(
        address: NodeAddress, location: SourceLocation, reference: Reference?, types: [String], format: String?,
        title: String?, description: String?, properties: [Property], required: [String], items: Schema?,
        additionalProperties: AdditionalProperties?, enumValues: [DocumentValue]?, constValue: DocumentValue?,
        allOf: [Schema], oneOf: [Schema], anyOf: [Schema], discriminator: Discriminator?, nullable: Bool,
        deprecated: Bool, readOnly: Bool, writeOnly: Bool, defaultValue: DocumentValue?, example: DocumentValue?,
        contentMediaType: String?, contentEncoding: String?, contentSchema: Schema? = nil
    ) {
        self.address = address
        self.location = location
        self.reference = reference
        self.types = types
        self.format = format
        self.title = title
        self.summaryDescription = description
        self.properties = properties
        self.required = required
        self.items = items
        self.additionalProperties = additionalProperties
        self.enumValues = enumValues
        self.constValue = constValue
        self.allOf = allOf
        self.oneOf = oneOf
        self.anyOf = anyOf
        self.discriminator = discriminator
        self.nullable = nullable
        self.deprecated = deprecated
        self.readOnly = readOnly
        self.writeOnly = writeOnly
        self.defaultValue = defaultValue
        self.example = example
        self.contentMediaType = contentMediaType
        self.contentEncoding = contentEncoding
        self.contentSchema = contentSchema
    }

    /// The schema's `description`.
    public var description: String? { summaryDescription }

    /// Whether `null` is an allowed value (3.0 `nullable`, 3.1 `"null"` in `type`).
    public var allowsNull: Bool { nullable || types.contains("null") }

    /// `types` without `"null"`.
    public var nonNullTypes: [String] { types.filter { $0 != "null" } }

    /// True for `{}` and schemas with nothing that constrains the shape.
    public var isUnconstrained: Bool {
        reference == nil && nonNullTypes.isEmpty && properties.isEmpty && items == nil && additionalProperties == nil
            && enumValues == nil && constValue == nil && allOf.isEmpty && oneOf.isEmpty && anyOf.isEmpty
    }
}

/// A resolved `$ref`: the text as written, where it was written, and the address it names.
public struct Reference: Sendable, Hashable {
    public let text: String
    public let location: SourceLocation
    public let target: NodeAddress

    public static func == (lhs: Reference, rhs: Reference) -> Bool { lhs.target == rhs.target }
    public func hash(into hasher: inout Hasher) { hasher.combine(target) }
}
