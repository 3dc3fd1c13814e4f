/// One message about the generator's input (the document, the configuration file, a template), in the form
/// compilers and SwiftPM print: `openapi.yaml:12:7: error: unknown schema type 'strin'`.
///
/// Every stage reports in this one type, from the YAML reader to the renderer, and the command line prints them with
/// ``DiagnosticPrinter``.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is; any `error` fails the stage that reported it.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public let severity: Severity
    public let message: String
    /// 1-based file, line and column; `nil` when no place applies (e.g. a command-line problem).
    public let location: SourceLocation?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// `file:line:column: severity: message` (or `severity: message` without a location).
    public var description: String {
        if let location {
            return "\(location): \(severity.rawValue): \(message)"
        }
        return "\(severity.rawValue): \(message)"
    }
}
