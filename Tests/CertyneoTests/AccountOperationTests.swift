import BindgenRuntime
import Certyneo
import Foundation
import Testing

/// Webhook and API-key operations through the generated client.
@Suite struct AccountOperationTests {
    @Test func webhooksCreateListDelete() async throws {
        try await withSandbox { client, _ in
            let webhook = try await client.createWebhook(WebhookCreate(url: try #require(URL(string: "http://127.0.0.1:9/hooks")), events: [.envelopeCreated, .envelopeCompleted]))
            #expect(webhook.id.hasPrefix("wh_"))
            #expect(webhook.secret?.hasPrefix("whsec_") == true)
            #expect(webhook.events == [.envelopeCreated, .envelopeCompleted])
            let listed = try await client.listWebhooks()
            #expect(listed.data.map(\.id) == [webhook.id])
            #expect(listed.data.first?.secret == nil, "secrets are shown once")
            try await client.deleteWebhook(id: webhook.id)
            #expect(try await client.listWebhooks().data.isEmpty)
            #expect(await apiError { try await client.deleteWebhook(id: webhook.id) }?.status == 404)
        }
    }

    @Test func keysCreateListRevokeAndTheRevokedKeyGets401() async throws {
        try await withSandbox { client, info in
            let key = try await client.createAPIKey(APIKeyCreate(name: "HRIS integration"))
            let secret = try #require(key.secret)
            #expect(secret.hasPrefix("sk_test_"))
            #expect(key.prefix == String(secret.prefix(12)))
            let second = Client(apiKey: secret, serverURL: info.baseURL)
            #expect(try await second.listDocuments().data.isEmpty)

            let keys = try await client.listAPIKeys()
            #expect(keys.data.contains { $0.id == key.id && $0.secret == nil })

            try await client.revokeAPIKey(id: key.id)
            let rejected = await apiError { _ = try await second.listDocuments() }
            #expect(rejected?.status == 401)
            #expect(rejected?.code == "unauthorized")
            #expect(rejected?.description.contains(secret) == false, "errors never carry the key")
        }
    }

    @Test func unknownEnumValuesDecodeIntoTheUnknownCase() throws {
        #expect(EnvelopeStatus(rawValue: "ARCHIVED") == .unknown("ARCHIVED"))
        #expect(EnvelopeStatus(rawValue: "SENT") == .sent)
        let json = Data(#"{"id":"rcp_1","email":"a@example.com","name":"A","role":"WITNESS","routingOrder":1,"status":"NOTIFIED","signUrl":null}"#.utf8)
        let recipient = try JSONDecoder.bindgen.decode(Recipient.self, from: json)
        #expect(recipient.role == .unknown("WITNESS"))
        let again = try JSONDecoder.bindgen.decode(Recipient.self, from: JSONEncoder.bindgen.encode(recipient))
        #expect(again == recipient)
    }

    @Test func endpointExposesMethodPathsAndOperationID() {
        let endpoint = Endpoint.getEnvelopeAuditTrail(id: "env_a/b c")
        #expect(endpoint.operationID == "getEnvelopeAuditTrail")
        #expect(endpoint.method == .get)
        #expect(endpoint.pathTemplate == "/envelopes/{id}/audit-trail")
        #expect(endpoint.path == "/envelopes/env_a%2Fb%20c/audit-trail")
    }
}
