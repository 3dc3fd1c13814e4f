import Foundation
import Mustache

/// The templates of one run: the built-in ones (resources of this module) with the user's folder laid over them.
///
/// A user file named like a built-in one replaces it, partials included (`docComment.mustache`,
/// `conformances.mustache`, …). Which templates write files, and which file, follows from their names alone
/// (see ``OutputTemplate``); every other `*.mustache` file is a partial, used as `{{>name}}`.
public struct TemplateSet: Sendable {
    /// Built-in template names (without `.mustache`) that produce files; the build plugin declares the same list.
    public static let builtInOutputs = ["Client.swift", "Endpoint.swift", "Types.swift", "Webhooks.swift"]

    /// The files the built-in templates write (`Types.swift` writes four parts); the build plugin declares the same list.
    public static let builtInOutputFileNames = builtInOutputs.compactMap(OutputTemplate.init(templateName:)).flatMap(\.fileNames).sorted()

    /// Every template's text by name (without `.mustache`), and the file it came from.
    public private(set) var sources: [String: (text: String, file: String)] = [:]
    /// Names of the templates that come from the user's folder (new ones and replacements).
    public private(set) var userTemplateNames: Set<String> = []

    /// Loads the built-in templates and, if given, the user's folder on top.
    /// - Throws: ``TemplateError`` when a folder cannot be read.
    public init(userDirectory: String? = nil) throws(TemplateError) {
        guard let builtIn = Bundle.module.resourceURL?.appendingPathComponent("Templates") else {
            throw TemplateError(file: "Templates", line: nil, message: "the built-in templates are missing from the generator's resources")
        }
        try load(directory: builtIn.path, isUser: false)
        if let userDirectory {
            try load(directory: userDirectory, isUser: true)
        }
    }

    private mutating func load(directory: String, isUser: Bool) throws(TemplateError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw TemplateError(file: directory, line: nil, message: "cannot read the templates folder: \(error.localizedDescription)")
        }
        for fileName in names.sorted() where fileName.hasSuffix(".mustache") && !fileName.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(fileName)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw TemplateError(file: path, line: nil, message: "cannot read the template")
            }
            let name = String(fileName.dropLast(".mustache".count))
            sources[name] = (String(decoding: data, as: UTF8.self), path)
            if isUser { userTemplateNames.insert(name) }
        }
    }

    /// The templates that write files, sorted by file name.
    public var outputs: [OutputTemplate] {
        sources.keys.compactMap(OutputTemplate.init(templateName:)).sorted { ($0.fileName, $0.templateName) < ($1.fileName, $1.templateName) }
    }

    /// The names of the files a run writes, sorted.
    public var outputFileNames: [String] {
        Set(outputs.flatMap(\.fileNames)).sorted()
    }

    /// Every problem found without rendering: two templates writing one file, unknown partials, unknown keys
    /// (user templates only) and contract-version mismatches; each names the template file, line and column.
    public func problems() -> [TemplateError] {
        var errors: [TemplateError] = []
        var writers: [String: OutputTemplate] = [:]
        for output in outputs {
            for fileName in output.fileNames {
                if let first = writers[fileName] {
                    errors.append(TemplateError(
                        file: sources[output.templateName]?.file ?? output.templateName, line: nil,
                        message: "both '\(first.templateName).mustache' and '\(output.templateName).mustache' write \(fileName); rename one"))
                } else {
                    writers[fileName] = output
                }
            }
        }
        let names = Set(sources.keys)
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            let linter = TemplateLinter(templateNames: names, knownKeys: ContextContract.allKeys, checkKeys: userTemplateNames.contains(name))
            errors += linter.lint(source.text, file: source.file)
        }
        return errors
    }

    /// The name under which the per-item driver of a scoped output is registered in the library.
    static func driverName(for output: OutputTemplate) -> String {
        "bindgen-driver/" + output.templateName
    }

    /// The key under which a driver finds the current item (see ``Renderer``).
    static let itemKey = "bindgen-item"

    /// Compiles every template into one library, plus a driver for each per-item output. Each template gets a
    /// leading `CONTENT_TYPE: TEXT` pragma line, so nothing is HTML-escaped; reported line numbers are corrected
    /// for that line.
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
        for output in outputs where output.scope != .document {
            let text = "{{% CONTENT_TYPE: TEXT }}{{#\(Self.itemKey)}}{{>\(output.templateName)}}{{/\(Self.itemKey)}}"
            do {
                templates[Self.driverName(for: output)] = try MustacheTemplate(string: text)
            } catch {
                throw TemplateError(file: sources[output.templateName]?.file ?? output.templateName, line: nil, message: "\(error)")
            }
        }
        return MustacheLibrary(templates: templates)
    }
}

/// A problem with a template, printed as `file:line:column: error: message`.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    /// The template file (or folder) the problem is in.
    public let file: String
    /// The 1-based line, when known.
    public let line: Int?
    /// The 1-based column, when known.
    public let column: Int?
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(file: String, line: Int?, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: error: message`, leaving out what is unknown.
    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): error: \(message)"
    }
}
