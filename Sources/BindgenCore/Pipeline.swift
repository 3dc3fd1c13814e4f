import Foundation
public import BindgenIR
public import BindgenRender
public import OpenAPIModel
import YAMLSource

/// The one entry point the CLI, the plugins and the tests use: document → files.
public enum Pipeline {
    /// Wall time of each stage, in seconds.
    public struct Timings: Sendable {
        public var read = 0.0, model = 0.0, lower = 0.0, render = 0.0, write = 0.0
    }

    public struct Result: Sendable {
        public let files: [GeneratedFile]
        public let diagnostics: [Diagnostic]
        public var timings: Timings
        public let model: RenderModel
    }

    /// Reads, parses, lowers and renders a document.
    ///
    /// - Throws: ``DiagnosticsError`` with every diagnostic (errors and warnings) when a stage reports an error,
    ///   including template problems (as `file:line: error:` diagnostics).
    public static func generate(documentPath: String, configuration: Configuration = Configuration()) throws(DiagnosticsError) -> Result {
        let diagnostics = DiagnosticCollector()
        var timings = Timings()
        var clock = ContinuousClock.now

        func lap() -> Double {
            let now = ContinuousClock.now
            let elapsed = now - clock
            clock = now
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }

        let tree: YAMLNode
        do {
            tree = try YAMLReader.read(contentsOf: documentPath)
        } catch {
            diagnostics.error(error.message, at: error.location)
            throw DiagnosticsError(diagnostics: diagnostics.diagnostics)
        }
        timings.read = lap()
        let document = try DocumentParser(sources: SourceSet(rootFile: documentPath, rootTree: tree), diagnostics: diagnostics).parse()
        timings.model = lap()
        let model = Lowering.lower(document, diagnostics: diagnostics)
        if diagnostics.hasErrors { throw DiagnosticsError(diagnostics: diagnostics.diagnostics) }
        timings.lower = lap()
        let files: [GeneratedFile]
        do {
            let templates = try TemplateSet(userDirectory: configuration.templatesDirectory)
            let options = RenderOptions(
                accessModifier: configuration.accessModifier, additionalImports: configuration.additionalImports,
                unknownEnumCases: configuration.unknownEnumCases)
            files = try Renderer(templates: templates, options: options).render(model)
        } catch {
            diagnostics.append(Diagnostic(.error, error.message, at: error.line.map { SourceLocation(file: error.file, line: $0, column: 1) }
                ?? SourceLocation(file: error.file, line: 1, column: 1)))
            throw DiagnosticsError(diagnostics: diagnostics.diagnostics)
        }
        timings.render = lap()
        return Result(files: files, diagnostics: diagnostics.diagnostics, timings: timings, model: model)
    }

    /// Writes files into a folder (created if needed), replacing files of the same name.
    public static func write(_ files: [GeneratedFile], to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file.name)
            try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        }
    }

    /// The template context of a document, as pretty-printed JSON with sorted keys (`dump-context`).
    public static func dumpContext(documentPath: String, configuration: Configuration = Configuration()) throws(DiagnosticsError) -> String {
        let result = try generate(documentPath: documentPath, configuration: configuration)
        let options = RenderOptions(
            accessModifier: configuration.accessModifier, additionalImports: configuration.additionalImports,
            unknownEnumCases: configuration.unknownEnumCases)
        let context = TemplateContext(model: result.model, options: options).document()
        guard let data = try? JSONSerialization.data(withJSONObject: context, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
