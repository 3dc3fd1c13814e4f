import BindgenIR

/// Options that shape the context (from the configuration file).
public struct RenderOptions: Sendable {
    /// `public`, `package` or `internal`: the access level of every generated declaration.
    public var accessModifier: String
    /// Modules every generated file imports after `Foundation` and `BindgenRuntime`.
    public var additionalImports: [String]
    /// Whether enums get an `unknown` case for values the document does not list.
    public var unknownEnumCases: Bool

    /// Creates options; the defaults are those of a missing configuration file.
    public init(accessModifier: String = "public", additionalImports: [String] = [], unknownEnumCases: Bool = true) {
        self.accessModifier = accessModifier
        self.additionalImports = additionalImports
        self.unknownEnumCases = unknownEnumCases
    }
}

/// Builds the template context: plain dictionaries, arrays, strings, integers and booleans, so that
/// `dump-context` can print exactly what templates see as JSON. Every key is listed in ``ContextContract``
/// and in the Custom Templates article.
public struct TemplateContext {
    /// The model being rendered.
    public let model: RenderModel
    /// Options from the configuration file.
    public let options: RenderOptions

    /// Named types that go into paths, queries, headers and form fields as text (enums, aliases of scalars).
    let scalarTypeNames: Set<String>
    /// The oneOf/anyOf declarations (paths of Swift names, outermost first) whose variants are all scalars.
    let parameterValueOneOfs: Set<[String]>
    /// The kind of every declared type name (top-level and nested), for `typeInfo`.
    let declaredKinds: [String: DeclaredKind]

    enum DeclaredKind { case structure, enumeration, alias }

    /// `typeInfo` per usage, shared by the render jobs of the run.
    let typeInfoCache = TypeInfoCache()

