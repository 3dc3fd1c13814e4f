/// Thrown when a stage ends with at least one error; carries every diagnostic collected so far.
public struct DiagnosticsError: DiagnosticReporting, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// An error that stands for one or more diagnostics: what a stage throws when it cannot go on (``DiagnosticsError``,
/// the YAML reader's and the template set's errors). A caller prints ``diagnostics`` whatever the stage was.
public protocol DiagnosticReporting: Error, Sendable {
    /// What went wrong, with places; at least one `error`.
    var diagnostics: [Diagnostic] { get }
}
