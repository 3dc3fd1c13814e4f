/// Marks struct properties that must be stored out of line: a struct cannot contain itself by value, so a
/// property whose type (directly or through optionals and aliases, not arrays or dictionaries, which already
/// store out of line) leads back to the struct is boxed.
enum IndirectionPass {
    static func apply(_ types: [TypeDeclaration]) -> [TypeDeclaration] {
        var index: [String: TypeDeclaration] = [:]
        func register(_ declaration: TypeDeclaration, path: [String]) {
            let qualified = (path + [declaration.name]).joined(separator: ".")
            index[qualified] = declaration
            for child in declaration.nested { register(child, path: path + [declaration.name]) }
        }
        types.forEach { register($0, path: []) }

        /// Resolves a type name used inside `scope` (a qualified declaration path) the way Swift does: innermost first.
        func resolve(_ name: String, in scope: [String]) -> [String]? {
            var path = scope
            while true {
                let candidate = path + [name]
                if index[candidate.joined(separator: ".")] != nil { return candidate }
                if path.isEmpty { return nil }
                path.removeLast()
            }
        }

        /// Qualified struct names reached by value from a declaration.
        func directTargets(of path: [String]) -> [[String]] {
            guard let declaration = index[path.joined(separator: ".")] else { return [] }
            var usages: [TypeUsage] = []
            switch declaration.kind {
            case .structure(let properties): usages = properties.map(\.type)
            case .alias(let usage): usages = [usage]
            default: return []   // enums break the chain (oneOf enums are `indirect`)
            }
            return usages.compactMap { usage in usage.directlyNamed.flatMap { resolve($0, in: path) } }
        }

        func reaches(_ start: [String], _ goal: [String]) -> Bool {
            var seen: Set<String> = []
            var stack = [start]
            while let path = stack.popLast() {
                if path == goal { return true }
                guard seen.insert(path.joined(separator: ".")).inserted else { continue }
                stack += directTargets(of: path)
            }
            return false
        }

        func visit(_ declaration: TypeDeclaration, path: [String]) -> TypeDeclaration {
            var copy = declaration
            let own = path + [declaration.name]
            if case .structure(var properties) = declaration.kind {
                for i in properties.indices {
                    if let name = properties[i].type.directlyNamed, let target = resolve(name, in: own), reaches(target, own) {
                        properties[i].isIndirect = true
                    }
                }
                copy.kind = .structure(properties)
            }
            copy.nested = declaration.nested.map { visit($0, path: own) }
            return copy
        }
        return types.map { visit($0, path: []) }
    }
}
