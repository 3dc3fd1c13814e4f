extension TypeUsage {
    /// The generated type a usage names directly or through optionality (not through arrays or dictionaries).
    public var directlyGenerated: TypeID? {
        switch self {
        case .generated(let id): id
        case .optional(let wrapped): wrapped.directlyGenerated
        default: nil
        }
    }
}

extension TypeDeclaration {
    /// This declaration and every declaration nested in it, at any depth, parents before their children.
    public var allDeclarations: [TypeDeclaration] {
        var result: [TypeDeclaration] = []
        func visit(_ declaration: TypeDeclaration) {
            result.append(declaration)
            declaration.nested.forEach(visit)
        }
        visit(self)
        return result
    }
}
