import BindgenRuntime
import Certyneo
import CertyneoSandbox
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A sandbox with fast webhook retries, a listener on an ephemeral port and its inbox.
struct WebhookRig {
    let server: SandboxServer
    let info: SandboxInfo
    let client: Client
    let listener: WebhookListener
    let inbox: WebhookInbox
    let hookURL: URL

    /// Retries every 20 ms, growing to 200 ms, for up to 60 attempts: seconds, not minutes.
    static let fastRetries = WebhookRetrySchedule(maximumAttempts: 60, initialDelay: .milliseconds(20), maximumDelay: .milliseconds(200))

    static func start(retries: WebhookRetrySchedule = fastRetries) async throws -> WebhookRig {
        var configuration = SandboxConfiguration()
        configuration.rateLimit = nil
        configuration.webhookDelivery = WebhookDeliveryConfiguration(retries: retries, attemptTimeout: .seconds(5))
        let server = SandboxServer(configuration: configuration)
        let info = try await server.start()
        let inbox = WebhookInbox()
        let listener = WebhookListener { request in await inbox.receive(request) }
        _ = try await listener.start()
        let url = try #require(await listener.url(path: "/hooks/certyneo"))
        return WebhookRig(server: server, info: info, client: Client(apiKey: info.apiKey, serverURL: info.baseURL), listener: listener, inbox: inbox, hookURL: url)
    }

    /// Registers the listener for `events` and makes the inbox verify with the returned secret.
    @discardableResult
    func register(_ events: [WebhookEventType]) async throws -> Webhook {
        let webhook = try await client.createWebhook(WebhookCreate(url: hookURL, events: events))
        await inbox.use(try WebhookVerifier(secret: try #require(webhook.secret)))
        return webhook
    }

    func stop() async {
        await listener.stop()
        await server.stop()
    }

    /// Waits until the sandbox has no delivery left to make (acknowledged or given up).
    func settle(timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        while await server.pendingWebhookDeliveries() > 0 {
            guard ContinuousClock.now < deadline else {
                Issue.record("deliveries still pending after \(timeout)")
                return
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// A DRAFT envelope over the sample contract with one signer.
    func draft(subject: String = "Contrat de prestation") async throws -> Envelope {
        let document = try await client.uploadDocument(file: .pdf(at: samplePDFForWebhooks))
        return try await client.createEnvelope(EnvelopeCreate(
            subject: subject, documentIds: [document.id],
            recipients: [RecipientCreate(email: "client@example.com", name: "Marie Dubois", role: .signer)]))
    }

    /// Acts as the signer: `POST {signUrl}/sign` or `/decline` (sandbox-only routes).
    func signer(_ action: String, _ envelope: Envelope) async throws {
        let url = try #require(envelope.recipients.first?.signUrl).appendingPathComponent(action)
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        if action == "decline" {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(#"{"reason":"Le montant est erroné."}"#.utf8)
        }
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200, "\(action) answered")
    }
}

/// The repository's root folder.
let webhookTestsRepositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The sample contract the CLI ships.
let samplePDFForWebhooks = webhookTestsRepositoryRoot.appendingPathComponent("Sources/CertyneoCLI/Resources/sample-contract.pdf")
