import Foundation

/// A response body read as it arrives: an asynchronous sequence of byte chunks, in order, from
/// ``APIClient/stream(_:success:)`` and the generated methods that stream (binary chunks, server-sent events,
/// JSON Lines, JSON text sequences).
///
/// ```swift
/// var received = 0
/// for try await chunk in try await client.getSignedDocumentChunks(id: envelopeID) {
///     received += chunk.count
/// }
/// ```
///
/// - Chunks are as the transport delivers them: their sizes say nothing about the body's structure.
/// - The transport reads ahead at most about 1 MiB (``APIClient/streamBufferLimit``) of what the loop has not taken:
///   `AsyncHTTPClientTransport` then stops reading the connection, `URLSessionTransport` suspends its task on Apple
///   platforms (on Linux, swift-corelibs-foundation cannot pause a transfer, so the read-ahead is not bounded there).
/// - Iterate once: a second iterator gets what the first left.
/// - Cancelling the task that iterates, or dropping the sequence and its iterators before the end, cancels the
///   request.
/// - Iteration throws ``ClientError``: ``ClientError/transport(operationID:message:)`` when the connection fails
///   mid-body, ``ClientError/timedOut(operationID:)``, ``ClientError/cancelled(operationID:)``. Nothing is retried
///   once the sequence is returned.
public struct ResponseBodyStream: AsyncSequence, Sendable {
    public typealias Element = Data
    public typealias Failure = ClientError

    private enum Source: Sendable {
        case stream(StreamLifetime)
        case chunks([Data])
    }

    private let source: Source

    init(buffer: ResponseBodyBuffer, exchange: Task<Void, Never>) {
        source = .stream(StreamLifetime(buffer: buffer, exchange: exchange))
    }

    /// A body already in memory, delivered as one chunk (none when empty): for tests and fakes.
    public init(_ data: Data) {
        source = .chunks(data.isEmpty ? [] : [data])
    }

    /// A body already in memory, delivered in the given chunks (empty ones skipped): for tests and fakes of streams.
    public init(chunks: [Data]) {
        source = .chunks(chunks.filter { !$0.isEmpty })
    }

    public func makeAsyncIterator() -> Iterator {
        switch source {
        case .stream(let lifetime): Iterator(lifetime: lifetime, pending: [])
        case .chunks(let chunks): Iterator(lifetime: nil, pending: chunks)
        }
    }

    /// Reads the next chunk only when asked.
    public struct Iterator: AsyncIteratorProtocol {
        public typealias Element = Data
        public typealias Failure = ClientError

        private let lifetime: StreamLifetime?
        private var pending: [Data]
        private var nextPending = 0

        fileprivate init(lifetime: StreamLifetime?, pending: [Data]) {
            self.lifetime = lifetime
            self.pending = pending
        }

        /// The next chunk, or `nil` at the end of the body.
        /// - Throws: ``ClientError``, as the type's documentation says.
        public mutating func next() async throws(ClientError) -> Data? {
            if let lifetime { return try await lifetime.buffer.next() }
            guard nextPending < pending.count else { return nil }
            nextPending += 1
            return pending[nextPending - 1]
        }
    }

    /// Every remaining chunk joined, for a body known to be small.
    /// - Parameter limit: The most bytes accepted.
    /// - Throws: What iteration throws; ``ClientError/invalidRequest(_:)`` when the body is longer than `limit`.
    public func collect(upTo limit: Int) async throws(ClientError) -> Data {
        var whole = Data()
        var iterator = makeAsyncIterator()
        while let chunk = try await iterator.next() {
            guard whole.count + chunk.count <= limit else {
                throw .invalidRequest("the response body is longer than \(limit) bytes")
            }
            whole.append(chunk)
        }
        return whole
    }
}

/// Keeps a streamed exchange alive while its ``ResponseBodyStream`` or an iterator of it exists, and cancels it when the
/// last of them goes (a finished exchange is not affected).
final class StreamLifetime: Sendable {
    let buffer: ResponseBodyBuffer
    private let exchange: Task<Void, Never>

    init(buffer: ResponseBodyBuffer, exchange: Task<Void, Never>) {
        self.buffer = buffer
        self.exchange = exchange
    }

    deinit {
        buffer.cancel()
        exchange.cancel()
    }
}
