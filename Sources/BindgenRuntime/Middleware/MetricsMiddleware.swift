import Foundation

/// Reports every attempt to a function: the hook for metrics (counters, latency histograms) in
/// whatever system the app uses.
///
/// ```swift
/// configuration.middlewares.append(MetricsMiddleware { attempt in
///     latency.record(attempt.duration, labels: ["operation": attempt.operationID])
/// })
/// ```
public struct MetricsMiddleware: ClientMiddleware {
    /// One finished attempt.
    public struct Attempt: Sendable {
        /// The OpenAPI `operationId`.
        public let operationID: String
        /// The templated path, e.g. `"/envelopes/{id}"`.
        public let pathTemplate: String
        /// The HTTP method.
        public let method: HTTPMethod
        /// 1 for the first attempt of a call, 2 for its first retry, …
        public let attempt: Int
        /// The response status, or `nil` when no response arrived.
        public let status: Int?
        /// The response body's size in bytes (0 without a response).
        public let responseBytes: Int
        /// The wall time from handing the request on to getting the response or error.
        public let duration: Duration
        /// A one-line description of the failure when no response arrived, scrubbed of credentials.
        public let failure: String?
    }

    private let record: @Sendable (Attempt) -> Void

    /// Creates the middleware; `record` is called once per attempt, on the calling task.
    public init(_ record: @escaping @Sendable (Attempt) -> Void) {
        self.record = record
    }

    /// Times the rest of the chain and reports the attempt.
    public func intercept(_ request: HTTPRequest, body: TransportBody?, context: MiddlewareContext,
                          next: Next) async throws -> (HTTPResponse, Data) {
        let start = ContinuousClock.now
        do {
            let (response, data) = try await next(request, body)
            record(Attempt(operationID: context.operationID, pathTemplate: context.pathTemplate, method: request.method,
                           attempt: context.attempt, status: response.status.code, responseBytes: data.count,
                           duration: ContinuousClock.now - start, failure: nil))
            return (response, data)
        } catch {
            record(Attempt(operationID: context.operationID, pathTemplate: context.pathTemplate, method: request.method,
                           attempt: context.attempt, status: nil, responseBytes: 0, duration: ContinuousClock.now - start,
                           failure: context.redact(OneLine.clean(String(describing: error)))))
            throw error
        }
    }
}
