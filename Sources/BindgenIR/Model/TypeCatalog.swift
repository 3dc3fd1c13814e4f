/// Facts about a model's declared types that templates branch on, by type identity: each type's name and kind, and
/// which types travel as text in paths, queries, headers and form fields.
public struct TypeCatalog: Sendable {
    /// What a declared type is.
    public enum DeclaredKind: Sendable { case structure, enumeration, alias }

    /// The name of every declared type (top-level or nested), what a ``TypeUsage/generated(_:)`` use is spelled with.
    public let names: [TypeID: String]
    /// The kind of every declared type.
    public let declaredKinds: [TypeID: DeclaredKind]
    /// The types sent as text (`ParameterValue`): enums and aliases of scalars at any depth, and oneOfs of scalars
    /// at the top level.
    public let scalarTypes: Set<TypeID>
    /// The oneOf/anyOf declarations, at any depth, whose variants are all scalars: they conform to `ParameterValue`.
    public let parameterValueOneOfs: Set<TypeID>

    /// Works out the facts of a model's types.
    public init(types: [TypeDeclaration]) {
        let all = types.flatMap(\.allDeclarations)
        var names: [TypeID: String] = [:]
        var kinds: [TypeID: DeclaredKind] = [:]
        var scalars: Set<TypeID> = []
        for declaration in all {
            names[declaration.id] = declaration.name
            switch declaration.kind {
            case .stringEnum, .integerEnum:
                scalars.insert(declaration.id)
                kinds[declaration.id] = .enumeration
            case .alias(let usage):
                if Self.isScalar(usage, among: []) { scalars.insert(declaration.id) }
                kinds[declaration.id] = .alias
            case .structure, .oneOf:
                kinds[declaration.id] = .structure
            }
        }
        let oneOfs = Self.scalarOneOfs(all, scalars: scalars)
        scalars.formUnion(types.map(\.id).filter(oneOfs.contains))
        self.names = names
        declaredKinds = kinds
        scalarTypes = scalars
        parameterValueOneOfs = oneOfs
    }

    /// Whether a usage is sent as text (`ParameterValue`), given the generated types that are.
    public static func isScalar(_ usage: TypeUsage, among scalarTypes: Set<TypeID>) -> Bool {
        switch usage.unwrapped {
        case .string, .integer, .double, .float, .bool, .date, .url, .uuid: true
        case .generated(let id): scalarTypes.contains(id)
        default: false
        }
    }

    /// Whether a usage is sent as text in this model.
    public func isScalar(_ usage: TypeUsage) -> Bool { Self.isScalar(usage, among: scalarTypes) }

    /// The name a generated type is spelled with.
    public func name(of id: TypeID) -> String? { names[id] }

    /// The oneOf/anyOf declarations whose variants are all scalars (`oneOf: [integer, string]`, DigitalOcean's path
    /// parameters), unless a variant is nullable (`null` has no text). Repeated until nothing changes, because a
    /// variant may be such a oneOf itself.
    private static func scalarOneOfs(_ declarations: [TypeDeclaration], scalars: Set<TypeID>) -> Set<TypeID> {
        var scalars = scalars
        var oneOfs: Set<TypeID> = []
        var grew = true
        while grew {
            grew = false
            for declaration in declarations where !scalars.contains(declaration.id) {
                guard case .oneOf(let oneOf) = declaration.kind, !oneOf.variants.isEmpty,
                      oneOf.variants.allSatisfy({ !$0.type.isOptional && isScalar($0.type, among: scalars) }) else { continue }
                scalars.insert(declaration.id)
                oneOfs.insert(declaration.id)
                grew = true
            }
        }
        return oneOfs
    }
}
