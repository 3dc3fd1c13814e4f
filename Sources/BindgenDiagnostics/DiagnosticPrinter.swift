import Foundation

/// Prints diagnostics like a compiler: the `file:line:column: severity: message` line, the source line and a caret.
/// Each file is read and split into lines once, however many diagnostics point into it.
public final class DiagnosticPrinter {
    private var lines: [String: [Substring]] = [:]

    public init() {}

    /// Writes diagnostics to standard error, one `render(_:)` each, in order.
    public func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let text = diagnostics.map { render($0) + "\n" }.joined()
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// The diagnostic's line, then the source line it points at and a caret under its column (when the file can be
    /// read and the line is shorter than 400 bytes).
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = diagnostic.description
        guard let location = diagnostic.location, location.line > 0 else { return out }
        let fileLines = lines(of: location.file)
        guard location.line <= fileLines.count else { return out }
        let lineText = fileLines[location.line - 1]
        guard lineText.utf8.count < 400 else { return out }
        out += "\n" + lineText + "\n" + String(repeating: " ", count: max(0, location.column - 1)) + "^"
        return out
    }

    private func lines(of file: String) -> [Substring] {
        if let cached = lines[file] { return cached }
        let text = FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let split = text.split(separator: "\n", omittingEmptySubsequences: false)
        lines[file] = split
        return split
    }
}
