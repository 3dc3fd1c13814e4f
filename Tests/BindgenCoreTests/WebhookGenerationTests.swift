import BindgenCore
import Foundation
import Testing

/// Webhook dispatch (issue 12, family 8): the event type is the payload's pinned `type` value, else the key; every
/// webhook can be decoded by its key.
@Suite struct WebhookGenerationTests {
    /// The document the `FixtureWebhooks` target builds (BugRegressionTests decodes its payloads).
    static func fixture() throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent("Tests/Fixtures/Webhooks/openapi.yaml"), encoding: .utf8)
    }

    @Test func theEventTypeIsThePinnedValueElseTheKey() throws {
        let path = try writeDocument(Self.fixture())
        let text = try Pipeline.dumpContext(documentPath: path, scope: .webhook)
        let hooks = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let types = hooks.map { "\($0["name"] ?? "") → \($0["eventType"] ?? "") \($0["hasPinnedType"] as? Bool == true ? "pinned" : "key")" }
        #expect(types == [
            "batch_cancelled → batch.cancelled pinned",     // const
            "batch_completed → batch.completed pinned",     // one-value enum in an allOf part
            "invoice.paid → invoice.paid key",              // a plain string member
            "AUTHORISATION → AUTHORISATION key",            // no `type` member at all
        ])
    }

    @Test func webhooksFileDispatchesOnTypesAndOnKeys() throws {
        let files = try generate(Self.fixture())
        try assertGolden(files["Webhooks.swift"] ?? "", named: "webhooks.Webhooks.swift.txt")
    }

    @Test func twoWebhooksPinningOneTypeIsAWarning() throws {
        let texts = try diagnostics("""
        openapi: 3.1.0
        info: {title: T, version: '1'}
        webhooks:
          first:
            post:
              requestBody:
                content:
                  application/json:
                    schema: {type: object, properties: {type: {const: same}}}
              responses: {'200': {description: OK}}
          second:
            post:
              requestBody:
                content:
                  application/json:
                    schema: {type: object, properties: {type: {type: string, enum: [same]}}}
              responses: {'200': {description: OK}}
        """)
        #expect(texts == [
            "DIR/openapi.yaml:15:11: warning: unsupported: webhook 'second' (#/webhooks/second) has the event type 'same' "
                + "of webhook 'first'; decode(type:) and decode(body:) give 'first', decode(key:) tells them apart",
        ])
    }
}
