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

    public func append(contentsOf diagnostics: [Diagnostic]) {
        self.diagnostics += diagnostics
    }

    /// Everything collected so far, as the error a stage throws when it cannot go on.
    public func failure() -> DiagnosticsError {
        DiagnosticsError(diagnostics: diagnostics)
    }

    /// Drops the diagnostics after the first `count`, for a stage that redoes its work.
    public func truncate(to count: Int) {
        if count < diagnostics.count { diagnostics.removeSubrange(count...) }
    }
}
