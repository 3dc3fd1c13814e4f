import BindgenRuntime
import Certyneo
import CertyneoSandbox
import Foundation

/// What `certyneo webhooks listen` does with each request: verify (Standard Webhooks v1), decode
/// into a typed ``WebhookEvent``, drop repeats of a `webhook-id`, and print one line per event.
struct WebhookReceiver: Sendable {
    /// The `webhook-id`s seen so far.
    actor SeenIDs {
        private var ids: Set<String> = []
        private(set) var distinctCount = 0

        /// Records `id`; `false` when it was seen before.
        func insert(_ id: String) -> Bool {
            guard ids.insert(id).inserted else { return false }
            distinctCount += 1
            return true
        }
    }

    let verifier: WebhookVerifier
    let seen = SeenIDs()
    /// Receives the line of each new event.
    let printEvent: @Sendable (String) -> Void
    /// Receives a line for each refused request.
    let printRejection: @Sendable (String) -> Void
    /// Called with the number of distinct events after each new one.
    var onEvent: @Sendable (Int) async -> Void = { _ in }

    /// Answers `204` to a verified event (new or repeated), `405` to anything but `POST`, and the
    /// verifier's ``WebhookVerificationError/suggestedStatus`` otherwise: `400` for a missing
    /// header, a malformed timestamp or an undecodable payload, `401` for a signature or timestamp
    /// that does not verify.
    func handle(_ request: WebhookListener.Request) async -> WebhookListener.Reply {
        guard request.method == "POST" else {
            printRejection("rejected \(request.method) \(request.path): 405 only POST is accepted")
            return WebhookListener.Reply(status: 405, body: "only POST is accepted\n")
        }
        let delivery: VerifiedWebhook
        let event: WebhookEvent
        do throws(WebhookVerificationError) {
            delivery = try verifier.verify(body: request.body, headers: request.headers)
            event = try delivery.decode(WebhookEvent.self)
        } catch {
            printRejection("rejected POST \(request.path): \(error.suggestedStatus) \(error.description)")
            return WebhookListener.Reply(status: error.suggestedStatus, body: error.description + "\n")
        }
        guard await seen.insert(delivery.id) else {
            return WebhookListener.Reply(status: 204)
        }
        printEvent(Self.line(for: event, id: delivery.id))
        await onEvent(await seen.distinctCount)
        return WebhookListener.Reply(status: 204)
    }

    /// `<type> <envelope id> <status> <webhook-id>`, e.g.
    /// `envelope.completed env_1a2b3c4d5e6f7a8b COMPLETED evt_9f8e7d6c5b4a3f2e`; an event type this
    /// version does not know prints `-` for the envelope and status.
    static func line(for event: WebhookEvent, id: String) -> String {
        switch event {
        case .envelopeCreated(let payload), .envelopeSent(let payload), .envelopeCompleted(let payload),
             .envelopeDeclined(let payload), .envelopeVoided(let payload):
            let envelope = payload.data.envelope
            return "\(event.type) \(envelope.id) \(envelope.status.rawValue) \(id)"
        case .unknown(let type, _):
            return "\(type) - - \(id)"
        }
    }
}
