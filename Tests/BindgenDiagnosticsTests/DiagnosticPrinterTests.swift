import BindgenDiagnostics
import Foundation
import Testing

/// Diagnostics print as compilers print them, with the source line and a caret where the file allows.
@Suite struct DiagnosticPrinterTests {
    static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("diagnostic-\(UUID().uuidString).yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aDiagnosticWithAPlaceShowsTheLineAndACaretUnderTheColumn() throws {
        let path = try Self.file("openapi: 3.1.0\npaths:\n  /pets: {get: 12}\n")
        let printed = DiagnosticPrinter().render(Diagnostic(.error, "an operation must be a mapping", at: SourceLocation(file: path, line: 3, column: 17)))
        #expect(printed == "\(path):3:17: error: an operation must be a mapping\n  /pets: {get: 12}\n                ^")
    }

    @Test func withoutAPlaceOrAReadableLineOnlyTheMessageIsPrinted() throws {
        let printer = DiagnosticPrinter()
        #expect(printer.render(Diagnostic(.warning, "no servers", at: nil)) == "warning: no servers")
        let missing = SourceLocation(file: "/no/such/file.yaml", line: 2, column: 1)
        #expect(printer.render(Diagnostic(.note, "here", at: missing)) == "/no/such/file.yaml:2:1: note: here")
        let path = try Self.file("one line\n")
        #expect(printer.render(Diagnostic(.error, "past the end", at: SourceLocation(file: path, line: 9, column: 1))) == "\(path):9:1: error: past the end")
        let long = try Self.file(String(repeating: "x", count: 500) + "\n")
        #expect(printer.render(Diagnostic(.error, "long", at: SourceLocation(file: long, line: 1, column: 3))) == "\(long):1:3: error: long")
    }

    @Test func severitiesAreOrderedAndCollectorsFailWithEverythingCollected() {
        #expect(Diagnostic.Severity.note < .warning && Diagnostic.Severity.warning < .error)
        let collector = DiagnosticCollector()
        collector.warning("first", at: nil)
        #expect(!collector.hasErrors)
        collector.append(contentsOf: [Diagnostic(.error, "second", at: SourceLocation(file: "a.yaml", line: 1, column: 2))])
        #expect(collector.hasErrors)
        let failure = collector.failure()
        #expect(failure.diagnostics.map(\.message) == ["first", "second"])
        #expect(failure.description == "warning: first\na.yaml:1:2: error: second")
        collector.truncate(to: 1)
        #expect(collector.diagnostics.map(\.message) == ["first"])
    }

    @Test func errorsOfEveryStageReportTheirDiagnostics() {
        let error: any DiagnosticReporting = DiagnosticsError(diagnostics: [Diagnostic(.error, "broken", at: nil)])
        #expect(error.diagnostics.count == 1)
    }
}
