import Certyneo
import Logging  // swift-log: .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0") and .product(name: "Logging", package: "swift-log")

/// README, "Retries, idempotency, rate limiting, middleware, pagination": runs against the quickstart's sandbox.
func readmeConfiguration() async throws {
    // snippet: configuration
    var logger = Logger(label: "certyneo")
    logger.logLevel = .debug
    let client = Client(apiKey: "sk_test_quickstart", serverURL: Client.sandboxServerURL(port: 8080)).with {
        $0.retryPolicy.maxRetries = 4
        $0.timeout = .seconds(20)                         // per attempt
        $0.middlewares = [LoggingMiddleware(logger: logger), // Authorization is redacted
                          MetricsMiddleware { attempt in print(attempt.operationID, attempt.duration) }]
    }
    for try await envelope in client.allEnvelopes(status: .sent) {  // pages fetched lazily
        let fresh = try await client.with { $0.deadline = .seconds(5) }.getEnvelope(id: envelope.id)  // whole call
        print(fresh.id, fresh.status)
    }
    // end snippet
}
