public import AsyncHTTPClient
public import BindgenRuntime
public import Foundation
import NIOCore
import NIOFileSystem
import NIOHTTP1

/// A `ClientTransport` over AsyncHTTPClient (SwiftNIO), for servers and other
/// places where `URLSession` is not wanted. A separate library product: an app that uses only the
/// default `URLSessionTransport` never builds SwiftNIO for it.
///
/// ```swift
/// // Package.swift: .product(name: "BindgenAsyncHTTPClient", package: "certyneo-swift")
/// import BindgenAsyncHTTPClient
/// let client = Client(apiKey: key, transport: AsyncHTTPClientTransport())
/// ```
///
/// - In-memory bodies are sent with `Content-Length`; file bodies are streamed from disk in chunks
///   of 256 KiB (NIOFileSystem) with `Content-Length` from the file's size, again on every attempt.
/// - `timeout` is a deadline for the whole exchange (AsyncHTTPClient's `execute(_:timeout:)`), not
///   an idle timeout as with URLSession; `nil` uses ``defaultTimeout``.
/// - Repeated response header fields are kept as separate fields, in the order received.
/// - Task cancellation cancels the request.
/// - Errors are thrown as `TransportError`: deadline, connect, read and write
///   timeouts as `.timedOut`, cancellation as `.cancelled`, everything else as `.connection`.
public struct AsyncHTTPClientTransport: ClientTransport {
    /// The client requests are sent on.
    public let client: HTTPClient
    /// The deadline of an exchange when the caller gives no timeout. Default 60 seconds.
    public let defaultTimeout: Duration
    /// The largest response body accepted, in bytes; a longer one fails the exchange as a
    /// `.connection` `TransportError`. Default 256 MiB.
    public let maxResponseBytes: Int

    /// Creates a transport.
    /// - Parameters:
    ///   - client: Defaults to ``sharedClient``, which never needs shutting down. A client you
    ///     create yourself must outlive the transport and be shut down by you; set its
    ///     `connectionPool.retryConnectionEstablishment` to `false` so that connection failures
    ///     reach `RetryPolicy` instead of being retried until the deadline.
    ///   - defaultTimeout: The exchange deadline when none is given.
    ///   - maxResponseBytes: The largest response body, in bytes.
    public init(client: HTTPClient = AsyncHTTPClientTransport.sharedClient, defaultTimeout: Duration = .seconds(60),
                maxResponseBytes: Int = 256 * 1024 * 1024) {
        self.client = client
        self.defaultTimeout = defaultTimeout
        self.maxResponseBytes = maxResponseBytes
    }

    /// Sends the request with AsyncHTTPClient and collects the whole response body.
    /// - Throws: `TransportError` (see the type's documentation), or
    ///   `CancellationError`.
    public func send(_ request: HTTPRequest, body: TransportBody?, timeout: Duration?) async throws -> (HTTPResponse, Data) {
        try await exchange(request, body: body, timeout: timeout) { response, head in
            let buffer = try await response.body.collect(upTo: maxResponseBytes)
            return (head, Data(buffer.readableBytesView))
        }
    }

    /// Sends the request and writes the body of an accepted response into `sink` chunk by chunk, reading the next
    /// chunk from the connection only when the last one is written (for a stream: when its consumer is less than
    /// `APIClient.streamBufferLimit` behind). Other responses are collected as by
    /// ``send(_:body:timeout:)``. The exchange deadline (`timeout`, else ``defaultTimeout``) covers the whole body.
    /// - Throws: `TransportError` (see the type's documentation), `CancellationError`, or what the sink throws.
    public func download(_ request: HTTPRequest, body: TransportBody?, timeout: Duration?,
                         into sink: ResponseBodySink) async throws -> (HTTPResponse, Data) {
        try await exchange(request, body: body, timeout: timeout) { response, head in
            guard sink.accepts(status: head.status.code) else {
                let buffer = try await response.body.collect(upTo: maxResponseBytes)
                return (head, Data(buffer.readableBytesView))
            }
            try sink.begin(head)
            for try await chunk in response.body {
                try await sink.deliver(Data(chunk.readableBytesView))
            }
            return (head, Data())
        }
    }

    /// Sends the request (its body from memory or streamed from a file) and hands the response to `read`.
    private func exchange(
        _ request: HTTPRequest, body: TransportBody?, timeout: Duration?,
        read: (HTTPClientResponse, HTTPResponse) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data) {
        guard let url = request.url else { throw TransportError(.connection, message: "the request has no URL") }
        var outgoing = HTTPClientRequest(url: url.absoluteString)
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headerFields {
            outgoing.headers.add(name: field.name.rawName, value: field.value)
        }
        let limit = Self.timeAmount(timeout ?? defaultTimeout)
        do {
            switch body {
            case nil:
                return try await execute(outgoing, timeout: limit, read: read)
            case .data(let data)?:
                outgoing.body = .bytes(data)
                return try await execute(outgoing, timeout: limit, read: read)
            case .file(let fileURL)?:
                return try await FileSystem.shared.withFileHandle(forReadingAt: FilePath(fileURL.path)) { file in
                    let size = try await file.info().size
                    var streamed = outgoing
                    streamed.body = .stream(file.readChunks(chunkLength: .kibibytes(256)), length: .known(size))
                    return try await execute(streamed, timeout: limit, read: read)
                }
            }
        } catch {
            throw Self.transportError(for: error)
        }
    }

    private func execute(
        _ request: HTTPClientRequest, timeout: TimeAmount,
        read: (HTTPClientResponse, HTTPResponse) async throws -> (HTTPResponse, Data)
    ) async throws -> (HTTPResponse, Data) {
        let response = try await client.execute(request, timeout: timeout)
        var fields = HTTPFields()
        for (name, value) in response.headers {
            guard let fieldName = HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: fieldName, value: value))
        }
        let head = HTTPResponse(status: .init(code: Int(response.status.code)), headerFields: fields)
        return try await read(response, head)
    }

    /// A `Duration` as NIO's `TimeAmount` (nanoseconds), at least one millisecond.
    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let parts = duration.components
        let nanoseconds = parts.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanoseconds.overflow else { return .nanoseconds(Int64.max) }
        return .nanoseconds(max(nanoseconds.partialValue + parts.attoseconds / 1_000_000_000, 1_000_000))
    }
}
