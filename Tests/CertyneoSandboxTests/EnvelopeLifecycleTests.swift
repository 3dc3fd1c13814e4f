import Foundation
import XCTest

final class EnvelopeLifecycleTests: XCTestCase {
    private var sandbox: SandboxHarness!

    override func setUp() async throws {
        sandbox = try await SandboxHarness.start()
    }

    override func tearDown() async throws {
        await sandbox.stop()
    }

    func testDraftHasTheDocumentedShape() async throws {
        let envelope = try await sandbox.createEnvelope()
        assertMatches(envelope["id"] as? String, "^env_[0-9a-f]{16}$")
        XCTAssertEqual(envelope["status"] as? String, "DRAFT")
        for member in ["sentAt", "completedAt", "expiresAt", "message"] {
            XCTAssertTrue(envelope[member] is NSNull, "\(member) is null in a draft")
        }
        let recipient = try XCTUnwrap((envelope["recipients"] as? [[String: Any]])?.first)
        assertMatches(recipient["id"] as? String, "^rcp_[0-9a-f]{16}$")
        XCTAssertEqual(recipient["status"] as? String, "PENDING")
        XCTAssertEqual(recipient["routingOrder"] as? Int, 1)
        XCTAssertTrue(recipient["signUrl"] is NSNull)
    }

