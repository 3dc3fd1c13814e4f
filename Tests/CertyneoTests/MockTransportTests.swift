import Certyneo
import Foundation
import Testing

/// `MockTransport` runs a generated client without a network: queued answers in order, every request recorded.
@Suite struct MockTransportTests {
    func client(_ transport: MockTransport) -> Client {
        Client(apiKey: "sk_test_mock").with {
            $0.transport = transport
            $0.clock = ImmediateClock()
            $0.rateLimiter = nil
        }
    }

    /// The error a call throws, or `nil`.
    func failure(_ call: () async throws(ClientError) -> Void) async -> ClientError? {
        do {
            try await call()
            return nil
        } catch {
            return error
        }
    }

    @Test func answersInOrderAndRecordsRequests() async throws {
        let transport = MockTransport()
        transport.enqueue(status: .ok, json: #"{"data": [], "hasMore": true, "nextCursor": "wh_9"}"#)
        transport.enqueue(status: .ok, json: #"{"data": [], "hasMore": false, "nextCursor": null}"#)
        transport.enqueue(status: .notFound, json: #"{"title": "Not found", "status": 404, "code": "webhook_not_found"}"#,
                          headers: [.init("X-Request-Id")!: "req_mock_1"])
        let client = client(transport)

        let pages = try await client.allWebhooks(limit: 10).pages.reduce(0) { count, _ in count + 1 }
        #expect(pages == 2)
        let failure = await failure { () async throws(ClientError) in try await client.deleteWebhook(id: "wh_missing") }
        guard case .api(let problem)? = failure else {
            Issue.record("expected an API error, got \(String(describing: failure))")
            return
        }
        #expect(problem.status == 404 && problem.code == "webhook_not_found" && problem.requestID == "req_mock_1")

        let sent = transport.requests
        #expect(sent.map { $0.request.path ?? "" } == [
            "/api/v1/webhooks?limit=10", "/api/v1/webhooks?limit=10&startingAfter=wh_9", "/api/v1/webhooks/wh_missing",
        ])
        #expect(sent.allSatisfy { $0.request.headerFields[.authorization] == "Bearer sk_test_mock" })
        #expect(transport.pendingAnswers == 0)
    }

    @Test func anEmptyQueueAnswersAProblemNamingTheRequest() async throws {
        let transport = MockTransport()
        let client = client(transport).with { $0.retryPolicy = .none }
        let failure = await failure { () async throws(ClientError) in _ = try await client.listWebhooks() }
        guard case .api(let problem)? = failure else {
            Issue.record("expected an API error, got \(String(describing: failure))")
            return
        }
        #expect(problem.status == 500 && problem.code == "mock_queue_empty")
        #expect(problem.detail?.contains("GET /api/v1/webhooks") == true)
    }
}
