import BindgenIR
import Foundation

/// One generated file.
public struct GeneratedFile: Sendable, Hashable {
    /// The file name, e.g. `Types.swift`.
    public let name: String
    /// The file's text.
    public let contents: String
}

/// Renders a ``RenderModel`` through the templates into files.
public struct Renderer: Sendable {
    /// The templates of the run.
    public let templates: TemplateSet
    /// Options from the configuration file.
    public let options: RenderOptions

    /// Creates a renderer.
    public init(templates: TemplateSet, options: RenderOptions = RenderOptions()) {
        self.templates = templates
        self.options = options
    }

    /// Renders every output template, in file-name order.
    ///
    /// A document-scope template renders once with the document context. A per-item template (schema,
    /// operation, tag, webhook) writes one file: the `fileHeader` partial, then each item rendered with its own
    /// context (keys it lacks are looked up in the document context), separated by blank lines; items that render
    /// only white space are left out.
    /// - Throws: ``TemplateError`` for a broken template.
    public func render(_ model: RenderModel) throws(TemplateError) -> [GeneratedFile] {
        let library = try templates.library()
        let context = TemplateContext(model: model, options: options)
        let document = context.document()
        var jobs: [RenderJob] = []
        for output in templates.outputs {
            guard output.parts > 1 else {
                jobs.append(RenderJob(fileName: output.fileName, output: output, document: document))
                continue
            }
            let ranges = OutputTemplate.schemaRanges(weights: model.types.map(\.renderWeight), parts: output.parts)
            for (part, fileName) in output.fileNames.enumerated() {
                let partDocument = document.part(part + 1, of: output.parts, schemas: ranges[part])
                jobs.append(RenderJob(fileName: fileName, output: output, document: partDocument))
            }
        }
        // Files are independent: render them on every core. Each job only reads the shared, immutable context.
        let results = RenderResults(count: jobs.count)
        let work = UncheckedSendable(value: (jobs, library))
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let (jobs, library) = work.value
            let job = jobs[index]
            do throws(TemplateError) {
                let text = try render(job.output, document: job.document, library: library)
                results.set(index, .success(GeneratedFile(name: job.fileName, contents: Self.tidy(text))))
            } catch {
                results.set(index, .failure(error))
            }
        }
        return try results.files()
    }

    private func render(_ output: OutputTemplate, document: DocumentView, library: TemplateLibrary) throws(TemplateError) -> String {
        let file = templates.sources[output.templateName]?.file ?? output.templateName
        guard let key = output.scope.itemsKey else {
            guard let text = library.render(document, withTemplate: output.templateName) else {
                throw TemplateError(file: file, line: nil, message: "template '\(output.templateName)' did not render")
            }
            return text
        }
        var parts = [library.render(document, withTemplate: "fileHeader") ?? ""]
        let items = document.value(named: key).flatMap(TemplateList.init)
        for index in 0..<(items?.count ?? 0) {
            guard let item = items?[index] else { continue }
            // The driver's section pushes the item, so keys resolve in the item first and in the document after.
            guard let text = library.render(stack: [document, [TemplateSet.itemKey: item]], withTemplate: TemplateSet.driverName(for: output)) else {
                throw TemplateError(file: file, line: nil, message: "template '\(output.templateName)' did not render")
            }
            if text.contains(where: { !$0.isWhitespace }) { parts.append(text) }
        }
        return parts.joined(separator: "\n\n")
    }

    /// Drops trailing spaces and collapses runs of blank lines, so template layout never leaks into the output;
    /// then re-indents by bracket depth (``SwiftIndenter``).
    static func tidy(_ text: String) -> String { SwiftIndenter.tidy(text) }
}

/// One file to render: its name, its template and the document context it renders with.
private struct RenderJob {
    let fileName: String
    let output: OutputTemplate
    let document: DocumentView
}

/// Wraps values that are only read while several threads render (the context is plain immutable data).
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
}

/// The results of concurrent render jobs, one slot per job.
private final class RenderResults: @unchecked Sendable {
    private var slots: [Result<GeneratedFile, TemplateError>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<GeneratedFile, TemplateError>) {
        lock.withLock { slots[index] = result }
    }

    /// The files in job order; the first failure (in job order) is thrown.
    func files() throws(TemplateError) -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        for slot in lock.withLock({ slots }) {
            switch slot {
            case .success(let file): files.append(file)
            case .failure(let error): throw error
            case nil: throw TemplateError(file: "", line: nil, message: "a file was not rendered")
            }
        }
        return files
    }
}
