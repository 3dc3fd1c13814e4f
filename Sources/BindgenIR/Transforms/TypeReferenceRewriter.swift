/// Rewrites references to top-level types (``TypeUsage/named(_:)``) across a ``RenderModel``.
///
/// Scope-aware: inside a declaration whose nested types include a name, that name means the nested type,
/// so a reference to it is left alone even when a top-level type of the same name is renamed.
struct TypeReferenceRewriter {
    /// Old top-level type name → the spelling that replaces it (a new name or an existing Swift type).
    let replacements: [String: String]

    func rewrite(_ model: RenderModel) -> RenderModel {
        guard !replacements.isEmpty else { return model }
        var model = model
        model.types = model.types.map { rewrite($0, shadowed: []) }
        model.operations = model.operations.map(rewrite)
        model.webhooks = model.webhooks.map { hook in
            var hook = hook
            hook.payload = hook.payload.map { rewrite($0, shadowed: []) }
            return hook
        }
        return model
    }

    func rewrite(_ operation: OperationDeclaration) -> OperationDeclaration {
        var operation = operation
        operation.arguments = operation.arguments.map { argument in
            var argument = argument
            argument.type = rewrite(argument.type, shadowed: [])
            return argument
        }
        if case .json(let usage) = operation.success.body {
            operation.success.body = .json(rewrite(usage, shadowed: []))
        }
        for index in operation.success.responses.indices {
            if case .json(let usage) = operation.success.responses[index].body {
                operation.success.responses[index].body = .json(rewrite(usage, shadowed: []))
            }
        }
        for index in operation.responseHeaders.indices {
            operation.responseHeaders[index].type = rewrite(operation.responseHeaders[index].type, shadowed: [])
        }
        return operation
    }

    func rewrite(_ declaration: TypeDeclaration, shadowed outer: Set<String>) -> TypeDeclaration {
        var declaration = declaration
        let shadowed = outer.union(declaration.nested.map(\.name))
        switch declaration.kind {
        case .structure(let properties):
            declaration.kind = .structure(properties.map { property in
                var property = property
                property.type = rewrite(property.type, shadowed: shadowed)
                return property
            })
        case .alias(let usage):
            declaration.kind = .alias(rewrite(usage, shadowed: shadowed))
        case .oneOf(var oneOf):
            for index in oneOf.variants.indices {
                oneOf.variants[index].type = rewrite(oneOf.variants[index].type, shadowed: shadowed)
            }
            declaration.kind = .oneOf(oneOf)
        case .stringEnum, .integerEnum:
            break
        }
        declaration.nested = declaration.nested.map { rewrite($0, shadowed: shadowed) }
        return declaration
    }

    func rewrite(_ usage: TypeUsage, shadowed: Set<String>) -> TypeUsage {
        switch usage {
        case .named(let name):
            guard !shadowed.contains(name), let replacement = replacements[name] else { return usage }
            return .named(replacement)
        case .array(let element): return .array(rewrite(element, shadowed: shadowed))
        case .dictionary(let value): return .dictionary(rewrite(value, shadowed: shadowed))
        case .optional(let wrapped): return .optional(rewrite(wrapped, shadowed: shadowed))
        case .string, .integer, .double, .float, .bool, .date, .data, .url, .uuid, .jsonValue, .file:
            return usage
        }
    }
}

extension TypeUsage {
    /// Every type name the usage mentions (``named(_:)`` at any depth).
    var referencedNames: [String] {
        switch self {
        case .named(let name): [name]
        case .array(let inner), .dictionary(let inner), .optional(let inner): inner.referencedNames
        case .string, .integer, .double, .float, .bool, .date, .data, .url, .uuid, .jsonValue, .file: []
        }
    }
}

extension TypeDeclaration {
    /// Every type name the declaration's members mention, nested declarations included.
    var referencedNames: [String] {
        var names: [String]
        switch kind {
        case .structure(let properties): names = properties.flatMap(\.type.referencedNames)
        case .alias(let usage): names = usage.referencedNames
        case .oneOf(let oneOf): names = oneOf.variants.flatMap(\.type.referencedNames)
        case .stringEnum, .integerEnum: names = []
        }
        for child in nested { names += child.referencedNames }
        return names
    }
}
