import Foundation

/// The JSON values of a streamed response as they arrive, each decoded into `Value`: JSON Lines
/// (`application/jsonl`, `application/x-ndjson`, `application/x-jsonlines`) or JSON text sequences
/// (`application/json-seq`, RFC 7464).
///
/// ```swift
/// for try await greeting in try await client.getGreetingsStream(count: 3) {
///     print(greeting)
/// }
/// ```
///
/// - JSON Lines: one value per line (LF or CRLF); blank lines are skipped; a last line without a line end counts.
/// - JSON text sequences: each value follows an RS (U+001E) and usually ends with LF; a value is handed out at its LF
///   once the bytes so far parse as JSON, or at the next RS, or at the end of the body.
/// - A value that does not decode throws ``ClientError/decoding(_:)`` (its text in `bodyPrefix`), and the stream ends there.
/// - Chunks may split lines and UTF-8 sequences anywhere; what ``ResponseBodyStream`` says about read-ahead, cancellation
///   and errors applies.
public struct JSONValueStream<Value: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Value
    public typealias Failure = ClientError

    /// How values are delimited.
    public enum Framing: Sendable, Hashable {
        /// JSON Lines / NDJSON: one value per line.
        case lines
        /// RFC 7464 JSON text sequences: each value after an RS byte.
        case recordSeparated
    }

    private let body: ResponseBodyStream
    private let framing: Framing
    private let decode: @Sendable (Data) throws(ClientError) -> Value

    /// The values of `body`, delimited by `framing`, each turned into `Value` by `decode` (given the value's JSON text).
    public init(body: ResponseBodyStream, framing: Framing, decode: @escaping @Sendable (Data) throws(ClientError) -> Value) {
        self.body = body
        self.framing = framing
        self.decode = decode
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(chunks: body.makeAsyncIterator(), framing: framing, decode: decode)
    }

    /// Reads chunks only as values are asked for.
    public struct Iterator: AsyncIteratorProtocol {
        public typealias Element = Value
        public typealias Failure = ClientError

        private var chunks: ResponseBodyStream.Iterator
        private let framing: Framing
        private let decode: @Sendable (Data) throws(ClientError) -> Value
        /// Bytes received and not yet handed out, from `start`.
        private var pending = Data()
        private var start = 0
        /// Where the search for the next delimiter resumes.
        private var scanned = 0
        private var ended = false

        init(chunks: ResponseBodyStream.Iterator, framing: Framing, decode: @escaping @Sendable (Data) throws(ClientError) -> Value) {
            self.chunks = chunks
            self.framing = framing
            self.decode = decode
        }

        /// The next value, or `nil` at the end of the body.
        /// - Throws: What ``ResponseBodyStream`` iteration throws; ``ClientError/decoding(_:)`` for a value that does not decode.
        public mutating func next() async throws(ClientError) -> Value? {
            while !ended {
                if let record = nextRecord() {
                    guard let text = Self.trimmed(record) else { continue }
                    return try decoded(text)
                }
                guard let chunk = try await chunks.next() else {
                    ended = true
                    let rest = pending[(pending.startIndex + start)...]
                    pending = Data()
                    guard let text = Self.trimmed(Data(rest)) else { return nil }
                    return try decoded(text)
                }
                if start > 0, start * 2 >= pending.count {
                    pending.removeFirst(start)
                    scanned -= start
                    start = 0
                }
                pending.append(chunk)
            }
            return nil
        }

        private mutating func decoded(_ text: Data) throws(ClientError) -> Value {
            do throws(ClientError) {
                return try decode(text)
            } catch {
                ended = true
                throw error
            }
        }

        /// The bytes of the next complete record, taken out of `pending`; `nil` when more bytes are needed.
        private mutating func nextRecord() -> Data? {
            let base = pending.startIndex
            while scanned < pending.count {
                let byte = pending[base + scanned]
                scanned += 1
                switch (framing, byte) {
                case (.lines, 0x0A):
                    return take(upTo: scanned - 1, resumingAt: scanned)
                case (.recordSeparated, 0x1E):
                    // An RS ends the record before it (empty for the first one).
                    return take(upTo: scanned - 1, resumingAt: scanned)
                case (.recordSeparated, 0x0A):
                    let candidate = pending[(base + start)..<(base + scanned)]
                    if (try? JSONSerialization.jsonObject(with: Data(candidate), options: .fragmentsAllowed)) != nil {
                        return take(upTo: scanned, resumingAt: scanned)
                    }
                default:
                    continue
                }
            }
            return nil
        }

        private mutating func take(upTo end: Int, resumingAt next: Int) -> Data {
            let base = pending.startIndex
            let record = Data(pending[(base + start)..<(base + end)])
            start = next
            scanned = next
            return record
        }

        /// `record` without surrounding whitespace (and a leading RS); `nil` when nothing is left.
        static func trimmed(_ record: Data) -> Data? {
            let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x1E }
            guard let first = record.firstIndex(where: { !isSpace($0) }),
                  let last = record.lastIndex(where: { !isSpace($0) }) else { return nil }
            return Data(record[first...last])
        }
    }
}
