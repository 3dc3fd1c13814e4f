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
    /// How many files the partitioned template writes: enough for the compiler to type-check a large document's
    /// models in as many parallel jobs as a 16-core machine runs (the driver gives each job a batch of files, so a
    /// module's files bound its jobs); for a small document the files after `Types.swift` hold only a file header.
    public static let partitionedFileCount = 16
    /// The fewest top-level schemas a part holds on average: a document of fewer than twice as many keeps them all in
    /// the first file.
    public static let minimumSchemasPerPart = 64

    /// How many files this template writes: 1, or ``partitionedFileCount`` for the document-scope `Types.swift`.
    ///
    /// `Types.swift` renders once per part with `schemas` holding that part's top-level schemas in document order
    /// (contiguous ranges of about the same amount of code, see ``schemaRanges(weights:parts:)``), so the compiler can
    /// type-check a large document's models in parallel. A small document has all of its schemas in `Types.swift`
    /// and only file headers in `Types2.swift` … `Types16.swift`; the set of files never depends on the document.
    public var parts: Int { scope == .document && templateName == Self.partitionedTemplateName ? Self.partitionedFileCount : 1 }

    /// The files this template writes: ``fileName``, then `Types2.swift`, `Types3.swift`, … for a partitioned one.
    public var fileNames: [String] {
        guard parts > 1 else { return [fileName] }
        let stem = String(fileName.dropLast(".swift".count))
        return [fileName] + (2...parts).map { "\(stem)\($0).swift" }
    }

    /// The range of top-level schemas that part `part` (0-based) of `parts` renders, out of `count` schemas of
    /// equal weight (see ``schemaRanges(weights:parts:)``).
    public static func schemaRange(part: Int, of parts: Int, count: Int) -> Range<Int> {
        let ranges = schemaRanges(weights: Array(repeating: 1, count: count), parts: parts)
        return ranges.indices.contains(part) ? ranges[part] : count..<count
    }

    /// Contiguous ranges of top-level schemas, one per part, in document order and balanced by weight.
    ///
    /// `weights[i]` estimates how much code schema `i` renders to (``TypeDeclaration/renderWeight``), so the parts come
    /// out near the same size whatever the mix of small and large schemas: the compiler gives each part to one job,
    /// and the largest part bounds a parallel build. A document of `n` schemas uses only `⌊n / 64⌋` parts (at least
    /// one) when that is fewer (``minimumSchemasPerPart``); the remaining ranges are empty and sit at the end. Every
    /// schema is in exactly one range, and the same weights always give the same ranges.
    public static func schemaRanges(weights: [Int], parts: Int) -> [Range<Int>] {
        let count = weights.count
        let parts = max(parts, 1)
        let used = min(parts, max(1, count / minimumSchemasPerPart))
        let total = weights.reduce(0) { $0 + max($1, 1) }
        var ranges: [Range<Int>] = []
        var lower = 0
        var cumulative = 0
        var index = 0
        // Each part but the last ends where the running total comes closest to its share (part + 1) / used of the
        // whole, leaving at least one schema for each later part; the last part takes the rest.
        for part in 0..<(used - 1) {
            let target = Double(total) * Double(part + 1) / Double(used)
            let latest = count - (used - 1 - part)
            while index < latest {
                let next = cumulative + max(weights[index], 1)
                if index > lower, abs(Double(cumulative) - target) <= abs(Double(next) - target) { break }
                cumulative = next
                index += 1
            }
            ranges.append(lower..<index)
            lower = index
        }
        ranges.append(lower..<count)
        while ranges.count < parts { ranges.append(count..<count) }
        return ranges
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
