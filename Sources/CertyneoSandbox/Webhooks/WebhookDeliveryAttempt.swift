import Foundation

/// One attempt of the sandbox to deliver an event to a webhook, as ``SandboxServer/webhookDeliveryAttempts()``
/// reports it.
public struct WebhookDeliveryAttempt: Sendable, Equatable {
    /// The event id (`evt_…`), also its `webhook-id` header: the same on every attempt.
    public let eventID: String
    /// The event type, e.g. `envelope.completed`.
    public let eventType: String
    /// The webhook delivered to (`wh_…`).
    public let webhookID: String
    /// The URL posted to.
    public let url: String
    /// 1 for the first attempt, then 2, 3…
    public let attempt: Int
    /// The receiver's HTTP status, or `nil` when there was no answer (refused, timed out).
    public let status: Int?
    /// Why there was no answer, when there was none.
    public let failure: String?
    /// How many `v1` signatures `webhook-signature` carried (2 during a secret rotation).
    public let signatureCount: Int
    /// When the attempt finished.
    public let finishedAt: Date

    /// Whether the receiver acknowledged the event with a 2xx status.
    public var succeeded: Bool { status.map { (200..<300).contains($0) } ?? false }
}
