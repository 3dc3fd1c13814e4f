import ArgumentParser
import BindgenCore
import BindgenDiagnostics
import Foundation

@main
struct BindgenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi-bindgen",
        abstract: "Generates Swift models, an endpoint enum and a typed client from an OpenAPI 3.0/3.1 document.",
        subcommands: [Generate.self, DumpContext.self, ListOutputs.self],
        defaultSubcommand: Generate.self)
}

struct CommonOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The OpenAPI document (YAML or JSON).", valueName: "document"))
    var documentArgument: String

    /// The document's path with symbolic links followed, so diagnostics name the file the user edits and
    /// relative `$ref`s resolve from its real folder.
    var document: String {
        var path = documentArgument
        for _ in 0..<16 {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { break }
            path = target.hasPrefix("/") ? target : ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
        }
        return (path as NSString).standardizingPath
    }

    @Option(help: "The configuration file (default: openapi-bindgen.yaml next to the document, or next to the file a linked document points to, if present).")
    var config: String?

    func configuration() throws -> BindgenCore.Configuration {
        // Next to the document as named first (where the build plugin looks: a target's openapi.yaml may be a
        // symbolic link to a shared file), then next to the file it links to.
        let path = config ?? [documentArgument, document].lazy.map {
            (($0 as NSString).deletingLastPathComponent as NSString).appendingPathComponent("openapi-bindgen.yaml")
        }.first { FileManager.default.fileExists(atPath: $0) }
        guard let path else { return BindgenCore.Configuration() }
        let diagnostics = DiagnosticCollector()
        let configuration = BindgenCore.Configuration.load(path: path, diagnostics: diagnostics)
        if diagnostics.hasErrors {
            report(diagnostics.diagnostics)
            throw ExitCode.failure
        }
        return configuration
    }
}

func report(_ diagnostics: [Diagnostic]) {
    DiagnosticPrinter().report(diagnostics)
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Writes the generated Swift files into a folder.")

    @OptionGroup var options: CommonOptions

    @Option(name: .customLong("output-directory"), help: "Where to write the files.")
    var outputDirectory: String

    @Flag(help: "Print only warnings and errors.")
    var quiet = false

    @Flag(help: "Print the time of each stage (read, model, lower, render, write) in milliseconds.")
    var timings = false

    @Option(
        name: .customLong("declared-outputs"),
        help: ArgumentHelp("The file names the build plugin declared, comma-separated; a different set is an error.", visibility: .hidden))
    var declaredOutputs: String?

    func run() throws {
        let configuration = try options.configuration()
        var result: Pipeline.Result
        do {
            result = try Pipeline.generate(documentPath: options.document, configuration: configuration)
        } catch {
            report(error.diagnostics)
            throw ExitCode.failure
        }
        report(result.diagnostics)
        if let declaredOutputs {
            let declared = declaredOutputs.split(separator: ",").map(String.init).sorted()
            let written = result.files.map(\.name).sorted()
            guard declared == written else {
                let message = "error: the build plugin declared the outputs \(declared.joined(separator: ", ")), but the templates write \(written.joined(separator: ", ")); "
                    + "the plugin reads only a plain 'templates: FOLDER' line of openapi-bindgen.yaml: write the key that way\n"
                FileHandle.standardError.write(Data(message.utf8))
                throw ExitCode.failure
            }
        }
        let start = ContinuousClock.now
        try Pipeline.write(result.files, to: outputDirectory)
        let elapsed = ContinuousClock.now - start
        result.timings.write = Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
        if !quiet {
            print("openapi-bindgen: wrote \(result.files.count) files to \(outputDirectory)")
        }
        if timings {
            let t = result.timings
            let ms = { (s: Double) in String(format: "%.1f", s * 1000) }
            print("timings (ms): read \(ms(t.read)) model \(ms(t.model)) lower \(ms(t.lower)) render \(ms(t.render)) write \(ms(t.write)) total \(ms(t.read + t.model + t.lower + t.render + t.write))")
        }
    }
}

struct DumpContext: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-context", abstract: "Prints the template context of a document as JSON (for template authors).")

    @OptionGroup var options: CommonOptions

    @Option(help: ArgumentHelp(
        "The scope to print: document (the whole context), or schema, operation, tag or webhook (the list of that scope's item contexts).",
        valueName: "scope"))
    var scope: Pipeline.ContextScope = .document

    func run() throws {
        let configuration = try options.configuration()
        do {
            print(try Pipeline.dumpContext(documentPath: options.document, configuration: configuration, scope: scope))
        } catch {
            report(error.diagnostics)
            throw ExitCode.failure
        }
    }
}

extension Pipeline.ContextScope: ExpressibleByArgument {}

struct ListOutputs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list-outputs",
        abstract: "Prints the names of the files `generate` writes with a configuration, one a line (they follow from the template file names alone).")

    @Option(help: "The configuration file (default: none, only the built-in templates).")
    var config: String?

    func run() throws {
        var configuration = BindgenCore.Configuration()
        if let config {
            let diagnostics = DiagnosticCollector()
            configuration = BindgenCore.Configuration.load(path: config, diagnostics: diagnostics)
            if diagnostics.hasErrors {
                report(diagnostics.diagnostics)
                throw ExitCode.failure
            }
        }
        do {
            print(try Pipeline.outputFileNames(configuration: configuration).joined(separator: "\n"))
        } catch {
            report(error.diagnostics)
            throw ExitCode.failure
        }
    }
}
