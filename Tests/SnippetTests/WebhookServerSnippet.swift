import Certyneo
import Foundation
import Hummingbird

// Certyneo.docc/ReceivingWebhooks.md, compiled; ArticleSnippetTests serves the router and has the sandbox deliver
// to it.

// snippet: webhook-register
/// Registers `endpoint` for the events an HRIS acts on; returns the secret to store (shown once).
func registerEndpoint(_ endpoint: URL, client: Client) async throws(ClientError) -> String? {
    let webhook = try await client.createWebhook(.init(
        url: endpoint, events: [.envelopeCompleted, .envelopeDeclined, .envelopeVoided],
        description: "HRIS contract status"))
    return webhook.secret
}
// end snippet

// snippet: webhook-server
/// Certyneo's deliveries at `POST /webhooks/certyneo`: verified with the webhook's secret, each event handled
/// once, answered 204 (Certyneo retries any other answer).
func certyneoWebhookRouter(secret: String, handle: @escaping @Sendable (WebhookEvent) async -> Void) throws -> Router<BasicRequestContext> {
    let verifier = try WebhookVerifier(secret: secret)
    let seen = SeenDeliveries()
    let router = Router()
    router.post("webhooks/certyneo") { request, _ -> HTTPResponse.Status in
        let body = Data(try await request.body.collect(upTo: 1_048_576).readableBytesView)
        switch verifiedEvent(body: body, headers: request.headers, verifier: verifier) {
        case .success(let (id, event)):
            if await seen.insert(id) { await handle(event) }
            return .noContent
        case .failure(let error):
            return HTTPResponse.Status(code: error.suggestedStatus)   // 400 or 401, with the reason logged below
        }
    }
    return router
}

/// The delivery's id and event, or why it was refused.
func verifiedEvent(body: Data, headers: HTTPFields, verifier: WebhookVerifier) -> Result<(String, WebhookEvent), WebhookVerificationError> {
    Result { () throws(WebhookVerificationError) in
        let delivery = try verifier.verify(body: body, headers: headers)
        return (delivery.id, try delivery.decode(WebhookEvent.self))
    }
}

/// Event ids already handled; a retried delivery repeats its id. Keep them in your database in production.
actor SeenDeliveries {
    private var ids: Set<String> = []
    func insert(_ id: String) -> Bool { ids.insert(id).inserted }
}
// end snippet

/// The article's `main.swift` of a webhook server (compiled, not run: it serves until stopped).
func articleWebhookServerMain() async throws {
    // snippet: webhook-serve
    let secret = ProcessInfo.processInfo.environment["CERTYNEO_WEBHOOK_SECRET"] ?? ""
    let router = try certyneoWebhookRouter(secret: secret) { event in
        if case .envelopeCompleted(let completed) = event {
            print("completed:", completed.data.envelope.id)   // fetch the signed PDF, update the HR record
        }
    }
    let app = Application(router: router, configuration: .init(address: .hostname("0.0.0.0", port: 8081)))
    try await app.runService()
    // end snippet
}
