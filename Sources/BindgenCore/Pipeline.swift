public import BindgenDiagnostics
public import BindgenIR
public import BindgenRender
import Foundation
import OpenAPIModel
import YAMLSource

/// The one entry point the CLI, the plugins and the tests use: document → files.
public enum Pipeline {
    /// Which part of the template context ``dumpContext(documentPath:configuration:scope:)`` prints: the document, or
    /// the list of one scope's items (schemas, operations, tags, webhooks).
    public typealias ContextScope = TemplateScope

    /// Wall time of each stage, in seconds.
    public struct Timings: Sendable {
        /// Reading the YAML or JSON.
        public var read = 0.0
        /// Parsing the OpenAPI document.
        public var model = 0.0
        /// Lowering to the render model and applying the configuration's filter and overrides.
        public var lower = 0.0
        /// Rendering the templates.
        public var render = 0.0
        /// Writing the files (set by the caller that writes).
        public var write = 0.0
    }

    /// What a run produced.
    public struct Result: Sendable {
        /// The generated files, sorted by name.
        public let files: [GeneratedFile]
        /// Warnings (and notes) of the run.
        public let diagnostics: [Diagnostic]
        /// Stage times.
        public var timings: Timings
        /// The render model the files came from (after filter and overrides).
        public let model: RenderModel
    }

    /// Reads, parses, lowers and renders a document.
    ///
    /// - Throws: `DiagnosticsError` with every diagnostic (errors and warnings) when a stage reports an error,
    ///   including template problems (as `file:line:column: error:` diagnostics).
    public static func generate(documentPath: String, configuration: Configuration = Configuration()) throws(DiagnosticsError) -> Result {
        let diagnostics = DiagnosticCollector()
        var timings = Timings()
        let model = try lower(documentPath: documentPath, configuration: configuration, diagnostics: diagnostics, timings: &timings)
        var clock = ContinuousClock.now
        let files: [GeneratedFile]
        do {
            let templates = try TemplateSet(userDirectory: configuration.templatesDirectory)
            let problems = templates.problems()
            if !problems.isEmpty {
                problems.forEach { diagnostics.append(contentsOf: $0.diagnostics) }
                throw diagnostics.failure()
            }
            files = try Renderer(templates: templates, options: renderOptions(configuration)).render(model)
        } catch let error as DiagnosticsError {
            throw error
        } catch let error as any DiagnosticReporting {
            diagnostics.append(contentsOf: error.diagnostics)
            throw diagnostics.failure()
        } catch {
            diagnostics.error("\(error)", at: nil)
            throw diagnostics.failure()
        }
        timings.render = lap(&clock)
        return Result(files: files, diagnostics: diagnostics.diagnostics, timings: timings, model: model)
    }

    /// The front half of a run: read, parse, apply `filter` to the document, lower (naming schemas with `names.schemas` and
    /// `typeOverrides`), then apply the property and operation `names`.
    static func lower(
        documentPath: String, configuration: Configuration, diagnostics: DiagnosticCollector, timings: inout Timings
    ) throws(DiagnosticsError) -> RenderModel {
        var clock = ContinuousClock.now
        let tree: YAMLNode
        do {
            tree = try YAMLReader.read(contentsOf: documentPath)
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
            throw diagnostics.failure()
        }
        timings.read = lap(&clock)
        var document = try DocumentParser(sources: SourceSet(rootFile: documentPath, rootTree: tree), diagnostics: diagnostics).parse()
        // The filter works on the document, so what it leaves out is never lowered and never takes a name.
        if let filter = configuration.filter { document = filter.apply(to: document, diagnostics: diagnostics) }
        timings.model = lap(&clock)
        // Schema names and types and operation names from the configuration are inputs of lowering; property names
        // (leaves nothing else is named after) are applied to the lowered model.
        var model = Lowering.lower(document, diagnostics: diagnostics,
                                   formatTypes: configuration.typeOverrides.formatTypes(diagnostics: diagnostics),
                                   schemaNames: configuration.names.schemas, schemaTypes: configuration.typeOverrides.schemas,
                                   operationNames: configuration.names.operations)
        // Applied even after errors, so that every bad configuration entry is reported in one run.
        model = configuration.names.apply(to: model, diagnostics: diagnostics)
        model = PaginationPass.apply(to: model)  // last: it reads the final names of members and arguments
        if diagnostics.hasErrors { throw diagnostics.failure() }
        timings.lower = lap(&clock)
        return model
    }

    /// Writes files into a folder (created if needed), replacing files of the same name.
    public static func write(_ files: [GeneratedFile], to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file.name)
            try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        }
    }

    /// The names of the files a run writes with this configuration: a function of the template file names alone,
    /// whatever the document holds (what the build plugin declares as outputs).
    /// - Throws: `DiagnosticsError` when the templates folder cannot be read.
    public static func outputFileNames(configuration: Configuration = Configuration()) throws(DiagnosticsError) -> [String] {
        do {
            return try TemplateSet(userDirectory: configuration.templatesDirectory).outputFileNames
        } catch {
            throw DiagnosticsError(diagnostics: error.diagnostics)
        }
    }

    /// The template context of a document as pretty-printed JSON with sorted keys (`dump-context`): the document
    /// context, or for another scope the list of its items' contexts (what each per-item rendering sees first).
    public static func dumpContext(
        documentPath: String, configuration: Configuration = Configuration(), scope: ContextScope = .document
    ) throws(DiagnosticsError) -> String {
        var timings = Timings()
        let diagnostics = DiagnosticCollector()
        let model = try lower(documentPath: documentPath, configuration: configuration, diagnostics: diagnostics, timings: &timings)
        return TemplateContext(model: model, options: renderOptions(configuration)).json(scope: scope)
    }

    static func renderOptions(_ configuration: Configuration) -> RenderOptions {
        RenderOptions(
            accessModifier: configuration.accessModifier, additionalImports: configuration.additionalImports,
            unknownEnumCases: configuration.unknownEnumCases, modelConformances: configuration.modelConformances)
    }

    private static func lap(_ clock: inout ContinuousClock.Instant) -> Double {
        let now = ContinuousClock.now
        let elapsed = now - clock
        clock = now
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
