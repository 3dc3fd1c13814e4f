import Foundation
public import OpenAPIModel

/// Prints diagnostics like a compiler: the `file:line:column: severity: message` line, the source line and a caret.
public enum DiagnosticPrinter {
    public static func render(_ diagnostic: Diagnostic) -> String {
        var out = diagnostic.description
        guard let location = diagnostic.location, location.line > 0,
              let data = FileManager.default.contents(atPath: location.file) else { return out }
        let text = String(decoding: data, as: UTF8.self)
        var lineNumber = 1
        var lineText: Substring?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if lineNumber == location.line {
                lineText = line
                break
            }
            lineNumber += 1
        }
        guard let lineText, lineText.count < 400 else { return out }
        out += "\n" + lineText + "\n" + String(repeating: " ", count: max(0, location.column - 1)) + "^"
        return out
    }
}
