import Foundation
import XCTest

final class DocumentTests: XCTestCase {
    private var sandbox: SandboxHarness!

    override func setUp() async throws {
        sandbox = try await SandboxHarness.start { $0.maxUploadBytes = 4096 }
    }

    override func tearDown() async throws {
        await sandbox.stop()
    }

    func testUploadStoresThePDFWithDigestAndPageCount() async throws {
        let pdf = TestPDF.make(pages: 3)
        let reply = try await sandbox.upload(pdf, fileName: "contrat.pdf")
        XCTAssertEqual(reply.status, 201, String(decoding: reply.body, as: UTF8.self))
        XCTAssertEqual(reply.header("Content-Type"), "application/json")
        let document = try reply.json()
        assertMatches(document["id"] as? String, "^doc_[0-9a-f]{16}$")
        XCTAssertEqual(document["name"] as? String, "contrat.pdf")
        XCTAssertEqual(document["contentType"] as? String, "application/pdf")
        XCTAssertEqual(document["sizeBytes"] as? Int, pdf.count)
        XCTAssertEqual(document["pageCount"] as? Int, 3)
        XCTAssertEqual(document["sha256"] as? String, SHA256Reference.hex(pdf))
        assertMatches(document["createdAt"] as? String, #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"#)

        let id = try XCTUnwrap(document["id"] as? String)
        let fetched = try await sandbox.send("GET", "/documents/\(id)")
        XCTAssertEqual(fetched.status, 200)
        XCTAssertEqual(try fetched.json()["sha256"] as? String, document["sha256"] as? String)
    }

    func testNamePartOverridesTheFileName() async throws {
        let reply = try await sandbox.upload(TestPDF.make(pages: 1), fileName: "x.pdf", name: "Contrat signé")
        XCTAssertEqual(reply.status, 201)
        XCTAssertEqual(try reply.json()["name"] as? String, "Contrat signé")
    }

    func testNonPDFIs415() async throws {
        let reply = try await sandbox.upload(Data("hello, not a pdf".utf8), fileName: "notes.txt")
        let problem = try assertProblem(reply, status: 415, code: "unsupported_media_type")
        XCTAssertTrue((problem["detail"] as? String ?? "").contains("%PDF-"))
    }

    func testNonMultipartIs415() async throws {
        let reply = try await sandbox.send("POST", "/documents", headers: ["Content-Type": "application/pdf"], body: TestPDF.make(pages: 1))
        try assertProblem(reply, status: 415, code: "unsupported_media_type")
    }

    func testMissingFilePartIs422() async throws {
        let boundary = "b0undary"
        let body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--\(boundary)--\r\n".utf8)
        let reply = try await sandbox.send("POST", "/documents", headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], body: body)
        let problem = try assertProblem(reply, status: 422, code: "validation_failed")
        XCTAssertEqual(fieldErrors(problem), ["file"])
    }

    func testOversizeUploadIs413() async throws {
        var pdf = Data("%PDF-1.7\n".utf8)
        pdf.append(Data(repeating: 0x41, count: 5000))
        let reply = try await sandbox.upload(pdf)
        try assertProblem(reply, status: 413, code: "payload_too_large")
    }

    func testDeleteRemovesAnUnusedDocument() async throws {
        let id = try await sandbox.uploadSamplePDF()
        let deleted = try await sandbox.send("DELETE", "/documents/\(id)")
        XCTAssertEqual(deleted.status, 204)
        try assertProblem(try await sandbox.send("GET", "/documents/\(id)"), status: 404, code: "not_found")
        try assertProblem(try await sandbox.send("DELETE", "/documents/\(id)"), status: 404, code: "not_found")
    }

    func testDocumentOfASentEnvelopeCannotBeDeleted() async throws {
        let envelope = try await sandbox.createEnvelope()
        let id = try XCTUnwrap(envelope["id"] as? String)
        let documentID = try XCTUnwrap((envelope["documentIds"] as? [String])?.first)
        let sent = try await sandbox.send("POST", "/envelopes/\(id)/send")
        XCTAssertEqual(sent.status, 200)
        try assertProblem(try await sandbox.send("DELETE", "/documents/\(documentID)"), status: 409, code: "document_in_use")
    }
}
