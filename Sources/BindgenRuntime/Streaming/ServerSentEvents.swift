/// The events of a `text/event-stream` body that arrives as an asynchronous sequence of byte chunks (a streaming
/// transport's body, a file's bytes): chunks may split lines, CRLF pairs and UTF-8 sequences anywhere.
///
/// ```swift
/// for try await event in ServerSentEvents(chunks) where event.event == "completion" {
///     let delta = try JSONDecoder.bindgen.decode(Delta.self, from: Data(event.data.utf8))
/// }
/// ```
///
/// Iteration throws what the chunks throw; a block the stream ends in the middle of is dropped.
public struct ServerSentEvents<Chunks: AsyncSequence>: AsyncSequence where Chunks.Element: Sequence<UInt8> {
    public typealias Element = ServerSentEvent

    private let chunks: Chunks

    /// The events of `chunks`.
    public init(_ chunks: Chunks) {
        self.chunks = chunks
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(chunks: chunks.makeAsyncIterator())
    }

    /// Reads chunks only as events are asked for.
    public struct Iterator: AsyncIteratorProtocol {
        private var chunks: Chunks.AsyncIterator
        private var parser = ServerSentEventParser()
        private var ready: [ServerSentEvent] = []
        private var nextReady = 0
        private var ended = false

        init(chunks: Chunks.AsyncIterator) {
            self.chunks = chunks
        }

        /// The next event, or `nil` at the end of the stream.
        /// - Throws: What the chunk sequence throws.
        public mutating func next() async throws -> ServerSentEvent? {
            while true {
                if nextReady < ready.count {
                    nextReady += 1
                    return ready[nextReady - 1]
                }
                ready.removeAll(keepingCapacity: true)
                nextReady = 0
                if ended { return nil }
                guard let chunk = try await chunks.next() else {
                    parser.finish()
                    ended = true
                    return nil
                }
                ready = parser.parse(chunk)
            }
        }
    }
}

extension ServerSentEvents: Sendable where Chunks: Sendable {}
