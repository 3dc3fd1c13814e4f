public import OpenAPIModel

/// The `typeOverrides` section of the configuration: schemas replaced by existing Swift types.
///
/// The schema's declaration is not generated, and every usage of it names the given type instead
/// (e.g. `Money` → `MyKit.Money`). The type must be `Codable`, `Hashable` and `Sendable` like generated models.
public struct TypeOverrides: Sendable {
    /// Schema (by its `components/schemas` name or generated Swift name) → Swift type spelling.
    public var schemas: [ConfiguredMapping]

    /// Creates overrides; empty by default.
    public init(schemas: [ConfiguredMapping] = []) {
        self.schemas = schemas
    }

    /// Whether there is nothing to apply.
    public var isEmpty: Bool { schemas.isEmpty }

    /// Applies the overrides. A key that names nothing or a value that is not a type spelling is an error at the entry.
    public func apply(to model: RenderModel, diagnostics: DiagnosticCollector) -> RenderModel {
        var model = model
        var replacements: [String: String] = [:]
        var removed: Set<String> = []
        for entry in schemas {
            guard let index = ModelLookup.typeIndex(entry.key.text, in: model.types) else {
                diagnostics.error("typeOverrides.schemas: no schema '\(entry.key.text)' in the document", at: entry.key.location)
                continue
            }
            let spelling = entry.value.text.trimmingSpaces
            guard ModelLookup.isTypeSpelling(spelling) else {
                diagnostics.error("typeOverrides.schemas: '\(entry.value.text)' is not a Swift type", at: entry.value.location)
                continue
            }
            replacements[model.types[index].name] = spelling
            removed.insert(model.types[index].name)
        }
        model.types.removeAll { removed.contains($0.name) }
        return TypeReferenceRewriter(replacements: replacements).rewrite(model)
    }
}
