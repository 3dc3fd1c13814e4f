import Foundation

/// Webhook events: what the envelope state machine publishes, what the delivery service reads.
extension SandboxStore {
    /// Where and how to deliver to one webhook now.
    struct WebhookTarget: Sendable {
        let url: String
        /// Current secret first, then any still in a rotation's overlap.
        let secrets: [String]
    }

    /// Publishes the event of an envelope's state change (from `previous`, `nil` when it was just
    /// created) to every webhook of its account subscribed to that event type.
    func publishEnvelopeChange(_ envelope: EnvelopeRecord, from previous: EnvelopeStatus?) {
        guard let type = WebhookEventRecord.type(from: previous, to: envelope.status) else { return }
        let subscribers = webhooks.newestFirst.reversed().filter { $0.accountID == envelope.accountID && $0.events.contains(type) }
        guard !subscribers.isEmpty else { return }
        let id = IdentifierGenerator.make(.event)
        let body = EnvelopeEventJSON(id: id, type: type, createdAt: Date(), envelope: envelope).encoded()
        webhookOutbox.post(WebhookEventRecord(id: id, type: type, body: body, webhookIDs: subscribers.map(\.id)))
    }

    /// The current URL and signing secrets of a webhook, `nil` once it has been deleted.
    func webhookTarget(id: String) -> WebhookTarget? {
        guard let webhook = webhooks[id] else { return nil }
        return WebhookTarget(url: webhook.url, secrets: webhookOutbox.signingSecrets(current: webhook.secret, webhookID: id, now: Date()))
    }

    /// Gives a webhook a new secret; the old one keeps signing (beside the new) for `overlap`.
    /// Returns the new secret, or `nil` when there is no such webhook.
    func rotateWebhookSecret(id: String, overlap: Duration) -> String? {
        guard let old = webhooks[id] else { return nil }
        let secret = IdentifierGenerator.webhookSecret()
        webhooks[id] = WebhookRecord(
            id: old.id, accountID: old.accountID, url: old.url, events: old.events, description: old.description,
            secret: secret, createdAt: old.createdAt
        )
        let parts = overlap.components
        let until = Date().addingTimeInterval(Double(parts.seconds) + Double(parts.attoseconds) / 1e18)
        let retiring = WebhookOutbox.RetiringSecret(secret: old.secret, until: until)
        webhookOutbox.retiringSecrets[id, default: []].insert(retiring, at: 0)
        return secret
    }

    func openWebhookStream() -> AsyncStream<WebhookEventRecord> {
        webhookOutbox.openStream()
    }

    func closeWebhookStream() {
        webhookOutbox.closeStream()
    }

    func recordDeliveryAttempt(_ attempt: WebhookDeliveryAttempt) {
        webhookOutbox.attempts.append(attempt)
    }

    /// Marks one delivery (event × webhook) as finished: acknowledged, given up or abandoned.
    func finishDelivery() {
        webhookOutbox.pendingDeliveries = max(webhookOutbox.pendingDeliveries - 1, 0)
    }

    func webhookDeliveryAttempts() -> [WebhookDeliveryAttempt] {
        webhookOutbox.attempts
    }

    func pendingWebhookDeliveries() -> Int {
        webhookOutbox.pendingDeliveries
    }
}
