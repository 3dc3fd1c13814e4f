public import YAMLSource

/// One message about the input document, in the form compilers and SwiftPM print:
/// `openapi.yaml:12:7: error: unknown schema type 'strin'`.
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

/// Collects diagnostics during one pipeline run. Not shared between runs: each run makes its own.
public final class DiagnosticCollector {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public func error(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.error, message, at: location))
    }

    public func warning(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.warning, message, at: location))
    }

    public func note(_ message: String, at location: SourceLocation?) {
        diagnostics.append(Diagnostic(.note, message, at: location))
    }

    public func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Drops the diagnostics after the first `count`, for a stage that redoes its work.
    public func truncate(to count: Int) {
        if count < diagnostics.count { diagnostics.removeSubrange(count...) }
    }
}

/// Thrown when a stage ends with at least one error; carries every diagnostic collected so far.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
