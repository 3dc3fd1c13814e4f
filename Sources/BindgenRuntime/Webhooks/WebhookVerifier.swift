import Crypto
import Foundation

/// Verifies webhook deliveries signed with the Standard Webhooks v1 scheme.
///
/// A delivery carries three headers: `webhook-id` (the message id), `webhook-timestamp` (Unix
/// seconds) and `webhook-signature` (space-separated `v1,<base64>` entries, each the
/// HMAC-SHA256 of `"{id}.{timestamp}.{body}"` under a secret). A delivery is accepted when the
/// timestamp lies within ``tolerance`` of the clock, in the past or the future, and any `v1`
/// signature matches under any of ``secrets``. Signatures are compared in constant time.
///
/// ```swift
/// let verifier = try WebhookVerifier(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
/// let delivery = try verifier.verify(body: rawBody, headers: request.headers)
/// // delivery.id identifies the event across retries: deduplicate on it.
/// ```
///
/// Pass the body exactly as received: JSON that was decoded and encoded again does not verify.
/// During a secret rotation give both the old and the new secret.
public struct WebhookVerifier: Sendable {
    /// Five minutes, the tolerance Standard Webhooks recommends.
    public static let defaultTolerance: Duration = .seconds(300)

    /// The secrets a signature may be made with; any one matching is enough.
    public let secrets: [WebhookSecret]
    /// How far, in whole seconds, a timestamp may lie before or after ``now``; the bound itself
    /// is accepted. A negative value counts as zero.
    public let tolerance: Duration
    /// The clock timestamps are checked against (`Date()` unless injected, e.g. in tests).
    public let now: @Sendable () -> Date

    /// Creates a verifier over parsed secrets.
    ///
    /// - Parameters:
    ///   - secrets: The accepted secrets; with none, every delivery fails with
    ///     ``WebhookVerificationError/noMatchingSignature``.
    ///   - tolerance: The allowed clock difference in each direction (default 5 minutes).
    ///   - now: The clock.
    public init(secrets: [WebhookSecret], tolerance: Duration = defaultTolerance, now: @escaping @Sendable () -> Date = { Date() }) {
        self.secrets = secrets
        self.tolerance = tolerance
        self.now = now
    }

    /// Creates a verifier over `whsec_…` secrets.
    ///
    /// - Throws: ``WebhookVerificationError/malformedSecret(_:)`` when `secrets` is empty or one
    ///   of them is not `whsec_` + base64.
    public init(secrets: [String], tolerance: Duration = defaultTolerance, now: @escaping @Sendable () -> Date = { Date() }) throws(WebhookVerificationError) {
        guard !secrets.isEmpty else { throw .malformedSecret("no secret was given") }
        var parsed: [WebhookSecret] = []
        for text in secrets { parsed.append(try WebhookSecret(text)) }
        self.init(secrets: parsed, tolerance: tolerance, now: now)
    }

    /// Creates a verifier over one `whsec_…` secret.
    ///
    /// - Throws: ``WebhookVerificationError/malformedSecret(_:)`` when it is not `whsec_` + base64.
    public init(secret: String, tolerance: Duration = defaultTolerance, now: @escaping @Sendable () -> Date = { Date() }) throws(WebhookVerificationError) {
        try self.init(secrets: [secret], tolerance: tolerance, now: now)
    }

    /// Verifies a delivery's headers, timestamp and signature.
    ///
    /// The checks run in this order, and the first that fails is thrown:
    /// 1. ``WebhookVerificationError/missingHeader(_:)``: `webhook-id`, `webhook-timestamp` or
    ///    `webhook-signature` is absent or empty (names are matched without regard to case;
    ///    surrounding spaces and tabs are ignored).
    /// 2. ``WebhookVerificationError/malformedTimestamp(_:)``: the timestamp is not ASCII digits
    ///    fitting an `Int64`.
    /// 3. ``WebhookVerificationError/timestampTooOld(timestamp:now:)`` or
    ///    ``WebhookVerificationError/timestampTooNew(timestamp:now:)``: it is more than
    ///    ``tolerance`` seconds before or after ``now``.
    /// 4. ``WebhookVerificationError/noMatchingSignature``: no `v1` signature matches.
    ///
    /// - Parameters:
    ///   - body: The raw request body, byte for byte.
    ///   - headers: The request's header fields.
    /// - Returns: The message id, timestamp and body of the verified delivery.
    public func verify(body: Data, headers: some WebhookHeaderSource) throws(WebhookVerificationError) -> VerifiedWebhook {
        let fields = try Self.requiredFields(of: headers)
        try checkTimestamp(fields.timestamp)
        return try checkSignatures(fields, body: body)
    }

