import Foundation

/// One event of a `text/event-stream` response with its `data` decoded: the element of ``ServerSentEventStream``.
public struct TypedServerSentEvent<Value: Sendable>: Sendable {
    /// The event type: the block's last `event` field, or `message` when it has none.
    public var event: String
    /// The block's `data` decoded into the type of the operation's schema for the stream (JSON), or the text itself
    /// when the document gives no schema.
    public var data: Value
    /// The last event ID when the event was dispatched (kept across events until an `id` field changes it); `nil`
    /// while empty. Send it as `Last-Event-ID` to resume where a stream broke off, when the server supports it.
    public var id: String?
    /// The reconnection time, in milliseconds, a `retry` field of this block set; `nil` when it set none.
    public var retry: Int?

    /// An event with the given fields.
    public init(event: String = "message", data: Value, id: String? = nil, retry: Int? = nil) {
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry
    }
}

extension TypedServerSentEvent: Equatable where Value: Equatable {}
extension TypedServerSentEvent: Hashable where Value: Hashable {}

/// The events of a `text/event-stream` response as they arrive, each event's `data` decoded into `Value`, parsed by
/// ``ServerSentEventParser`` (the WHATWG HTML rules: comments, multi-line data, CR/LF/CRLF, BOM, `retry`).
///
/// ```swift
/// for try await event in try await client.createCompletionEvents(request).stopping(atData: "[DONE]") {
///     print(event.event, event.data)
/// }
/// ```
///
/// - An event whose `data` does not decode throws ``ClientError/decoding(_:)`` (its text in `bodyPrefix`), and the
///   stream ends there. A server that closes its stream with a sentinel that is not an event of the schema (OpenAI's
///   `[DONE]`) is read with ``stopping(atData:)``.
/// - What ``ResponseBodyStream`` says about read-ahead, cancellation and errors applies.
public struct ServerSentEventStream<Value: Sendable>: AsyncSequence, Sendable {
    public typealias Element = TypedServerSentEvent<Value>
    public typealias Failure = ClientError

    private let body: ResponseBodyStream
    private let decode: @Sendable (String) throws(ClientError) -> Value
    private var terminator: String?

    /// The events of `body`, each event's `data` turned into `Value` by `decode`.
    public init(body: ResponseBodyStream, decode: @escaping @Sendable (String) throws(ClientError) -> Value) {
        self.body = body
        self.decode = decode
    }

    /// The same stream ending (without an error) at the first event whose `data` is exactly `data`, which is not decoded.
    public func stopping(atData data: String) -> ServerSentEventStream<Value> {
        var copy = self
        copy.terminator = data
        return copy
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(chunks: body.makeAsyncIterator(), decode: decode, terminator: terminator)
    }

    /// Reads chunks only as events are asked for.
    public struct Iterator: AsyncIteratorProtocol {
        public typealias Element = TypedServerSentEvent<Value>
        public typealias Failure = ClientError

        private var chunks: ResponseBodyStream.Iterator
        private let decode: @Sendable (String) throws(ClientError) -> Value
        private let terminator: String?
        private var parser = ServerSentEventParser()
        private var ready: [ServerSentEvent] = []
        private var nextReady = 0
        private var ended = false

        init(chunks: ResponseBodyStream.Iterator, decode: @escaping @Sendable (String) throws(ClientError) -> Value, terminator: String?) {
            self.chunks = chunks
            self.decode = decode
            self.terminator = terminator
        }

        /// The next event, or `nil` at the end of the stream.
        /// - Throws: What ``ResponseBodyStream`` iteration throws; ``ClientError/decoding(_:)`` for data that does not decode.
        public mutating func next() async throws(ClientError) -> TypedServerSentEvent<Value>? {
            while !ended {
                if nextReady < ready.count {
                    let event = ready[nextReady]
                    nextReady += 1
                    if let terminator, event.data == terminator {
                        ended = true
                        return nil
                    }
                    do throws(ClientError) {
                        let value = try decode(event.data)
                        return TypedServerSentEvent(event: event.event, data: value, id: event.id, retry: event.retry)
                    } catch {
                        ended = true
                        throw error
                    }
                }
                ready.removeAll(keepingCapacity: true)
                nextReady = 0
                guard let chunk = try await chunks.next() else {
                    parser.finish()
                    ended = true
                    return nil
                }
                ready = parser.parse(chunk)
            }
            return nil
        }
    }
}
