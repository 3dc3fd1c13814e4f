import CertyneoSandbox
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite("Sandbox fault injection and statistics")
struct FaultInjectionTests {
    typealias Faults = SandboxConfiguration.FaultInjection

    private struct Running {
        let server: SandboxServer
        let info: SandboxInfo
        let session = URLSession(configuration: .ephemeral)

        /// Sends a request; `nil` when no answer came (connection dropped).
        func send(_ method: String, _ path: String, body: Data? = nil, contentType: String? = nil,
                  authenticated: Bool = true) async throws -> (status: Int, headers: [String: String], body: Data)? {
            var request = URLRequest(url: try #require(URL(string: info.baseURL.absoluteString + path)))
            request.httpMethod = method
            request.timeoutInterval = 60
            if authenticated { request.setValue("Bearer \(info.apiKey)", forHTTPHeaderField: "Authorization") }
            if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
            request.httpBody = body
            do {
                let (data, response) = try await session.data(for: request)
                let http = try #require(response as? HTTPURLResponse)
                var headers: [String: String] = [:]
                for (name, value) in http.allHeaderFields {
                    if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
                }
                return (http.statusCode, headers, data)
            } catch is URLError {
                return nil
            }
        }

        /// A one-page PDF as a multipart upload.
        func upload() async throws -> (status: Int, headers: [String: String], body: Data)? {
            let boundary = "fault-\(UUID().uuidString)"
            let pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n\(pdf)\r\n--\(boundary)--\r\n"
            return try await send("POST", "/documents", body: Data(body.utf8), contentType: "multipart/form-data; boundary=\(boundary)")
        }
    }

    private func withSandbox(_ faults: Faults?, _ body: (Running) async throws -> Void) async throws {
        var configuration = SandboxConfiguration()
        configuration.rateLimit = nil
        configuration.faults = faults
        let server = SandboxServer(configuration: configuration)
        let info = try await server.start()
        do {
            try await body(Running(server: server, info: info))
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func injected429CarriesRetryAfterAndProcessesNothing() async throws {
        try await withSandbox(Faults(rateLimited: 1, retryAfterSeconds: 3)) { sandbox in
            let reply = try #require(try await sandbox.upload())
            #expect(reply.status == 429)
            #expect(reply.headers["retry-after"] == "3")
            #expect(String(decoding: reply.body, as: UTF8.self).contains(#""code":"rate_limited""#))
            let statistics = await sandbox.server.statistics()
            #expect(statistics.documents == 0)
            #expect(statistics.injectedFaults == [.rateLimited: 1])
            #expect(statistics.responsesByStatus == [429: 1])
            #expect(statistics.rateLimitedResponses == 0)
        }
    }

    @Test func injected503ProcessesNothing() async throws {
        try await withSandbox(Faults(unavailable: 1)) { sandbox in
            let reply = try #require(try await sandbox.upload())
            #expect(reply.status == 503)
            #expect(String(decoding: reply.body, as: UTF8.self).contains(#""code":"service_unavailable""#))
            #expect(await sandbox.server.statistics().documents == 0)
        }
    }

    @Test func aDropBeforeProcessingLeavesNoTrace() async throws {
        try await withSandbox(Faults(dropBeforeProcessing: 1)) { sandbox in
            let start = ContinuousClock.now
            let reply = try await sandbox.upload()
            #expect(reply == nil)
            #expect(ContinuousClock.now - start < .seconds(30), "closed, not left hanging until the 60 s timeout")
            let statistics = await sandbox.server.statistics()
            #expect(statistics.documents == 0)
            #expect(statistics.injectedFaults == [.dropBeforeProcessing: 1])
            #expect(statistics.responsesByStatus.isEmpty)
        }
    }

    @Test func aDropAfterProcessingChangesStateThenClosesTheConnection() async throws {
        try await withSandbox(Faults(dropAfterProcessing: 1)) { sandbox in
            let start = ContinuousClock.now
            let reply = try await sandbox.upload()
            #expect(reply == nil)
            #expect(ContinuousClock.now - start < .seconds(30), "closed, not left hanging until the 60 s timeout")
            let statistics = await sandbox.server.statistics()
            #expect(statistics.documents == 1)
            #expect(statistics.injectedFaults == [.dropAfterProcessing: 1])
        }
    }

    #if canImport(Glibc)
    @Test func aDroppedSocketReadsEndOfFile() async throws {
        try await withSandbox(Faults(dropAfterProcessing: 1)) { sandbox in
            let reply = await RawHTTP.exchange(port: sandbox.info.port,
                                               "GET /api/v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(sandbox.info.apiKey)\r\n\r\n")
            #expect(reply == .endOfFile)
        }
    }
    #endif

    @Test func unknownRoutesAreNeverFaulted() async throws {
        try await withSandbox(Faults(dropBeforeProcessing: 1)) { sandbox in
            let status = try await sandbox.send("GET", "/no-such-route")?.status
            #expect(status == 404)
            #expect(await sandbox.server.statistics().injectedFaults.isEmpty)
        }
    }

    @Test func aSeedMakesTheFaultsReproducible() async throws {
        let faults = Faults(rateLimited: 0.25, unavailable: 0.25, seed: 42)
        var runs: [[Int]] = []
        for _ in 0..<2 {
            try await withSandbox(faults) { sandbox in
                var statuses: [Int] = []
                for _ in 0..<30 { statuses.append(try await sandbox.send("GET", "/documents")?.status ?? 0) }
                runs.append(statuses)
            }
        }
        #expect(runs[0] == runs[1])
        #expect(Set(runs[0]) == [200, 429, 503])
    }

    @Test func theFractionsAreHonouredRoughly() {
        let faults = Faults.everyKind(total: 0.3)
        #expect(faults.rateLimited == 0.075 && faults.dropAfterProcessing == 0.075)
        #expect(Faults.Kind.allCases.map(\.rawValue) == ["429", "503", "drop-before", "drop-after"])
    }

    @Test func statisticsCountWhatTheSandboxHolds() async throws {
        try await withSandbox(nil) { sandbox in
            let first = try await sandbox.upload()?.status
            let second = try await sandbox.upload()?.status
            #expect(first == 201 && second == 201)
            let statistics = await sandbox.server.statistics()
            #expect(statistics.documents == 2)
            #expect(statistics.envelopes == 0)
            #expect(statistics.activeAPIKeys == 1)
            #expect(statistics.responsesByStatus == [201: 2])
        }
    }
}
