/// A position in a YAML source file.
///
/// Both ``line`` and ``column`` are **1-based**. Columns count Unicode scalar
/// values (characters as libyaml sees them), not bytes, so a line starting with
/// `é: 1` has its `:` at column 2. A leading byte order mark is not counted.
///
/// The textual form produced by ``description`` is the conventional
/// `file:line:column`, which editors and Xcode turn into clickable links.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The path of the source file, exactly as the caller passed it to ``YAMLReader``.
    public let file: String
    /// The 1-based line number.
    public let line: Int
    /// The 1-based column number, counted in Unicode scalar values.
    public let column: Int

    /// Creates a location.
    /// - Parameters:
    ///   - file: The path of the source file, as it should appear in diagnostics.
    ///   - line: The 1-based line number.
    ///   - column: The 1-based column number.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The location rendered as `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}
