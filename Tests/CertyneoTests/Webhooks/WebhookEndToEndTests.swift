import BindgenRuntime
import Certyneo
import CertyneoSandbox
import Foundation
import Testing

/// The issue's end-to-end demonstration: the sandbox delivers signed events of the quickstart to a
/// listener inside the test, which verifies and decodes them into typed events; while the
/// listener is down the sandbox retries, and after deduplication by `webhook-id` every event
/// arrives exactly once.
@Suite("Webhooks end to end", .serialized)
struct WebhookEndToEndTests {
    @Test func quickstartAndDeclineDeliverEachEventExactlyOnceDespiteOutageAndLostAcks() async throws {
        let rig = try await WebhookRig.start()
        do {
            let webhook = try await rig.register([.envelopeCreated, .envelopeCompleted, .envelopeDeclined])
            // The first completed delivery is received but answered 500: the sandbox must send it again.
            await rig.inbox.failFirstDelivery(of: "envelope.completed")

            // The quickstart: upload, create, send, sign, completed.
            let draft = try await rig.draft()
            let sent = try await rig.client.sendEnvelope(id: draft.id)
            try await rig.signer("sign", sent)
            #expect(try await rig.client.getEnvelope(id: draft.id).status == .completed)
            try await rig.inbox.waitUntil { unique in
                unique.contains { $0.event.type == "envelope.created" } && unique.contains { $0.event.type == "envelope.completed" }
            }

            try await rig.inbox.waitUntil(includingRepeats: true) { all in all.filter { $0.event.type == "envelope.completed" }.count >= 2 }

            // The decline scenario while the listener is down: deliveries fail and are retried.
            await rig.listener.stop()
            let declinedDraft = try await rig.draft(subject: "Avenant")
            let declinedSent = try await rig.client.sendEnvelope(id: declinedDraft.id)
            try await rig.signer("decline", declinedSent)
            let deadline = ContinuousClock.now + .seconds(20)
            while await Self.refusedAttempts(rig.server, envelopeEvents: 2) == false, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(await Self.refusedAttempts(rig.server, envelopeEvents: 2), "both events of the declined envelope failed at least twice while the listener was down")
            _ = try await rig.listener.start()
            try await rig.inbox.waitUntil { $0.count == 4 }
            try await rig.settle()

            // Exactly once per event after deduplication, each typed and signed.
            let unique = await rig.inbox.unique
            let all = await rig.inbox.deliveries
            #expect(await rig.inbox.rejections.isEmpty, "every delivery verified")
            #expect(unique.count == 4)
            let expected: Set<Summary> = [
                Summary(type: "envelope.created", envelope: draft.id, status: .draft),
                Summary(type: "envelope.completed", envelope: draft.id, status: .completed),
                Summary(type: "envelope.created", envelope: declinedDraft.id, status: .draft),
                Summary(type: "envelope.declined", envelope: declinedDraft.id, status: .declined),
            ]
            let received = unique.map { Self.summary($0.event) }
            #expect(Set(received) == expected)
            #expect(received.count == expected.count)
            for delivery in unique {
                guard case .some(let payload) = Self.payload(delivery.event) else {
                    Issue.record("\(delivery.event.type) did not decode to its typed case")
                    continue
                }
                #expect(payload.id == delivery.id, "the payload id is the webhook-id")
                #expect(payload.type.rawValue == delivery.event.type)
                #expect(delivery.signatureCount == 1)
            }
            if case .envelopeDeclined(let declined) = unique.first(where: { $0.event.type == "envelope.declined" })?.event {
                #expect(declined.data.envelope.recipients.first?.declineReason == "Le montant est erroné.")
            } else {
                Issue.record("no typed envelope.declined")
            }

            // The lost acknowledgement came again with the same webhook-id; sent events were never subscribed.
            let completedIDs = all.filter { $0.event.type == "envelope.completed" }.map(\.id)
            #expect(completedIDs.count >= 2 && Set(completedIDs).count == 1)
            #expect(!all.contains { $0.event.type == "envelope.sent" })

            // The sandbox's own log: one id per event across attempts, retries numbered upwards, all acknowledged.
            let attempts = await rig.server.webhookDeliveryAttempts().filter { $0.webhookID == webhook.id }
            for eventID in Set(attempts.map(\.eventID)) {
                let tries = attempts.filter { $0.eventID == eventID }
                #expect(tries.map(\.attempt) == Array(1...tries.count), "attempts of \(eventID)")
                #expect(tries.last?.succeeded == true && tries.dropLast().allSatisfy { !$0.succeeded })
            }
            #expect(attempts.contains { $0.attempt > 2 && $0.succeeded }, "an event got through only after retries")
        } catch {
            await rig.stop()
            throw error
        }
        await rig.stop()
    }

    struct Summary: Hashable {
        let type: String
        let envelope: String
        let status: EnvelopeStatus
    }

    static func payload(_ event: WebhookEvent) -> EnvelopeEvent? {
        switch event {
        case .envelopeCreated(let payload), .envelopeSent(let payload), .envelopeCompleted(let payload),
             .envelopeDeclined(let payload), .envelopeVoided(let payload):
            payload
        case .unknown:
            nil
        }
    }

    static func summary(_ event: WebhookEvent) -> Summary {
        let envelope = payload(event)?.data.envelope
        return Summary(type: event.type, envelope: envelope?.id ?? "-", status: envelope?.status ?? .unknown("-"))
    }

    /// Whether `envelopeEvents` distinct events each have at least two unanswered attempts.
    static func refusedAttempts(_ server: SandboxServer, envelopeEvents: Int) async -> Bool {
        let refused = await server.webhookDeliveryAttempts().filter { $0.status == nil }
        let counts = Dictionary(grouping: refused, by: \.eventID).mapValues(\.count)
        return counts.values.filter { $0 >= 2 }.count >= envelopeEvents
    }
}
