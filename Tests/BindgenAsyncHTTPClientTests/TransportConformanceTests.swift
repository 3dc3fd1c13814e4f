import BindgenAsyncHTTPClient
import BindgenRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport

/// One suite, both transports: the behaviour ``APIClient`` relies on.
@Suite("Shared transport suite (URLSession and AsyncHTTPClient) against a loopback server")
struct TransportConformanceTests {
    private func withServer(_ body: (EchoServer) async throws -> Void) async throws {
        try await EchoServer.with(body)
    }

    private func client(_ kind: TransportKind, _ server: EchoServer, retries: RetryPolicy = .none,
                        timeout: Duration? = nil) -> APIClient {
        var configuration = ClientConfiguration(serverURL: server.baseURL, authentication: .bearer("sk_test_conformance"),
                                                transport: kind.make(), timeout: timeout, retryPolicy: retries)
        configuration.clock = ImmediateClock()
        return APIClient(configuration: configuration)
    }

    private func temporaryFile(bytes count: Int) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-\(UUID().uuidString).pdf")
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] = UInt8(truncatingIfNeeded: index &* 13 &+ 5) }
        }
        try Data(bytes).write(to: url)
        return url
    }

    @Test(arguments: TransportKind.allCases)
    func roundTripsMethodPathQueryHeadersAndBody(kind: TransportKind) async throws {
        try await withServer { server in
            var request = APIRequest(operationID: "createThing", method: .post, pathTemplate: "/echo/{id}",
                                     path: "/echo/" + APIRequest.pathSegment("a/b é"))
            request.addQuery("q", "x y+z")
            request.setHeader("X-Custom", "v1")
            request.accept = "application/json"
            request.body = .json(Data(#"{"subject":"Contrat"}"#.utf8))
            let apiClient = client(kind, server)
            let response = try await apiClient.send(request)
            #expect(response.status == 200)
            #expect(response.headerFields[.contentType] == "application/json")
            let echo = try apiClient.decodeJSON(EchoServer.Echo.self, from: response)
            #expect(echo.method == "POST")
            #expect(echo.uri == "/api/echo/a%2Fb%20%C3%A9?q=x%20y%2Bz")
            #expect(echo.header("Authorization") == "Bearer sk_test_conformance")
            #expect(echo.header("Content-Type") == "application/json")
            #expect(echo.header("Accept") == "application/json")
            #expect(echo.header("X-Custom") == "v1")
            #expect(echo.header("User-Agent") == ClientConfiguration.defaultUserAgent)
            #expect(echo.header("Idempotency-Key").flatMap(UUID.init(uuidString:)) != nil)
            #expect(echo.header("Content-Length") == "21")
            #expect(echo.bodyLength == 21)
        }
    }

    @Test(arguments: TransportKind.allCases)
    func fileBodiesAreStreamedWithContentLength(kind: TransportKind) async throws {
        try await withServer { server in
            let file = try temporaryFile(bytes: 3 << 20)
            defer { try? FileManager.default.removeItem(at: file) }
            var request = APIRequest(operationID: "put", method: .put, pathTemplate: "/echo/file", path: "/echo/file")
            request.body = .file(file, contentType: "application/pdf")
            let apiClient = client(kind, server)
            let echo = try apiClient.decodeJSON(EchoServer.Echo.self, from: try await apiClient.send(request))
            #expect(echo.bodyLength == 3 << 20)
            #expect(echo.bodyHash == EchoServer.fnv1a(try Data(contentsOf: file)))
            #expect(echo.header("Content-Length") == String(3 << 20))
            #expect(echo.header("Content-Type") == "application/pdf")
        }
    }

    @Test(arguments: TransportKind.allCases)
    func multipartUploadsFromDiskArriveIntact(kind: TransportKind) async throws {
        try await withServer { server in
            let file = try temporaryFile(bytes: 2 << 20)
            defer { try? FileManager.default.removeItem(at: file) }
            var form = MultipartForm()
            form.append("name", "Contrat.pdf")
            form.append("file", file: .pdf(at: file))
            var request = APIRequest(operationID: "upload", method: .post, pathTemplate: "/echo/documents", path: "/echo/documents")
            request.body = .multipart(form)
            let apiClient = client(kind, server)
            let echo = try apiClient.decodeJSON(EchoServer.Echo.self, from: try await apiClient.send(request))
            let encoded = try form.encode()
            #expect(echo.bodyLength == encoded.count)
            #expect(echo.bodyHash == EchoServer.fnv1a(encoded))
            #expect(echo.header("Content-Type") == form.contentType)
        }
    }

    @Test(arguments: TransportKind.allCases)
    func errorStatusesAreReturnedWithTheirProblem(kind: TransportKind) async throws {
        try await withServer { server in
            let apiClient = client(kind, server)
            let response = try await apiClient.send(APIRequest(operationID: "get", method: .get, pathTemplate: "/status/{code}",
                                                               path: "/status/404"))
            #expect(response.status == 404)
            guard case .api(let error) = apiClient.error(for: response) else {
                Issue.record("expected .api")
                return
            }
            #expect(error.code == "status_404")
            #expect(error.requestID == "req-404")
        }
    }

    @Test(arguments: TransportKind.allCases)
    func largeResponseBodiesArriveWhole(kind: TransportKind) async throws {
        try await withServer { server in
            var request = APIRequest(operationID: "big", method: .get, pathTemplate: "/big", path: "/big")
            request.addQuery("bytes", 2_000_000)
            let response = try await client(kind, server).send(request)
            #expect(response.body.count == 2_000_000)
            let intact = response.body.withUnsafeBytes { bytes in
                bytes.indices.allSatisfy { bytes[$0] == UInt8($0 % 251) }
            }
            #expect(intact)
        }
    }

    @Test(arguments: TransportKind.allCases)
    func aRefusedConnectionIsATransportError(kind: TransportKind) async throws {
        let url = try #require(URL(string: "http://127.0.0.1:\(try freePort())/api"))
        let refused = APIClient(configuration: ClientConfiguration(
            serverURL: url, authentication: .bearer("sk_test_conformance"), transport: kind.make(), retryPolicy: .none))
        let error = await #expect(throws: ClientError.self) {
            try await refused.send(APIRequest(operationID: "ping", method: .get, pathTemplate: "/echo/p", path: "/echo/p"))
        }
        guard case .transport("ping", let message)? = error else {
            Issue.record("expected .transport, got \(String(describing: error))")
            return
        }
        #expect(!message.isEmpty)
        #expect(error?.description.contains("sk_test_conformance") == false)
    }

    @Test(arguments: TransportKind.allCases)
    func aSilentServerTimesOut(kind: TransportKind) async throws {
        try await withServer { server in
            let start = ContinuousClock.now
            let error = await #expect(throws: ClientError.self) {
                try await client(kind, server, timeout: .seconds(1))
                    .send(APIRequest(operationID: "slow", method: .get, pathTemplate: "/slow", path: "/slow"))
            }
            guard case .timedOut("slow")? = error else {
                Issue.record("expected .timedOut, got \(String(describing: error))")
                return
            }
            // The server answers after 60 s; the margin allows for a busy machine.
            #expect(ContinuousClock.now - start < .seconds(30))
        }
    }

    @Test(arguments: TransportKind.allCases)
    func cancellingTheTaskCancelsTheExchange(kind: TransportKind) async throws {
        try await withServer { server in
            let apiClient = client(kind, server)
            let start = ContinuousClock.now
            let task = Task {
                try await apiClient.send(APIRequest(operationID: "slow", method: .get, pathTemplate: "/slow", path: "/slow"))
            }
            try await Task.sleep(for: .milliseconds(300))
            task.cancel()
            guard case .failure(ClientError.cancelled("slow")) = await task.result else {
                Issue.record("expected .cancelled")
                return
            }
            #expect(ContinuousClock.now - start < .seconds(30))
        }
    }

    @Test(arguments: TransportKind.allCases)
    func aDroppedConnectionIsATransportError(kind: TransportKind) async throws {
        try await withServer { server in
            let error = await #expect(throws: ClientError.self) {
                try await client(kind, server).send(APIRequest(operationID: "drop", method: .get, pathTemplate: "/drop", path: "/drop"))
            }
            guard case .transport("drop", _)? = error else {
                Issue.record("expected .transport, got \(String(describing: error))")
                return
            }
        }
    }

    @Test(arguments: TransportKind.allCases)
    func aDroppedRequestWithABodyAfterEarlierExchangesFailsAtOnce(kind: TransportKind) async throws {
        try await withServer { server in
            let apiClient = client(kind, server, timeout: .seconds(60))
            for method in [HTTPMethod.get, .post] {
                var warm = APIRequest(operationID: "warm", method: method, pathTemplate: "/echo/w", path: "/echo/w")
                if method == .post { warm.body = .json(Data("{}".utf8)) }
                _ = try await apiClient.send(warm)
            }
            var post = APIRequest(operationID: "drop", method: .post, pathTemplate: "/drop", path: "/drop")
            post.body = .json(Data(#"{"a":1}"#.utf8))
            let start = ContinuousClock.now
            let error = await #expect(throws: ClientError.self) { try await apiClient.send(post) }
            guard case .transport("drop", _)? = error else {
                Issue.record("expected .transport, got \(String(describing: error))")
                return
            }
            // Not the 60 s timeout: libcurl must not be left waiting to resend the body.
            #expect(ContinuousClock.now - start < .seconds(30))
        }
    }

    @Test(arguments: TransportKind.allCases, ["503", "drop"])
    func aRetriedUploadIsStreamedAgainFromDiskWithTheSameIdempotencyKey(kind: TransportKind, failure: String) async throws {
        try await withServer { server in
            let file = try temporaryFile(bytes: 1 << 20)
            defer { try? FileManager.default.removeItem(at: file) }
            var form = MultipartForm()
            form.append("file", file: .pdf(at: file))
            var request = APIRequest(operationID: "upload", method: .post, pathTemplate: "/flaky/{id}",
                                     path: "/flaky/" + UUID().uuidString)
            request.addQuery("fail", failure)
            request.body = .multipart(form)
            let response = try await client(kind, server, retries: .default).send(request)
            #expect(response.status == 200)
            let seen = await server.seen()
            #expect(seen.count == 2)
            #expect(Set(seen.map(\.bodyHash)) == [EchoServer.fnv1a(try form.encode())])
            #expect(seen.allSatisfy { $0.bodyLength == (try? form.encode().count) })
            #expect(seen[0].idempotencyKey != nil && seen[0].idempotencyKey == seen[1].idempotencyKey)
        }
    }
}
