/// Facts about a model's declared types that templates branch on: what each name declares, and which types travel as
/// text in paths, queries, headers and form fields.
public struct TypeCatalog: Sendable {
    /// What a declared type name (top-level or nested) is.
    public enum DeclaredKind: Sendable { case structure, enumeration, alias }

    /// The kind of every declared type name; the first declaration of a name wins.
    public let declaredKinds: [String: DeclaredKind]
    /// Top-level and nested type names that are sent as text (`ParameterValue`): enums, aliases of scalars, and
    /// oneOfs of scalars at the top level.
    public let scalarTypeNames: Set<String>
    /// The oneOf/anyOf declarations (paths of Swift names, outermost first) whose variants are all scalars.
    public let parameterValueOneOfs: Set<[String]>

    /// Works out the facts of a model's types.
    public init(types: [TypeDeclaration]) {
        var scalars: Set<String> = []
        var kinds: [String: DeclaredKind] = [:]
        func visit(_ declaration: TypeDeclaration) {
            switch declaration.kind {
            case .stringEnum, .integerEnum:
                scalars.insert(declaration.name)
                kinds[declaration.name] = kinds[declaration.name] ?? .enumeration
            case .alias(let usage):
                if Self.isScalar(usage, named: []) { scalars.insert(declaration.name) }
                kinds[declaration.name] = kinds[declaration.name] ?? .alias
            case .structure, .oneOf:
                kinds[declaration.name] = kinds[declaration.name] ?? .structure
            }
            declaration.nested.forEach(visit)
        }
        types.forEach(visit)
        let oneOfs = Self.scalarOneOfs(types)
        for path in oneOfs where path.count == 1 { scalars.insert(path[0]) }
        scalarTypeNames = scalars
        parameterValueOneOfs = oneOfs
        declaredKinds = kinds
    }

    /// Whether a usage is sent as text (`ParameterValue`), given the type names that are.
    public static func isScalar(_ usage: TypeUsage, named: Set<String>) -> Bool {
        switch usage.unwrapped {
        case .string, .integer, .double, .float, .bool, .date, .url, .uuid: true
        case .named(let name): named.contains(name)
        default: false
        }
    }

    /// Whether a usage is sent as text in this model.
    public func isScalar(_ usage: TypeUsage) -> Bool { Self.isScalar(usage, named: scalarTypeNames) }

    /// The oneOf/anyOf declarations whose variants are all scalars (`oneOf: [integer, string]`, DigitalOcean's path
    /// parameters): sent as text too, unless a variant is nullable (`null` has no text).
    ///
    /// Variant names are resolved the way Swift does, innermost enclosing type first, since nested names repeat
    /// across types; repeated until nothing changes because a variant may be such a oneOf itself.
    private static func scalarOneOfs(_ types: [TypeDeclaration]) -> Set<[String]> {
        struct Scoped { let path: [String]; let declaration: TypeDeclaration; let scopes: [[TypeDeclaration]] }
        var scoped: [Scoped] = []
        func collect(_ declaration: TypeDeclaration, parents: [String], scopes: [[TypeDeclaration]]) {
            let path = parents + [declaration.name]
            scoped.append(Scoped(path: path, declaration: declaration, scopes: scopes))
            declaration.nested.forEach { collect($0, parents: path, scopes: [declaration.nested] + scopes) }
        }
        types.forEach { collect($0, parents: [], scopes: []) }
        var scalarPaths: Set<[String]> = []
        for item in scoped {
            switch item.declaration.kind {
            case .stringEnum, .integerEnum: scalarPaths.insert(item.path)
            case .alias(let usage) where isScalar(usage, named: []): scalarPaths.insert(item.path)
            default: break
            }
        }
        // The path a name written inside `item` refers to: a nested type of the innermost enclosing scope that has
        // one of that name, else the top-level type.
        func resolve(_ name: String, in item: Scoped) -> [String] {
            if item.declaration.nested.contains(where: { $0.name == name }) { return item.path + [name] }
            for (depth, scope) in item.scopes.enumerated() where scope.contains(where: { $0.name == name }) {
                return Array(item.path.prefix(item.path.count - depth - 1)) + [name]
            }
            return [name]
        }
        func isScalarVariant(_ usage: TypeUsage, in item: Scoped) -> Bool {
            if usage.isOptional { return false }
            if case .named(let name) = usage { return scalarPaths.contains(resolve(name, in: item)) }
            return isScalar(usage, named: [])
        }
        var oneOfs: Set<[String]> = []
        var grew = true
        while grew {
            grew = false
            for item in scoped where !scalarPaths.contains(item.path) {
                guard case .oneOf(let oneOf) = item.declaration.kind, !oneOf.variants.isEmpty,
                      oneOf.variants.allSatisfy({ isScalarVariant($0.type, in: item) }) else { continue }
                scalarPaths.insert(item.path)
                oneOfs.insert(item.path)
                grew = true
            }
        }
        return oneOfs
    }
}
