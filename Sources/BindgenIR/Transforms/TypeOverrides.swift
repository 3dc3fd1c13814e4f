public import OpenAPIModel

/// The `typeOverrides` section of the configuration: schemas and string formats replaced by existing Swift types.
///
/// `schemas`: the schema's declaration is not generated, and every usage of it names the given type instead
/// (e.g. `Money` → `MyKit.Money`). `formats`: every `type: string` schema of that `format` uses the given type
/// instead of the built-in one (`uri: Swift.String` where a server sends URLs that `Foundation.URL` refuses, such
/// as `""`). The type must be `Codable`, `Hashable` and `Sendable` like generated models.
public struct TypeOverrides: Sendable {
    /// Schema (by its `components/schemas` name or generated Swift name) → Swift type spelling.
    public var schemas: [ConfiguredMapping]
    /// String format (``formatTypes`` lists them) → Swift type spelling.
    public var formats: [ConfiguredMapping]

    /// The formats `formats` may name, with the type each gets by default.
    public static let formatTypes: [(format: String, usage: TypeUsage)] = [
        ("uri", .url), ("date-time", .date), ("uuid", .uuid),
    ]

    /// Creates overrides; empty by default.
    public init(schemas: [ConfiguredMapping] = [], formats: [ConfiguredMapping] = []) {
        self.schemas = schemas
        self.formats = formats
    }

    /// Whether there is nothing to apply.
    public var isEmpty: Bool { schemas.isEmpty && formats.isEmpty }

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
        var formatReplacements: [TypeUsage: TypeUsage] = [:]
        for entry in formats {
            guard let usage = Self.formatTypes.first(where: { $0.format == entry.key.text })?.usage else {
                diagnostics.error("typeOverrides.formats: '\(entry.key.text)' is not a format with a type of its own; use one of "
                                  + Self.formatTypes.map(\.format).joined(separator: ", "), at: entry.key.location)
                continue
            }
            let spelling = entry.value.text.trimmingSpaces
            guard ModelLookup.isTypeSpelling(spelling) else {
                diagnostics.error("typeOverrides.formats: '\(entry.value.text)' is not a Swift type", at: entry.value.location)
                continue
            }
            // The built-in spellings become the built-in usages, so a parameter stays a plain scalar.
            formatReplacements[usage] = switch spelling {
            case "String", "Swift.String": .string
            case "Date", "Foundation.Date": .date
            case "URL", "Foundation.URL": .url
            case "UUID", "Foundation.UUID": .uuid
            case "Data", "Foundation.Data": .data
            default: .named(spelling)
            }
        }
        return TypeReferenceRewriter(replacements: replacements, formatReplacements: formatReplacements).rewrite(model)
    }
}
