import BindgenRuntime
import Certyneo
import Foundation
import Testing

/// A PDF above the sandbox's default upload limit: refused by default, accepted with a larger limit, and served back
/// inside the signed document, which the SDK writes to a file as it arrives.
@Suite("Large documents through the sandbox")
struct LargeDocumentTests {
    /// A one-page PDF of about `bytes` bytes: the page's content stream carries a comment of filler.
    static func largePDF(bytes: Int) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("large-\(UUID().uuidString).pdf")
        let filler = String(repeating: "% filler line of the large test document.\n", count: max(bytes / 43, 1))
        let content = filler + "BT /F1 12 Tf 72 720 Td (Large contract) Tj ET\n"
        let pdf = """
        %PDF-1.7
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj
        4 0 obj << /Length \(content.utf8.count) >> stream
        \(content)endstream endobj
        trailer << /Root 1 0 R >>
        %%EOF

        """
        try Data(pdf.utf8).write(to: url)
        return url
    }

    @Test func aThirtyMegabytePDFNeedsARaisedLimitAndComesBackInTheSignedDocument() async throws {
        let pdf = try Self.largePDF(bytes: 30 * 1024 * 1024)
        defer { try? FileManager.default.removeItem(at: pdf) }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? NSNumber).intValue

        let refused = try await withSandbox { client, _ in
            await apiError { _ = try await client.uploadDocument(file: .pdf(at: pdf)) }
        }
        #expect(refused?.status == 413)

        try await withSandbox(maxUploadBytes: 64 * 1024 * 1024) { client, _ in
            let document = try await client.uploadDocument(file: .pdf(at: pdf))
            #expect(document.sizeBytes == size)
            #expect(document.pageCount == 1)
            let sent = try await client.sendEnvelope(id: try await client.createEnvelope(EnvelopeCreate(
                subject: "Large", documentIds: [document.id],
                recipients: [RecipientCreate(email: "large@example.com", name: "Large", role: .signer)])).id)
            #expect(try await act(on: sent.recipients.first?.signUrl) == 200)

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("large-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("signed.pdf")
            let response = try await client.getSignedDocument(id: sent.id, to: file)
            let signed = try Data(contentsOf: file)
            #expect(String(signed.count) == response.headerFields[.contentLength])
            #expect(signed.count > size, "the original is attached whole")
            #expect(signed.range(of: Data("Large contract".utf8)) != nil)
        }
    }
}
