import BindgenRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite("APIClient.send through an in-memory transport")
struct APIClientTests {
    private func get(_ path: String) -> APIRequest {
        APIRequest(operationID: "op", method: .get, pathTemplate: path, path: path)
    }

    @Test(arguments: [
        ("https://certyneo.com/api/v1", "/envelopes", "https://certyneo.com/api/v1/envelopes"),
        ("https://certyneo.com/api/v1/", "/envelopes", "https://certyneo.com/api/v1/envelopes"),
        ("https://certyneo.com", "/envelopes", "https://certyneo.com/envelopes"),
        ("https://certyneo.com/", "/envelopes/a%2Fb", "https://certyneo.com/envelopes/a%2Fb"),
        ("http://127.0.0.1:8080/base//", "/x", "http://127.0.0.1:8080/base/x"),
        ("https://certyneo.com/api/v1?ignored=1#frag", "/e", "https://certyneo.com/api/v1/e"),
        ("http://[::1]:9000/v2", "/e", "http://[::1]:9000/v2/e"),
    ])
    func joinsServerURLAndPath(server: String, path: String, expected: String) async throws {
        let transport = RecordingTransport()
        let client = try makeClient(server: server, transport: transport)
        _ = try await client.send(get(path))
        let request = try #require(transport.lastRequest)
        #expect(request.url?.absoluteString == expected)
    }

    @Test func sendsPseudoHeadersAndEncodedQuery() async throws {
        let transport = RecordingTransport()
        let client = try makeClient(transport: transport)
        var request = APIRequest(operationID: "listEnvelopes", method: .get, pathTemplate: "/envelopes", path: "/envelopes")
        request.addQuery("q", "a b+c")
        request.addQuery("status", ["draft", "sent"], explode: true)
        _ = try await client.send(request)
        let sent = try #require(transport.lastRequest)
        #expect(sent.method == .get)
        #expect(sent.scheme == "https")
        #expect(sent.authority == "certyneo.com")
        #expect(sent.path == "/api/v1/envelopes?q=a%20b%2Bc&status=draft&status=sent")
    }

    @Test func rejectsPathsThatAreNotEncodedOrAbsolute() async throws {
        let client = try makeClient()
        for path in ["envelopes", "/a b", "/a?b", "/a#b", "/bad%2", "/bad%zz"] {
            let error = await #expect(throws: ClientError.self, "\(path)") { try await client.send(get(path)) }
            guard case .invalidRequest? = error else {
                Issue.record("expected invalidRequest for \(path), got \(String(describing: error))")
                continue
            }
        }
    }

    @Test(arguments: [
        (Authentication.bearer("tok-123"), "Bearer tok-123"),
        (Authentication.basic(username: "Aladdin", password: "open sesame"), "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="),
        (Authentication.basic(username: "zoë", password: "pä:ss"), "Basic " + Data("zoë:pä:ss".utf8).base64EncodedString()),
    ])
    func authorizationHeader(authentication: Authentication, expected: String) async throws {
        let transport = RecordingTransport()
        let client = try makeClient(authentication: authentication, transport: transport)
        var request = get("/me")
        request.setHeader("Authorization", "overridden")
        _ = try await client.send(request)
        let sent = try #require(transport.lastRequest)
        #expect(sent.headerFields[values: .authorization] == [expected])
    }

    @Test func apiKeyInHeader() async throws {
        let transport = RecordingTransport()
        let client = try makeClient(authentication: .apiKey(name: "X-API-Key", location: .header, value: "k1"),
                                    transport: transport)
        _ = try await client.send(get("/me"))
        let name = try #require(HTTPField.Name("X-API-Key"))
        #expect(transport.lastRequest?.headerFields[name] == "k1")
        #expect(transport.lastRequest?.headerFields[.authorization] == nil)
    }

    @Test func apiKeyInQueryComesLastAndIsEncoded() async throws {
        let transport = RecordingTransport()
        let client = try makeClient(authentication: .apiKey(name: "api_key", location: .query, value: "a+b/c"),
                                    transport: transport)
        var request = get("/me")
        request.addQuery("page", 2)
        _ = try await client.send(request)
        #expect(transport.lastRequest?.path == "/api/v1/me?page=2&api_key=a%2Bb/c")
    }

    @Test func apiKeyInCookieJoinsExistingCookies() async throws {
        let transport = RecordingTransport()
        let client = try makeClient(authentication: .apiKey(name: "session", location: .cookie, value: "s3"),
                                    transport: transport)
        var request = get("/me")
        request.setHeader("Cookie", "theme=dark")
        _ = try await client.send(request)
        #expect(transport.lastRequest?.headerFields[.cookie] == "theme=dark; session=s3")
    }

