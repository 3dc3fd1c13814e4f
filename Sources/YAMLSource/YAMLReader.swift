import BindgenDiagnostics
public import Foundation

/// Reads a single YAML 1.1/1.2 or JSON document into a ``YAMLNode`` tree.
///
/// Parsing is done by libyaml's event parser over an in-memory buffer; the tree
/// is assembled without recursion. Every failure is reported as a ``YAMLError``
/// whose ``YAMLError/location`` is 1-based (line and column), taken from
/// libyaml's problem mark, so it points at the offending character.
///
/// What is rejected beyond plain syntax errors:
/// - more than one document in the stream (error at the second document's start),
/// - a duplicate scalar key in one mapping (error at the second occurrence),
/// - an alias without a preceding anchor, or one pointing into its own node,
/// - a merge key (`<<`) whose value is not a mapping or a sequence of mappings,
/// - collections nested deeper than ``maximumNestingDepth``,
/// - input that is not valid UTF-8 (UTF-16 with a byte order mark is accepted too).
///
/// Input that contains no document at all (empty, or only comments) reads as a
/// null node: a plain empty scalar at line 1, column 1.
public enum YAMLReader {
    /// The deepest nesting of sequences and mappings accepted. Real-world
    /// documents stay far below it; deeper input throws a ``YAMLError`` at the
    /// collection that crosses the limit instead of risking a stack overflow in
    /// code that later walks the tree.
    public static let maximumNestingDepth = 1_000

    /// Parses one YAML or JSON document from UTF-8 bytes.
    /// - Parameters:
    ///   - bytes: The document; a UTF-8 byte order mark is allowed.
    ///   - file: The path reported in every ``SourceLocation``; not opened.
    /// - Returns: The root node.
    /// - Throws: ``YAMLError`` for syntax errors and the structural problems listed above.
    public static func read(_ bytes: [UInt8], file: String) throws(YAMLError) -> YAMLNode {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(YAMLError) in try read(raw, file: file) }
        }
        return try result.get()
    }

    /// Parses one YAML or JSON document from `data`, without copying it.
    /// - Parameters:
    ///   - data: The document; a UTF-8 byte order mark is allowed.
    ///   - file: The path reported in every ``SourceLocation``; not opened.
    /// - Returns: The root node.
    /// - Throws: ``YAMLError`` for syntax errors and the structural problems listed above.
    public static func read(_ data: Data, file: String) throws(YAMLError) -> YAMLNode {
        let result = data.withUnsafeBytes { raw in
            Result { () throws(YAMLError) in try read(raw, file: file) }
        }
        return try result.get()
    }

    /// Reads the file at `path` and parses it as one YAML or JSON document.
    /// - Parameter path: The file to read; also the name used in every ``SourceLocation``.
    /// - Returns: The root node.
    /// - Throws: ``YAMLError`` for parse problems, and a ``YAMLError`` located at
    ///   `path:1:1` with message `cannot read file: <reason>` (the system's
    ///   description, such as `No such file or directory`) if the file cannot be read.
    public static func read(contentsOf path: String) throws(YAMLError) -> YAMLNode {
        let bytes: [UInt8]
        switch readFile(path) {
        case .success(let contents):
            bytes = contents
        case .failure(let reason):
            throw YAMLError(
                location: SourceLocation(file: path, line: 1, column: 1),
                message: "cannot read file: \(reason.text)")
        }
        return try read(bytes, file: path)
    }

    /// Runs libyaml over `bytes` without building anything and returns the number
    /// of events (stream, document, collection start/end, scalar and alias events).
    /// This is the floor any tree-building reader is measured against.
    /// - Throws: ``YAMLError`` for syntax errors (file name in the location is empty).
    ///   Structural checks (duplicates, several documents) are not applied.
    public static func countEvents(_ bytes: [UInt8]) throws(YAMLError) -> Int {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(YAMLError) in
                try EventParser.withEventParser(raw, file: "") { parser throws(YAMLError) in
                    var count = 0
                    var finished = false
                    while !finished {
                        try parser.parseNext()
                        defer { parser.deleteEvent() }
                        count += 1
                        finished = parser.isStreamEnd
                    }
                    return count
                }
            }
        }
        return try result.get()
    }

    static func read(_ raw: UnsafeRawBufferPointer, file: String) throws(YAMLError) -> YAMLNode {
        if let rewritten = SurrogateEscapes.prepare(raw) {
            let result = rewritten.withUnsafeBytes { buffer in
                Result { () throws(YAMLError) in try parse(buffer, file: file) }
            }
            return try result.get()
        }
        return try parse(raw, file: file)
    }

    private static func parse(_ raw: UnsafeRawBufferPointer, file: String) throws(YAMLError) -> YAMLNode {
        try EventParser.withEventParser(raw, file: file) { parser throws(YAMLError) in
            try TreeBuilder.build(from: parser)
        }
    }

    /// Why a file could not be read: the POSIX description of `errno`.
    private struct ReadFailure: Error {
        let text: String

        init(errno code: Int32) {
            text = String(cString: strerror(code))
        }
    }

    /// Reads a whole file with POSIX calls, so failures carry the system's reason
    /// ("No such file or directory", "Is a directory", "Permission denied").
    private static func readFile(_ path: String) -> Result<[UInt8], ReadFailure> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(ReadFailure(errno: errno)) }
        defer { close(descriptor) }
        var status = stat()
        let expected = fstat(descriptor, &status) == 0 ? max(Int(status.st_size), 0) : 0
        var contents: [UInt8] = []
        contents.reserveCapacity(expected)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress, buffer.count)
            }
            if count > 0 {
                contents.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                return .success(contents)
            } else if errno != EINTR {
                return .failure(ReadFailure(errno: errno))
            }
        }
    }
}
