/// How often an output template renders: once for the document, or once per schema, operation, tag or webhook.
public enum TemplateScope: String, CaseIterable, Sendable, Hashable {
    /// Once, with the document context (`Client.swift.mustache`, `document.Extras.swift.mustache`).
    case document
    /// Once per top-level schema, with that schema's context (`schema.Fixtures.swift.mustache`).
    case schema
    /// Once per operation (`operation.Summaries.swift.mustache`).
    case operation
    /// Once per tag used by an operation (`tag.TagAPIs.swift.mustache`).
    case tag
    /// Once per webhook (`webhook.Handlers.swift.mustache`).
    case webhook

    /// The document-context key holding this scope's items; `nil` for the document scope.
    public var itemsKey: String? {
        switch self {
        case .document: nil
        case .schema: "schemas"
        case .operation: "operations"
        case .tag: "tags"
        case .webhook: "webhooks"
        }
    }
}

/// A template that writes a file, with the file's name and the template's scope.
///
/// A template's name (its file name without `.mustache`) decides both, so the set of generated files follows
/// from the template file names alone — what the build plugin needs to declare its outputs before generating:
/// - `X.swift` → file `X.swift`, document scope (the built-in `Client.swift`, `Types.swift`, …);
/// - `SCOPE.X.swift`, where `SCOPE` is `document`, `schema`, `operation`, `tag` or `webhook` → file `X.swift`,
///   rendered once per item of that scope into the one file.
///
/// Any other template is a partial.
public struct OutputTemplate: Sendable, Hashable {
    /// The template's name, e.g. `schema.Fixtures.swift`.
    public let templateName: String
    /// The generated file, e.g. `Fixtures.swift`.
    public let fileName: String
    /// How often the template renders.
    public let scope: TemplateScope

    /// Reads a template name; `nil` for a partial (a name that does not end in `.swift`).
    /// The document-scope template whose schemas are spread over several files (see ``parts``).
    public static let partitionedTemplateName = "Types.swift"
    /// How many files the partitioned template writes.
    public static let partitionedFileCount = 4
    /// Top-level schemas that stay together in the first file before a second one is used.
    public static let minimumSchemasPerPart = 64

    /// How many files this template writes: 1, or ``partitionedFileCount`` for the document-scope `Types.swift`.
    ///
    /// `Types.swift` renders once per part with `schemas` holding that part's top-level schemas in document order
    /// (parts of at least ``minimumSchemasPerPart``, otherwise a quarter each), so the compiler can type-check a large
    /// document's models in parallel. A small document has all of its schemas in `Types.swift` and only file headers
    /// in `Types2.swift` … `Types4.swift`; the set of files never depends on the document.
    public var parts: Int { scope == .document && templateName == Self.partitionedTemplateName ? Self.partitionedFileCount : 1 }

    /// The files this template writes: ``fileName``, then `Types2.swift`, `Types3.swift`, … for a partitioned one.
    public var fileNames: [String] {
        guard parts > 1 else { return [fileName] }
        let stem = String(fileName.dropLast(".swift".count))
        return [fileName] + (2...parts).map { "\(stem)\($0).swift" }
    }

    /// The range of top-level schemas that part `part` (0-based) of `parts` renders, out of `count`.
    public static func schemaRange(part: Int, of parts: Int, count: Int) -> Range<Int> {
        let size = max(minimumSchemasPerPart, (count + parts - 1) / max(parts, 1))
        let lower = min(count, part * size)
        let upper = part == parts - 1 ? count : min(count, lower + size)
        return lower..<upper
    }

    public init?(templateName: String) {
        guard templateName.hasSuffix(".swift"), templateName.count > ".swift".count else { return nil }
        self.templateName = templateName
        if let dot = templateName.firstIndex(of: "."), let scope = TemplateScope(rawValue: String(templateName[..<dot])) {
            let rest = String(templateName[templateName.index(after: dot)...])
            if rest.hasSuffix(".swift"), rest.count > ".swift".count {
                self.scope = scope
                fileName = rest
                return
            }
        }
        scope = .document
        fileName = templateName
    }

    /// The output file names a set of template file names (`*.mustache`) produces, sorted and without duplicates.
    public static func fileNames(forTemplateFiles files: [String]) -> [String] {
        let names = files.filter { $0.hasSuffix(".mustache") }.compactMap { OutputTemplate(templateName: String($0.dropLast(".mustache".count))) }
        return Set(names.flatMap(\.fileNames)).sorted()
    }
}
