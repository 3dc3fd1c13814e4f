import Foundation
import XCTest

@testable import CertyneoSandbox

final class PDFTests: XCTestCase {
    private var sandbox: SandboxHarness!

    override func setUp() async throws {
        sandbox = try await SandboxHarness.start()
    }

    override func tearDown() async throws {
        await sandbox.stop()
    }

    func testSignedDocumentEmbedsTheOriginalsAndRenders() async throws {
        let original = TestPDF.make(pages: 2)
        let uploaded = try await sandbox.upload(original, fileName: "contrat-été.pdf")
        let document = try XCTUnwrap(try uploaded.json()["id"] as? String)
        let created = try await sandbox.sendJSON("POST", "/envelopes", [
            "subject": "Contrat (signé) \\ accentué : é è à ç ü €", "documentIds": [document],
            "recipients": [["email": "marie@example.com", "name": "Marie Dubois"], ["email": "zoe@example.com", "name": "Zoé Lefèvre", "routingOrder": 2]],
        ])
        let id = try XCTUnwrap(try created.json()["id"] as? String)
        let sent = try await sandbox.send("POST", "/envelopes/\(id)/send").json()
        for recipient in try XCTUnwrap(sent["recipients"] as? [[String: Any]]) {
            let url = try XCTUnwrap(recipient["signUrl"] as? String)
            let signed = try await sandbox.send("POST", url + "/sign", useDefaultKey: false)
            XCTAssertEqual(signed.status, 200)
        }
        let reply = try await sandbox.send("GET", "/envelopes/\(id)/signed-document")
        XCTAssertEqual(reply.status, 200)
        let pdf = [UInt8](reply.body)
        try PDFStructure.check(pdf)
        try PDFStructure.checkWithTools(pdf)
        XCTAssertNotNil(ByteSearch.firstIndex(of: [UInt8](original), in: pdf, from: 0), "the original bytes are embedded unchanged")
        if let attachments = try PDFStructure.attachments(pdf) {
            XCTAssertEqual(attachments, ["contrat-été.pdf"])
        }
        if let text = try PDFStructure.text(pdf) {
            XCTAssertTrue(text.contains("Zoé Lefèvre"), text)
            XCTAssertTrue(text.contains("é è à ç ü €"), text)
            XCTAssertTrue(text.contains(SHA256Reference.hex(original)), text)
        }
    }

    func testAuditTrailListsEveryEvent() async throws {
        let id = try await sandbox.createEnvelopeID()
        let patched = try await sandbox.sendJSON("PATCH", "/envelopes/\(id)", ["message": "Bonjour"])
        XCTAssertEqual(patched.status, 200)
        let sent = try await sandbox.send("POST", "/envelopes/\(id)/send").json()
        let url = try XCTUnwrap((sent["recipients"] as? [[String: Any]])?.first?["signUrl"] as? String)
        let page = try await sandbox.send("GET", url, useDefaultKey: false)
        XCTAssertEqual(page.status, 200)
        let signed = try await sandbox.send("POST", url + "/sign", useDefaultKey: false)
        XCTAssertEqual(signed.status, 200)
        let reply = try await sandbox.send("GET", "/envelopes/\(id)/audit-trail")
        XCTAssertEqual(reply.status, 200)
        XCTAssertEqual(reply.header("Content-Type"), "application/pdf")
        let pdf = [UInt8](reply.body)
        try PDFStructure.check(pdf)
        try PDFStructure.checkWithTools(pdf)
        if let text = try PDFStructure.text(pdf) {
            for label in ["Envelope created", "Envelope updated", "Envelope sent", "Recipient notified", "Envelope viewed", "Recipient signed", "Envelope completed"] {
                XCTAssertTrue(text.contains(label), "\(label) in \(text)")
            }
            XCTAssertTrue(text.contains(id))
            XCTAssertTrue(text.contains("Marie Dubois <client@example.com>"))
            assertMatches(text, #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"#)
        }
    }

    func testLongListsPaginate() throws {
        let now = Date()
        var envelope = EnvelopeRecord(
            id: "env_0123456789abcdef", accountID: 1, subject: "Beaucoup d'événements", documentIDs: [], recipients: [],
            createdAt: now, updatedAt: now
        )
        for index in 0..<150 {
            envelope.events.append(AuditEvent(kind: .viewed, at: now, actorName: "Signataire \(index)", actorEmail: "s\(index)@example.com", detail: "Ouverture n° \(index) (test) \\ fin"))
        }
        let pdf = AuditTrailPDF.render(envelope, documents: [:], now: now)
        try PDFStructure.check(pdf)
        let pages = try PDFStructure.checkWithTools(pdf)
        if let pages { XCTAssertGreaterThan(pages, 3) }
        XCTAssertTrue(String(decoding: pdf, as: UTF8.self).contains("/Count "))
    }

    func testSampleContractHasTwoPages() throws {
        let pdf = SampleContractPDF.render()
        try PDFStructure.check(pdf)
        XCTAssertLessThan(pdf.count, 20 * 1024)
        if let pages = try PDFStructure.checkWithTools(pdf) { XCTAssertEqual(pages, 2) }
        if let text = try PDFStructure.text(pdf) {
            XCTAssertTrue(text.contains("Contrat de prestation de services"))
            XCTAssertTrue(text.contains("« le Prestataire »"))
        }
    }

    func testShippedSampleContractIsValid() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/CertyneoCLI/Resources/sample-contract.pdf")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw XCTSkip("sample-contract.pdf is not next to these sources")
        }
        try PDFStructure.check([UInt8](data))
        XCTAssertLessThan(data.count, 20 * 1024)
        if let pages = try PDFStructure.checkWithTools([UInt8](data)) { XCTAssertEqual(pages, 2) }
    }

    func testStringEscapingAndWinAnsi() {
        XCTAssertEqual(PDFText.literal("a(b)c\\d"), "(a\\(b\\)c\\\\d)")
        XCTAssertEqual(PDFText.literal("é€’"), "(\\351\\200\\222)")
        XCTAssertEqual(PDFText.literal("日本\u{1}"), "(???)")
        XCTAssertEqual(PDFText.unicodeHex("é"), "<FEFF00E9>")
        XCTAssertEqual(PDFText.name("application/pdf"), "/application#2Fpdf")
    }

    func testPageCounter() {
        XCTAssertEqual(PDFPageCounter.count([UInt8](TestPDF.make(pages: 4))), 4)
        XCTAssertEqual(PDFPageCounter.count(Array("%PDF-1.7 << /Type/Page >> << /Type /Pages >> << /Type\n/Page/Parent 1 0 R >>".utf8)), 2)
        XCTAssertEqual(PDFPageCounter.count(Array("%PDF-1.7 nothing".utf8)), 0)
        XCTAssertEqual(PDFPageCounter.count(SampleContractPDF.render()), 2)
    }
}
