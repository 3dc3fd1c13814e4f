import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

extension APIClient {
    /// Sends a request and writes the body of a successful response to a file as it arrives, in constant memory
    /// (with a streaming transport: ``URLSessionTransport``, `AsyncHTTPClientTransport`): for signed documents,
    /// audit trails, exports and other large binary bodies.
    ///
    /// The body goes to a temporary file in `destination`'s folder, which replaces `destination` (if it exists)
    /// once the body is complete; on any failure the temporary file is removed and `destination` is left as it was.
    /// Retries, rate limiting, middlewares and deadlines apply as for ``send(_:)`` (middlewares see the response
    /// with an empty body), except that once a byte of the body has been written the call is not sent again.
    ///
    /// ```swift
    /// let request = try Endpoint.getSignedDocument(id: envelopeID).makeRequest(using: client.runtime)
    /// let response = try await client.runtime.download(request, to: fileURL) { progress in
    ///     print(progress.bytesWritten, progress.expectedBytes ?? -1)
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - request: The request; its `accept` says which media type to ask for.
    ///   - destination: A file URL; its folder must exist.
    ///   - success: Which statuses are the operation's successes (default 2xx); another status throws the error it
    ///     stands for (``error(for:)``) and writes nothing.
    ///   - progress: Called after every chunk written: bytes so far and the announced total.
    /// - Returns: The response (status and header fields; its `body` is empty: the body is in the file).
    /// - Throws: What ``send(_:)`` throws; ``error(for:)``'s error for a status `success` rejects;
    ///   ``ClientError/invalidRequest(_:)`` when the file cannot be created, written or moved into place.
    @discardableResult
    public func download(
        _ request: APIRequest, to destination: URL, success: @escaping @Sendable (Int) -> Bool = { (200..<300).contains($0) },
        progress: (@Sendable (DownloadProgress) -> Void)? = nil
    ) async throws(ClientError) -> APIResponse {
        let partial = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString.prefix(8)).download")
        guard FileManager.default.createFile(atPath: partial.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: partial) else {
            throw .invalidRequest("cannot create \(partial.path) to download \(request.operationID) into")
        }
        var finished = false
        var closed = false
        defer {
            if !closed { try? handle.close() }
            if !finished { try? FileManager.default.removeItem(at: partial) }
        }
        var exchange = try await prepareExchange(request)
        defer { exchange.body.discard() }
        exchange.sink = ResponseBodySink(writingTo: handle, success: success, progress: progress)
        let response = try await perform(exchange)
        Self.recorder?.record(response)
        guard success(response.status) else { throw error(for: response) }
        closed = true
        try? handle.close()
        // rename(2) replaces an existing destination in one step (same folder, so same file system).
        guard rename(partial.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw .invalidRequest("cannot move the downloaded body of \(request.operationID) to \(destination.path): \(reason)")
        }
        finished = true
        return response
    }
}
