import Foundation

/// Where a streaming ``ClientTransport`` puts a response body as it arrives, chunk by chunk, instead of holding it
/// whole in memory: ``APIClient/download(_:to:success:progress:)`` hands one to
/// ``ClientTransport/download(_:body:timeout:into:)``, writing to a temporary file beside the destination.
///
/// A transport asks ``accepts(status:)`` once the response head is in: when it answers `true`, the transport calls
/// ``begin(expectedLength:)`` once and then ``write(_:)`` for every chunk, in order, from one task or queue at a time;
/// otherwise (an error status) it collects the body in memory and returns it as usual. A sink that has received a
/// byte is ``hasStarted``: the call is no longer retried after that.
public final class ResponseBodySink: @unchecked Sendable {
    private let lock = NSLock()
    private let handle: FileHandle
    private let isSuccess: @Sendable (Int) -> Bool
    private let progress: (@Sendable (DownloadProgress) -> Void)?
    private var written: Int64 = 0
    private var expected: Int64?
    private var started = false

    /// A sink writing to the open file `handle` (from its start, truncating it at each ``begin(expectedLength:)``).
    /// - Parameters:
    ///   - handle: The file the body goes to; the sink does not close it.
    ///   - success: Which statuses' bodies go to the file.
    ///   - progress: Called after every chunk written, on the transport's task or queue.
    public init(writingTo handle: FileHandle, success: @escaping @Sendable (Int) -> Bool,
                progress: (@Sendable (DownloadProgress) -> Void)? = nil) {
        self.handle = handle
        self.isSuccess = success
        self.progress = progress
    }

    /// Whether the body of a response with `status` goes to the sink.
    public func accepts(status: Int) -> Bool { isSuccess(status) }

    /// Starts a body: empties the file and records the announced length (`Content-Length`; `nil` when unknown).
    /// - Throws: the file system's error when the file cannot be truncated.
    public func begin(expectedLength: Int64?) throws {
        try lock.withLock {
            try handle.truncate(atOffset: 0)
            written = 0
            expected = expectedLength
        }
        progress?(DownloadProgress(bytesWritten: 0, expectedBytes: expectedLength))
    }

    /// Appends one chunk of the body to the file.
    /// - Throws: the file system's error when the chunk cannot be written (a full disk); the transport then stops
    ///   the exchange.
    public func write(_ chunk: Data) throws {
        guard !chunk.isEmpty else { return }
        let report: DownloadProgress = try lock.withLock {
            started = true
            try handle.write(contentsOf: chunk)
            written += Int64(chunk.count)
            return DownloadProgress(bytesWritten: written, expectedBytes: expected)
        }
        progress?(report)
    }

    /// Whether a byte of a body has been written: from then on the call is not retried.
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
