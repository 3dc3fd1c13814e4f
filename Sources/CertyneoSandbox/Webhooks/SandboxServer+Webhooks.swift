import Foundation

/// Webhook controls of the sandbox that the API does not offer.
extension SandboxServer {
    /// Gives a webhook a new signing secret, as a real account would when its secret leaked.
    ///
    /// For `overlap` (default 24 hours) deliveries carry two `v1` signatures in
    /// `webhook-signature`, under the new secret and under the old one, so a receiver can switch
    /// at its own pace; after that only the new secret signs. Retries of earlier events are
    /// signed the new way too.
    ///
    /// - Returns: The new `whsec_…` secret.
    /// - Throws: ``SandboxWebhookError/unknownWebhook(_:)`` when no webhook has this id.
    public func rotateWebhookSecret(id: String, overlap: Duration = .seconds(24 * 60 * 60)) async throws -> String {
        guard let secret = await store.rotateWebhookSecret(id: id, overlap: overlap) else {
            throw SandboxWebhookError.unknownWebhook(id)
        }
        return secret
    }

    /// Every delivery attempt so far, in the order they finished.
    public func webhookDeliveryAttempts() async -> [WebhookDeliveryAttempt] {
        await store.webhookDeliveryAttempts()
    }

    /// How many deliveries (event × webhook) are neither acknowledged nor given up yet.
    public func pendingWebhookDeliveries() async -> Int {
        await store.pendingWebhookDeliveries()
    }
}

/// Why a sandbox webhook control failed.
public enum SandboxWebhookError: Error, Sendable, Equatable {
    /// No webhook has this id.
    case unknownWebhook(String)
}
