import CertyneoTesting
import Foundation
import Testing

/// `CertyneoTesting` as an app's test would use it: the sandbox in process, the test signing and declining as the
/// recipients, webhooks arriving verified in a stream.
@Suite struct TestSandboxTests {
    func sendContract(_ client: Client, to emails: [String]) async throws -> Envelope {
        let pdf = repositoryRoot.appendingPathComponent("Sources/CertyneoCLI/Resources/sample-contract.pdf")
        let document = try await client.uploadDocument(file: .pdf(at: pdf))
        let draft = try await client.createEnvelope(.init(
            subject: "Contrat", documentIds: [document.id],
            recipients: emails.enumerated().map { .init(email: $1, name: $1, role: .signer, routingOrder: Int32($0 + 1)) }))
        return try await client.sendEnvelope(id: draft.id)
    }

    @Test func signingCompletesTheEnvelopeAndTheWebhookSaysSo() async throws {
        try await withTestSandbox { sandbox in
            let events = try await sandbox.receiveWebhooks(events: [.envelopeCompleted])
            let sent = try await sendContract(sandbox.client, to: ["marie@example.com"])
            try await sandbox.sign(sent.recipients[0])
            #expect(try await sandbox.client.getEnvelope(id: sent.id).status == .completed)
            var iterator = events.makeAsyncIterator()
            guard case .envelopeCompleted(let event)? = await iterator.next() else {
                Issue.record("no envelope.completed delivery")
                return
            }
            #expect(event.data.envelope.id == sent.id)
        }
    }

    @Test func declineAndRoutingOrderAreEnforced() async throws {
        try await withTestSandbox { sandbox in
            let sent = try await sendContract(sandbox.client, to: ["a@example.com", "b@example.com"])
            await #expect(throws: TestSandboxError.self) { try await sandbox.sign(sent.recipients[1]) }
            try await sandbox.decline(sent.recipients[0])
            #expect(try await sandbox.client.getEnvelope(id: sent.id).status == .declined)
        }
    }
}