    /// Prepares a context builder for a model.
    public init(model: RenderModel, options: RenderOptions) {
        self.model = model
        self.options = options
        var scalars: Set<String> = []
        var parameterValueOneOfs: Set<[String]> = []
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
        model.types.forEach(visit)
        // A oneOf/anyOf whose variants are all scalars (`oneOf: [integer, string]`, DigitalOcean's path
        // parameters) is sent as text too, unless a variant is nullable (`null` has no text). Variant names are
        // resolved the way Swift does, innermost enclosing type first, since nested names repeat across types;
        // repeated because a variant may be such a oneOf itself.
        struct Scoped { let path: [String]; let declaration: TypeDeclaration; let scopes: [[TypeDeclaration]] }
        var scoped: [Scoped] = []
        func collect(_ declaration: TypeDeclaration, parents: [String], scopes: [[TypeDeclaration]]) {
            let path = parents + [declaration.name]
            scoped.append(Scoped(path: path, declaration: declaration, scopes: scopes))
            declaration.nested.forEach { collect($0, parents: path, scopes: [declaration.nested] + scopes) }
        }
        model.types.forEach { collect($0, parents: [], scopes: []) }
        var scalarPaths: Set<[String]> = []
        for item in scoped {
            switch item.declaration.kind {
            case .stringEnum, .integerEnum: scalarPaths.insert(item.path)
            case .alias(let usage) where Self.isScalar(usage, named: []): scalarPaths.insert(item.path)
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
            return Self.isScalar(usage, named: [])
        }
        var grew = true
        while grew {
            grew = false
            for item in scoped where !scalarPaths.contains(item.path) {
                guard case .oneOf(let oneOf) = item.declaration.kind, !oneOf.variants.isEmpty,
                      oneOf.variants.allSatisfy({ isScalarVariant($0.type, in: item) }) else { continue }
                scalarPaths.insert(item.path)
                parameterValueOneOfs.insert(item.path)
                if item.path.count == 1 { scalars.insert(item.declaration.name) }
                grew = true
            }
        }
        scalarTypeNames = scalars
        self.parameterValueOneOfs = parameterValueOneOfs
        declaredKinds = kinds
    }

    /// Whether a usage is sent as text (`ParameterValue`).
    static func isScalar(_ usage: TypeUsage, named: Set<String>) -> Bool {
        switch usage.unwrapped {
        case .string, .integer, .double, .float, .bool, .date, .url, .uuid: true
        case .named(let name): named.contains(name)
        default: false
        }
    }

    /// The document-scope context: the root of every document-scope template, and the outer context of
    /// every per-item rendering.
    ///
    /// - Parameter lazy: When `true` (rendering), `schemas` is a list that builds each schema's context as a
    ///   template reaches it; when `false` (`dump-context`, tests), every value is a plain array or dictionary.
    public func document(lazy: Bool = false) -> [String: Any] {
        let servers = model.servers.enumerated().map { index, server -> [String: Any] in
            ["url": server.url, "urlLiteral": SwiftSpelling.stringLiteral(server.url), "description": server.description ?? "",
             "isFirst": index == 0, "isLast": index == model.servers.count - 1]
        }
        var auth: [String: Any] = ["isBearer": false, "isBasic": false, "isAPIKey": false, "isNone": false,
                                   "apiKeyNameLiteral": "", "apiKeyLocation": ""]
        switch model.authentication {
        case .none: auth["isNone"] = true
        case .bearer: auth["isBearer"] = true
        case .basic: auth["isBasic"] = true
        case .apiKey(let name, let location):
            auth["isAPIKey"] = true
            auth["apiKeyNameLiteral"] = SwiftSpelling.stringLiteral(name)
            auth["apiKeyLocation"] = location
        }
        var dispatchedTypes: Set<String> = []
        let webhooks = model.webhooks.enumerated().map { index, hook -> [String: Any] in
            return [
                "name": hook.name, "nameLiteral": SwiftSpelling.stringLiteral(hook.name),
                "eventType": hook.eventType, "eventTypeLiteral": SwiftSpelling.stringLiteral(hook.eventType),
                "hasPinnedType": hook.pinnedType != nil, "isDispatchedByType": dispatchedTypes.insert(hook.eventType).inserted,
                "caseName": SwiftSpelling.identifier(hook.swiftName), "caseReference": SwiftSpelling.memberReference(hook.swiftName),
                "docLines": SwiftSpelling.docComment(hook.documentation),
                "hasDocumentation": !hook.documentation.isEmpty, "nameText": SwiftSpelling.commentText(hook.name),
                "pinnedTypeText": SwiftSpelling.commentText(hook.pinnedType ?? ""),
                "hasPayload": hook.payload != nil, "payloadType": hook.payload.map(SwiftSpelling.type) ?? "",
                "payloadTypeInfo": hook.payload.map(typeInfo) ?? false,
                "isFirst": index == 0, "isLast": index == model.webhooks.count - 1,
            ]
        }
        let operations = Self.positioned(model.operations.map(operation))
        let types = model.types
        let lazySchemas = schemaList(types.indices)
        let schemas: Any = lazy ? lazySchemas : lazySchemas.materialized
        let tags = tags(operations: operations)
        let defaultServer = model.servers.first?.url ?? "http://localhost"
        return [
            "contractVersion": ContextContract.version,
            "accessModifier": options.accessModifier,
            "title": model.title,
            "apiVersion": model.apiVersion,
            "openAPIVersion": model.openAPIVersion,
            "sourceFile": model.sourceFile.split(separator: "/").last.map(String.init) ?? model.sourceFile,
            "titleText": SwiftSpelling.singleLine(model.title),
            "apiVersionText": SwiftSpelling.singleLine(model.apiVersion),
            "docLines": SwiftSpelling.docComment(model.documentation),
            "imports": ["Foundation", "BindgenRuntime"] + options.additionalImports,
            "additionalImports": options.additionalImports,
            "servers": servers,
            "defaultServerURLLiteral": SwiftSpelling.stringLiteral(defaultServer),
            "auth": auth,
            "schemas": schemas,
            "hasSchemas": !types.isEmpty,
            "schemasPart": 1,
            "schemasParts": 1,
            "operations": operations,
            "hasOperations": !operations.isEmpty,
            "hasPagination": model.operations.contains { $0.pagination != nil },
            "tags": tags,
            "hasTags": !tags.isEmpty,
            "webhooks": webhooks,
            "hasWebhooks": !webhooks.isEmpty,
            "unknownEnumCases": options.unknownEnumCases,
        ]
    }

    /// The schema contexts of a range of top-level schemas, built as a template reaches them; `isFirst` and `isLast`
    /// refer to the place in the range.
    func schemaList(_ range: Range<Int>) -> LazyContextList {
        let types = model.types
        return LazyContextList(count: range.count) { offset in
            var context = type(types[range.lowerBound + offset], parents: [])
            context["isFirst"] = offset == 0
            context["isLast"] = offset == range.count - 1
            return context
        }
    }

    /// The items with `isFirst` and `isLast` set for their place in this list.
    static func positioned(_ items: [[String: Any]]) -> [[String: Any]] {
        items.enumerated().map { index, item in
            var item = item
            item["isFirst"] = index == 0
            item["isLast"] = index == items.count - 1
            return item
        }
    }

    /// The tag-scope contexts: one per tag used by an operation, in order of first use, each with its operations
    /// (the same operation contexts as the document's `operations`). Operations without tags are in no tag.
    ///
    /// - Parameter operations: The operation contexts, in the model's order.
    public func tags(operations: [[String: Any]]) -> [[String: Any]] {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (index, operation) in model.operations.enumerated() {
            for tag in operation.tags {
                if members[tag] == nil { order.append(tag) }
                if members[tag]?.last != index { members[tag, default: []].append(index) }
            }
        }
        var typeNames = NameAllocator(reserved: SwiftName.reservedTypeNames)
        var memberNames = NameAllocator()
        return order.enumerated().map { position, tag in
            let tagged = Self.positioned((members[tag] ?? []).map { operations[$0] })
            return [
                "name": tag,
                "nameLiteral": SwiftSpelling.stringLiteral(tag),
                "nameText": SwiftSpelling.singleLine(tag),
                "typeName": SwiftSpelling.identifier(typeNames.unique(SwiftName.typeName(tag))),
                "memberName": SwiftSpelling.identifier(memberNames.unique(SwiftName.memberName(tag))),
                "operations": tagged,
                "operationCount": tagged.count,
                "isFirst": position == 0,
                "isLast": position == order.count - 1,
            ]
        }
    }
}
