import BindgenDiagnostics
internal import CLibYAML

/// A libyaml event parser reading from an in-memory buffer.
///
/// Obtain one with ``withEventParser(_:file:_:)``, which owns the libyaml
/// state and always releases it. The parser is only valid inside that call.
struct EventParser {
    /// The libyaml parser state.
    let parser: UnsafeMutablePointer<yaml_parser_t>
    /// Storage for the current event; filled by ``parseNext()``.
    let event: UnsafeMutablePointer<yaml_event_t>
    /// The bytes being parsed (needed to locate reader errors).
    let input: UnsafeRawBufferPointer
    /// The file name used in every ``SourceLocation``.
    let file: String

    /// Runs `body` with a parser reading `input`. The buffer must stay valid for
    /// the duration of the call. libyaml state is released on every path.
    static func withEventParser<R>(
        _ input: UnsafeRawBufferPointer,
        file: String,
        _ body: (EventParser) throws(YAMLError) -> R
    ) throws(YAMLError) -> R {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }
        // libyaml needs a non-null pointer even for an empty buffer.
        let placeholder = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        defer { placeholder.deallocate() }

        guard yaml_parser_initialize(parser) != 0 else {
            throw YAMLError(
                location: SourceLocation(file: file, line: 1, column: 1),
                message: "libyaml could not initialize its parser (out of memory)")
        }
        defer { yaml_parser_delete(parser) }
        let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? UnsafePointer(placeholder)
        yaml_parser_set_input_string(parser, base, input.count)
        return try body(EventParser(parser: parser, event: event, input: input, file: file))
    }

    /// Parses the next event into ``event``. On success the caller must call
    /// ``deleteEvent()`` once done with it.
    /// - Throws: ``YAMLError`` with libyaml's problem text and mark.
    func parseNext() throws(YAMLError) {
        guard yaml_parser_parse(parser, event) != 0 else { throw currentError() }
    }

    /// Releases the memory libyaml attached to the current event.
    func deleteEvent() {
        yaml_event_delete(event)
    }

    /// Converts a libyaml mark (0-based) to a 1-based ``SourceLocation``.
    func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
    }

    /// The error libyaml recorded after a failed `yaml_parser_parse`.
    func currentError() -> YAMLError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown libyaml error"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return YAMLError(location: location(state.mark), message: "out of memory")
        case YAML_READER_ERROR:
            // Reader errors carry a byte offset instead of a mark.
            var message = problem
            if state.problem_value != -1 {
                message += " (#x" + String(UInt32(truncatingIfNeeded: state.problem_value), radix: 16, uppercase: true) + ")"
            }
            return YAMLError(location: location(ofByteOffset: state.problem_offset), message: message)
        default:
            var message = problem
            if let context = state.context {
                let mark = location(state.context_mark)
                message += " (\(String(cString: context)) at \(mark.line):\(mark.column))"
            }
            return YAMLError(location: location(state.problem_mark), message: message)
        }
    }

    /// Computes the line and column of a byte offset in ``input`` the way libyaml
    /// counts them: columns in Unicode scalars, a UTF-8 BOM not counted, and
    /// CR, LF, CRLF, NEL, LS and PS as line breaks. (For UTF-16 input, which
    /// libyaml also accepts, the result is only approximate.)
    func location(ofByteOffset offset: Int) -> SourceLocation {
        let bytes = input
        let end = min(max(offset, 0), bytes.count)
        var index = 0
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        var line = 1
        var column = 1
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, index + 1 < end, bytes[index + 1] == 0x0A { index += 1 }
                line += 1
                column = 1
            } else if byte == 0xC2, index + 1 < end, bytes[index + 1] == 0x85 {
                index += 1
                line += 1
                column = 1
            } else if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80,
                      bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                index += 2
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        // Each scalar before `end` on the last line moved the column one to the right.
        return SourceLocation(file: file, line: line, column: column)
    }
}

extension EventParser {
    /// Whether the current event ends the stream.
    var isStreamEnd: Bool { event.pointee.type == YAML_STREAM_END_EVENT }
}
