import BindgenRuntime
import Certyneo
import CertyneoSandbox
import Foundation
import Testing

/// Sandbox delivery details: subscriptions, the bounded retry schedule, deleted webhooks, secret
/// rotation; and typed decoding of the shared vector and of an unknown event type.
@Suite("Webhook delivery", .serialized)
struct WebhookDeliveryTests {
    @Test func onlySubscribedTypesAreDeliveredForEveryStateChange() async throws {
        let rig = try await WebhookRig.start()
        do {
            try await rig.register([.envelopeSent, .envelopeVoided])
            let draft = try await rig.draft()
            _ = try await rig.client.sendEnvelope(id: draft.id)
            try await rig.client.deleteEnvelope(id: draft.id) // SENT → VOIDED
            try await rig.inbox.waitUntil { $0.count == 2 }
            try await rig.settle()
            let unique = await rig.inbox.unique
            // Deliveries run concurrently: their order is not guaranteed (as with any webhook sender).
            #expect(unique.map(\.event.type).sorted() == ["envelope.sent", "envelope.voided"])
            if case .envelopeVoided(let voided) = unique.first(where: { $0.event.type == "envelope.voided" })?.event {
                #expect(voided.data.envelope.status == .voided)
                #expect(voided.data.envelope.id == draft.id)
            } else {
                Issue.record("no typed envelope.voided")
            }
        } catch {
            await rig.stop()
            throw error
        }
        await rig.stop()
    }

    @Test func retriesFollowTheBoundedScheduleThenGiveUp() async throws {
        let schedule = WebhookRetrySchedule(maximumAttempts: 4, initialDelay: .milliseconds(30), multiplier: 2, maximumDelay: .milliseconds(100))
        #expect(schedule.delays == [.milliseconds(30), .milliseconds(60), .milliseconds(100)])
        #expect(schedule.delay(afterAttempt: 4) == nil)
        let rig = try await WebhookRig.start(retries: schedule)
        do {
            try await rig.register([.envelopeCreated])
            await rig.inbox.answerEverything(with: 503)
            let started = ContinuousClock.now
            _ = try await rig.draft()
            try await rig.settle()
            let elapsed = ContinuousClock.now - started
            let attempts = await rig.server.webhookDeliveryAttempts()
            #expect(attempts.map(\.attempt) == [1, 2, 3, 4])
            #expect(attempts.allSatisfy { $0.status == 503 && !$0.succeeded })
            #expect(Set(attempts.map(\.eventID)).count == 1, "one webhook-id for every attempt")
            #expect(elapsed >= .milliseconds(190), "waited 30 + 60 + 100 ms between attempts, took \(elapsed)")
            let gaps = zip(attempts.dropFirst(), attempts).map { $0.finishedAt.timeIntervalSince($1.finishedAt) }
            #expect(gaps.count == 3 && gaps.allSatisfy { $0 >= 0.025 })
        } catch {
            await rig.stop()
            throw error
        }
        await rig.stop()
    }

    @Test func theDefaultScheduleIsBoundedAndExponential() {
        let schedule = WebhookRetrySchedule()
        #expect(schedule.delays == [5, 10, 20, 40, 80, 160, 320].map { Duration.seconds($0) })
        #expect(schedule.delay(afterAttempt: 0) == nil && schedule.delay(afterAttempt: 8) == nil)
        let capped = WebhookRetrySchedule(maximumAttempts: 1_000, initialDelay: .seconds(1), multiplier: 10, maximumDelay: .seconds(60))
        #expect(capped.delay(afterAttempt: 999) == .seconds(60), "never above the ceiling, even when the power overflows")
        #expect(WebhookRetrySchedule(maximumAttempts: 0).delays.isEmpty)
    }

    @Test func nonLoopbackURLsAreNeverCalledNorRetried() async throws {
        let rig = try await WebhookRig.start()
        do {
            let remote = try #require(URL(string: "https://crm.example.com/hooks/certyneo"))
            let webhook = try await rig.client.createWebhook(WebhookCreate(url: remote, events: [.envelopeCreated]))
            _ = try await rig.draft()
            try await rig.settle()
            let attempts = await rig.server.webhookDeliveryAttempts().filter { $0.webhookID == webhook.id }
            #expect(attempts.count == 1)
            #expect(attempts.first?.status == nil)
            #expect(attempts.first?.failure?.contains("loopback") == true)
        } catch {
            await rig.stop()
            throw error
        }
        await rig.stop()
    }

    @Test func deletingAWebhookStopsItsRetries() async throws {
        let rig = try await WebhookRig.start(retries: WebhookRetrySchedule(maximumAttempts: 10_000, initialDelay: .milliseconds(10), maximumDelay: .milliseconds(10)))
        do {
            let webhook = try await rig.register([.envelopeCreated])
            await rig.inbox.answerEverything(with: 500)
            _ = try await rig.draft()
            while await rig.server.webhookDeliveryAttempts().count < 3 { try await Task.sleep(for: .milliseconds(5)) }
            try await rig.client.deleteWebhook(id: webhook.id)
            try await rig.settle()
            let count = await rig.server.webhookDeliveryAttempts().count
            try await Task.sleep(for: .milliseconds(100))
            #expect(await rig.server.webhookDeliveryAttempts().count == count)
            #expect(count < 100)
        } catch {
            await rig.stop()
            throw error
        }
        await rig.stop()
    }

