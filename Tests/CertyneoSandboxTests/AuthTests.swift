import Foundation
import XCTest

final class AuthTests: XCTestCase {
    private var sandbox: SandboxHarness!

    override func setUp() async throws {
        sandbox = try await SandboxHarness.start()
    }

    override func tearDown() async throws {
        await sandbox.stop()
    }

    func testInitialKeyWorksAndHasTheDocumentedShape() async throws {
        assertMatches(sandbox.info.apiKey, "^sk_test_[a-z0-9]{24}$")
        XCTAssertEqual(sandbox.info.baseURL.absoluteString, "http://127.0.0.1:\(sandbox.info.port)/api/v1")
        let reply = try await sandbox.send("GET", "/keys")
        XCTAssertEqual(reply.status, 200)
        assertMatches(reply.header("X-Request-Id"), "^req_[0-9a-f]{16}$")
        let keys = try XCTUnwrap(try reply.json()["data"] as? [[String: Any]])
        XCTAssertEqual(keys.count, 1)
        XCTAssertEqual(keys[0]["prefix"] as? String, String(sandbox.info.apiKey.prefix(12)))
        XCTAssertNil(keys[0]["secret"], "secrets are never listed")
    }

    func testMissingKeyIs401Problem() async throws {
        let reply = try await sandbox.send("GET", "/documents", useDefaultKey: false)
        try assertProblem(reply, status: 401, code: "unauthorized")
    }

    func testUnknownAndMalformedKeysAre401() async throws {
        try assertProblem(try await sandbox.send("GET", "/envelopes", key: "sk_test_000000000000000000000000"), status: 401, code: "unauthorized")
        let basic = try await sandbox.send("GET", "/envelopes", useDefaultKey: false, headers: ["Authorization": "Basic dXNlcjpwYXNz"])
        try assertProblem(basic, status: 401, code: "unauthorized")
    }

    func testRevokedKeyIs401OnItsNextRequest() async throws {
        let created = try await sandbox.sendJSON("POST", "/keys", ["name": "HRIS integration"])
        XCTAssertEqual(created.status, 201)
        let key = try created.json()
        let secret = try XCTUnwrap(key["secret"] as? String)
        assertMatches(secret, "^sk_test_[a-z0-9]{24}$")
        XCTAssertEqual(key["prefix"] as? String, String(secret.prefix(12)))
        XCTAssertEqual(key["environment"] as? String, "test")
        let id = try XCTUnwrap(key["id"] as? String)
        assertMatches(id, "^key_[0-9a-f]{16}$")

        let listed = try await sandbox.send("GET", "/documents", key: secret)
        XCTAssertEqual(listed.status, 200)
        let deleted = try await sandbox.send("DELETE", "/keys/\(id)")
        XCTAssertEqual(deleted.status, 204)
        try assertProblem(try await sandbox.send("GET", "/documents", key: secret), status: 401, code: "unauthorized")
        try assertProblem(try await sandbox.send("DELETE", "/keys/\(id)"), status: 404, code: "not_found")
        let listed2 = try await sandbox.send("GET", "/documents")
        XCTAssertEqual(listed2.status, 200, "other keys keep working")
    }

    func testUnknownRouteIs404AndWrongMethodIs405() async throws {
        try assertProblem(try await sandbox.send("GET", "/nothing-here"), status: 404, code: "not_found")
        try assertProblem(try await sandbox.send("GET", "/api/v2/documents"), status: 404, code: "not_found")
        let reply = try await sandbox.send("PUT", "/envelopes")
        try assertProblem(reply, status: 405, code: "method_not_allowed")
        XCTAssertEqual(reply.header("Allow"), "GET, POST")
    }

    func testSignPagesNeedNoKeyButAValidToken() async throws {
        let reply = try await sandbox.send("GET", "/sign/0123456789abcdef0123456789abcdef", useDefaultKey: false)
        try assertProblem(reply, status: 404, code: "not_found")
    }
}
