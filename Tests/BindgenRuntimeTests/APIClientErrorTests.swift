import BindgenRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

@Suite("APIClient error mapping and JSON coding")
struct APIClientErrorTests {
    private let request = APIRequest(operationID: "getEnvelope", method: .get, pathTemplate: "/e", path: "/e")

    private struct Leaky: Error, CustomStringConvertible {
        var description: String { "reset while sending Authorization: Bearer secret-token-42\nat https://h/?api_key=k%2B1" }
    }

    private func sendError(_ thrown: any Error, authentication: Authentication? = nil) async throws -> ClientError? {
        let client = try makeClient(authentication: authentication, transport: RecordingTransport(error: thrown))
        return await #expect(throws: ClientError.self) { try await client.send(request) }
    }

    @Test func cancellationErrorBecomesCancelled() async throws {
        guard case .cancelled(let operationID)? = try await sendError(CancellationError()) else {
            Issue.record("expected .cancelled")
            return
        }
        #expect(operationID == "getEnvelope")
    }

    @Test func urlErrorCancelledBecomesCancelled() async throws {
        guard case .cancelled? = try await sendError(URLError(.cancelled)) else {
            Issue.record("expected .cancelled")
            return
        }
    }

    @Test func urlErrorTimedOutBecomesTimedOut() async throws {
        guard case .timedOut(let operationID)? = try await sendError(URLError(.timedOut)) else {
            Issue.record("expected .timedOut")
            return
        }
        #expect(operationID == "getEnvelope")
    }

    @Test func otherURLErrorsBecomeTransport() async throws {
        guard case .transport(let operationID, let message)? = try await sendError(URLError(.cannotConnectToHost)) else {
            Issue.record("expected .transport")
            return
        }
        #expect(operationID == "getEnvelope")
        #expect(message.contains("could not connect"))
    }

    @Test func transportMessagesNeverContainSecrets() async throws {
        let bearer = try #require(try await sendError(Leaky(), authentication: .bearer("secret-token-42")))
        #expect(!bearer.description.contains("secret-token-42"))
        #expect(bearer.description.contains("<redacted>"))
        #expect(!bearer.description.contains("\n"))

        let key = try #require(try await sendError(Leaky(), authentication: .apiKey(name: "api_key", location: .query, value: "k+1")))
        #expect(!key.description.contains("k%2B1"))
    }

    @Test func apiErrorDescriptionNeverContainsTheBearerToken() async throws {
        let token = "secret-token-42"
        let transport = RecordingTransport(status: 401, headerFields: [.contentType: "application/problem+json",
                                                                       .testRequestID: "req-401"],
                                           body: Data(#"{"title":"Unauthorized","code":"invalid_token"}"#.utf8))
        let client = try makeClient(authentication: .bearer(token), transport: transport)
        let response = try await client.send(request)
        #expect(transport.lastRequest?.headerFields[.authorization] == "Bearer \(token)")
        let description = client.error(for: response).description
        #expect(description == "HTTP 401 from getEnvelope: Unauthorized [code=invalid_token, requestId=req-401]")
        #expect(!description.contains(token))
    }

    @Test func thrownClientErrorPassesThrough() async throws {
        guard case .invalidRequest("custom")? = try await sendError(ClientError.invalidRequest("custom")) else {
            Issue.record("expected the transport's own ClientError")
            return
        }
    }

    @Test func alreadyCancelledTaskDoesNotSend() async throws {
        let transport = RecordingTransport()
        let client = try makeClient(transport: transport)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await client.send(request)
        }
        let result = await task.result
        guard case .failure(ClientError.cancelled) = result else {
            Issue.record("expected .cancelled, got \(result)")
            return
        }
        #expect(transport.calls.isEmpty)
    }

    private struct Envelope: Codable, Equatable {
        struct Recipient: Codable, Equatable { let email: String }
        let id: String
        let recipients: [Recipient]
        let createdAt: Date
    }

    private func response(_ json: String, status: Int = 200) -> APIResponse {
        APIResponse(request: request, status: status, headerFields: [.testRequestID: "req-d"], body: Data(json.utf8))
    }

    @Test func decodeJSONUsesRFC3339Dates() throws {
        let client = try makeClient()
        let envelope = try client.decodeJSON(Envelope.self, from: response(
            #"{"id":"e1","recipients":[{"email":"a@b.c"}],"createdAt":"2026-12-01T05:41:20.5Z"}"#))
        #expect(envelope == Envelope(id: "e1", recipients: [.init(email: "a@b.c")],
                                     createdAt: Date(timeIntervalSince1970: 1_796_103_680.5)))
    }

    @Test(arguments: [
        (#"{"id":"e1","recipients":[{"email":5}],"createdAt":"2026-12-01T05:41:20Z"}"#, "recipients[0].email"),
        (#"{"id":"e1","recipients":[{}],"createdAt":"2026-12-01T05:41:20Z"}"#, "recipients[0].email"),
        (#"{"id":"e1","recipients":[],"createdAt":"2026-02-30T05:41:20Z"}"#, "createdAt"),
        (#"{"id":null,"recipients":[],"createdAt":"2026-12-01T05:41:20Z"}"#, "id"),
        (#"{"id":"e1","#, ""),
    ])
    func decodeJSONFailureCarriesCodingPath(json: String, path: String) throws {
        let client = try makeClient()
        let error = #expect(throws: ClientError.self) { try client.decodeJSON(Envelope.self, from: response(json, status: 201)) }
        guard case .decoding(let failure)? = error else {
            Issue.record("expected .decoding, got \(String(describing: error))")
            return
        }
        #expect(failure.codingPath == path)
        #expect(failure.operationID == "getEnvelope")
        #expect(failure.status == 201)
        #expect(failure.requestID == "req-d")
        #expect(failure.bodyPrefix == json)
        #expect(!failure.message.isEmpty)
    }

    @Test func bodyPrefixIsLimitedTo512Bytes() throws {
        let client = try makeClient()
        let long = "[" + String(repeating: "1,", count: 1000) + "x]"
        let error = #expect(throws: ClientError.self) { try client.decodeJSON([Int].self, from: response(long)) }
        guard case .decoding(let failure)? = error else {
            Issue.record("expected .decoding")
            return
        }
        #expect(failure.bodyPrefix.utf8.count == 512)
    }

    @Test func encodeJSONFailureIsInvalidRequest() throws {
        let client = try makeClient()
        #expect(try client.encodeJSON(["a": 1.5]) == Data(#"{"a":1.5}"#.utf8))
        let error = #expect(throws: ClientError.self) { try client.encodeJSON(["bad": Double.nan]) }
        guard case .invalidRequest(let message)? = error else {
            Issue.record("expected .invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(message.contains("bad"))
    }

    @Test func decodeTextHonoursLatin1AndFallsBackToLossyUTF8() throws {
        let client = try makeClient()
        let latin1 = APIResponse(request: request, status: 200, headerFields: [.contentType: "text/plain; charset=ISO-8859-1"],
                                 body: Data([0x63, 0x61, 0x66, 0xE9]))
        #expect(client.decodeText(from: latin1) == "café")
        let broken = APIResponse(request: request, status: 200, headerFields: [:], body: Data([0x61, 0xFF, 0x62]))
        #expect(client.decodeText(from: broken) == "a\u{FFFD}b")
    }
}