    @Test func rotationSendsBothSignaturesDuringTheOverlapOnly() async throws {
        let rig = try await WebhookRig.start()
        do {
            let webhook = try await rig.register([.envelopeCreated])
            let oldSecret = try #require(webhook.secret)
            let newSecret = try await rig.server.rotateWebhookSecret(id: webhook.id, overlap: .seconds(60))
            #expect(newSecret != oldSecret && newSecret.hasPrefix("whsec_"))
            await rig.inbox.use(try WebhookVerifier(secrets: [oldSecret]))
            _ = try await rig.draft()
            try await rig.inbox.waitUntil { $0.count == 1 }
            let overlapping = try #require(await rig.inbox.unique.last)
            #expect(overlapping.signatureCount == 2)
            for secret in [oldSecret, newSecret] {
                _ = try WebhookVerifier(secret: secret).verify(body: overlapping.body, headers: overlapping.headers)
            }

            // A rotation without overlap: only the newest secret signs from now on.
            let newest = try await rig.server.rotateWebhookSecret(id: webhook.id, overlap: .zero)
            await rig.inbox.use(try WebhookVerifier(secrets: [newest]))
            _ = try await rig.draft()
            try await rig.inbox.waitUntil { $0.count == 2 }
            let after = try #require(await rig.inbox.unique.last)
            #expect(after.signatureCount == 2, "newest and the first secret, whose 60 s overlap still runs")
            #expect(throws: WebhookVerificationError.noMatchingSignature) {
                try WebhookVerifier(secret: newSecret).verify(body: after.body, headers: after.headers)
            }
            _ = try WebhookVerifier(secret: oldSecret).verify(body: after.body, headers: after.headers)
            await #expect(throws: SandboxWebhookError.unknownWebhook("wh_nope")) {
                try await rig.server.rotateWebhookSecret(id: "wh_nope")
            }
        } catch {
            await rig.stop()
            throw error
        }
        await rig.stop()
    }

    /// The shared vector "certyneo-envelope-completed" verifies through the generated entry point,
    /// and its abbreviated body (`{type, timestamp, data: {id, status}}`, not the document's
    /// `EnvelopeEvent`) is then reported as an invalid payload (400), not as a bad signature (401).
    @Test func certyneoVectorVerifiesAndItsPayloadIsCheckedAfterwards() throws {
        let url = webhookTestsRepositoryRoot.appendingPathComponent("../shared/vectors/standard-webhooks.json").standardizedFileURL
        struct Case: Decodable { let name: String; let secrets: [String]; let headers: [String: String]; let body: String; let now: Int64 }
        struct File: Decodable { let cases: [Case] }
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        let vector = try #require(file.cases.first { $0.name == "certyneo-envelope-completed" })
        let verifier = try WebhookVerifier(secrets: vector.secrets, now: { Date(timeIntervalSince1970: TimeInterval(vector.now)) })
        let body = Data(vector.body.utf8)
        let delivery = try verifier.verify(body: body, headers: vector.headers)
        #expect(delivery.id == "msg_01JDEMO")
        let error = #expect(throws: WebhookVerificationError.self) {
            try WebhookEvent.verified(body: body, headers: vector.headers, verifier: verifier)
        }
        guard case .invalidPayload = error else {
            Issue.record("expected invalidPayload, got \(String(describing: error))")
            return
        }
        #expect(error?.suggestedStatus == 400)
    }

    /// An event type the document does not list still verifies and keeps its raw body.
    @Test func unknownEventTypesNeverBreakTheReceiver() throws {
        let secret = WebhookSecret.random()
        let body = Data(#"{"id":"evt_1","type":"envelope.archived","data":{"whatever":[1,2]}}"#.utf8)
        let headers = try WebhookSigner(secrets: [secret]).headerFields(id: "evt_1", timestamp: WebhookSigner.timestamp(), body: body)
        let event = try WebhookEvent.verified(body: body, headers: headers, verifier: WebhookVerifier(secrets: [secret]))
        #expect(event.type == "envelope.archived")
        guard case .unknown(let type, let raw) = event else {
            Issue.record("expected .unknown, got \(event.type)")
            return
        }
        #expect(type == "envelope.archived" && raw == body)
        let malformed = Data(#"{"type":"envelope.created","id":3}"#.utf8)
        let signed = try WebhookSigner(secrets: [secret]).headerFields(id: "evt_2", timestamp: WebhookSigner.timestamp(), body: malformed)
        let error = #expect(throws: WebhookVerificationError.self) {
            try WebhookEvent.verified(body: malformed, headers: signed, verifier: WebhookVerifier(secrets: [secret]))
        }
        guard case .invalidPayload = error else {
            Issue.record("a verified body that does not decode must be invalidPayload, got \(String(describing: error))")
            return
        }
        #expect(error?.suggestedStatus == 400)
    }
}
