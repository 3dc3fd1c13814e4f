import Certyneo
import CertyneoTesting
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import Logging
import ServiceLifecycle
import Testing
import TestSupport

/// The DocC articles' code, run: the error-handling functions meet real 409 and 404 answers, the pagination walk
/// runs over several pages, and the webhook server receives the sandbox's signed deliveries.
@Suite struct ArticleSnippetTests {
    @Test func errorHandlingMeetsRealAnswers() async throws {
        try await withTestSandbox { sandbox in
            let pdf = try await sandbox.client.uploadDocument(file: .pdf(samplePDF, filename: "contract.pdf"))
            let draft = try await sandbox.client.createEnvelope(.init(
                subject: "Offer letter", documentIds: [pdf.id],
                recipients: [.init(email: "a@example.com", name: "A", role: .signer)]))
            let sent = try await sandbox.client.sendEnvelope(id: draft.id)
            #expect(try await signedCopy(of: sent.id, client: sandbox.client) == nil)

            try await sandbox.sign(sent.recipients[0])
            let signed = try #require(try await signedCopy(of: sent.id, client: sandbox.client))
            #expect(signed.starts(with: Data("%PDF".utf8)))

            let missing = await #expect(throws: ClientError.self) {
                try await signedCopy(of: "env_0000000000000000", client: sandbox.client)
            }
            let text = explain(try #require(missing))
            #expect(text.hasPrefix("HTTP 404 "))
            #expect(text.contains("[request req_"))
        }
    }

    @Test func paginationWalksEveryPage() async throws {
        try await withTestSandbox { sandbox in
            for index in 0..<3 {
                _ = try await sandbox.client.uploadDocument(file: .pdf(samplePDF, filename: "c\(index).pdf"))
            }
            try await articlePagination(client: sandbox.client)
            #expect(try await sandbox.client.allDocuments(limit: 2).collect().count == 3)
        }
    }

    /// The router of *Receiving webhooks*, served on loopback: the sandbox's delivery of a completed envelope is
    /// verified and handled; a replayed delivery is answered 204 and not handled again; a forged one is refused.
    @Test func theWebhookServerVerifiesTheSandboxDeliveries() async throws {
        try await withTestSandbox { sandbox in
            let port = try freePort()
            let endpoint = try #require(URL(string: "http://127.0.0.1:\(port)/webhooks/certyneo"))
            let secret = try #require(try await registerEndpoint(endpoint, client: sandbox.client))
            let (handled, handler) = AsyncStream<WebhookEvent>.makeStream()
            let router = try certyneoWebhookRouter(secret: secret) { event in handler.yield(event) }
            let (running, ready) = AsyncStream<Void>.makeStream()
            let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
                                  onServerRunning: { _ in ready.yield() }, logger: Logger(label: "snippet.webhooks"))
            let group = ServiceGroup(configuration: .init(services: [app], logger: Logger(label: "snippet.webhooks")))
            let server = Task { try await group.run() }
            for await _ in running { break }

            let pdf = try await sandbox.client.uploadDocument(file: .pdf(samplePDF, filename: "contract.pdf"))
            let draft = try await sandbox.client.createEnvelope(.init(
                subject: "Employment contract", documentIds: [pdf.id],
                recipients: [.init(email: "new.hire@example.com", name: "Sam Lee", role: .signer)]))
            let sent = try await sandbox.client.sendEnvelope(id: draft.id)
            try await sandbox.sign(sent.recipients[0])

            var iterator = handled.makeAsyncIterator()
            guard case .envelopeCompleted(let completed) = await iterator.next() else {
                Issue.record("the first handled event is not envelope.completed")
                await group.triggerGracefulShutdown()
                return
            }
            #expect(completed.data.envelope.id == sent.id)

            // A replay of the same event id (signed again, as a retry is) is acknowledged but not handled twice;
            // a body signed with another secret is refused.
            let body = try JSONEncoder.bindgen.encode(completed)
            let signer = try WebhookSigner(secrets: [secret])
            let replay = try await post(body, to: endpoint, headers: signer.headerFields(id: completed.id, timestamp: WebhookSigner.timestamp(), body: body))
            #expect(replay == 204)
            let forger = try WebhookSigner(secrets: ["whsec_" + Data(repeating: 7, count: 24).base64EncodedString()])
            let forged = try await post(body, to: endpoint, headers: forger.headerFields(id: "evt_forged", timestamp: WebhookSigner.timestamp(), body: body))
            #expect(forged == 401)

            await group.triggerGracefulShutdown()
            _ = await server.result
            handler.finish()
            var more: [WebhookEvent] = []
            while let event = await iterator.next() { more.append(event) }
            #expect(more.isEmpty, "a replayed or forged delivery was handled: \(more.map(\.type))")
        }
    }

    private func post(_ body: Data, to url: URL, headers: HTTPFields) async throws -> Int {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = body
        for field in headers { request.setValue(field.value, forHTTPHeaderField: field.name.rawName) }
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }
}
