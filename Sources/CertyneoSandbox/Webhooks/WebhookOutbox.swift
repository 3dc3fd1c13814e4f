import Foundation

/// The webhook state a ``SandboxStore`` keeps beside its webhook records: events not yet handed
/// to the delivery service, secrets being retired by a rotation, and the log of attempts.
struct WebhookOutbox: Sendable {
    /// A secret replaced by a rotation, still signed with until `until`.
    struct RetiringSecret: Sendable {
        let secret: String
        let until: Date
    }

    private var continuation: AsyncStream<WebhookEventRecord>.Continuation?
    /// Events posted while no delivery service listened (before it started), handed over when it does.
    private var backlog: [WebhookEventRecord] = []
    /// Webhook id → secrets replaced by rotations, newest first.
    var retiringSecrets: [String: [RetiringSecret]] = [:]
    /// Every delivery attempt, in the order they finished.
    var attempts: [WebhookDeliveryAttempt] = []
    /// Deliveries (event × webhook) not yet acknowledged or given up.
    var pendingDeliveries = 0

    init() {}

    /// Hands an event to the delivery service (or keeps it until one listens).
    mutating func post(_ event: WebhookEventRecord) {
        pendingDeliveries += event.webhookIDs.count
        if let continuation {
            continuation.yield(event)
        } else {
            backlog.append(event)
        }
    }

    /// A new stream of posted events for the delivery service, starting with the backlog; it
    /// replaces any previous stream.
    mutating func openStream() -> AsyncStream<WebhookEventRecord> {
        continuation?.finish()
        let (stream, continuation) = AsyncStream<WebhookEventRecord>.makeStream()
        for event in backlog { continuation.yield(event) }
        backlog = []
        self.continuation = continuation
        return stream
    }

    /// Ends the stream once the delivery service stops; what is still pending is dropped.
    mutating func closeStream() {
        continuation?.finish()
        continuation = nil
        pendingDeliveries = 0
    }

    /// The secrets a delivery to `webhookID` is signed with now: the current one first, then
    /// those whose overlap has not ended.
    func signingSecrets(current: String, webhookID: String, now: Date) -> [String] {
        [current] + (retiringSecrets[webhookID] ?? []).filter { $0.until > now }.map(\.secret)
    }
}
