import Foundation
public import HTTPTypes

/// A ``ClientTransport`` for tests of app code: it answers from a queue and records every request, so any generated
/// client runs without a network.
///
/// ```swift
/// let transport = MockTransport()
/// transport.enqueue(status: .ok, json: #"{"id": "env_1", "status": "SENT"}"#)
/// transport.enqueue(status: .conflict, json: #"{"code": "envelope_not_completed"}"#)
/// let client = Client(apiKey: "sk_test_x").with { $0.transport = transport }
/// // … exercise the app code …
/// #expect(transport.requests.first?.request.path == "/api/v1/envelopes/env_1")
/// ```
///
/// Answers are used in order, one per attempt (a retried request takes the next one). With the queue empty, the
/// transport answers with ``fallback`` (by default a 500 with a problem body naming the request), so a test that
/// sends more than it expected fails with a readable ``ClientError/api(_:)`` instead of hanging. A queued error is
/// thrown instead of answering (a `URLError(.timedOut)` becomes ``ClientError/timedOut(operationID:)``).
public final class MockTransport: ClientTransport, @unchecked Sendable {
    /// One request as the client sent it: the head, and the body read into memory (a file body is read from disk).
    public struct Recorded: Sendable {
        public let request: HTTPRequest
        public let body: Data?

        /// The body as UTF-8 text (`nil` without a body or when it is not UTF-8).
        public var text: String? { body.flatMap { String(data: $0, encoding: .utf8) } }
    }

    /// One queued outcome.
    public enum Answer: Sendable {
        case response(HTTPResponse, Data)
        case failure(any Error & Sendable)
    }

    private let lock = NSLock()
    private var queue: [Answer] = []
    private var recorded: [Recorded] = []
    /// What the transport answers once the queue is empty.
    public let fallback: @Sendable (HTTPRequest) -> Answer

    /// Creates the transport with an empty queue.
    /// - Parameter fallback: The answer once the queue is empty; by default a 500 problem naming the request.
    public init(fallback: (@Sendable (HTTPRequest) -> Answer)? = nil) {
        self.fallback = fallback ?? { request in
            var fields = HTTPFields()
            fields[.contentType] = "application/problem+json"
            let detail = "MockTransport has no answer queued for \(request.method.rawValue) \(request.path ?? "/")"
            let body = (try? JSONEncoder().encode(["title": "No answer queued", "detail": detail, "code": "mock_queue_empty"])) ?? Data()
            return .response(HTTPResponse(status: .internalServerError, headerFields: fields), body)
        }
    }

    /// Queues an answer with a JSON body (`Content-Type: application/json`, or `application/problem+json` for an
    /// error status) and extra header fields.
    public func enqueue(status: HTTPResponse.Status, json: String, headers: HTTPFields = [:]) {
        var fields = headers
        if fields[.contentType] == nil {
            fields[.contentType] = status.kind == .successful ? "application/json" : "application/problem+json"
        }
        enqueue(.response(HTTPResponse(status: status, headerFields: fields), Data(json.utf8)))
    }

    /// Queues an answer with any body (binary downloads, `204 No Content` with an empty body).
    public func enqueue(status: HTTPResponse.Status, body: Data = Data(), headers: HTTPFields = [:]) {
        enqueue(.response(HTTPResponse(status: status, headerFields: headers), body))
    }

    /// Queues an error to throw instead of answering (a lost connection, a timeout).
    public func enqueue(failure: any Error & Sendable) {
        enqueue(.failure(failure))
    }

    /// Queues an outcome.
    public func enqueue(_ answer: Answer) {
        lock.withLock { queue.append(answer) }
    }

    /// Every request sent so far, in order.
    public var requests: [Recorded] { lock.withLock { recorded } }

    /// How many queued answers are still unused.
    public var pendingAnswers: Int { lock.withLock { queue.count } }

    /// Records the request and returns (or throws) the next queued outcome.
    public func send(_ request: HTTPRequest, body: TransportBody?, timeout: Duration?) async throws -> (HTTPResponse, Data) {
        let bytes: Data?
        switch body {
        case .data(let data)?: bytes = data
        case .file(let url)?: bytes = try Data(contentsOf: url)
        case nil: bytes = nil
        }
        let answer = lock.withLock { () -> Answer? in
            recorded.append(Recorded(request: request, body: bytes))
            return queue.isEmpty ? nil : queue.removeFirst()
        }
        switch answer ?? fallback(request) {
        case .response(let response, let data): return (response, data)
        case .failure(let error): throw error
        }
    }
}
