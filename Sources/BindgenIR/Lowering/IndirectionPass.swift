/// Marks struct properties that must be stored out of line: a struct cannot contain itself by value, so a
/// property whose type (directly or through optionals and aliases, not arrays or dictionaries, which already
/// store out of line) leads back to the struct is boxed.
enum IndirectionPass {
    static func apply(_ types: [TypeDeclaration]) -> [TypeDeclaration] {
        var index: [TypeID: TypeDeclaration] = [:]
        for declaration in types.flatMap(\.allDeclarations) { index[declaration.id] = declaration }

        /// The types a declaration holds by value.
        func directTargets(of id: TypeID) -> [TypeID] {
            switch index[id]?.kind {
            case .structure(let properties): properties.compactMap(\.type.directlyGenerated)
            case .alias(let usage): usage.directlyGenerated.map { [$0] } ?? []
            default: []   // enums break the chain (oneOf enums are `indirect`)
            }
        }

        func reaches(_ start: TypeID, _ goal: TypeID) -> Bool {
            var seen: Set<TypeID> = []
            var stack = [start]
            while let id = stack.popLast() {
                if id == goal { return true }
                guard seen.insert(id).inserted else { continue }
                stack += directTargets(of: id)
            }
            return false
        }

        func visit(_ declaration: TypeDeclaration) -> TypeDeclaration {
            var copy = declaration
            if case .structure(var properties) = declaration.kind {
                for i in properties.indices {
                    if let target = properties[i].type.directlyGenerated, reaches(target, declaration.id) {
                        properties[i].isIndirect = true
                    }
                }
                copy.kind = .structure(properties)
            }
            copy.nested = declaration.nested.map(visit)
            return copy
        }
        return types.map(visit)
    }
}
