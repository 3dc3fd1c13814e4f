import BindgenRuntime
import Certyneo
import CertyneoSandbox
import Foundation
import Testing

/// The client-side limiter, pagination sugar and SDK defaults against a real sandbox on loopback.
@Suite("Rate limiting, pagination and SDK defaults end to end", .serialized)
struct ResilienceEndToEndTests {
    private func running(_ configure: (inout SandboxConfiguration) -> Void,
                         _ body: (SandboxServer, SandboxInfo) async throws -> Void) async throws {
        var configuration = SandboxConfiguration()
        configure(&configuration)
        let server = SandboxServer(configuration: configuration)
        let info = try await server.start()
        do {
            try await body(server, info)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Sends `count` calls through `client` as fast as it lets them go, from `workers` concurrent
    /// loops (all at once when `workers == count`); returns how many failed.
    private func fire(_ count: Int, workers: Int, through client: Client) async -> Int {
        await withTaskGroup(of: Int.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var failures = 0
                    for _ in stride(from: worker, to: count, by: workers) {
                        do {
                            _ = try await client.listDocuments(limit: 1)
                        } catch {
                            failures += 1
                        }
                    }
                    return failures
                }
            }
            return await group.reduce(0, +)
        }
    }

    @Test func threeHundredFastRequestsWithOneKeyNeverMeetA429() async throws {
        // Scaled down 60×: the sandbox allows bursts of 80 and 100 requests a second. The client's
        // bucket is smaller (30) and 20 loops send concurrently: requests can bunch up on the way
        // (a loaded machine delays some), but each loop has one request in flight, so the sandbox
        // never sees more than 20 + 30 + 100/s·t in any span t, below its 80 + 100/s·t, however
        // long the delays.
        try await running({ $0.rateLimit = .init(capacity: 80, refillPerMinute: 6000) }) { server, info in
            let client = Client(apiKey: info.apiKey, serverURL: info.baseURL).with {
                $0.rateLimiter = ClientRateLimiter(.init(capacity: 30, refillPerMinute: 6000))
                $0.retryPolicy = .none // a 429 would fail the call instead of being retried away
            }
            let start = ContinuousClock.now
            let failures = await fire(300, workers: 20, through: client)
            let elapsed = ContinuousClock.now - start
            let statistics = await server.statistics()
            #expect(failures == 0)
            #expect(statistics.responsesByStatus == [200: 300])
            #expect(statistics.rateLimitedResponses == 0)
            // 30 at once, then 270 at 100 per second: at least 2.7 s.
            #expect(elapsed > .seconds(2.6))
            #expect(elapsed < .seconds(60))
        }
    }

    @Test func withoutTheClientLimiterTheSameBurstIsRefused() async throws {
        try await running({ $0.rateLimit = .init(capacity: 80, refillPerMinute: 6000) }) { server, info in
            let client = Client(apiKey: info.apiKey, serverURL: info.baseURL).with {
                $0.rateLimiter = nil
                $0.retryPolicy = .none
            }
            let failures = await fire(300, workers: 300, through: client)
            #expect(failures > 0)
            #expect(await server.statistics().rateLimitedResponses == failures)
        }
    }

    @Test func paginationSugarWalksEveryPageLazily() async throws {
        try await running({ $0.rateLimit = nil }) { _, info in
            let counter = AttemptCounter()
            let client = Client(apiKey: info.apiKey, serverURL: info.baseURL).with {
                $0.middlewares = [MetricsMiddleware { counter.record($0.operationID) }]
            }
            let pdf = Data("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
            var uploaded: [String] = []
            for index in 0..<7 {
                uploaded.append(try await client.uploadDocument(file: .pdf(pdf, filename: "doc-\(index).pdf")).id)
            }
            var seen: [String] = []
            for try await document in client.allDocuments(limit: 3) { seen.append(document.id) }
            #expect(seen == uploaded.reversed())
            #expect(counter.count(of: "listDocuments") == 3)

            let first = try await client.createEnvelope(EnvelopeCreate(
                subject: "A", documentIds: [uploaded[0]], recipients: [RecipientCreate(email: "a@example.com", name: "A", role: .signer)]))
            _ = try await client.createEnvelope(EnvelopeCreate(
                subject: "B", documentIds: [uploaded[1]], recipients: [RecipientCreate(email: "b@example.com", name: "B", role: .signer)]))
            _ = try await client.sendEnvelope(id: first.id)
            #expect(try await client.allEnvelopes(status: .sent).collect().map(\.id) == [first.id])
            #expect(try await client.allEnvelopes(limit: 1).collect().count == 2)
        }
    }

    @Test func theSDKNamesItselfInTheUserAgent() async throws {
        try await running({ $0.rateLimit = nil }) { _, info in
            let seen = HeaderCapture()
            let client = Client(apiKey: info.apiKey, serverURL: info.baseURL).with { $0.middlewares = [seen] }
            _ = try await client.listDocuments()
            #expect(seen.userAgent == "certyneo-swift/\(CertyneoSDK.version) BindgenRuntime/0.1 (Swift)")
            #expect(CertyneoSDK.userAgent.hasPrefix("certyneo-swift/0.1.0 "))
        }
    }
}

/// Counts attempts per operation.
private final class AttemptCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    func record(_ operationID: String) { lock.withLock { counts[operationID, default: 0] += 1 } }
    func count(of operationID: String) -> Int { lock.withLock { counts[operationID] ?? 0 } }
}

/// Remembers the `User-Agent` of the last request.
private final class HeaderCapture: ClientMiddleware, @unchecked Sendable {
    private let lock = NSLock()
    private var last: String?
    var userAgent: String? { lock.withLock { last } }

    func intercept(_ request: HTTPRequest, body: TransportBody?, context: MiddlewareContext,
                   next: Next) async throws -> (HTTPResponse, Data) {
        lock.withLock { last = request.headerFields[.userAgent] }
        return try await next(request, body)
    }
}
