import Foundation
public import HTTPTypes

/// Signs webhook deliveries with the Standard Webhooks v1 scheme: for the sending side, and for
/// receivers' tests that need valid deliveries.
///
/// ```swift
/// let signer = try WebhookSigner(secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"])
/// let headers = signer.headers(id: "msg_1", timestamp: 1_614_265_330, body: body)
/// // ["webhook-id": "msg_1", "webhook-timestamp": "1614265330", "webhook-signature": "v1,…"]
/// ```
///
/// With several secrets (a rotation in progress) `webhook-signature` carries one `v1` signature
/// per secret, in order, separated by spaces, so receivers that know either secret accept it.
public struct WebhookSigner: Sendable {
    /// The secrets signed with, in the order their signatures appear.
    public let secrets: [WebhookSecret]

    /// Creates a signer over parsed secrets.
    ///
    /// - Throws: ``WebhookVerificationError/malformedSecret(_:)`` when `secrets` is empty.
    public init(secrets: [WebhookSecret]) throws(WebhookVerificationError) {
        guard !secrets.isEmpty else { throw .malformedSecret("no secret was given") }
        self.secrets = secrets
    }

    /// Creates a signer over `whsec_…` secrets.
    ///
    /// - Throws: ``WebhookVerificationError/malformedSecret(_:)`` when `secrets` is empty or one
    ///   of them is not `whsec_` + base64.
    public init(secrets: [String]) throws(WebhookVerificationError) {
        var parsed: [WebhookSecret] = []
        for text in secrets { parsed.append(try WebhookSecret(text)) }
        try self.init(secrets: parsed)
    }

    /// The `webhook-signature` value: `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">` per
    /// secret, separated by single spaces.
    ///
    /// - Parameters:
    ///   - id: The message id; keep it the same on every retry of one event.
    ///   - timestamp: The Unix time of this attempt, in seconds.
    ///   - body: The exact bytes that will be sent.
    public func signature(id: String, timestamp: Int64, body: Data) -> String {
        secrets.map { secret in
            let mac = WebhookContent.mac(id: id, timestamp: timestamp, body: body, secret: secret)
            return WebhookContent.version + "," + Data(mac).base64EncodedString()
        }.joined(separator: " ")
    }

    /// The three Standard Webhooks headers of a delivery, keyed by lowercase name.
    public func headers(id: String, timestamp: Int64, body: Data) -> [String: String] {
        [
            WebhookHeaderNames.id: id,
            WebhookHeaderNames.timestamp: String(timestamp),
            WebhookHeaderNames.signature: signature(id: id, timestamp: timestamp, body: body),
        ]
    }

    /// The three Standard Webhooks headers of a delivery as `HTTPFields`, in the order id,
    /// timestamp, signature.
    public func headerFields(id: String, timestamp: Int64, body: Data) -> HTTPFields {
        let values = [
            (WebhookHeaderNames.id, id), (WebhookHeaderNames.timestamp, String(timestamp)),
            (WebhookHeaderNames.signature, signature(id: id, timestamp: timestamp, body: body)),
        ]
        var fields = HTTPFields()
        for (name, value) in values {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        return fields
    }

    /// The Unix time of `date` in whole seconds, rounded down: the `timestamp` to sign with.
    public static func timestamp(for date: Date = Date()) -> Int64 {
        WebhookContent.unixSeconds(date)
    }
}
