import Foundation
import XCTest

final class RoutingTests: XCTestCase {
    private var sandbox: SandboxHarness!

    override func setUp() async throws {
        sandbox = try await SandboxHarness.start()
    }

    override func tearDown() async throws {
        await sandbox.stop()
    }

    /// Sends a new envelope and returns its id and recipients by email.
    private func sendEnvelope(_ recipients: [[String: Any]]) async throws -> (String, [String: [String: Any]]) {
        let id = try await sandbox.createEnvelopeID(recipients: recipients)
        let sent = try await sandbox.send("POST", "/envelopes/\(id)/send")
        XCTAssertEqual(sent.status, 200)
        return (id, try byEmail(sent.json()))
    }

    private func byEmail(_ envelope: [String: Any]) throws -> [String: [String: Any]] {
        let recipients = try XCTUnwrap(envelope["recipients"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: recipients.compactMap { recipient in
            (recipient["email"] as? String).map { ($0, recipient) }
        })
    }

    private func act(_ recipient: [String: Any]?, _ action: String, body: Data? = nil) async throws -> SandboxHarness.Reply {
        let url = try XCTUnwrap(recipient?["signUrl"] as? String)
        let headers = body == nil ? [:] : ["Content-Type": "application/json"]
        return try await sandbox.send("POST", url + "/" + action, useDefaultKey: false, headers: headers, body: body)
    }

    func testSequentialOrderMustBeFollowed() async throws {
        let (id, recipients) = try await sendEnvelope([
            ["email": "first@example.com", "name": "Premier", "routingOrder": 1],
            ["email": "second@example.com", "name": "Second", "role": "APPROVER", "routingOrder": 2],
            ["email": "copy@example.com", "name": "Copie", "role": "CC", "routingOrder": 3],
        ])
        XCTAssertEqual(recipients["first@example.com"]?["status"] as? String, "NOTIFIED")
        XCTAssertEqual(recipients["second@example.com"]?["status"] as? String, "PENDING")
        XCTAssertEqual(recipients["copy@example.com"]?["status"] as? String, "NOTIFIED", "cc recipients are notified at send")
        XCTAssertTrue(recipients["copy@example.com"]?["signUrl"] is NSNull, "cc recipients do not sign")
        XCTAssertNotNil(recipients["second@example.com"]?["signUrl"] as? String, "every signer and approver has a signUrl")

        try assertProblem(try await act(recipients["second@example.com"], "sign"), status: 409, code: "out_of_order")

        let afterFirst = try await act(recipients["first@example.com"], "sign")
        XCTAssertEqual(afterFirst.status, 200)
        let progress = try byEmail(afterFirst.json())
        XCTAssertEqual(try afterFirst.json()["status"] as? String, "SENT")
        XCTAssertEqual(progress["second@example.com"]?["status"] as? String, "NOTIFIED")
        try assertProblem(try await act(recipients["first@example.com"], "sign"), status: 409, code: "already_signed")

        let done = try await act(recipients["second@example.com"], "sign")
        XCTAssertEqual(try done.json()["status"] as? String, "COMPLETED", "cc recipients never block completion")
        let fetched = try await sandbox.send("GET", "/envelopes/\(id)")
        XCTAssertEqual(try fetched.json()["status"] as? String, "COMPLETED")
    }

    func testEqualOrdersSignInParallel() async throws {
        let (_, recipients) = try await sendEnvelope([
            ["email": "a@example.com", "name": "A", "routingOrder": 1],
            ["email": "b@example.com", "name": "B", "routingOrder": 1],
            ["email": "c@example.com", "name": "C", "routingOrder": 2],
        ])
        XCTAssertEqual(recipients["a@example.com"]?["status"] as? String, "NOTIFIED")
        XCTAssertEqual(recipients["b@example.com"]?["status"] as? String, "NOTIFIED")
        XCTAssertEqual(recipients["c@example.com"]?["status"] as? String, "PENDING")

        let afterB = try await act(recipients["b@example.com"], "sign")
        XCTAssertEqual(try byEmail(afterB.json())["c@example.com"]?["status"] as? String, "PENDING", "order 2 waits for all of order 1")
        let afterA = try await act(recipients["a@example.com"], "sign")
        XCTAssertEqual(try byEmail(afterA.json())["c@example.com"]?["status"] as? String, "NOTIFIED")
        let acted = try await act(recipients["c@example.com"], "sign")
        XCTAssertEqual(try acted.json()["status"] as? String, "COMPLETED")
    }

    func testDeclineDeclinesTheEnvelope() async throws {
        let (id, recipients) = try await sendEnvelope([
            ["email": "a@example.com", "name": "A"],
            ["email": "b@example.com", "name": "B"],
        ])
        let reason = try JSONSerialization.data(withJSONObject: ["reason": "Le tarif ne convient pas"])
        let declined = try await act(recipients["a@example.com"], "decline", body: reason)
        XCTAssertEqual(declined.status, 200)
        let envelope = try declined.json()
        XCTAssertEqual(envelope["status"] as? String, "DECLINED")
        let recipient = try byEmail(envelope)["a@example.com"]
        XCTAssertEqual(recipient?["status"] as? String, "DECLINED")
        XCTAssertEqual(recipient?["declineReason"] as? String, "Le tarif ne convient pas")
        assertMatches(recipient?["declinedAt"] as? String, "Z$")
        XCTAssertTrue(envelope["completedAt"] is NSNull)

        try assertProblem(try await act(recipients["b@example.com"], "sign"), status: 409, code: "invalid_state")
        try assertProblem(try await sandbox.send("DELETE", "/envelopes/\(id)"), status: 409, code: "invalid_state")
        try assertProblem(try await sandbox.send("GET", "/envelopes/\(id)/signed-document"), status: 409, code: "invalid_state")
        let trail = try await sandbox.send("GET", "/envelopes/\(id)/audit-trail")
        XCTAssertEqual(trail.status, 200)
        XCTAssertEqual(trail.header("Content-Type"), "application/pdf")
    }

    func testDeclineWithoutBody() async throws {
        let (_, recipients) = try await sendEnvelope([["email": "a@example.com", "name": "A"]])
        let declined = try await act(recipients["a@example.com"], "decline")
        XCTAssertEqual(declined.status, 200)
        XCTAssertTrue(try byEmail(declined.json())["a@example.com"]?["declineReason"] is NSNull)
    }
}
