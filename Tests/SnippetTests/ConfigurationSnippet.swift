import Certyneo
import Logging  // swift-log: the logger is yours

/// README, "Retries, idempotency, rate limiting, middleware, pagination".
func readmeConfiguration(apiKey: String, id: String) async throws {
    // snippet: configuration
    var logger = Logger(label: "certyneo")
    logger.logLevel = .debug
    let client = Client(apiKey: apiKey).with {
        $0.retryPolicy.maxRetries = 4
        $0.timeout = .seconds(20)                         // per attempt
        $0.middlewares = [LoggingMiddleware(logger: logger), // Authorization is redacted
                          MetricsMiddleware { attempt in print(attempt.operationID, attempt.duration) }]
    }
    let envelope = try await client.with { $0.deadline = .seconds(5) }.getEnvelope(id: id)  // whole call
    for try await envelope in client.allEnvelopes(status: .sent) {  // pages fetched lazily
        print(envelope.id, envelope.status)
    }
    // end snippet
    _ = envelope
}
