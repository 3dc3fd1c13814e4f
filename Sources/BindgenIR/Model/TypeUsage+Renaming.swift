extension TypeUsage {
    /// The same usage with generated type names replaced through `map` (names not in it stay).
    public func renamed(_ map: [String: String]) -> TypeUsage {
        switch self {
        case .named(let name): .named(map[name] ?? name)
        case .array(let element): .array(element.renamed(map))
        case .dictionary(let value): .dictionary(value.renamed(map))
        case .optional(let wrapped): .optional(wrapped.renamed(map))
        default: self
        }
    }

    /// The generated type a usage names directly or through optionality (not through arrays or dictionaries).
    public var directlyNamed: String? {
        switch self {
        case .named(let name): name
        case .optional(let wrapped): wrapped.directlyNamed
        default: nil
        }
    }
}

extension TypeDeclaration {
    /// The declaration with every reference to a generated type renamed (nested declarations included).
    public func renamingReferences(_ map: [String: String]) -> TypeDeclaration {
        var copy = self
        switch kind {
        case .structure(let properties):
            copy.kind = .structure(properties.map { property in
                var p = property
                p.type = property.type.renamed(map)
                return p
            })
        case .alias(let usage):
            copy.kind = .alias(usage.renamed(map))
        case .oneOf(var variants):
            for index in variants.variants.indices {
                variants.variants[index].type = variants.variants[index].type.renamed(map)
            }
            copy.kind = .oneOf(variants)
        case .stringEnum, .integerEnum:
            break
        }
        copy.nested = nested.map { $0.renamingReferences(map) }
        return copy
    }
}
