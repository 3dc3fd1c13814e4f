import Foundation
import XCTest

final class ValidationTests: XCTestCase {
    private var sandbox: SandboxHarness!

    override func setUp() async throws {
        sandbox = try await SandboxHarness.start()
    }

    override func tearDown() async throws {
        await sandbox.stop()
    }

    func testEveryInvalidMemberIsListed() async throws {
        let reply = try await sandbox.sendJSON("POST", "/envelopes", [
            "subject": "", "documentIds": [],
            "recipients": [
                ["email": "not-an-email", "name": "", "role": "BOSS", "routingOrder": 0],
                ["name": 12],
            ],
            "metadata": ["deal": 42],
        ])
        let problem = try assertProblem(reply, status: 422, code: "validation_failed")
        XCTAssertEqual(Set(fieldErrors(problem)), [
            "subject", "documentIds", "recipients[0].email", "recipients[0].name", "recipients[0].role",
            "recipients[0].routingOrder", "recipients[1].email", "recipients[1].name", "metadata.deal",
        ])
        let errors = try XCTUnwrap(problem["errors"] as? [[String: Any]])
        let email = try XCTUnwrap(errors.first { $0["field"] as? String == "recipients[0].email" })
        XCTAssertEqual(email["pointer"] as? String, "/recipients/0/email")
        XCTAssertEqual(email["code"] as? String, "invalid_format")
        XCTAssertNotNil(email["message"] as? String)
    }

    func testMissingRequiredMembers() async throws {
        let problem = try assertProblem(try await sandbox.sendJSON("POST", "/envelopes", [:] as [String: Any]), status: 422, code: "validation_failed")
        XCTAssertEqual(Set(fieldErrors(problem)), ["subject", "documentIds", "recipients"])
    }

    func testMalformedJSONIs422() async throws {
        let reply = try await sandbox.send("POST", "/webhooks", headers: ["Content-Type": "application/json"], body: Data("{\"url\":".utf8))
        let problem = try assertProblem(reply, status: 422, code: "validation_failed")
        XCTAssertEqual(((problem["errors"] as? [[String: Any]])?.first?["code"] as? String), "invalid_json")
        try assertProblem(try await sandbox.send("POST", "/keys", headers: ["Content-Type": "application/json"], body: Data("[1]".utf8)), status: 422, code: "validation_failed")
    }

    func testWrongContentTypeIs415() async throws {
        let body = Data(#"{"name":"x"}"#.utf8)
        try assertProblem(try await sandbox.send("POST", "/keys", headers: ["Content-Type": "text/plain"], body: body), status: 415, code: "unsupported_media_type")
        try assertProblem(try await sandbox.send("POST", "/keys", body: body), status: 415, code: "unsupported_media_type")
    }

    func testWebhookValidationAndSecret() async throws {
        let bad = try await sandbox.sendJSON("POST", "/webhooks", ["url": "not a url", "events": ["envelope.signed"], "description": String(repeating: "x", count: 256)])
        let problem = try assertProblem(bad, status: 422, code: "validation_failed")
        XCTAssertEqual(Set(fieldErrors(problem)), ["url", "events[0]", "description"])

        let good = try await sandbox.sendJSON("POST", "/webhooks", ["url": "http://127.0.0.1:9/hooks", "events": ["envelope.completed"]])
        XCTAssertEqual(good.status, 201)
        let webhook = try good.json()
        assertMatches(webhook["id"] as? String, "^wh_[0-9a-f]{16}$")
        assertMatches(webhook["secret"] as? String, "^whsec_[A-Za-z0-9+/=]+$")
        XCTAssertTrue(webhook["description"] is NSNull)
        let page = try await sandbox.send("GET", "/webhooks")
        let listed = try XCTUnwrap(try page.json()["data"] as? [[String: Any]])
        XCTAssertEqual(listed.count, 1)
        XCTAssertNil(listed[0]["secret"], "the secret is only in the creation answer")
        let id = try XCTUnwrap(webhook["id"] as? String)
        let deleted = try await sandbox.send("DELETE", "/webhooks/\(id)")
        XCTAssertEqual(deleted.status, 204)
        try assertProblem(try await sandbox.send("DELETE", "/webhooks/\(id)"), status: 404, code: "not_found")
    }

    func testKeyNameLimits() async throws {
        let problem = try assertProblem(try await sandbox.sendJSON("POST", "/keys", ["name": String(repeating: "k", count: 101)]), status: 422, code: "validation_failed")
        XCTAssertEqual(fieldErrors(problem), ["name"])
    }
}
