import Foundation
import XCTest

final class PaginationTests: XCTestCase {
    private var sandbox: SandboxHarness!

    override func setUp() async throws {
        sandbox = try await SandboxHarness.start()
    }

    override func tearDown() async throws {
        await sandbox.stop()
    }

    func testFortyFiveItemsInPagesOfTwenty() async throws {
        var created: [String] = []
        for index in 0..<45 {
            created.append(try await sandbox.uploadSamplePDF(name: "doc-\(index).pdf"))
        }
        var seen: [String] = []
        var cursor: String?
        var pages = 0
        repeat {
            let query = "/documents?limit=20" + (cursor.map { "&startingAfter=\($0)" } ?? "")
            let page = try await sandbox.send("GET", query).json()
            pages += 1
            let ids = try XCTUnwrap(page["data"] as? [[String: Any]]).compactMap { $0["id"] as? String }
            seen += ids
            let hasMore = try XCTUnwrap(page["hasMore"] as? Bool)
            if hasMore {
                XCTAssertEqual(ids.count, 20)
                XCTAssertEqual(page["nextCursor"] as? String, ids.last)
                cursor = ids.last
            } else {
                XCTAssertTrue(page["nextCursor"] is NSNull, "nextCursor is null on the last page")
                cursor = nil
            }
        } while cursor != nil && pages < 10
        XCTAssertEqual(pages, 3)
        XCTAssertEqual(seen.count, 45)
        XCTAssertEqual(Set(seen).count, 45, "no duplicates")
        XCTAssertEqual(seen, created.reversed(), "newest first")
    }

    func testLimitAndCursorAreValidated() async throws {
        for bad in ["0", "101", "abc", ""] {
            let problem = try assertProblem(try await sandbox.send("GET", "/envelopes?limit=\(bad)"), status: 422, code: "validation_failed")
            XCTAssertEqual(fieldErrors(problem), ["limit"])
        }
        let problem = try assertProblem(try await sandbox.send("GET", "/webhooks?startingAfter=wh_nope"), status: 422, code: "validation_failed")
        XCTAssertEqual(fieldErrors(problem), ["startingAfter"])
        try assertProblem(try await sandbox.send("GET", "/envelopes?status=SIGNED"), status: 422, code: "validation_failed")
    }

    func testEnvelopesFilterByStatus() async throws {
        let first = try await sandbox.createEnvelopeID()
        _ = try await sandbox.createEnvelope()
        let dispatched = try await sandbox.send("POST", "/envelopes/\(first)/send")
        XCTAssertEqual(dispatched.status, 200)
        let sent = try await sandbox.send("GET", "/envelopes?status=SENT").json()
        XCTAssertEqual((sent["data"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, [first])
        let drafts = try await sandbox.send("GET", "/envelopes?status=DRAFT&limit=1").json()
        XCTAssertEqual((drafts["data"] as? [[String: Any]])?.count, 1)
        XCTAssertEqual(drafts["hasMore"] as? Bool, false)
    }
}
