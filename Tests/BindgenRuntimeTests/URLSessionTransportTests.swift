import BindgenRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite("URLSessionTransport against a loopback HTTP/1.1 server", .serialized)
struct URLSessionTransportTests {
    private func client(port: UInt16, authentication: Authentication? = nil, timeout: Duration? = nil,
                        session: URLSession = .shared) throws -> APIClient {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/api/v1/"))
        // The loopback server answers one connection only: one attempt per call.
        return APIClient(configuration: ClientConfiguration(
            serverURL: url, authentication: authentication, transport: URLSessionTransport(session: session),
            timeout: timeout, retryPolicy: .none))
    }

    @Test func roundTripsStatusHeadersAndBody() async throws {
        let responseBody = Data(#"{"id":"env_1","status":"sent"}"#.utf8)
        let server = try LoopbackServer(response: LoopbackServer.response(
            status: "201 Created",
            headers: [("Content-Type", "application/json"), ("X-Request-Id", "req-loop-1"), ("X-Custom", "a b")],
            body: responseBody))
        defer { server.waitUntilFinished() }
        let client = try client(port: server.port, authentication: .bearer("tok"))

        var request = APIRequest(operationID: "createEnvelope", method: .post, pathTemplate: "/envelopes",
                                 path: "/envelopes/" + APIRequest.pathSegment("a/b é"))
        request.addQuery("q", "x y+z")
        request.setHeader("Idempotency-Key", "idem-1")
        request.accept = "application/json"
        let requestBody = Data(#"{"title":"Q3 contract"}"#.utf8)
        request.body = .json(requestBody)
        let response = try await client.send(request)

        #expect(response.status == 201)
        #expect(response.body == responseBody)
        #expect(response.requestID == "req-loop-1")
        #expect(response.headerFields[.contentType] == "application/json")
        #expect(response.headerFields[try #require(HTTPField.Name("X-Custom"))] == "a b")
        struct Created: Decodable { let id: String }
        #expect(try client.decodeJSON(Created.self, from: response).id == "env_1")

        server.waitUntilFinished()
        let received = try #require(server.request)
        #expect(received.requestLine == "POST /api/v1/envelopes/a%2Fb%20%C3%A9?q=x%20y%2Bz HTTP/1.1")
        #expect(received.header("Authorization") == "Bearer tok")
        #expect(received.header("Content-Type") == "application/json")
        #expect(received.header("Accept") == "application/json")
        #expect(received.header("User-Agent") == "BindgenRuntime/0.1 (Swift)")
        #expect(received.header("Idempotency-Key") == "idem-1")
        #expect(received.header("Host") == "127.0.0.1:\(server.port)")
        #expect(received.body == requestBody)
    }

    @Test func errorStatusIsReturnedNotThrown() async throws {
        let server = try LoopbackServer(response: LoopbackServer.response(
            status: "404 Not Found", headers: [("Content-Type", "application/problem+json")],
            body: Data(#"{"title":"Not Found","code":"envelope_not_found","requestId":"req-404"}"#.utf8)))
        defer { server.waitUntilFinished() }
        let client = try client(port: server.port)
        let response = try await client.send(APIRequest(operationID: "getEnvelope", method: .get,
                                                        pathTemplate: "/envelopes/{id}", path: "/envelopes/x"))
        #expect(response.status == 404)
        guard case .api(let error) = client.error(for: response) else {
            Issue.record("expected .api")
            return
        }
        #expect(error.code == "envelope_not_found")
        #expect(error.requestID == "req-404")
        server.waitUntilFinished()
        #expect(server.request?.requestLine == "GET /api/v1/envelopes/x HTTP/1.1")
    }

    @Test func multipartAndFileBodiesArriveIntact() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bindgen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let fileURL = directory.appendingPathComponent("doc.pdf")
        let fileBytes = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try fileBytes.write(to: fileURL)

        // Multipart: the form is encoded in memory and sent as one body.
        var form = MultipartForm(boundary: "loop-boundary")
        form.append("title", "Q3")
        form.append("document", file: .pdf(at: fileURL))
        let multipartServer = try LoopbackServer(response: LoopbackServer.response(status: "200 OK", headers: [], body: Data()))
        defer { multipartServer.waitUntilFinished() }
        var upload = APIRequest(operationID: "upload", method: .post, pathTemplate: "/documents", path: "/documents")
        upload.body = .multipart(form)
        _ = try await client(port: multipartServer.port).send(upload)
        multipartServer.waitUntilFinished()
        let multipart = try #require(multipartServer.request)
        #expect(multipart.header("Content-Type") == "multipart/form-data; boundary=loop-boundary")
        #expect(multipart.body == (try form.encode()))

        // A raw file body is streamed from disk.
        let fileServer = try LoopbackServer(response: LoopbackServer.response(status: "204 No Content", headers: [], body: Data()))
        defer { fileServer.waitUntilFinished() }
        var put = APIRequest(operationID: "putContent", method: .put, pathTemplate: "/content", path: "/content")
        put.body = .file(fileURL, contentType: "application/pdf")
        let response = try await client(port: fileServer.port).send(put)
        #expect(response.status == 204)
        fileServer.waitUntilFinished()
        let file = try #require(fileServer.request)
        #expect(file.header("Content-Type") == "application/pdf")
        #expect(file.body == fileBytes)
    }

    @Test func connectionRefusedBecomesTransportError() async throws {
        let port = try Socket.closedPort()
        let client = try client(port: port, authentication: .bearer("never-printed"))
        let error = await #expect(throws: ClientError.self) {
            try await client.send(APIRequest(operationID: "ping", method: .get, pathTemplate: "/ping", path: "/ping"))
        }
        guard case .transport(let operationID, let message)? = error else {
            Issue.record("expected .transport, got \(String(describing: error))")
            return
        }
        #expect(operationID == "ping")
        #expect(!message.isEmpty)
        #expect(error?.description.contains("never-printed") == false)
    }

    @Test func silentServerTimesOut() async throws {
        let server = try LoopbackServer(response: Data(), holdSeconds: 3)
        defer { server.waitUntilFinished() }
        let session = URLSession(configuration: .ephemeral)
        // Sub-second: FoundationNetworking would truncate 0.5 s to 0 and fail at once without sending.
        let client = try client(port: server.port, timeout: .milliseconds(500), session: session)
        let start = ContinuousClock.now
        let error = await #expect(throws: ClientError.self) {
            try await client.send(APIRequest(operationID: "slow", method: .get, pathTemplate: "/slow", path: "/slow"))
        }
        let elapsed = ContinuousClock.now - start
        guard case .timedOut("slow")? = error else {
            Issue.record("expected .timedOut, got \(String(describing: error))")
            return
        }
        #expect(server.request?.requestLine == "GET /api/v1/slow HTTP/1.1")
        #expect(elapsed >= .milliseconds(450))
        #expect(elapsed < .seconds(2.5))
    }

    @Test func cancellingTheTaskCancelsTheRequest() async throws {
        let server = try LoopbackServer(response: Data(), holdSeconds: 3)
        defer { server.waitUntilFinished() }
        let client = try client(port: server.port, session: URLSession(configuration: .ephemeral))
        let start = ContinuousClock.now
        let task = Task {
            try await client.send(APIRequest(operationID: "slow", method: .get, pathTemplate: "/slow", path: "/slow"))
        }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let result = await task.result
        guard case .failure(ClientError.cancelled("slow")) = result else {
            Issue.record("expected .cancelled, got \(result)")
            return
        }
        #expect(ContinuousClock.now - start < .seconds(2.5))
    }
}
