import BindgenRuntime
import Foundation
import Logging
import TestSupport
import Testing

@Suite("Middleware: order, headers, metrics, logging with redaction")
struct MiddlewareTests {
    /// Appends its name to a header on the way out and to a list on the way back.
    private struct Tagging: ClientMiddleware {
        let name: String
        let trail: Trail

        func intercept(_ request: HTTPRequest, body: TransportBody?, context: MiddlewareContext,
                       next: Next) async throws -> (HTTPResponse, Data) {
            var request = request
            let field = HTTPField.Name("X-Trail")!
            request.headerFields[field] = (request.headerFields[field].map { $0 + "," } ?? "") + name
            let result = try await next(request, body)
            trail.append("\(name)#\(context.attempt)")
            return result
        }
    }

    private final class Trail: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func append(_ item: String) { lock.withLock { items.append(item) } }
        var all: [String] { lock.withLock { items } }
    }

    @Test func middlewaresRunInOrderAroundEveryAttempt() async throws {
        let transport = ScriptedTransport([.status(503), .status(200)])
        let trail = Trail()
        let client = try scriptedClient(transport) {
            $0.middlewares = [Tagging(name: "outer", trail: trail), Tagging(name: "inner", trail: trail)]
        }
        _ = try await client.send(apiRequest(.get))
        #expect(transport.attempts.map { $0.request.headerFields[HTTPField.Name("X-Trail")!] } == ["outer,inner", "outer,inner"])
        #expect(trail.all == ["inner#1", "outer#1", "inner#2", "outer#2"])
    }

    @Test func headerMiddlewareAddsFieldsWithoutOverridingUnlessAsked() async throws {
        let transport = ScriptedTransport([.status(200)])
        let tenant = HTTPField.Name("X-Tenant")!
        var get = apiRequest(.get)
        get.setHeader("X-Tenant", "from-request")
        _ = try await scriptedClient(transport) {
            $0.middlewares = [HeaderMiddleware([tenant: "acme", HTTPField.Name("X-Extra")!: "1"])]
        }.send(get)
        _ = try await scriptedClient(transport) { $0.middlewares = [HeaderMiddleware([tenant: "acme"], replacing: true)] }.send(get)
        #expect(transport.attempts[0].request.headerFields[tenant] == "from-request")
        #expect(transport.attempts[0].request.headerFields[HTTPField.Name("X-Extra")!] == "1")
        #expect(transport.attempts[1].request.headerFields[tenant] == "acme")
    }

    @Test func metricsHookSeesEveryAttempt() async throws {
        let transport = ScriptedTransport([.failure(URLError(.networkConnectionLost)), .status(201, body: Data("{}".utf8))])
        let recorded = Recorded()
        let client = try scriptedClient(transport) { $0.middlewares = [MetricsMiddleware { recorded.append($0) }] }
        _ = try await client.send(APIRequest(operationID: "getEnvelope", method: .get, pathTemplate: "/envelopes/{id}",
                                             path: "/envelopes/env_1"))
        let attempts = recorded.all
        #expect(attempts.map(\.attempt) == [1, 2])
        #expect(attempts.map(\.status) == [nil, 201])
        #expect(attempts.map(\.pathTemplate) == ["/envelopes/{id}", "/envelopes/{id}"])
        #expect(attempts[0].failure != nil)
        #expect(attempts[1].responseBytes == 2)
    }

    private final class Recorded: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [MetricsMiddleware.Attempt] = []
        func append(_ item: MetricsMiddleware.Attempt) { lock.withLock { items.append(item) } }
        var all: [MetricsMiddleware.Attempt] { lock.withLock { items } }
    }

    @Test func loggingRedactsAuthorizationAndKeysAnywhere() async throws {
        let log = CapturedLog()
        let headers: HTTPFields = [.setCookie: "session=abc", .testRequestID: "req_7"]
        let transport = ScriptedTransport([.status(200, headers: headers)])
        let secret = "sk_test_0123456789abcdef"
        _ = try await scriptedClient(transport, authentication: .bearer(secret)) {
            $0.middlewares = [LoggingMiddleware(logger: log.logger)]
            $0.logger = log.logger
        }.send(apiRequest(.post))
        let keyInQuery = "k+ey/1"
        _ = try await scriptedClient(transport, authentication: .apiKey(name: "api_key", location: .query, value: keyInQuery)) {
            $0.middlewares = [LoggingMiddleware(logger: log.logger)]
        }.send(apiRequest(.get))
        let text = log.text
        #expect(text.contains("→ POST /v1/things"))
        #expect(text.contains("← 200"))
        #expect(text.contains("authorization: <redacted>"))
        #expect(text.contains("set-cookie: <redacted>"))
        #expect(text.contains("idempotency-key: "))
        #expect(text.contains("requestId=req_7"))
        #expect(text.contains("api_key=<redacted>"))
        #expect(!text.contains(secret))
        #expect(!text.contains("abc"))
        #expect(!text.contains(keyInQuery))
        #expect(!text.contains("k%2Bey%2F1"))
    }

    @Test func retriesAreLoggedWithoutSecrets() async throws {
        let log = CapturedLog()
        struct Leaky: Error, CustomStringConvertible { var description: String { "reset by peer; token sk_test_leak" } }
        let transport = ScriptedTransport([.failure(Leaky()), .status(200)])
        _ = try await scriptedClient(transport, authentication: .bearer("sk_test_leak")) {
            $0.logger = log.logger
            $0.middlewares = [LoggingMiddleware(logger: log.logger)]
        }.send(apiRequest(.get))
        #expect(log.text.contains("Retrying op in 500 ms after Transport error in op: reset by peer; token <redacted>"))
        #expect(!log.text.contains("sk_test_leak"))
    }
}
