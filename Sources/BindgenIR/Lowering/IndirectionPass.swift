/// Marks struct properties stored out of line (boxed, `@Indirect`):
/// - a struct cannot contain itself by value, so a property whose type (directly or through optionals and aliases,
///   not arrays or dictionaries, which already store out of line) leads back to the struct is boxed;
/// - a property holding a struct of more than ``inlineMemberLimit`` inline members is boxed too, so no model's
///   layout grows with the models it nests. The compiler writes the copy, move and destroy of a value type (its
///   value witnesses, and an outlined copy in each file that copies it) member by member, nested structs included:
///   Stripe's `Invoice` held `ApiErrors`, which held `PaymentIntent`, …, and its `assignWithCopy` alone was 50,000
///   LLVM instructions. Behind a box the containing struct copies one reference; boxing shrank the LLVM IR of
///   Stripe's output by a third, though not its debug compile time, which follows the number of functions
///   (BENCHMARKS-MEMBERS.md), and it makes copies of big models cheap. Small structs (a money amount and its
///   currency) stay inline, where a box would be an allocation for every decoded value.
enum IndirectionPass {
    /// A nested struct with more stored members than this (counting the members of the structs it holds inline) is
    /// boxed.
    static let inlineMemberLimit = 2

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

        // First pass: break cycles.
        func breakCycles(_ declaration: TypeDeclaration) -> TypeDeclaration {
            var copy = declaration
            if case .structure(var properties) = declaration.kind {
                for i in properties.indices {
                    if let target = properties[i].type.directlyGenerated, reaches(target, declaration.id) {
                        properties[i].isIndirect = true
                    }
                }
                copy.kind = .structure(properties)
            }
            copy.nested = declaration.nested.map(breakCycles)
            return copy
        }
        let acyclic = types.map(breakCycles)
        index = [:]
        for declaration in acyclic.flatMap(\.allDeclarations) { index[declaration.id] = declaration }

        // Second pass: inline member counts over the (now acyclic) by-value edges, boxing large structs. Only structs
        // (reached directly or through aliases) count: an enum's cases are copied by its own value witnesses.
        let limit = inlineMemberLimit
        var inlineCount: [TypeID: Int] = [:]
        /// Members a struct holds inline, those of the structs it holds inline included; `nil` for other types.
        func count(_ id: TypeID) -> Int? {
            if let known = inlineCount[id] { return known }
            let total: Int?
            switch index[id]?.kind {
            case .structure(let properties):
                total = properties.reduce(0) { sum, property in
                    guard !property.isIndirect, let target = property.type.directlyGenerated, let nested = count(target) else { return sum + 1 }
                    return sum + (nested > limit ? 1 : nested)
                }
            case .alias(let usage):
                total = usage.directlyGenerated.flatMap(count)
            default:
                total = nil
            }
            inlineCount[id] = total
            return total
        }
        func boxLarge(_ declaration: TypeDeclaration) -> TypeDeclaration {
            var copy = declaration
            if case .structure(var properties) = declaration.kind {
                for i in properties.indices where !properties[i].isIndirect {
                    if let target = properties[i].type.directlyGenerated, let members = count(target), members > limit {
                        properties[i].isIndirect = true
                    }
                }
                copy.kind = .structure(properties)
            }
            copy.nested = declaration.nested.map(boxLarge)
            return copy
        }
        return acyclic.map(boxLarge)
    }
}
