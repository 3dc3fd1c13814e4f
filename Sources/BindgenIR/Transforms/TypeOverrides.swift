public import BindgenDiagnostics
import OpenAPIModel

/// The `typeOverrides` section of the configuration: schemas and string formats replaced by existing Swift types.
///
/// `schemas`: the schema's declaration is not generated, and every usage of it names the given type instead
/// (e.g. `Money` → `MyKit.Money`). `formats`: every string or number schema of that `format` uses the given type
/// instead of the built-in one (`uri: Foundation.URL` to have URLs typed, `decimal: Foundation.Decimal`); applied
/// during lowering. The type must be `Codable` and `Sendable` like generated models, plus what `modelConformances` lists.
public struct TypeOverrides: Sendable {
    /// Schema (by its `components/schemas` name or generated Swift name) → Swift type spelling.
    public var schemas: [ConfiguredMapping]
    /// Schema `format` (any: `uri`, `date-time`, `email`, `decimal`, …) → Swift type spelling.
    public var formats: [ConfiguredMapping]

    /// Creates overrides; empty by default.
    public init(schemas: [ConfiguredMapping] = [], formats: [ConfiguredMapping] = []) {
        self.schemas = schemas
        self.formats = formats
    }

    /// The type of each overridden format, for the lowering; a value that is not a type spelling is an error at
    /// the entry. The built-in spellings (`Swift.String`, `Foundation.URL`, `Foundation.Date`, `Foundation.UUID`)
    /// become the built-in usages, so a parameter of such a format stays a plain scalar.
    public func formatTypes(diagnostics: DiagnosticCollector) -> [String: TypeUsage] {
        var result: [String: TypeUsage] = [:]
        for entry in formats {
            let spelling = entry.value.text.trimmingSpaces
            guard ModelLookup.isTypeSpelling(spelling) else {
                diagnostics.error("typeOverrides.formats: '\(entry.value.text)' is not a Swift type", at: entry.value.location)
                continue
            }
            result[entry.key.text] = switch spelling {
            case "String", "Swift.String": .string
            case "Date", "Foundation.Date": .date
            case "URL", "Foundation.URL": .url
            case "UUID", "Foundation.UUID": .uuid
            case "Data", "Foundation.Data": .data
            case "Int", "Swift.Int": .integer(bits: nil)
            case "Double", "Swift.Double": .double
            case "Bool", "Swift.Bool": .bool
            default: .external(spelling)
            }
        }
        return result
    }

    /// Whether there is nothing to apply.
    public var isEmpty: Bool { schemas.isEmpty && formats.isEmpty }
}
