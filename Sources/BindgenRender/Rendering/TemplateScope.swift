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
        return Set(names.map(\.fileName)).sorted()
    }
}