    /// Verifies a delivery's headers and signature but **not** its timestamp, so a replayed
    /// delivery of any age passes: use it only to re-check stored deliveries, never on a live
    /// endpoint.
    ///
    /// - Throws: ``WebhookVerificationError/missingHeader(_:)``,
    ///   ``WebhookVerificationError/malformedTimestamp(_:)`` (the timestamp is still signed content
    ///   and must be ASCII digits) or ``WebhookVerificationError/noMatchingSignature``.
    public func verifyIgnoringTimestamp(body: Data, headers: some WebhookHeaderSource) throws(WebhookVerificationError) -> VerifiedWebhook {
        try checkSignatures(try Self.requiredFields(of: headers), body: body)
    }

    /// Verifies a delivery (as ``verify(body:headers:)``) and decodes its body into `type`, such
    /// as the generated `WebhookEvent`.
    ///
    /// - Throws: What ``verify(body:headers:)`` throws, then
    ///   ``WebhookVerificationError/invalidPayload(_:)`` when the verified body does not decode.
    public func verify<Event: WebhookEventDecodable>(
        _ type: Event.Type, body: Data, headers: some WebhookHeaderSource, decoder: JSONDecoder = .bindgen
    ) throws(WebhookVerificationError) -> Event {
        try verify(body: body, headers: headers).decode(type, decoder: decoder)
    }

    // MARK: Steps

    struct Fields {
        let id: String
        let timestamp: Int64
        let signatures: String
    }

    static func requiredFields(of headers: some WebhookHeaderSource) throws(WebhookVerificationError) -> Fields {
        let id = try firstValue(WebhookHeaderNames.id, in: headers)
        let timestampText = try firstValue(WebhookHeaderNames.timestamp, in: headers)
        let signatures = headers.webhookHeaderValues(named: WebhookHeaderNames.signature)
            .map(WebhookContent.trimmingOptionalWhitespace).filter { !$0.isEmpty }.joined(separator: " ")
        guard !signatures.isEmpty else { throw .missingHeader(WebhookHeaderNames.signature) }
        guard let timestamp = WebhookContent.parseTimestamp(timestampText) else {
            throw .malformedTimestamp(WebhookVerificationError.excerpt(timestampText))
        }
        return Fields(id: id, timestamp: timestamp, signatures: signatures)
    }

    private static func firstValue(_ name: String, in headers: some WebhookHeaderSource) throws(WebhookVerificationError) -> String {
        let values = headers.webhookHeaderValues(named: name).map(WebhookContent.trimmingOptionalWhitespace)
        guard let value = values.first(where: { !$0.isEmpty }) else { throw .missingHeader(name) }
        return value
    }

    func checkTimestamp(_ timestamp: Int64) throws(WebhookVerificationError) {
        let current = WebhookContent.unixSeconds(now())
        let allowed = max(tolerance.components.seconds, 0)
        let (earliest, underflow) = current.subtractingReportingOverflow(allowed)
        if !underflow, timestamp < earliest { throw .timestampTooOld(timestamp: timestamp, now: current) }
        let (latest, overflow) = current.addingReportingOverflow(allowed)
        if !overflow, timestamp > latest { throw .timestampTooNew(timestamp: timestamp, now: current) }
    }

    private func checkSignatures(_ fields: Fields, body: Data) throws(WebhookVerificationError) -> VerifiedWebhook {
        let candidates = WebhookContent.v1Signatures(in: fields.signatures)
        guard !candidates.isEmpty, !secrets.isEmpty else { throw .noMatchingSignature }
        for secret in secrets {
            let expected = WebhookContent.mac(id: fields.id, timestamp: fields.timestamp, body: body, secret: secret)
            // `==` between a MAC and bytes is swift-crypto's constant-time comparison.
            for candidate in candidates where expected == candidate {
                return VerifiedWebhook(id: fields.id, timestamp: fields.timestamp, body: body)
            }
        }
        throw .noMatchingSignature
    }
}
