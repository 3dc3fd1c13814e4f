import Foundation
import Mustache

/// The templates of one run: the built-in ones (resources of this module) with the user's folder laid over them.
///
/// A template named `X.swift.mustache` renders the output file `X.swift`; any other `*.mustache` file is a
/// partial, used as `{{>name}}`. A user file with the name of a built-in one replaces it.
public struct TemplateSet: Sendable {
    /// Built-in template names (without `.mustache`) that produce files; the build plugin declares the same list.
    public static let builtInOutputs = ["Client.swift", "Endpoint.swift", "Types.swift", "Webhooks.swift"]

    /// Every template's text by name (without `.mustache`), and the file it came from.
    public private(set) var sources: [String: (text: String, file: String)] = [:]

    /// Loads the built-in templates and, if given, the user's folder on top.
    /// - Throws: ``TemplateError`` when a folder cannot be read.
    public init(userDirectory: String? = nil) throws(TemplateError) {
        guard let builtIn = Bundle.module.resourceURL?.appendingPathComponent("Templates") else {
            throw TemplateError(file: "Templates", line: nil, message: "the built-in templates are missing from the generator's resources")
        }
        try load(directory: builtIn.path)
        if let userDirectory {
            try load(directory: userDirectory)
        }
    }

    private mutating func load(directory: String) throws(TemplateError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw TemplateError(file: directory, line: nil, message: "cannot read the templates folder: \(error.localizedDescription)")
        }
        for fileName in names.sorted() where fileName.hasSuffix(".mustache") {
            let path = (directory as NSString).appendingPathComponent(fileName)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw TemplateError(file: path, line: nil, message: "cannot read the template")
            }
            sources[String(fileName.dropLast(".mustache".count))] = (String(decoding: data, as: UTF8.self), path)
        }
    }

    /// Names of templates that produce files, sorted.
    public var outputTemplates: [String] {
        sources.keys.filter { $0.hasSuffix(".swift") }.sorted()
    }

    /// Compiles every template into one library. Each gets a leading `CONTENT_TYPE: TEXT` pragma line, so
    /// nothing is HTML-escaped; reported line numbers are corrected for that line.
    /// - Throws: ``TemplateError`` naming the template file and line of a syntax error.
    public func library() throws(TemplateError) -> MustacheLibrary {
        var templates: [String: MustacheTemplate] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                templates[name] = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT }}\n" + source.text)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(
                    file: source.file, line: max(1, error.context.lineNumber - 1),
                    message: "\(error.error) near '\(error.context.line.trimmingCharacters(in: .whitespaces))'")
            } catch {
                throw TemplateError(file: source.file, line: nil, message: "\(error)")
            }
        }
        return MustacheLibrary(templates: templates)
    }
}

/// A problem with a template, printed as `file:line: error: message`.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public var description: String {
        if let line { return "\(file):\(line): error: \(message)" }
        return "\(file): error: \(message)"
    }
}
