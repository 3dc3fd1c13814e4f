import BindgenRuntime
import Certyneo
import Foundation
import Testing

/// The eight envelope operations, the state machine and sequential routing, through the generated client.
@Suite struct EnvelopeOperationTests {
    func draft(_ client: Client, recipients: [RecipientCreate]) async throws -> Envelope {
        let document = try await client.uploadDocument(file: .pdf(at: samplePDF))
        return try await client.createEnvelope(EnvelopeCreate(subject: "Contrat de prestation", documentIds: [document.id], recipients: recipients))
    }

    @Test func fullLifecycleToCompletedWithBothPDFs() async throws {
        try await withSandbox { client, _ in
            let created = try await draft(client, recipients: [
                RecipientCreate(email: "client@example.com", name: "Marie Dubois", role: .signer, routingOrder: 1),
                RecipientCreate(email: "ceo@example.com", name: "Jean Martin", role: .signer, routingOrder: 2),
            ])
            #expect(created.status == .draft)
            #expect(created.recipients.allSatisfy { $0.signUrl == nil })

            let updated = try await client.updateEnvelope(id: created.id, EnvelopeUpdate(subject: "Contrat signé", metadata: ["crmDeal": "D-42"]))
            #expect(updated.subject == "Contrat signé")
            #expect(updated.metadata == ["crmDeal": "D-42"])

            let drafts = try await client.listEnvelopes(status: .draft)
            #expect(drafts.data.map(\.id) == [created.id])

            let sent = try await client.sendEnvelope(id: created.id)
            #expect(sent.status == .sent)
            #expect(sent.sentAt != nil)
            let first = try #require(sent.recipients.first { $0.routingOrder == 1 })
            let second = try #require(sent.recipients.first { $0.routingOrder == 2 })
            #expect(first.signUrl != nil && second.signUrl != nil)
            #expect(first.status == .notified)
            #expect(second.status == .pending)

            let early = await apiError { _ = try await client.getSignedDocument(id: created.id) }
            #expect(early?.status == 409)

            // Sequential routing: order 2 cannot sign before order 1.
            #expect(try await act(on: second.signUrl) == 409)
            #expect(try await act(on: first.signUrl) == 200)
            #expect(try await client.getEnvelope(id: created.id).status == .sent)
            #expect(try await act(on: second.signUrl) == 200)

            let completed = try await client.getEnvelope(id: created.id)
            #expect(completed.status == .completed)
            #expect(completed.completedAt != nil)
            #expect(completed.recipients.allSatisfy { $0.status == .signed && $0.signedAt != nil })

            let signed = try await client.getSignedDocument(id: created.id)
            let audit = try await client.getEnvelopeAuditTrail(id: created.id)
            for pdf in [signed, audit] {
                #expect(pdf.starts(with: Data("%PDF-".utf8)))
                #expect(String(decoding: pdf.suffix(16), as: UTF8.self).contains("%%EOF"))
            }
            // The download twins write the PDF to a file, replacing what was there (the sandbox renders each PDF
            // anew, with its creation time, so the bytes are compared with the response's Content-Length).
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("envelope-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let signedFile = folder.appendingPathComponent("signed.pdf")
            try Data("old".utf8).write(to: signedFile)
            let downloaded = try await client.getSignedDocument(id: created.id, to: signedFile)
            #expect(downloaded.status == 200 && downloaded.requestID != nil)
            let auditFile = folder.appendingPathComponent("audit.pdf")
            let auditResponse = try await client.getEnvelopeAuditTrail(id: created.id, to: auditFile)
            for (file, response) in [(signedFile, downloaded), (auditFile, auditResponse)] {
                let pdf = try Data(contentsOf: file)
                #expect(pdf.starts(with: Data("%PDF-".utf8)))
                #expect(String(decoding: pdf.suffix(16), as: UTF8.self).contains("%%EOF"))
                #expect(String(pdf.count) == response.headerFields[.contentLength])
            }
            let pending = try await draft(client, recipients: [RecipientCreate(email: "p@example.com", name: "P")])
            let tooEarly = await apiError { _ = try await client.getSignedDocument(id: pending.id, to: folder.appendingPathComponent("x.pdf")) }
            #expect(tooEarly?.status == 409)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["audit.pdf", "signed.pdf"])
            let patchAfterSend = await apiError { _ = try await client.updateEnvelope(id: created.id, EnvelopeUpdate(subject: "x")) }
            #expect(patchAfterSend?.status == 409)
            #expect(patchAfterSend?.code == "invalid_state")
        }
    }

    @Test func deleteRemovesADraftAndVoidsASentEnvelope() async throws {
        try await withSandbox { client, _ in
            let one = try await draft(client, recipients: [RecipientCreate(email: "a@example.com", name: "A")])
            try await client.deleteEnvelope(id: one.id)
            #expect(await apiError { _ = try await client.getEnvelope(id: one.id) }?.status == 404)
            #expect(await apiError { _ = try await client.getEnvelopeAuditTrail(id: one.id) }?.status == 404)

            let two = try await draft(client, recipients: [RecipientCreate(email: "b@example.com", name: "B")])
            _ = try await client.sendEnvelope(id: two.id)
            try await client.deleteEnvelope(id: two.id)
            #expect(try await client.getEnvelope(id: two.id).status == .voided)
            #expect(await apiError { try await client.deleteEnvelope(id: two.id) }?.status == 409)
        }
    }

    @Test func declineEndsTheEnvelope() async throws {
        try await withSandbox { client, _ in
            let created = try await draft(client, recipients: [RecipientCreate(email: "c@example.com", name: "C")])
            let sent = try await client.sendEnvelope(id: created.id)
            #expect(try await act(on: sent.recipients.first?.signUrl, "decline") == 200)
            let declined = try await client.getEnvelope(id: created.id)
            #expect(declined.status == .declined)
            #expect(declined.recipients.first?.status == .declined)
        }
    }

    @Test func invalidEnvelopeIsA422WithFieldErrors() async throws {
        try await withSandbox { client, _ in
            let error = await apiError {
                _ = try await client.createEnvelope(EnvelopeCreate(subject: "", documentIds: ["doc_0000000000000000"], recipients: []))
            }
            let api = try #require(error)
            #expect(api.status == 422)
            #expect(api.code == "validation_failed")
            #expect(!api.fieldErrors.isEmpty)
        }
    }
}
