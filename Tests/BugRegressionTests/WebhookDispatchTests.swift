import BindgenRuntime
import FixtureWebhooks
import Foundation
import Testing

/// The generated `WebhookEvent` of Tests/Fixtures/Webhooks/openapi.yaml (issue 12, family 8): a delivery reaches its
/// case when the webhook's key differs from the payload's `type` value, and a payload without `type` can be decoded
/// by the webhook's key.
@Suite struct WebhookDispatchTests {
    @Test func aConstPinnedTypeDispatchesToItsWebhook() throws {
        let body = Data(#"{"id": "b1", "type": "batch.cancelled", "reason": "quota"}"#.utf8)
        // Before: dispatch compared `type` with the key `batch_cancelled` and gave `.unknown`.
        let event = try WebhookEvent.decode(body: body)
        guard case .batchCancelled(let payload) = event else { Issue.record("gave \(event)"); return }
        #expect(payload.reason == "quota")
        #expect(event.type == "batch.cancelled")
        #expect(event.key == "batch_cancelled")
    }

    @Test func aOneValueEnumInAnAllOfPartPinsTheType() throws {
        let body = Data(#"{"id": "b2", "type": "batch.completed", "count": 12}"#.utf8)
        let event = try WebhookEvent.decode(body: body)
        guard case .batchCompleted(let payload) = event else { Issue.record("gave \(event)"); return }
        #expect(payload.count == 12)
        #expect(try WebhookEvent.decode(type: "batch.completed", body: body).key == "batch_completed")
    }

    @Test func aTypeThatIsNotPinnedDispatchesByKey() throws {
        let event = try WebhookEvent.decode(body: Data(#"{"type": "invoice.paid", "amount": 990}"#.utf8))
        guard case .invoicePaid(let payload) = event else { Issue.record("gave \(event)"); return }
        #expect(payload.amount == 990)
    }

    @Test func aPayloadWithoutTypeDecodesByItsKey() throws {
        let body = Data(#"""
            {"live": "false", "notificationItems": [{"NotificationRequestItem": {"eventCode": "AUTHORISATION", "pspReference": "P1"}}]}
            """#.utf8)
        #expect(throws: DecodingError.self) { try WebhookEvent.decode(body: body) }
        let event = try WebhookEvent.decode(key: "AUTHORISATION", body: body)
        guard case .authorisation(let notification) = event else { Issue.record("gave \(event)"); return }
        #expect(notification.notificationItems.first?.notificationRequestItem.eventCode == "AUTHORISATION")
    }

    @Test func everyWebhookDecodesByItsKey() throws {
        let cancelled = try WebhookEvent.decode(key: "batch_cancelled", body: Data(#"{"id": "b1", "type": "batch.cancelled"}"#.utf8))
        guard case .batchCancelled = cancelled else { Issue.record("gave \(cancelled)"); return }
        let other = try WebhookEvent.decode(key: "refund.failed", body: Data("{}".utf8))
        guard case .unknown(let type, _) = other else { Issue.record("gave \(other)"); return }
        #expect(type == "refund.failed")
        #expect(WebhookEvent.knownKeys == ["batch_cancelled", "batch_completed", "invoice.paid", "AUTHORISATION"])
        #expect(WebhookEvent.knownTypes == ["batch.cancelled", "batch.completed", "invoice.paid", "AUTHORISATION"])
    }

    @Test func aVerifiedDeliveryDecodesByKey() throws {
        let secret = "whsec_" + Data("a fixture secret of 32 bytes !!!".utf8).base64EncodedString()
        let body = Data(#"{"live": "true", "notificationItems": []}"#.utf8)
        let timestamp = WebhookSigner.timestamp()
        let headers = try WebhookSigner(secrets: [secret]).headers(id: "msg_1", timestamp: timestamp, body: body)
        let event = try WebhookEvent.verified(key: "AUTHORISATION", body: body, headers: headers, verifier: WebhookVerifier(secret: secret))
        guard case .authorisation(let notification) = event else { Issue.record("gave \(event)"); return }
        #expect(notification.live == "true")
    }
}
