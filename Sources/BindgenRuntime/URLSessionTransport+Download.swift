import Foundation
public import HTTPTypes
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension URLSessionTransport {
    /// Sends the request on a session of its own (``session``'s configuration, with a delegate) and writes the body
    /// of an accepted response into `sink` chunk by chunk as URLSession delivers it. On Apple platforms the task is
    /// suspended while a stream's consumer is behind (``ResponseBodySink/setFlowControl(pause:resume:)``); on Linux
    /// it is not (swift-corelibs-foundation restarts a resumed transfer), so chunks wait in memory.
    ///
    /// Cancelling the task cancels the `URLSessionTask`.
    /// - Throws: What ``send(_:body:timeout:)`` throws, and what the sink throws (the task is then cancelled).
    public func download(_ request: HTTPRequest, body: TransportBody?, timeout: Duration?,
                         into sink: ResponseBodySink) async throws -> (HTTPResponse, Data) {
        var urlRequest = try Self.urlRequest(for: request, timeout: timeout)
        try Task.checkCancellation()
        #if canImport(FoundationNetworking)
        if body != nil { urlRequest.setValue("close", forHTTPHeaderField: "Connection") }
        #endif
        let delegate = StreamingDelegate(sink: sink)
        let streamingSession = URLSession(configuration: session.configuration, delegate: delegate, delegateQueue: nil)
        defer { streamingSession.finishTasksAndInvalidate() }
        let task: URLSessionTask
        switch body {
        case nil: task = streamingSession.dataTask(with: urlRequest)
        case .data(let bytes)?: task = streamingSession.uploadTask(with: urlRequest, from: bytes)
        case .file(let fileURL)?: task = streamingSession.uploadTask(with: urlRequest, fromFile: fileURL)
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                delegate.start(task, continuation: continuation)
            }
        } onCancel: {
            task.cancel()
        }
    }
}

/// Receives one streamed exchange's callbacks: the head decides where the body goes, chunks go to the sink (or to
/// memory for a status the sink does not accept), completion resumes the waiting task.
private final class StreamingDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let sink: ResponseBodySink
    private let lock = NSLock()
    private var continuation: CheckedContinuation<(HTTPResponse, Data), any Error>?
    private var head: HTTPResponse?
    private var accepted = false
    private var collected = Data()
    private var failure: (any Error)?

    init(sink: ResponseBodySink) {
        self.sink = sink
    }

    func start(_ task: URLSessionTask, continuation: CheckedContinuation<(HTTPResponse, Data), any Error>) {
        lock.withLock { self.continuation = continuation }
        task.resume()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        guard let http = response as? HTTPURLResponse else {
            lock.withLock { failure = URLError(.badServerResponse) }
            completionHandler(.cancel)
            return
        }
        let accepts = sink.accepts(status: http.statusCode)
        let response = URLSessionTransport.httpResponse(from: http)
        lock.withLock {
            head = response
            accepted = accepts
        }
        do {
            if accepts {
                #if canImport(Darwin)
                // Apple's URLSession stops reading a suspended data task; swift-corelibs-foundation restarts the
                // transfer on resume, so a stream is not paused there.
                sink.setFlowControl(pause: { [dataTask] in dataTask.suspend() }, resume: { [dataTask] in dataTask.resume() })
                #endif
                try sink.begin(response)
            }
        } catch {
            lock.withLock { failure = error }
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard lock.withLock({ accepted }) else {
            lock.withLock { collected.append(data) }
            return
        }
        do {
            try sink.write(data)
        } catch {
            lock.withLock { failure = error }
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (continuation, result): (CheckedContinuation<(HTTPResponse, Data), any Error>?, Result<(HTTPResponse, Data), any Error>)
        (continuation, result) = lock.withLock {
            defer { self.continuation = nil }
            if let failure = failure ?? error { return (self.continuation, .failure(failure)) }
            guard let head else { return (self.continuation, .failure(URLError(.badServerResponse))) }
            return (self.continuation, .success((head, accepted ? Data() : collected)))
        }
        continuation?.resume(with: result)
    }
}
