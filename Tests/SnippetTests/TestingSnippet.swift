import Certyneo
import CertyneoTesting
import Foundation
import Testing

// Certyneo.docc/Testing.md: the article's tests are these tests.

/// The sample contract the `certyneo` tool ships with.
let samplePDF: Data = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return (try? Data(contentsOf: root.appendingPathComponent("Sources/CertyneoCLI/Resources/sample-contract.pdf"))) ?? Data()
}()

@Suite struct TestingArticleTests {
    // snippet: testing-sandbox
    @Test func anEnvelopeIsCompletedOnceItsSignerSigns() async throws {
        try await withTestSandbox { sandbox in
            let events = try await sandbox.receiveWebhooks(events: [.envelopeCompleted])
            let pdf = try await sandbox.client.uploadDocument(file: .pdf(samplePDF, filename: "contract.pdf"))
            let draft = try await sandbox.client.createEnvelope(.init(
                subject: "Employment contract", documentIds: [pdf.id],
                recipients: [.init(email: "new.hire@example.com", name: "Sam Lee", role: .signer)]))
            let sent = try await sandbox.client.sendEnvelope(id: draft.id)

            try await sandbox.sign(sent.recipients[0])

            for await event in events {
                guard case .envelopeCompleted(let completed) = event else { continue }
                #expect(completed.data.envelope.id == sent.id)
                break
            }
            #expect(try await sandbox.client.getEnvelope(id: sent.id).status == .completed)
        }
    }
    // end snippet

    // snippet: testing-mock
    @Test func aRefusedUploadIsReportedWithItsRequestID() async throws {
        let transport = MockTransport()
        transport.enqueue(status: .unsupportedMediaType, json: #"""
            {"type": "about:blank", "title": "Unsupported Media Type", "status": 415,
             "code": "unsupported_media_type", "requestId": "req_123"}
            """#)
        let client = Client(apiKey: "sk_test_unit").with {
            $0.transport = transport
            $0.retryPolicy = .none
        }

        let error = await #expect(throws: ClientError.self) {
            try await client.uploadDocument(file: .pdf(Data("not a pdf".utf8), filename: "note.pdf"))
        }
        #expect(error?.status == 415)
        #expect(error?.requestID == "req_123")
        #expect(transport.requests.count == 1)
        #expect(transport.requests[0].request.path == "/api/v1/documents")
    }
    // end snippet
}
