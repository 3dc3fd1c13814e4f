import BindgenDiagnostics
import OpenAPIModel

/// Names every schema that becomes a top-level type, once, before anything is lowered: the configuration's
/// `names.schemas` and `typeOverrides.schemas` are inputs, so no pass renames types afterwards and no configured
/// or overridden schema uses up a name another one would have had.
///
/// Order: components in document order, then other `$ref` targets in address order. A schema of
/// `typeOverrides.schemas` is named by the Swift type given (it is not declared); one of `names.schemas` by its
/// configured name; every other one by its name in the document, made a Swift type name and unique.
struct TypeNamer {
    /// The Swift name of each named schema (for an overridden one, the foreign type's spelling).
    private(set) var names: [NodeAddress: String] = [:]
    /// The schemas `typeOverrides.schemas` replaces by an existing type: they get no declaration.
    private(set) var external: Set<NodeAddress> = []
    /// The configured names, for the check against nested types once they exist.
    private(set) var configured: [(name: String, entry: ConfiguredMapping)] = []
    /// Hands out names for later top-level types (inline bodies, promoted nested types).
    var allocator: NameAllocator

    init(document: OpenAPIDocument, names nameOverrides: [ConfiguredMapping], typeOverrides: [ConfiguredMapping],
         diagnostics: DiagnosticCollector) {
        let components = Set(document.componentSchemas.map(\.address))
        let ordered = document.componentSchemas.map { (address: $0.address, base: $0.name) }
            + document.schemas.keys.sorted()
                .filter { !components.contains($0) }
                .map { (address: $0, base: $0.tokens.last ?? NSStringLike($0.file).lastComponentWithoutExtension) }
        // The names every schema would get without configuration: what configuration keys may also use.
        var plain = NameAllocator(reserved: SwiftName.reservedTypeNames)
        let plainNames = ordered.map { (address: $0.address, name: plain.unique(SwiftName.typeName($0.base))) }
        let byComponentName = Dictionary(document.componentSchemas.map { ($0.name, $0.address) }, uniquingKeysWith: { first, _ in first })
        let byPlainName = Dictionary(plainNames.map { ($0.name, $0.address) }, uniquingKeysWith: { first, _ in first })
        func address(of key: ConfiguredName) -> NodeAddress? { byComponentName[key.text] ?? byPlainName[key.text] }
        var foreign: [NodeAddress: String] = [:]
        for entry in typeOverrides {
            guard let target = address(of: entry.key) else {
                diagnostics.error("typeOverrides.schemas: no schema '\(entry.key.text)' in the document", at: entry.key.location)
                continue
            }
            let spelling = entry.value.text.trimmingSpaces
            guard ModelLookup.isTypeSpelling(spelling) else {
                diagnostics.error("typeOverrides.schemas: '\(entry.value.text)' is not a Swift type", at: entry.value.location)
                continue
            }
            foreign[target] = spelling
        }
        var chosen: [NodeAddress: String] = [:]
        for entry in nameOverrides {
            let new = entry.value.text
            guard let target = address(of: entry.key), foreign[target] == nil else {
                diagnostics.error("names.schemas: no schema '\(entry.key.text)' in the document", at: entry.key.location)
                continue
            }
            guard ModelLookup.isIdentifier(new), !SwiftName.reservedTypeNames.contains(new) else {
                diagnostics.error("names.schemas: '\(new)' is not a usable Swift type name", at: entry.value.location)
                continue
            }
            let takenByAnother = plainNames.contains { $0.address != target && $0.name == new && chosen[$0.address] == nil && foreign[$0.address] == nil }
                || chosen.contains { $0.key != target && $0.value == new }
            guard !takenByAnother else {
                diagnostics.error("names.schemas: '\(new)' is already the name of another type", at: entry.value.location)
                continue
            }
            chosen[target] = new
            configured.append((new, entry))
        }
        allocator = NameAllocator(reserved: SwiftName.reservedTypeNames.union(chosen.values))
        for item in ordered {
            if let spelling = foreign[item.address] {
                names[item.address] = spelling
                external.insert(item.address)
            } else if let name = chosen[item.address] {
                names[item.address] = name
            } else {
                names[item.address] = allocator.unique(SwiftName.typeName(item.base))
            }
        }
    }

    /// Reports configured names that a nested type also has (it would hide the top-level type where it is used).
    func checkNested(_ types: [TypeDeclaration], diagnostics: DiagnosticCollector) {
        var nestedNames: Set<String> = []
        func collect(_ declaration: TypeDeclaration) {
            for child in declaration.nested {
                nestedNames.insert(child.name)
                collect(child)
            }
        }
        types.forEach(collect)
        for (name, entry) in configured where nestedNames.contains(name) {
            diagnostics.error("names.schemas: '\(name)' is the name of a nested type, which would hide it where that type is used", at: entry.value.location)
        }
    }
}
