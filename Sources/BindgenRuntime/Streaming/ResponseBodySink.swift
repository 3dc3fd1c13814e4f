import Foundation
public import HTTPTypes

/// Where a streaming ``ClientTransport`` puts a response body as it arrives, chunk by chunk, instead of holding it
/// whole in memory: a temporary file (``APIClient/download(_:to:success:progress:)``) or the consumer of a
/// ``ResponseBodyStream`` (``APIClient/stream(_:success:)``), through
/// ``ClientTransport/download(_:body:timeout:into:)``.
///
/// A transport asks ``accepts(status:)`` once the response head is in: when it answers `true`, the transport calls
/// ``begin(_:)`` once and then, for every chunk in order, ``write(_:)`` (push-based stacks, which cannot wait) or
/// ``deliver(_:)`` (pull-based stacks, which wait while the consumer is behind); otherwise (an error status) it
/// collects the body in memory and returns it as usual. A push-based transport that can pause its connection
/// registers that with ``setFlowControl(pause:resume:)``. Once a sink ``hasStarted``, the call is not retried.
public final class ResponseBodySink: @unchecked Sendable {
    private enum Destination {
        case file(FileHandle)
        case stream(ResponseBodyBuffer)
    }

    private let lock = NSLock()
    private let destination: Destination
    private let isSuccess: @Sendable (Int) -> Bool
    private let progress: (@Sendable (DownloadProgress) -> Void)?
    private var written: Int64 = 0
    private var expected: Int64?
    private var started = false

    /// A sink writing to the open file `handle` (from its start, truncating it at each ``begin(_:)``).
    /// - Parameters:
    ///   - handle: The file the body goes to; the sink does not close it.
    ///   - success: Which statuses' bodies go to the file.
    ///   - progress: Called after every chunk written, on the transport's task or queue.
    public init(writingTo handle: FileHandle, success: @escaping @Sendable (Int) -> Bool,
                progress: (@Sendable (DownloadProgress) -> Void)? = nil) {
        self.destination = .file(handle)
        self.isSuccess = success
        self.progress = progress
    }

    /// A sink handing chunks to the consumer of a ``ResponseBodyStream``.
    init(streamingTo buffer: ResponseBodyBuffer, success: @escaping @Sendable (Int) -> Bool) {
        self.destination = .stream(buffer)
        self.isSuccess = success
        self.progress = nil
    }

    /// Whether the body of a response with `status` goes to the sink.
    public func accepts(status: Int) -> Bool { isSuccess(status) }

    /// Starts a body: records its announced length (`Content-Length`), empties the file, or hands `head` to the
    /// caller waiting for a stream (from then on the call is not retried: the caller has the response).
    /// - Throws: the file system's error when the file cannot be truncated.
    public func begin(_ head: HTTPResponse) throws {
        let length = head.headerFields[.contentLength].flatMap { Int64($0) }
        try lock.withLock {
            written = 0
            expected = length
            switch destination {
            case .file(let handle): try handle.truncate(atOffset: 0)
            case .stream: started = true
            }
        }
        if case .stream(let buffer) = destination { buffer.began(head) }
        progress?(DownloadProgress(bytesWritten: 0, expectedBytes: length))
    }

    /// Appends one chunk without waiting: to the file, or to the stream's buffer (which asks the transport to pause,
    /// through ``setFlowControl(pause:resume:)``, once the consumer is behind by more than its limit).
    /// - Throws: the file system's error when the chunk cannot be written (a full disk); the transport then stops
    ///   the exchange. A stream whose consumer has gone throws `CancellationError`.
    public func write(_ chunk: Data) throws {
        guard !chunk.isEmpty else { return }
        let report: DownloadProgress = try lock.withLock {
            started = true
            if case .file(let handle) = destination { try handle.write(contentsOf: chunk) }
            written += Int64(chunk.count)
            return DownloadProgress(bytesWritten: written, expectedBytes: expected)
        }
        if case .stream(let buffer) = destination, !buffer.append(chunk) { throw CancellationError() }
        progress?(report)
    }

    /// Appends one chunk, waiting while a stream's consumer is behind by more than the buffer's limit, so that a pull-based
    /// transport reads the next chunk from the connection only when there is room for it.
    /// - Throws: What ``write(_:)`` throws.
    public func deliver(_ chunk: Data) async throws {
        try write(chunk)
        if case .stream(let buffer) = destination { await buffer.waitForRoom() }
    }

    /// Registers how a push-based transport pauses and resumes reading the connection: `pause` is called when the
    /// stream's consumer is behind by more than the buffer's limit, `resume` once it has caught up. A file sink never calls them.
    public func setFlowControl(pause: @escaping @Sendable () -> Void, resume: @escaping @Sendable () -> Void) {
        if case .stream(let buffer) = destination { buffer.setFlowControl(pause: pause, resume: resume) }
    }

    /// Whether a byte of a body has been written (or a stream's head handed out): from then on the call is not retried.
    public var hasStarted: Bool { lock.withLock { started } }

    /// The number of body bytes written so far.
    public var bytesWritten: Int64 { lock.withLock { written } }
}

/// How far a download is: bytes written to the file, and the total the server announced.
public struct DownloadProgress: Sendable, Hashable {
    /// Bytes of the body written so far.
    public var bytesWritten: Int64
    /// The body's length from `Content-Length`, in bytes; `nil` when the server did not say (a chunked body).
    public var expectedBytes: Int64?

    /// The fraction done, from 0 to 1; `nil` when the total is unknown.
    public var fractionCompleted: Double? {
        guard let expectedBytes, expectedBytes > 0 else { return nil }
        return min(1, Double(bytesWritten) / Double(expectedBytes))
    }

    /// Creates a progress report.
    public init(bytesWritten: Int64, expectedBytes: Int64?) {
        self.bytesWritten = bytesWritten
        self.expectedBytes = expectedBytes
    }
}
