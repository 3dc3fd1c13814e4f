import BindgenRuntime
import Certyneo
import Foundation

// BindgenRuntime.docc/Webhooks.md, compiled (not run: the article's secrets are placeholders).

@MainActor private var handled: Set<String> = []
@MainActor private func firstTime(_ id: String) -> Bool { handled.insert(id).inserted }
private func archive(_ envelope: Envelope) { print("archived", envelope.id) }
private func log(_ message: String) { print(message) }

@MainActor func runtimeArticleReceive() throws -> (Data, HTTPFields) -> Int {
    // snippet: runtime-receive
    let verifier = try WebhookVerifier(secret: "whsec_…")   // tolerance: 5 minutes both ways

    func receive(body: Data, headers: HTTPFields) -> Int {
        do throws(WebhookVerificationError) {
            let delivery = try verifier.verify(body: body, headers: headers)
            guard firstTime(delivery.id) else { return 204 }          // a retry
            switch try delivery.decode(WebhookEvent.self) {
            case .envelopeCompleted(let event): archive(event.data.envelope)
            case .unknown(let type, _): log("ignoring \(type)")
            default: break
            }
            return 204
        } catch {
            return error.suggestedStatus                               // 400, 401 (or 500: bad secret)
        }
    }
    // end snippet
    return receive
}

func runtimeArticleByKey(verifier: WebhookVerifier, body: Data, headers: HTTPFields) throws -> WebhookEvent {
    // snippet: runtime-decode-by-key
    let delivery = try verifier.verify(body: body, headers: headers)
    let event = try delivery.decode { body in try WebhookEvent.decode(key: "AUTHORISATION", body: body) }
    // end snippet
    return event
}

func runtimeArticleRotate() throws -> WebhookVerifier {
    // snippet: runtime-rotate
    let verifier = try WebhookVerifier(secrets: ["whsec_new…", "whsec_old…"])
    // end snippet
    return verifier
}

func runtimeArticleSign(body: Data) throws -> HTTPFields {
    // snippet: runtime-sign
    let signer = try WebhookSigner(secrets: ["whsec_…"])
    let headers = signer.headerFields(id: "evt_1", timestamp: WebhookSigner.timestamp(), body: body)
    // end snippet
    return headers
}
