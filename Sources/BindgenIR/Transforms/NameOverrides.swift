public import BindgenDiagnostics
import OpenAPIModel

/// The `names` section of the configuration: Swift names chosen by the user for schemas, properties and
/// operations. Schema and operation names are inputs of the lowering (``Lowering/lower(_:diagnostics:formatTypes:schemaNames:schemaTypes:operationNames:)``),
/// so what is named after them (references, media-type variants) is derived from the final
/// name; property names, which nothing is derived from, are applied to the lowered model by ``apply(to:diagnostics:)``.
public struct NameOverrides: Sendable {
    /// Schema (by its `components/schemas` name or generated Swift name) → new type name.
    public var schemas: [ConfiguredMapping]
    /// `Schema.property` (schema as above, property by its JSON name) → new property name.
    /// Nested types are reached with their Swift names: `Pet.Owner.first_name`.
    public var properties: [ConfiguredMapping]
    /// `operationId` (or the generated method name) → new method and endpoint case name.
    public var operations: [ConfiguredMapping]

    /// Creates overrides; empty by default.
    public init(schemas: [ConfiguredMapping] = [], properties: [ConfiguredMapping] = [], operations: [ConfiguredMapping] = []) {
        self.schemas = schemas
        self.properties = properties
        self.operations = operations
    }

    /// Whether there is nothing to apply.
    public var isEmpty: Bool { schemas.isEmpty && properties.isEmpty && operations.isEmpty }

    /// Applies the property names. A key that names nothing, an invalid name or a clash is an error at the entry.
    public func apply(to model: RenderModel, diagnostics: DiagnosticCollector) -> RenderModel {
        var model = model
        for entry in properties { renameProperty(entry, in: &model, diagnostics: diagnostics) }
        return model
    }

    private func renameProperty(_ entry: ConfiguredMapping, in model: inout RenderModel, diagnostics: DiagnosticCollector) {
        let key = entry.key.text
        let new = entry.value.text
        guard ModelLookup.isIdentifier(new) else {
            diagnostics.error("names.properties: '\(new)' is not a usable Swift property name", at: entry.value.location)
            return
        }
        // Try every `.` as the split between the type path and the property's JSON name.
        for split in key.indices.reversed() where key[split] == "." {
            let typePath = String(key[..<split])
            let property = String(key[key.index(after: split)...])
            guard let path = Self.typePath(typePath, in: model.types) else { continue }
            var failure: String?
            let renamed = Self.update(&model.types[path.top], at: path.nested[...]) { declaration in
                guard case .structure(var properties) = declaration.kind,
                      let index = properties.firstIndex(where: { $0.jsonName == property }) ?? properties.firstIndex(where: { $0.swiftName == property }) else {
                    return false
                }
                if properties.contains(where: { $0.swiftName == new }) && properties[index].swiftName != new {
                    failure = "'\(typePath)' already has a property named '\(new)'"
                    return true
                }
                properties[index].swiftName = new
                declaration.kind = .structure(properties)
                return true
            }
            if let failure {
                diagnostics.error("names.properties: \(failure)", at: entry.value.location)
                return
            }
            if renamed { return }
        }
        diagnostics.error("names.properties: no property '\(key)' in the document (write 'Schema.property', the property by its JSON name)", at: entry.key.location)
    }

    /// Resolves `Schema` or `Schema.Nested.Nested` to the top-level index and nested names.
    static func typePath(_ text: String, in types: [TypeDeclaration]) -> (top: Int, nested: [String])? {
        if let index = ModelLookup.typeIndex(text, in: types) { return (index, []) }
        var parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var nested: [String] = []
        while parts.count > 1 {
            nested.insert(parts.removeLast(), at: 0)
            if let index = ModelLookup.typeIndex(parts.joined(separator: "."), in: types) { return (index, nested) }
        }
        return nil
    }

    /// Runs `body` on the declaration reached through nested names; returns what `body` returned (false if not found).
    static func update(_ declaration: inout TypeDeclaration, at path: ArraySlice<String>, _ body: (inout TypeDeclaration) -> Bool) -> Bool {
        guard let first = path.first else { return body(&declaration) }
        guard let index = declaration.nested.firstIndex(where: { $0.name == first }) else { return false }
        return update(&declaration.nested[index], at: path.dropFirst(), body)
    }
}