    @Test func invalidAPIKeyHeaderNameIsAnInvalidRequest() async throws {
        let client = try makeClient(authentication: .apiKey(name: "bad name", location: .header, value: "k"))
        let error = await #expect(throws: ClientError.self) { try await client.send(get("/me")) }
        guard case .invalidRequest? = error else {
            Issue.record("expected invalidRequest, got \(String(describing: error))")
            return
        }
    }

    @Test func defaultHeadersAndBodyContentType() async throws {
        let transport = RecordingTransport()
        let client = try makeClient(transport: transport)
        var request = APIRequest(operationID: "create", method: .post, pathTemplate: "/e", path: "/e")
        request.accept = "application/json, application/problem+json"
        request.body = .json(Data(#"{"a":1}"#.utf8))
        _ = try await client.send(request)
        let call = try #require(transport.calls.last)
        #expect(call.request.method == .post)
        #expect(call.request.headerFields[.userAgent] == "BindgenRuntime/0.1 (Swift)")
        #expect(call.request.headerFields[.accept] == "application/json, application/problem+json")
        #expect(call.request.headerFields[.contentType] == "application/json")
        #expect(call.request.headerFields[.contentLength] == nil)
        guard case .data(let data)? = call.body else {
            Issue.record("expected a data body")
            return
        }
        #expect(data == Data(#"{"a":1}"#.utf8))
    }

    @Test func noAcceptOrContentTypeWithoutThem() async throws {
        let transport = RecordingTransport()
        let client = try makeClient(transport: transport)
        _ = try await client.send(get("/e"))
        let sent = try #require(transport.lastRequest)
        #expect(sent.headerFields[.accept] == nil)
        #expect(sent.headerFields[.contentType] == nil)
        #expect(transport.calls.last?.body == nil)
    }

    @Test func customUserAgentAndTimeoutArePassedOn() async throws {
        let transport = RecordingTransport()
        let url = try #require(URL(string: "https://certyneo.com"))
        let client = APIClient(configuration: ClientConfiguration(
            serverURL: url, transport: transport, userAgent: "Certyneo-CLI/2.0", timeout: .milliseconds(1500)))
        _ = try await client.send(get("/e"))
        #expect(transport.lastRequest?.headerFields[.userAgent] == "Certyneo-CLI/2.0")
        #expect(transport.calls.last?.timeout == .milliseconds(1500))
    }

    @Test func multipartBodyIsEncodedWithBoundaryContentType() async throws {
        let transport = RecordingTransport()
        let client = try makeClient(transport: transport)
        var form = MultipartForm(boundary: "bnd")
        form.append("name", "x")
        var request = APIRequest(operationID: "upload", method: .post, pathTemplate: "/d", path: "/d")
        request.body = .multipart(form)
        _ = try await client.send(request)
        let call = try #require(transport.calls.last)
        #expect(call.request.headerFields[.contentType] == "multipart/form-data; boundary=bnd")
        guard case .data(let data)? = call.body else {
            Issue.record("expected a data body")
            return
        }
        #expect(data == (try form.encode()))
    }

    @Test func fileBodyIsHandedToTheTransportUnread() async throws {
        let transport = RecordingTransport()
        let client = try makeClient(transport: transport)
        let file = URL(fileURLWithPath: "/tmp/never-read-\(UUID().uuidString).bin")
        var request = APIRequest(operationID: "upload", method: .put, pathTemplate: "/d", path: "/d")
        request.body = .file(file, contentType: "application/octet-stream")
        _ = try await client.send(request)
        let call = try #require(transport.calls.last)
        #expect(call.request.headerFields[.contentType] == "application/octet-stream")
        guard case .file(let url)? = call.body else {
            Issue.record("expected a file body")
            return
        }
        #expect(url == file)
    }

    @Test func returnsResponseForAnyStatus() async throws {
        let transport = RecordingTransport(status: 503, headerFields: [.testRequestID: "req-5"], body: Data("busy".utf8))
        let client = try makeClient(transport: transport)
        let response = try await client.send(get("/e"))
        #expect(response.status == 503)
        #expect(response.requestID == "req-5")
        #expect(response.body == Data("busy".utf8))
        #expect(response.request.operationID == "op")
        #expect(client.decodeText(from: response) == "busy")
    }
}
