import BindgenIR

/// What a type usage is, as flags a template can branch on (`typeInfo`, `aliasedTypeInfo`, `returnTypeInfo`,
/// `payloadTypeInfo`, `element`), for example to build a sample value.
///
/// Every flag is always present, so a section never falls through to an outer context's key.
final class TypeInfoView: ContextObject, @unchecked Sendable {
    let context: TemplateContext
    let usage: TypeUsage
    /// The usage without its one level of `Optional`.
    let base: TypeUsage

    init(context: TemplateContext, usage: TypeUsage) {
        self.context = context
        self.usage = usage
        base = usage.unwrapped
    }

    private var declaredKind: TypeCatalog.DeclaredKind? {
        if case .generated(let id) = base { context.catalog.declaredKinds[id] } else { nil }
    }

    private var isNamed: Bool {
        switch base {
        case .generated, .external: true
        default: false
        }
    }

    private func element(_ usage: TypeUsage) -> TypeInfoView { TypeInfoView(context: context, usage: usage) }

    private func `is`(_ kind: String) -> Bool { Self.kind(of: base) == kind }

    private static func kind(of base: TypeUsage) -> String {
        switch base {
        case .string: "string"
        case .integer: "integer"
        case .double: "double"
        case .float: "float"
        case .bool: "bool"
        case .date: "date"
        case .data: "data"
        case .url: "url"
        case .uuid: "uuid"
        case .jsonValue: "jsonValue"
        case .file: "file"
        // A generated type and an existing one are both `named` (the existing one flagged `isExternalType`).
        case .generated, .external: "named"
        case .array: "array"
        case .dictionary: "dictionary"
        case .optional: "optional"   // not reached: `unwrapped` removed the one level there can be
        }
    }

    static let members = ContextMembers<TypeInfoView>("typeInfo", [
        "kind": { kind(of: $0.base) },
        "swiftType": { SwiftSpelling.type($0.usage, in: $0.context.catalog) },
        "wrappedType": { SwiftSpelling.type($0.base, in: $0.context.catalog) },
        "isOptional": { $0.usage.isOptional },
        "isString": { $0.is("string") },
        "isInteger": { $0.is("integer") },
        "isDouble": { $0.is("double") },
        "isFloat": { $0.is("float") },
        "isBool": { $0.is("bool") },
        "isDate": { $0.is("date") },
        "isData": { $0.is("data") },
        "isURL": { $0.is("url") },
        "isUUID": { $0.is("uuid") },
        "isJSONValue": { $0.is("jsonValue") },
        "isFile": { $0.is("file") },
        "isNamed": { $0.isNamed },
        "isArray": { $0.is("array") },
        "isDictionary": { $0.is("dictionary") },
        "isStructType": { $0.declaredKind == .structure },
        "isEnumType": { $0.declaredKind == .enumeration },
        "isAliasType": { $0.declaredKind == .alias },
        "isExternalType": { view in
            switch view.base {
            case .external: true
            case .generated: view.declaredKind == nil
            default: false
            }
        },
        "namedType": { view in
            switch view.base {
            case .generated(let id): view.context.catalog.name(of: id) ?? ""
            case .external(let name): name
            default: ""
            }
        },
        "integerBits": { view in if case .integer(let bits) = view.base { bits ?? 0 } else { 0 } },
        "element": { view -> Any in
            switch view.base {
            case .array(let element): view.element(element)
            case .dictionary(let value): view.element(value)
            default: false
            }
        },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}
