import BindgenRuntime
import Certyneo
@testable import CertyneoCLI
import CertyneoSandbox
import Foundation
import Testing

/// `certyneo webhooks listen`: what its receiver answers and prints, and a whole session that
/// registers itself on a sandbox, prints the events and unregisters.
@Suite("certyneo webhooks listen", .serialized)
struct WebhooksListenTests {
    /// Collects printed lines.
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []

        func append(_ line: String) { lock.withLock { stored.append(line) } }
        var all: [String] { lock.withLock { stored } }
    }

    static let secret = WebhookSecret.random()

    static func request(_ body: String, headers: HTTPFields, method: String = "POST") -> WebhookListener.Request {
        WebhookListener.Request(method: method, path: "/webhooks", headers: headers, body: Data(body.utf8))
    }

    static func envelopeEvent(id: String, type: String, status: String) -> String {
        #"{"id":"\#(id)","type":"\#(type)","createdAt":"2026-12-01T10:00:00Z","data":{"envelope":{"id":"env_0123456789abcdef","subject":"Contrat","message":null,"status":"\#(status)","documentIds":["doc_1"],"recipients":[],"createdAt":"2026-12-01T09:00:00Z","updatedAt":"2026-12-01T10:00:00Z","sentAt":null,"completedAt":null,"expiresAt":null}}}"#
    }

    @Test func receiverPrintsOneLinePerEventAndAnswers400Or401ToBadRequests() async throws {
        let printed = Lines(), rejected = Lines()
        let receiver = WebhookReceiver(
            verifier: WebhookVerifier(secrets: [Self.secret]), printEvent: printed.append, printRejection: rejected.append)
        let signer = try WebhookSigner(secrets: [Self.secret])
        let body = Self.envelopeEvent(id: "evt_1", type: "envelope.completed", status: "COMPLETED")
        let headers = signer.headerFields(id: "evt_1", timestamp: WebhookSigner.timestamp(), body: Data(body.utf8))

        #expect(await receiver.handle(Self.request(body, headers: headers)).status == 204)
        #expect(await receiver.handle(Self.request(body, headers: headers)).status == 204, "a retry is acknowledged")
        #expect(printed.all == ["envelope.completed env_0123456789abcdef COMPLETED evt_1"], "and printed once")

        let forged = try WebhookSigner(secrets: [WebhookSecret.random()]).headerFields(id: "evt_2", timestamp: WebhookSigner.timestamp(), body: Data(body.utf8))
        #expect(await receiver.handle(Self.request(body, headers: forged)).status == 401)
        let stale = signer.headerFields(id: "evt_3", timestamp: WebhookSigner.timestamp() - 3600, body: Data(body.utf8))
        #expect(await receiver.handle(Self.request(body, headers: stale)).status == 401)
        var noID = headers
        noID[try #require(HTTPField.Name("webhook-id"))] = nil
        #expect(await receiver.handle(Self.request(body, headers: noID)).status == 400)
        var nan = headers
        nan[try #require(HTTPField.Name("webhook-timestamp"))] = "nan"
        #expect(await receiver.handle(Self.request(body, headers: nan)).status == 400)
        let notAnEvent = #"{"type":"envelope.created"}"#
        let signedGarbage = signer.headerFields(id: "evt_4", timestamp: WebhookSigner.timestamp(), body: Data(notAnEvent.utf8))
        #expect(await receiver.handle(Self.request(notAnEvent, headers: signedGarbage)).status == 400)
        #expect(await receiver.handle(Self.request(body, headers: headers, method: "GET")).status == 405)

        let unknown = #"{"id":"evt_5","type":"envelope.archived"}"#
        let unknownHeaders = signer.headerFields(id: "evt_5", timestamp: WebhookSigner.timestamp(), body: Data(unknown.utf8))
        #expect(await receiver.handle(Self.request(unknown, headers: unknownHeaders)).status == 204)
        #expect(printed.all.last == "envelope.archived - - evt_5")
        #expect(rejected.all.count == 6)
        #expect(rejected.all.allSatisfy { !$0.contains(Self.secret.stringValue) })
    }

    @Test func aSessionRegistersOnTheSandboxPrintsEventsAndUnregisters() async throws {
        var configuration = SandboxConfiguration()
        configuration.rateLimit = nil
        configuration.webhookDelivery.retries = WebhookRetrySchedule(maximumAttempts: 50, initialDelay: .milliseconds(20), maximumDelay: .milliseconds(100))
        let server = SandboxServer(configuration: configuration)
        let info = try await server.start()
        let client = Client(apiKey: info.apiKey, serverURL: info.baseURL)
        let options = ListenSession.Options(
            port: 0, path: "/webhooks", secrets: [], tolerance: .seconds(300), sandbox: false,
            baseURL: info.baseURL.absoluteString, apiKey: info.apiKey, events: [.envelopeCreated, .envelopeSent], maxEvents: 2)
        let session = Task { try await ListenSession(options: options).run() }
        do {
            // Wait for the session to register itself, then make two events.
            var registered: [Webhook] = []
            for _ in 0..<500 where registered.isEmpty {
                registered = try await client.listWebhooks().data
                if registered.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
            }
            let webhook = try #require(registered.first)
            #expect(webhook.events == [.envelopeCreated, .envelopeSent])
            #expect(webhook.url.path == "/webhooks")
            let document = try await client.uploadDocument(file: .pdf(at: samplePDFForListenTests))
            let draft = try await client.createEnvelope(EnvelopeCreate(
                subject: "Contrat", documentIds: [document.id],
                recipients: [RecipientCreate(email: "client@example.com", name: "Marie Dubois", role: .signer)]))
            _ = try await client.sendEnvelope(id: draft.id)
            try await session.value
            #expect(try await client.listWebhooks().data.isEmpty, "the session unregistered on exit")
            let acknowledged = await server.webhookDeliveryAttempts().filter(\.succeeded)
            #expect(Set(acknowledged.map(\.eventType)) == ["envelope.created", "envelope.sent"])
        } catch {
            session.cancel()
            await server.stop()
            throw error
        }
        await server.stop()
    }
}

let samplePDFForListenTests = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/CertyneoCLI/Resources/sample-contract.pdf")
