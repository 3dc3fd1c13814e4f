public import BindgenDiagnostics

/// An error found while reading YAML: a syntax error reported by libyaml, or a
/// structural problem detected by ``YAMLReader`` (duplicate keys, unknown
/// aliases, several documents, excessive nesting, unreadable file).
public struct YAMLError: DiagnosticReporting, CustomStringConvertible {
    /// Where the problem is (1-based line and column).
    public let location: SourceLocation
    /// A human-readable explanation without the location prefix, for example
    /// `mapping values are not allowed in this context` or
    /// `found unexpected end of stream (while scanning a quoted scalar at 1:4)`.
    public let message: String

    /// Creates an error at `location`.
    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// The error rendered in compiler style: `file:line:column: error: message`.
    public var description: String { "\(location): error: \(message)" }

    /// The error as the one diagnostic it is.
    public var diagnostics: [Diagnostic] { [Diagnostic(.error, message, at: location)] }
}
