import BindgenRuntime
import Foundation
import Testing

@Suite("API errors (RFC 9457 problem details)")
struct APIErrorTests {
    private let problemBody = Data(#"""
    {
      "type": "https://certyneo.com/problems/validation",
      "title": "Validation failed",
      "status": 422,
      "detail": "2 fields are invalid",
      "code": "validation_failed",
      "requestId": "req-body-1",
      "errors": [
        { "field": "recipients[0].email", "pointer": "/recipients/0/email", "message": "is not an email", "code": "format" },
        { "pointer": "/title", "message": "is required" },
        "not an object",
        { "field": "expiresAt" }
      ]
    }
    """#.utf8)

    @Test func parsesAllProblemMembers() {
        let error = APIError(operationID: "createEnvelope", status: 422,
                             headerFields: [.contentType: "application/problem+json; charset=utf-8",
                                            .testRequestID: "req-header-1"],
                             body: problemBody)
        #expect(error.operationID == "createEnvelope")
        #expect(error.status == 422)
        #expect(error.type == "https://certyneo.com/problems/validation")
        #expect(error.title == "Validation failed")
        #expect(error.detail == "2 fields are invalid")
        #expect(error.code == "validation_failed")
        #expect(error.requestID == "req-body-1")
        #expect(error.body == problemBody)
        #expect(error.fieldErrors == [
            .init(field: "recipients[0].email", pointer: "/recipients/0/email", message: "is not an email", code: "format"),
            .init(field: nil, pointer: "/title", message: "is required", code: nil),
            .init(field: "expiresAt", pointer: nil, message: "", code: nil),
        ])
    }

    @Test func plainJSONWithProblemMembersIsParsedToo() {
        let body = Data(#"{"title":"Not Found","code":404,"errors":{"email":["taken","too long"],"name":"blank"}}"#.utf8)
        let error = APIError(operationID: "op", status: 404, headerFields: [.contentType: "application/json"], body: body)
        #expect(error.title == "Not Found")
        #expect(error.code == "404")
        #expect(error.fieldErrors.map(\.field) == ["email", "email", "name"])
        #expect(error.fieldErrors.map(\.message) == ["taken", "too long", "blank"])
    }

    @Test func plainTextBodyLeavesProblemFieldsNil() {
        let error = APIError(operationID: "op", status: 502,
                             headerFields: [.contentType: "text/plain", .testRequestID: "req-9"],
                             body: Data("Bad gateway: {\"code\":\"x\"}".utf8))
        #expect(error.type == nil)
        #expect(error.title == nil)
        #expect(error.detail == nil)
        #expect(error.code == nil)
        #expect(error.fieldErrors.isEmpty)
        #expect(error.requestID == "req-9")
        #expect(error.description.contains("Bad gateway"))
    }

    @Test(arguments: [
        #"{"title": "cut off"#, "[1,2,3]", #""just a string""#, "", "\u{FF}\u{FE}", #"{"title": 5, "errors": "no"}"#,
    ])
    func malformedJSONDoesNotCrashAndLeavesFieldsNil(body: String) {
        let error = APIError(operationID: "op", status: 500, headerFields: [.contentType: "application/problem+json"],
                             body: Data(body.utf8))
        #expect(error.title == nil)
        #expect(error.code == nil)
        #expect(error.requestID == nil)
        #expect(error.fieldErrors.isEmpty)
        #expect(error.description.hasPrefix("HTTP 500 from op"))
    }

    @Test func requestIDFallsBackToHeader() {
        let error = APIError(operationID: "op", status: 404, headerFields: [.contentType: "application/problem+json",
                                                                           .testRequestID: "req-from-header"],
                             body: Data(#"{"title":"Not Found"}"#.utf8))
        #expect(error.requestID == "req-from-header")
    }

    @Test func untypedBodyThatLooksLikeJSONIsParsed() {
        let error = APIError(operationID: "op", status: 400, headerFields: [:], body: Data(#"  {"code":"bad"}"#.utf8))
        #expect(error.code == "bad")
    }

    @Test func htmlBodyIsNotParsed() {
        let error = APIError(operationID: "op", status: 400, headerFields: [.contentType: "text/html"],
                             body: Data(#"{"code":"bad"}"#.utf8))
        #expect(error.code == nil)
    }

    @Test func descriptionHasStatusCodeAndRequestIDOnOneLine() {
        let error = ClientError.api(APIError(
            operationID: "createEnvelope", status: 422,
            headerFields: [.contentType: "application/problem+json"], body: problemBody))
        let text = error.description
        #expect(text.hasPrefix("HTTP 422 from createEnvelope: Validation failed: 2 fields are invalid"))
        #expect(text.contains("code=validation_failed"))
        #expect(text.contains("requestId=req-body-1"))
        #expect(text.contains("recipients[0].email: is not an email"))
        #expect(!text.contains("\n"))
        #expect(error.status == 422)
        #expect(error.operationID == "createEnvelope")
    }

    @Test func detailWithLineBreaksStaysOnOneLine() {
        let error = APIError(operationID: "op", status: 500, headerFields: [.contentType: "application/json"],
                             body: Data(#"{"detail":"line one\nline two\r\nthree"}"#.utf8))
        #expect(!error.description.contains("\n"))
        #expect(!error.description.contains("\r"))
        #expect(error.description.contains("line one line two  three"))
    }

    @Test func decodeBodyDecodesTheDocumentedErrorSchema() throws {
        struct Problem: Decodable, Equatable {
            let code: String
            let status: Int
        }
        let error = APIError(operationID: "op", status: 422, headerFields: [:], body: problemBody)
        #expect(try error.decodeBody(as: Problem.self) == Problem(code: "validation_failed", status: 422))

        struct Wrong: Decodable { let status: String }
        let thrown = #expect(throws: ClientError.self) { try error.decodeBody(as: Wrong.self) }
        guard case .decoding(let failure)? = thrown else {
            Issue.record("expected .decoding, got \(String(describing: thrown))")
            return
        }
        #expect(failure.codingPath == "status")
        #expect(failure.status == 422)
    }

    @Test func errorForResponseBuildsAPIError() throws {
        let client = try makeClient()
        let request = APIRequest(operationID: "getEnvelope", method: .get, pathTemplate: "/envelopes/{id}",
                                 path: "/envelopes/1")
        let response = APIResponse(request: request, status: 404,
                                   headerFields: [.contentType: "application/problem+json"],
                                   body: Data(#"{"code":"envelope_not_found"}"#.utf8))
        guard case .api(let error) = client.error(for: response) else {
            Issue.record("expected .api")
            return
        }
        #expect(error.operationID == "getEnvelope")
        #expect(error.code == "envelope_not_found")
    }

    @Test func otherDescriptionsAreOneLineAndNameTheOperation() {
        #expect(ClientError.timedOut(operationID: "op").description == "Request op timed out")
        #expect(ClientError.cancelled(operationID: "op").description == "Request op was cancelled")
        #expect(ClientError.transport(operationID: "op", message: "reset\nby peer").description
            == "Transport error in op: reset by peer")
        #expect(ClientError.invalidRequest("bad").description == "Invalid request: bad")
        #expect(ClientError.invalidRequest("bad").localizedDescription == "Invalid request: bad")
        let failure = DecodingFailure(operationID: "op", status: 200, codingPath: "a[0].b", message: "Missing key 'b'",
                                      bodyPrefix: "{}", requestID: "r-1")
        #expect(ClientError.decoding(failure).description
            == "Could not decode op response (HTTP 200) at a[0].b: Missing key 'b' [requestId=r-1]")
    }
}
