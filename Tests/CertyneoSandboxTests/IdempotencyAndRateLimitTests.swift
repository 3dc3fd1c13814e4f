import Foundation
import XCTest

final class IdempotencyTests: XCTestCase {
    private var sandbox: SandboxHarness!

    override func setUp() async throws {
        sandbox = try await SandboxHarness.start()
    }

    override func tearDown() async throws {
        await sandbox.stop()
    }

    func testRepeatReturnsTheFirstAnswerAndCreatesNothing() async throws {
        let document = try await sandbox.uploadSamplePDF()
        let body: [String: Any] = [
            "subject": "Contrat", "documentIds": [document], "recipients": [["email": "a@example.com", "name": "A"]],
        ]
        let key = ["Idempotency-Key": UUID().uuidString]
        let first = try await sandbox.sendJSON("POST", "/envelopes", body, headers: key)
        let second = try await sandbox.sendJSON("POST", "/envelopes", body, headers: key)
        XCTAssertEqual(first.status, 201)
        XCTAssertEqual(second.status, 201)
        XCTAssertEqual(try first.json()["id"] as? String, try second.json()["id"] as? String)
        XCTAssertEqual(first.body, second.body)
        XCTAssertEqual(first.header("X-Request-Id"), second.header("X-Request-Id"))
        let list = try await sandbox.send("GET", "/envelopes").json()
        XCTAssertEqual((list["data"] as? [[String: Any]])?.count, 1, "the repeat created nothing")

        let other = try await sandbox.sendJSON("POST", "/envelopes", body.merging(["subject": "Autre"]) { $1 }, headers: key)
        try assertProblem(other, status: 422, code: "idempotency_key_reused")
        let elsewhere = try await sandbox.sendJSON("POST", "/keys", ["name": "x"], headers: key)
        try assertProblem(elsewhere, status: 422, code: "idempotency_key_reused")
    }

    func testUploadRepeatWithANewBoundaryIsTheSameRequest() async throws {
        let key = ["Idempotency-Key": "upload-1"]
        let pdf = TestPDF.make(pages: 1)
        let first = try await sandbox.upload(pdf, headers: key)
        let second = try await sandbox.upload(pdf, headers: key)
        XCTAssertEqual(try first.json()["id"] as? String, try second.json()["id"] as? String)
        let listed = try await sandbox.send("GET", "/documents")
        XCTAssertEqual((try listed.json()["data"] as? [Any])?.count, 1)
    }

    func testFailuresAreNotStored() async throws {
        let key = ["Idempotency-Key": "retry-me"]
        try assertProblem(try await sandbox.sendJSON("POST", "/keys", ["name": ""], headers: key), status: 422, code: "validation_failed")
        let fixed = try await sandbox.sendJSON("POST", "/keys", ["name": "fixed"], headers: key)
        XCTAssertEqual(fixed.status, 201)
    }
}

final class RateLimitTests: XCTestCase {
    func testFourthRequestOfABucketOfThreeIs429() async throws {
        let sandbox = try await SandboxHarness.start { $0.rateLimit = .init(capacity: 3, refillPerMinute: 6) }
        for _ in 0..<3 {
            let listed = try await sandbox.send("GET", "/documents")
            XCTAssertEqual(listed.status, 200)
        }
        let limited = try await sandbox.send("GET", "/documents")
        try assertProblem(limited, status: 429, code: "rate_limited")
        let retryAfter = try XCTUnwrap(limited.header("Retry-After").flatMap { Int($0) })
        XCTAssertGreaterThanOrEqual(retryAfter, 1)
        XCTAssertLessThanOrEqual(retryAfter, 10)
        await sandbox.stop()
    }

    func testBucketsArePerKey() async throws {
        let sandbox = try await SandboxHarness.start { $0.rateLimit = .init(capacity: 2, refillPerMinute: 1) }
        let created = try await sandbox.sendJSON("POST", "/keys", ["name": "second"])
        let other = try XCTUnwrap(try created.json()["secret"] as? String)
        let listed = try await sandbox.send("GET", "/documents")
        XCTAssertEqual(listed.status, 200)
        let listed2 = try await sandbox.send("GET", "/documents")
        XCTAssertEqual(listed2.status, 429)
        let listed3 = try await sandbox.send("GET", "/documents", key: other)
        XCTAssertEqual(listed3.status, 200)
        await sandbox.stop()
    }

    func testOffMeansUnlimited() async throws {
        let sandbox = try await SandboxHarness.start { $0.rateLimit = nil }
        for _ in 0..<30 {
            let listed = try await sandbox.send("GET", "/keys")
            XCTAssertEqual(listed.status, 200)
        }
        await sandbox.stop()
    }
}
