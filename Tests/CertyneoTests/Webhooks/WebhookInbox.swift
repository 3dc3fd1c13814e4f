import BindgenRuntime
import Certyneo
import CertyneoSandbox
import Foundation
import Testing

/// The receiving end of the webhook tests: verifies every request with the generated
/// `WebhookEvent.verified`, keeps every delivery and the first of each `webhook-id`, and can be
/// told to answer 500 or 503 so that the sandbox retries.
actor WebhookInbox {
    struct Delivery: Sendable {
        let id: String
        let event: WebhookEvent
        let signatureCount: Int
        let headers: HTTPFields
        let body: Data
    }

    private var verifier: WebhookVerifier?
    /// Every verified delivery, repeats included, in arrival order.
    private(set) var deliveries: [Delivery] = []
    /// Requests that did not verify, with the reason.
    private(set) var rejections: [String] = []
    /// Event types whose first delivery is answered 500 although it was received (a lost acknowledgement).
    private var failFirstOf: Set<String> = []
    private var failedOnce: Set<String> = []
    /// When set, every request is answered with this status and not recorded.
    private var forcedStatus: Int?

    func use(_ verifier: WebhookVerifier) { self.verifier = verifier }

    func failFirstDelivery(of type: String) { failFirstOf.insert(type) }

    func answerEverything(with status: Int?) { forcedStatus = status }

    /// The first delivery of each `webhook-id`, in arrival order: what a deduplicating receiver processes.
    var unique: [Delivery] {
        var seen: Set<String> = []
        return deliveries.filter { seen.insert($0.id).inserted }
    }

    func receive(_ request: WebhookListener.Request) -> WebhookListener.Reply {
        if let forcedStatus { return WebhookListener.Reply(status: forcedStatus) }
        guard let verifier else { return WebhookListener.Reply(status: 503) }
        do throws(WebhookVerificationError) {
            let verified = try verifier.verify(body: request.body, headers: request.headers)
            let event = try WebhookEvent.verified(body: request.body, headers: request.headers, verifier: verifier)
            let values = HTTPField.Name("webhook-signature").map { request.headers[values: $0] } ?? []
            let signatures = values.joined(separator: " ").split(separator: " ").count
            deliveries.append(Delivery(id: verified.id, event: event, signatureCount: signatures, headers: request.headers, body: request.body))
            if failFirstOf.contains(event.type), failedOnce.insert(event.type).inserted {
                return WebhookListener.Reply(status: 500, body: "simulated failure after receipt")
            }
            return WebhookListener.Reply(status: 204)
        } catch {
            rejections.append(error.description)
            return WebhookListener.Reply(status: error.suggestedStatus)
        }
    }

    /// Waits until `condition` holds for the unique deliveries (or every delivery, repeats
    /// included, with `includingRepeats`), polling every 10 ms for at most `timeout`.
    func waitUntil(includingRepeats: Bool = false, timeout: Duration = .seconds(20), _ condition: @Sendable ([Delivery]) -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !condition(includingRepeats ? deliveries : unique) {
            guard ContinuousClock.now < deadline else {
                Issue.record("timed out; unique deliveries: \(unique.map { "\($0.event.type) \($0.id)" })")
                return
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