    func testSendSignComplete() async throws {
        let id = try await sandbox.createEnvelopeID()
        try assertProblem(try await sandbox.send("GET", "/envelopes/\(id)/signed-document"), status: 409, code: "invalid_state")

        let sent = try await sandbox.send("POST", "/envelopes/\(id)/send")
        XCTAssertEqual(sent.status, 200)
        let envelope = try sent.json()
        XCTAssertEqual(envelope["status"] as? String, "SENT")
        assertMatches(envelope["sentAt"] as? String, #"Z$"#)
        assertMatches(envelope["expiresAt"] as? String, #"Z$"#)
        let recipient = try XCTUnwrap((envelope["recipients"] as? [[String: Any]])?.first)
        XCTAssertEqual(recipient["status"] as? String, "NOTIFIED")
        let signURL = try XCTUnwrap(recipient["signUrl"] as? String)
        assertMatches(signURL, "^http://127\\.0\\.0\\.1:\(sandbox.info.port)/sign/[0-9a-f]{32}$")

        try assertProblem(try await sandbox.send("POST", "/envelopes/\(id)/send"), status: 409, code: "invalid_state")
        try assertProblem(try await sandbox.sendJSON("PATCH", "/envelopes/\(id)", ["subject": "x"]), status: 409, code: "invalid_state")

        let page = try await sandbox.send("GET", signURL, useDefaultKey: false)
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.header("Content-Type")?.hasPrefix("text/html") ?? false)
        XCTAssertTrue(String(decoding: page.body, as: UTF8.self).contains("Contrat de prestation"))

        let signed = try await sandbox.send("POST", signURL + "/sign", useDefaultKey: false)
        XCTAssertEqual(signed.status, 200)
        let completed = try signed.json()
        XCTAssertEqual(completed["status"] as? String, "COMPLETED")
        assertMatches(completed["completedAt"] as? String, #"Z$"#)
        let signer = try XCTUnwrap((completed["recipients"] as? [[String: Any]])?.first)
        XCTAssertEqual(signer["status"] as? String, "SIGNED")
        assertMatches(signer["signedAt"] as? String, #"Z$"#)

        try assertProblem(try await sandbox.send("POST", signURL + "/sign", useDefaultKey: false), status: 409, code: "invalid_state")
        let document = try await sandbox.send("GET", "/envelopes/\(id)/signed-document")
        XCTAssertEqual(document.status, 200)
        XCTAssertEqual(document.header("Content-Type"), "application/pdf")
        try PDFStructure.check([UInt8](document.body))
        try assertProblem(try await sandbox.send("DELETE", "/envelopes/\(id)"), status: 409, code: "invalid_state")
    }

    func testPatchChangesOnlyGivenMembers() async throws {
        let id = try await sandbox.createEnvelopeID()
        let reply = try await sandbox.sendJSON("PATCH", "/envelopes/\(id)", ["message": "Merci de signer", "metadata": ["deal": "42"]])
        XCTAssertEqual(reply.status, 200)
        let envelope = try reply.json()
        XCTAssertEqual(envelope["subject"] as? String, "Contrat de prestation")
        XCTAssertEqual(envelope["message"] as? String, "Merci de signer")
        XCTAssertEqual(envelope["metadata"] as? [String: String], ["deal": "42"])
        try assertProblem(try await sandbox.sendJSON("PATCH", "/envelopes/env_0000000000000000", ["subject": "x"]), status: 404, code: "not_found")
    }

    func testDeleteDraftRemovesIt() async throws {
        let id = try await sandbox.createEnvelopeID()
        let deleted = try await sandbox.send("DELETE", "/envelopes/\(id)")
        XCTAssertEqual(deleted.status, 204)
        try assertProblem(try await sandbox.send("GET", "/envelopes/\(id)"), status: 404, code: "not_found")
        try assertProblem(try await sandbox.send("GET", "/envelopes/\(id)/audit-trail"), status: 404, code: "not_found")
    }

    func testDeleteSentVoidsIt() async throws {
        let id = try await sandbox.createEnvelopeID()
        let sent = try await sandbox.send("POST", "/envelopes/\(id)/send").json()
        let signURL = try XCTUnwrap((sent["recipients"] as? [[String: Any]])?.first?["signUrl"] as? String)
        let deleted = try await sandbox.send("DELETE", "/envelopes/\(id)")
        XCTAssertEqual(deleted.status, 204)
        let fetched = try await sandbox.send("GET", "/envelopes/\(id)")
        XCTAssertEqual(try fetched.json()["status"] as? String, "VOIDED")
        try assertProblem(try await sandbox.send("DELETE", "/envelopes/\(id)"), status: 409, code: "invalid_state")
        try assertProblem(try await sandbox.send("POST", signURL + "/sign", useDefaultKey: false), status: 409, code: "invalid_state")
        let trail = try await sandbox.send("GET", "/envelopes/\(id)/audit-trail")
        XCTAssertEqual(trail.status, 200)
    }

    func testSendNeedsASignerOrApprover() async throws {
        let envelope = try await sandbox.createEnvelope(recipients: [["email": "cc@example.com", "name": "Copie", "role": "CC"]])
        let id = try XCTUnwrap(envelope["id"] as? String)
        let problem = try assertProblem(try await sandbox.send("POST", "/envelopes/\(id)/send"), status: 422, code: "validation_failed")
        XCTAssertEqual(fieldErrors(problem), ["recipients"])
    }

    func testPastExpiryExpiresASentEnvelopeLazily() async throws {
        let id = try await sandbox.createEnvelopeID()
        let soon = Date().addingTimeInterval(1.2)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let patched = try await sandbox.sendJSON("PATCH", "/envelopes/\(id)", ["expiresAt": formatter.string(from: soon)])
        XCTAssertEqual(patched.status, 200)
        let sent = try await sandbox.send("POST", "/envelopes/\(id)/send")
        XCTAssertEqual(sent.status, 200)
        try await Task.sleep(for: .milliseconds(1500))
        let fetched = try await sandbox.send("GET", "/envelopes/\(id)")
        XCTAssertEqual(try fetched.json()["status"] as? String, "EXPIRED")
        let list = try await sandbox.send("GET", "/envelopes?status=EXPIRED").json()
        XCTAssertEqual((list["data"] as? [[String: Any]])?.count, 1)
    }

    func testCreateRejectsUnknownDocuments() async throws {
        let reply = try await sandbox.sendJSON("POST", "/envelopes", [
            "subject": "x", "documentIds": ["doc_0000000000000000"],
            "recipients": [["email": "a@example.com", "name": "A"]],
        ])
        let problem = try assertProblem(reply, status: 422, code: "validation_failed")
        XCTAssertEqual(fieldErrors(problem), ["documentIds[0]"])
    }
}
