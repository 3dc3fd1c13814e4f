import BindgenRuntime
import Foundation
import Testing

/// `APIClient.download(_:to:success:progress:)` over both streaming transports, against a loopback server that
/// writes its body in chunks.
@Suite("Downloads to a file over both transports")
struct DownloadTests {
    private func withServer(_ body: (EchoServer, URL) async throws -> Void) async throws {
        let server = try await EchoServer.start()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("download-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try await body(server, folder)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    private func client(_ kind: TransportKind, _ server: EchoServer, retries: RetryPolicy = .none) -> APIClient {
        var configuration = ClientConfiguration(serverURL: server.baseURL, authentication: .bearer("sk_test_download"),
                                                transport: kind.make(), retryPolicy: retries)
        configuration.clock = ImmediateClock()
        return APIClient(configuration: configuration)
    }

    private func request(_ query: String) -> APIRequest {
        var request = APIRequest(operationID: "getSignedDocument", method: .get, pathTemplate: "/stream", path: "/stream")
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            request.addQuery(parts[0], parts.count > 1 ? parts[1] : "")
        }
        request.accept = "application/pdf"
        return request
    }

    private static func expectedBytes(_ count: Int) -> Data {
        Data((0..<count).lazy.map { UInt8($0 % 251) })
    }

    /// Records progress reports from the transport's task or queue.
    private final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var all: [DownloadProgress] = []
        func add(_ report: DownloadProgress) { lock.withLock { all.append(report) } }
        var values: [DownloadProgress] { lock.withLock { all } }
    }

    @Test(arguments: TransportKind.allCases, [true, false])
    func theBodyArrivesInTheFileWithProgress(kind: TransportKind, announcesLength: Bool) async throws {
        try await withServer { server, folder in
            let count = 3 * 1024 * 1024 + 17
            let destination = folder.appendingPathComponent("signed.pdf")
            let reports = Reports()
            let response = try await client(kind, server).download(
                request("bytes=\(count)&chunk=65536&length=\(announcesLength ? 1 : 0)"), to: destination,
                progress: { reports.add($0) })
            #expect(response.status == 200)
            #expect(response.body.isEmpty)
            #expect(try Data(contentsOf: destination) == Self.expectedBytes(count))
            let values = reports.values
            #expect(values.last?.bytesWritten == Int64(count))
            #expect(zip(values, values.dropFirst()).allSatisfy { $0.bytesWritten <= $1.bytesWritten })
            #expect(values.count > 2, "progress is reported per chunk, not once at the end")
            if announcesLength {
                #expect(values.last?.expectedBytes == Int64(count))
                #expect(values.last?.fractionCompleted == 1)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["signed.pdf"])
        }
    }

    @Test(arguments: TransportKind.allCases)
    func anErrorStatusThrowsItsErrorAndWritesNothing(kind: TransportKind) async throws {
        try await withServer { server, folder in
            let destination = folder.appendingPathComponent("missing.pdf")
            var request = APIRequest(operationID: "getSignedDocument", method: .get, pathTemplate: "/status/{code}",
                                     path: "/status/404")
            request.accept = "application/pdf"
            do {
                try await client(kind, server).download(request, to: destination)
                Issue.record("a 404 downloaded")
            } catch let error as ClientError {
                guard case .api(let apiError) = error else { Issue.record("not an API error: \(error)"); return }
                #expect(apiError.status == 404)
                #expect(apiError.requestID == "req-404")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }
    }

    @Test(arguments: TransportKind.allCases)
    func aConnectionLostAfterTheFirstByteIsNotRetriedAndLeavesTheOldFile(kind: TransportKind) async throws {
        try await withServer { server, folder in
            let destination = folder.appendingPathComponent("signed.pdf")
            try Data("previous".utf8).write(to: destination)
            do {
                try await client(kind, server, retries: .default).download(
                    request("bytes=\(1 << 20)&chunk=16384&length=1&drop=1"), to: destination)
                Issue.record("a truncated body downloaded")
            } catch let error as ClientError {
                guard case .transport = error else { Issue.record("not a transport error: \(error)"); return }
            }
            #expect(await server.seen().filter { $0.path == "/api/stream" }.count == 1, "sent once: bytes had arrived")
            #expect(try Data(contentsOf: destination) == Data("previous".utf8))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["signed.pdf"])
        }
    }

    @Test(arguments: TransportKind.allCases)
    func aSecondDownloadReplacesTheFile(kind: TransportKind) async throws {
        try await withServer { server, folder in
            let destination = folder.appendingPathComponent("audit-trail.pdf")
            try Data(repeating: 7, count: 100_000).write(to: destination)
            try await client(kind, server).download(request("bytes=1000&length=1"), to: destination)
            #expect(try Data(contentsOf: destination) == Self.expectedBytes(1000))
        }
    }

    @Test(arguments: TransportKind.allCases)
    func cancellingTheTaskStopsTheDownloadAndRemovesThePartialFile(kind: TransportKind) async throws {
        try await withServer { server, folder in
            let destination = folder.appendingPathComponent("slow.pdf")
            let reports = Reports()
            let apiClient = client(kind, server)
            let slow = request("bytes=\(1 << 20)&chunk=8192&delayMs=50&length=1")
            let download = Task {
                try await apiClient.download(slow, to: destination, progress: { reports.add($0) })
            }
            let start = ContinuousClock.now
            while (reports.values.last?.bytesWritten ?? 0) == 0, ContinuousClock.now - start < .seconds(20) {
                try await Task.sleep(for: .milliseconds(20))
            }
            download.cancel()
            let result = await download.result
            guard case .failure(let error) = result, case .cancelled? = error as? ClientError else {
                Issue.record("not cancelled: \(result)")
                return
            }
            #expect(ContinuousClock.now - start < .seconds(20), "the 50 s body was not read to its end")
            #expect(!FileManager.default.fileExists(atPath: destination.path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }
    }
}
