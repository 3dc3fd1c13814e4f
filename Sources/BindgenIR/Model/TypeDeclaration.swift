/// A generated type: a struct, a string enum or a typealias. Nested declarations belong to their parent.
public struct TypeDeclaration: Sendable {
    public enum Kind: Sendable {
        case structure([PropertyDeclaration])
        case stringEnum([EnumCaseDeclaration])
        case integerEnum([EnumCaseDeclaration])
        case alias(TypeUsage)
        /// `oneOf`/`anyOf`: an enum with one case per variant and an `unknown` case keeping the raw JSON.
        case oneOf(OneOfDeclaration)
    }

    /// What ``TypeUsage/generated(_:)`` uses of this type hold.
    public var id: TypeID
    public var name: String
    public var kind: Kind
    /// Lines of documentation, from `title`, `description` and `example`; plain text.
    public var documentation: [String]
    /// JSON pointer of the source, e.g. `#/components/schemas/Envelope`.
    public var sourcePointer: String
    public var deprecated: Bool
    public var nested: [TypeDeclaration]

    public init(id: TypeID, name: String, kind: Kind, documentation: [String], sourcePointer: String, deprecated: Bool, nested: [TypeDeclaration] = []) {
        self.id = id
        self.name = name
        self.kind = kind
        self.documentation = documentation
        self.sourcePointer = sourcePointer
        self.deprecated = deprecated
        self.nested = nested
    }
}

/// The variants of a `oneOf`/`anyOf` and how to tell them apart.
public struct OneOfDeclaration: Sendable {
    public struct Variant: Sendable {
        public var caseName: String
        public var type: TypeUsage
        /// Discriminator values that select this variant (several keys may map to one schema).
        public var discriminatorValues: [String]
    }

    public var variants: [Variant]
    /// The discriminator property's JSON name; `nil` → every variant is tried (``decodeOrder``) and the one that keeps
    /// the most of the value wins (`BindgenRuntime.UnionDecoding`).
    public var discriminatorProperty: String?
    /// Indices into ``variants`` in the order a value is tried against them, most specific first: enumerations and
    /// constants before other scalars, integers before numbers, otherwise the document's order.
    public var decodeOrder: [Int]
    /// `anyOf` (several may match) rather than `oneOf`; decoding takes the first that matches either way.
    public var isAnyOf: Bool
}

public struct PropertyDeclaration: Sendable {
    public var swiftName: String
    public var jsonName: String
    public var type: TypeUsage
    public var documentation: [String]
    public var deprecated: Bool
    public var readOnly: Bool
    public var writeOnly: Bool
    public var required: Bool
    /// Stored out of line (boxed) because the property's type contains the struct itself.
    public var isIndirect: Bool = false
    /// The members the schema does not declare (`additionalProperties` beside `properties`), a `[String: T]` filled
    /// from and written to the same JSON object; `jsonName` is empty.
    public var isAdditionalProperties: Bool = false
    /// The one value a required string member may hold (a `const`, or a one-value `enum`), as written: the
    /// initializer fills it and callers cannot set it. `nil` for other members.
    public var constantValue: String?
    /// The case of the member's enum type that holds ``constantValue``; `nil` when the member's type is a string.
    public var constantCase: String?
    /// Not required and admits `null`: an absent member and `null` are different JSON (a merge patch clears a field
    /// with `null`), so the member is stored behind `@Nullable`, which keeps the difference.
    public var distinguishesNull: Bool = false
}

public struct EnumCaseDeclaration: Sendable {
    public var swiftName: String
    /// The raw value as written in the spec (string enums) or its decimal text (integer enums).
    public var rawValue: String
    public var documentation: [String]
}

extension TypeDeclaration {
    /// About how many lines of Swift the built-in templates write for this declaration and its nested ones.
    ///
    /// Used to spread the top-level declarations over the `Types` files in parts of similar size; an estimate,
    /// never shown to users. A struct member costs its declaration, initializer parameter and assignment, coding key
    /// case and `stringValue` branch, and its documentation; an enum case its case and `rawValue` branch; a `oneOf`
    /// variant its case, decoding attempt and encoding branch; each kind adds its fixed lines.
    public var renderWeight: Int {
        var weight = 2 + documentation.count
        switch kind {
        case .structure(let properties):
            weight += 16 + properties.reduce(0) { $0 + 4 + $1.documentation.count }
        case .stringEnum(let cases), .integerEnum(let cases):
            weight += 20 + cases.reduce(0) { $0 + 2 + $1.documentation.count }
        case .alias:
            break
        case .oneOf(let declaration):
            weight += 16 + 8 * declaration.variants.count
        }
        return nested.reduce(weight) { $0 + $1.renderWeight }
    }
}
