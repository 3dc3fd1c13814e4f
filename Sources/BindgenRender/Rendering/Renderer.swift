import BindgenIR
import Foundation
import Mustache

/// One generated file.
public struct GeneratedFile: Sendable, Hashable {
    public let name: String
    public let contents: String
}

/// Renders a ``RenderModel`` through the templates into files.
public struct Renderer {
    public let templates: TemplateSet
    public let options: RenderOptions

    public init(templates: TemplateSet, options: RenderOptions = RenderOptions()) {
        self.templates = templates
        self.options = options
    }

    /// Renders every output template with the document context, in name order.
    /// - Throws: ``TemplateError`` for a broken template.
    public func render(_ model: RenderModel) throws(TemplateError) -> [GeneratedFile] {
        let library = try templates.library()
        let context = TemplateContext(model: model, options: options).document()
        return try templates.outputTemplates.map { name throws(TemplateError) in
            guard let text = library.render(context, withTemplate: name) else {
                throw TemplateError(file: templates.sources[name]?.file ?? name, line: nil, message: "template '\(name)' did not render")
            }
            return GeneratedFile(name: name, contents: Self.tidy(text))
        }
    }

    /// Drops trailing spaces and collapses runs of blank lines, so template layout never leaks into the output.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        var blank = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var trimmed = line
            while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
            if trimmed.isEmpty {
                blank += 1
                if blank > 1 || lines.isEmpty { continue }
            } else {
                blank = 0
            }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return SwiftIndenter.reindent(lines).joined(separator: "\n") + "\n"
    }
}
