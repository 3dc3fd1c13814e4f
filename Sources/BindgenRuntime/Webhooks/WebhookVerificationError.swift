import Foundation

/// Why a webhook delivery, a secret or a payload was refused.
///
/// Thrown by ``WebhookVerifier``, ``WebhookSecret`` and ``WebhookSigner``. Each case names one
/// cause, so a receiver can log it precisely and answer with ``suggestedStatus``. Descriptions
/// never contain a secret and quote at most the first 64 characters of a header value.
public enum WebhookVerificationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A required header is absent or empty; the associated value is its lowercase name
    /// (`webhook-id`, `webhook-timestamp` or `webhook-signature`).
    case missingHeader(String)
    /// `webhook-timestamp` is not 1 to 19 ASCII digits fitting an `Int64` (for example `nan`,
    /// `1e9`, `-5`, `1614265330.0` or a 20-digit number); the associated value is the header value.
    case malformedTimestamp(String)
    /// The timestamp is further in the past than the tolerance allows. Both values are Unix
    /// times in seconds.
    case timestampTooOld(timestamp: Int64, now: Int64)
    /// The timestamp is further in the future than the tolerance allows. Both values are Unix
    /// times in seconds.
    case timestampTooNew(timestamp: Int64, now: Int64)
    /// No `v1` signature in `webhook-signature` matches the content under any configured secret.
    case noMatchingSignature
    /// A secret is not `whsec_` followed by non-empty base64 (or no secret was given); the
    /// associated value says why, without the secret.
    case malformedSecret(String)
    /// The signature was valid but the body does not decode into the expected event; the
    /// associated value is the decoder's message.
    case invalidPayload(String)

    /// The HTTP status a receiver should answer with: `400 Bad Request` for a missing header, a
    /// malformed timestamp or an undecodable payload, `401 Unauthorized` for a signature or
    /// timestamp that does not verify, and `500 Internal Server Error` for a malformed secret
    /// (a configuration mistake of the receiver).
    public var suggestedStatus: Int {
        switch self {
        case .missingHeader, .malformedTimestamp, .invalidPayload: 400
        case .timestampTooOld, .timestampTooNew, .noMatchingSignature: 401
        case .malformedSecret: 500
        }
    }

    public var description: String {
        switch self {
        case .missingHeader(let name):
            "Webhook delivery has no \(name) header"
        case .malformedTimestamp(let value):
            "Webhook timestamp \"\(Self.excerpt(value))\" is not a Unix time in ASCII digits"
        case .timestampTooOld(let timestamp, let now):
            "Webhook timestamp \(timestamp) is too old: now is \(now), \(Self.difference(now, timestamp)) s later"
        case .timestampTooNew(let timestamp, let now):
            "Webhook timestamp \(timestamp) is too far in the future: now is \(now), \(Self.difference(timestamp, now)) s earlier"
        case .noMatchingSignature:
            "No webhook signature matches the delivery under the configured secrets"
        case .malformedSecret(let reason):
            "Malformed webhook secret: \(reason)"
        case .invalidPayload(let message):
            "Webhook signature is valid but the payload does not decode: \(message)"
        }
    }

    /// The first 64 characters of an untrusted header value.
    static func excerpt(_ value: String) -> String {
        value.count <= 64 ? value : String(value.prefix(64)) + "…"
    }

    private static func difference(_ later: Int64, _ earlier: Int64) -> String {
        let (value, overflow) = later.subtractingReportingOverflow(earlier)
        return overflow ? "more than \(Int64.max)" : String(value)
    }
}
