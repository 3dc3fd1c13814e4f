/// Turns the bytes of a `text/event-stream` body into events, chunk by chunk, following the event stream
/// interpretation of the WHATWG HTML standard (§9.2.6):
///
/// - lines end with CRLF, LF or CR, also when a chunk ends between the CR and the LF;
/// - one UTF-8 byte order mark at the start of the stream is skipped; a chunk may end inside a UTF-8 sequence, and
///   invalid UTF-8 becomes U+FFFD;
/// - a line starting with `:` is a comment; `field: value` drops one space after the colon; a line without a colon
///   is a field with an empty value; unknown fields are ignored;
/// - `data` lines accumulate, joined with `"\n"`; `event` sets the type (`message` by default); `id` sets the last
///   event ID unless its value contains U+0000; `retry` sets the reconnection time when its value is ASCII digits;
/// - an empty line dispatches the block; a block without `data` dispatches nothing; a block the stream ends in
///   the middle of is dropped.
public struct ServerSentEventParser: Sendable {
    /// The last event ID, kept across events as the standard says (empty when none).
    public private(set) var lastEventID = ""
    /// The reconnection time in milliseconds the latest valid `retry` field set; `nil` before any.
    public private(set) var reconnectionTime: Int?

    private var line: [UInt8] = []
    private var startOfStream = true
    private var afterCR = false
    private var data = ""
    private var hasData = false
    private var eventType = ""
    private var blockRetry: Int?

    /// A parser at the start of a stream.
    public init() {}

    /// Parses the next bytes of the stream; returns the events they complete, in order.
    public mutating func parse(_ bytes: some Sequence<UInt8>) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        let done: Void? = bytes.withContiguousStorageIfAvailable { parse(buffer: $0, into: &events) }
        if done == nil { Array(bytes).withUnsafeBufferPointer { parse(buffer: $0, into: &events) } }
        return events
    }

    /// Scans for line ends and copies each run of other bytes at once (not generic, so it is compiled optimized
    /// here whatever sequence type the caller has).
    private mutating func parse(buffer: UnsafeBufferPointer<UInt8>, into events: inout [ServerSentEvent]) {
        var index = 0
        let count = buffer.count
        while startOfStream, index < count {
            // Hold back what may be the byte order mark until it is complete or ruled out.
            line.append(buffer[index])
            index += 1
            let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
            if line.count <= 3, line == Array(mark.prefix(line.count)) {
                if line.count == 3 { line.removeAll(); startOfStream = false }
                continue
            }
            startOfStream = false
            let held = line
            line.removeAll()
            for heldByte in held { consume(heldByte, into: &events) }
        }
        let lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        while index < count {
            if afterCR {
                afterCR = false
                if buffer[index] == lineFeed { index += 1; continue }   // the LF of a CRLF
            }
            var end = index
            while end < count, buffer[end] != lineFeed, buffer[end] != carriageReturn { end += 1 }
            line.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[index..<end]))
            guard end < count else { return }
            afterCR = buffer[end] == carriageReturn
            endLine(into: &events)
            index = end + 1
        }
    }

    /// Ends the stream: a block without its closing empty line is dropped, as the standard says.
    public mutating func finish() {
        line.removeAll()
        data = ""
        hasData = false
        eventType = ""
        blockRetry = nil
    }

    private mutating func consume(_ byte: UInt8, into events: inout [ServerSentEvent]) {
        switch byte {
        case UInt8(ascii: "\n"):
            if afterCR { afterCR = false; return }   // the LF of a CRLF
            endLine(into: &events)
        case UInt8(ascii: "\r"):
            afterCR = true
            endLine(into: &events)
        default:
            afterCR = false
            line.append(byte)
        }
    }

    private mutating func endLine(into events: inout [ServerSentEvent]) {
        defer { line.removeAll(keepingCapacity: true) }
        guard let first = line.first else {
            dispatch(into: &events)
            return
        }
        if first == UInt8(ascii: ":") { return }
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
        let field = line[..<colon]
        var valueStart = colon < line.endIndex ? colon + 1 : colon
        if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        let value = line[valueStart...]
        if field.elementsEqual("data".utf8) {
            if hasData { data += "\n" }
            data += String(decoding: value, as: UTF8.self)
            hasData = true
        } else if field.elementsEqual("event".utf8) {
            eventType = String(decoding: value, as: UTF8.self)
        } else if field.elementsEqual("id".utf8) {
            if !value.contains(0) { lastEventID = String(decoding: value, as: UTF8.self) }
        } else if field.elementsEqual("retry".utf8) {
            if !value.isEmpty, value.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                let milliseconds = Int(String(decoding: value, as: UTF8.self)) ?? Int.max   // beyond Int: as long as it gets
                reconnectionTime = milliseconds
                blockRetry = milliseconds
            }
        }
    }

    private mutating func dispatch(into events: inout [ServerSentEvent]) {
        defer {
            data = ""
            hasData = false
            eventType = ""
            blockRetry = nil
        }
        guard hasData else { return }
        events.append(ServerSentEvent(
            event: eventType.isEmpty ? "message" : eventType, data: data,
            id: lastEventID.isEmpty ? nil : lastEventID, retry: blockRetry))
    }
}
