import BindgenRuntime
import FixtureResponses
import Foundation
import HTTPTypes
import Testing

/// The generated client of Tests/Fixtures/Responses/openapi.yaml against scripted answers: each success status
/// reaches the caller as what the document says it carries, and declared response headers arrive typed.
@Suite struct ResponseShapeTests {
    /// Answers every request with one status, header fields and body.
    struct CannedTransport: ClientTransport {
        let status: Int
        var fields: [String: String] = [:]
        var body: String = ""
        var contentType = "application/json"

        func send(_ request: HTTPRequest, body: TransportBody?, timeout: Duration?) async throws -> (HTTPResponse, Data) {
            var headerFields = HTTPFields()
            if !self.body.isEmpty, let name = HTTPField.Name("Content-Type") { headerFields[name] = contentType }
            for (name, value) in fields {
                if let fieldName = HTTPField.Name(name) { headerFields[fieldName] = value }
            }
            return (HTTPResponse(status: .init(code: status), headerFields: headerFields), Data(self.body.utf8))
        }
    }

    func client(_ transport: CannedTransport) -> Client {
        // Never contacted: the transport answers.
        Client(serverURL: URL(string: "http://127.0.0.1:9") ?? URL(fileURLWithPath: "/"), transport: transport)
    }

    @Test func aBodilessSuccessStatusIsNil() async throws {
        let job = try await client(CannedTransport(status: 200, body: #"{"id": "j1"}"#)).getJob(id: "j1")
        #expect(job == Job(id: "j1"))
        // Before: 204 was decoded as a Job and failed with `.decoding`.
        let gone = try await client(CannedTransport(status: 204)).getJob(id: "j1")
        #expect(gone == nil)
    }

    @Test func differentBodiesPerStatusBecomeCases() async throws {
        let finished = try await client(CannedTransport(status: 200, body: #"{"rows": 3}"#)).runReport()
        guard case .ok(let report) = finished else { Issue.record("200 gave \(finished)"); return }
        #expect(report.rows == 3)

        let queued = try await client(CannedTransport(status: 202, body: #"{"id": "job-9"}"#)).runReport()
        guard case .accepted(let job) = queued else { Issue.record("202 gave \(queued)"); return }
        #expect(job.id == "job-9")

        // 203 is not listed: the `2XX` range answers, as text.
        let other = try await client(CannedTransport(status: 203, body: "partial", contentType: "text/plain")).runReport()
        guard case .status2XX(let text) = other else { Issue.record("203 gave \(other)"); return }
        #expect(text == "partial")
    }

    @Test func anErrorStatusStillThrowsTheTypedError() async throws {
        let transport = CannedTransport(status: 404, fields: ["X-Request-Id": "req-404"],
                                        body: #"{"code": "not_found", "detail": "No such report."}"#)
        do {
            _ = try await client(transport).runReport()
            Issue.record("a 404 returned")
        } catch {
            guard case .api(let apiError) = error else { Issue.record("expected .api, got \(error)"); return }
            #expect(apiError.status == 404)
            #expect(apiError.requestID == "req-404")
        }
    }

    @Test func declaredHeadersArriveTyped() async throws {
        let transport = CannedTransport(status: 200, fields: [
            "Request-Id": "r-1", "X-RateLimit-Remaining": "41", "X-Reset-At": "2026-12-01T12:30:00Z", "X-Level": "high",
            "X-Extra": "kept",
        ], body: #"{"rows": 1}"#)
        let quota = client(transport)
        let answer = try await quota.withResponse(headers: GetQuotaResponseHeaders.self) { try await $0.getQuota() }
        #expect(answer.status == 200)
        #expect(answer.body?.rows == 1)
        #expect(answer.headers.requestId == "r-1")
        #expect(answer.headers.xRateLimitRemaining == 41)
        #expect(answer.headers.xResetAt == Date(timeIntervalSince1970: 1_796_128_200))
        #expect(answer.headers.xLevel == .high)
        #expect(answer.headers.xCache == nil, "declared by the 204 only, absent here")
        #expect(answer.headerFields.first { $0.name.rawName == "X-Extra" }?.value == "kept")
        // The plain method returns the same body.
        #expect(try await client(transport).getQuota()?.rows == 1)
    }

    @Test func anUnreadableHeaderIsNilAndTheCallStillSucceeds() async throws {
        let transport = CannedTransport(status: 204, fields: ["X-RateLimit-Remaining": "many", "X-Cache": "true"])
        let quota = client(transport)
        let answer = try await quota.withResponse(headers: GetQuotaResponseHeaders.self) { try await $0.getQuota() }
        #expect(answer.body == nil)
        #expect(answer.headers.xRateLimitRemaining == nil)
        #expect(answer.headers.xCache == true)
        #expect(answer.headers == GetQuotaResponseHeaders(xCache: true))
    }
}
