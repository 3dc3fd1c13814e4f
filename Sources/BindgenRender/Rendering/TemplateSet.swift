public import BindgenDiagnostics
import Foundation

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

    /// Parses every template into one library, plus a driver for each per-item output. Each template gets a
    /// leading `CONTENT_TYPE: TEXT` pragma line, so nothing is HTML-escaped.
    /// - Throws: ``TemplateError`` naming the template file, line and column of a syntax error.
    public func library() throws(TemplateError) -> TemplateLibrary {
        var programs: [String: TemplateProgram] = [:]
        let pragma = "{{% CONTENT_TYPE: TEXT }}\n"
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do throws(TemplateParser.Failure) {
                programs[name] = try TemplateParser.parse(pragma + source.text)
            } catch {
                let (line, column) = Self.place(of: error.offset - pragma.utf8.count, in: source.text)
                throw TemplateError(file: source.file, line: line, column: column, message: error.message)
            }
        }
        for output in outputs where output.scope != .document {
            let text = "{{% CONTENT_TYPE: TEXT }}{{#\(Self.itemKey)}}{{>\(output.templateName)}}{{/\(Self.itemKey)}}"
            do throws(TemplateParser.Failure) {
                programs[Self.driverName(for: output)] = try TemplateParser.parse(text)
            } catch {
                throw TemplateError(file: sources[output.templateName]?.file ?? output.templateName, line: nil, message: error.message)
            }
        }
        return TemplateLibrary(programs: programs)
    }

    /// The 1-based line and column of a UTF-8 offset in a text.
    static func place(of offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in text.utf8.prefix(max(0, offset)) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}

/// A problem with a template, printed as `file:line:column: error: message`.
public struct TemplateError: DiagnosticReporting, CustomStringConvertible {
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

    /// The error as the one diagnostic it is (line and column 1 where unknown).
    public var diagnostics: [Diagnostic] {
        [Diagnostic(.error, message, at: SourceLocation(file: file, line: line ?? 1, column: column ?? 1))]
    }
}
