import BindgenRuntime
import Foundation
import Testing

/// The verifier's contract beyond the shared vectors: header lookup, secrets, clock and tolerance,
/// timestamp parsing, rotation, the timestamp-skipping method and typed decoding.
@Suite("WebhookVerifier")
struct WebhookVerifierTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let newSecret = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
    static let body = Data(#"{"type":"envelope.created","id":"evt_1"}"#.utf8)
    static let sentAt: Int64 = 1_796_032_800

    static func verifier(_ secrets: [String] = [secret], now: Int64 = sentAt, tolerance: Duration = WebhookVerifier.defaultTolerance) throws -> WebhookVerifier {
        try WebhookVerifier(secrets: secrets, tolerance: tolerance, now: { Date(timeIntervalSince1970: TimeInterval(now)) })
    }

    static func headers(_ secrets: [String] = [secret], id: String = "evt_1", timestamp: Int64 = sentAt, body: Data = body) throws -> [String: String] {
        try WebhookSigner(secrets: secrets).headers(id: id, timestamp: timestamp, body: body)
    }

    /// The `WebhookVerificationError` `body` throws, `nil` when it throws none (another error type
    /// is recorded as an issue).
    static func error(_ body: () throws -> Void) -> WebhookVerificationError? {
        do {
            try body()
            return nil
        } catch let error as WebhookVerificationError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func headerNamesAreCaseInsensitive() throws {
        let signed = try Self.headers()
        let mixed = Dictionary(uniqueKeysWithValues: signed.map { ($0.key == "webhook-signature" ? "Webhook-Signature" : $0.key.uppercased(), $0.value) })
        let delivery = try Self.verifier().verify(body: Self.body, headers: mixed)
        #expect(delivery.id == "evt_1")
        #expect(delivery.timestamp == Self.sentAt)
        #expect(delivery.date == Date(timeIntervalSince1970: 1_796_032_800))
    }

    @Test func unpaddedAndPaddedSecretsAreTheSameKey() throws {
        let padded = try WebhookSecret(Self.newSecret)
        let unpadded = try WebhookSecret(String(Self.newSecret.dropLast()))
        #expect(padded == unpadded)
        #expect(padded.stringValue == Self.newSecret)
        #expect(!padded.description.contains("AAECAwQF"), "descriptions redact the key")
        let headers = try Self.headers([Self.newSecret])
        _ = try Self.verifier([String(Self.newSecret.dropLast())]).verify(body: Self.body, headers: headers)
    }

    @Test(arguments: ["", "whsec_", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_not base64!", "whsec_A", "whsec_AB=C", "whsec_AAA==", "sk_test_abc", "whsec_TWFu===", "WHSEC_TWFu"])
    func malformedSecretsAreRefused(_ text: String) {
        let error = Self.error { _ = try WebhookSecret(text) }
        guard case .malformedSecret(let reason) = error else {
            Issue.record("\(text.debugDescription) gave \(String(describing: error))")
            return
        }
        #expect(text.count < 7 || !reason.contains(text.dropFirst(6)), "the reason never repeats the secret")
        #expect(WebhookVerificationError.malformedSecret(reason).suggestedStatus == 500)
    }

    @Test func noSecretsIsAMalformedConfiguration() throws {
        #expect(Self.error { _ = try WebhookVerifier(secrets: [String]()) } == .malformedSecret("no secret was given"))
        #expect(Self.error { _ = try WebhookSigner(secrets: [String]()) } == .malformedSecret("no secret was given"))
        let empty = WebhookVerifier(secrets: [WebhookSecret]())
        let headers = (try? Self.headers()) ?? [:]
        #expect(Self.error { _ = try empty.verifyIgnoringTimestamp(body: Self.body, headers: headers) } == .noMatchingSignature)
    }

    @Test func toleranceIsFiveMinutesBothWaysByDefault() throws {
        let headers = try Self.headers()
        for offset: Int64 in [-300, -1, 0, 1, 300] {
            _ = try Self.verifier(now: Self.sentAt + offset).verify(body: Self.body, headers: headers)
        }
        #expect(Self.error { _ = try Self.verifier(now: Self.sentAt + 301).verify(body: Self.body, headers: headers) }
            == .timestampTooOld(timestamp: Self.sentAt, now: Self.sentAt + 301))
        #expect(Self.error { _ = try Self.verifier(now: Self.sentAt - 301).verify(body: Self.body, headers: headers) }
            == .timestampTooNew(timestamp: Self.sentAt, now: Self.sentAt - 301))
    }

    @Test func toleranceAndClockAreInjectable() throws {
        let headers = try Self.headers()
        let strict = try Self.verifier(now: Self.sentAt + 2, tolerance: .seconds(1))
        #expect(Self.error { _ = try strict.verify(body: Self.body, headers: headers) } == .timestampTooOld(timestamp: Self.sentAt, now: Self.sentAt + 2))
        let negative = try Self.verifier(now: Self.sentAt, tolerance: .seconds(-10))
        _ = try negative.verify(body: Self.body, headers: headers)
        let huge = try Self.verifier(now: 0, tolerance: .seconds(Int64.max))
        _ = try huge.verify(body: Self.body, headers: headers)
        // A fractional clock is rounded down to whole seconds.
        let fractional = try WebhookVerifier(secret: Self.secret, tolerance: .zero, now: { Date(timeIntervalSince1970: 1_796_032_800.9) })
        _ = try fractional.verify(body: Self.body, headers: headers)
    }

    @Test(arguments: ["nan", "1e9", "+1796032800", "-1", " ", "0x6B0C8B20", "1796032800.0", "١٧٩٦٠٣٢٨٠٠", "１７９６０３２８００",
                      "9223372036854775808", "99999999999999999999999", "17960328OO", "1796 032800", "inf", "\u{0}"])
    func malformedTimestampsAreRefusedWithoutCrashing(_ timestamp: String) throws {
        var headers = try Self.headers()
        headers["webhook-timestamp"] = timestamp
        let error = Self.error { _ = try Self.verifier().verify(body: Self.body, headers: headers) }
        if timestamp.allSatisfy({ $0 == " " }) {
            #expect(error == .missingHeader("webhook-timestamp"))
        } else {
            #expect(error == .malformedTimestamp(timestamp), "\(timestamp.debugDescription)")
            #expect(error?.suggestedStatus == 400)
        }
        // Even when the timestamp check is skipped it must parse.
        #expect(Self.error { _ = try Self.verifier().verifyIgnoringTimestamp(body: Self.body, headers: headers) } == error)
    }

    @Test func largestInt64TimestampParsesAndIsTooNew() throws {
        let headers = try Self.headers(timestamp: .max)
        #expect(headers["webhook-timestamp"] == "9223372036854775807")
        #expect(Self.error { _ = try Self.verifier().verify(body: Self.body, headers: headers) } == .timestampTooNew(timestamp: .max, now: Self.sentAt))
        _ = try Self.verifier().verifyIgnoringTimestamp(body: Self.body, headers: headers)
        let zeros = try Self.headers(timestamp: 0)
        #expect(Self.error { _ = try Self.verifier().verify(body: Self.body, headers: zeros) } == .timestampTooOld(timestamp: 0, now: Self.sentAt))
    }

    @Test func missingHeadersAreNamed() throws {
        for name in ["webhook-id", "webhook-timestamp", "webhook-signature"] {
            var headers = try Self.headers()
            headers[name] = nil
            #expect(Self.error { _ = try Self.verifier().verify(body: Self.body, headers: headers) } == .missingHeader(name))
            headers[name] = "  "
            #expect(Self.error { _ = try Self.verifier().verify(body: Self.body, headers: headers) } == .missingHeader(name))
        }
        #expect(WebhookVerificationError.missingHeader("webhook-id").suggestedStatus == 400)
    }

    @Test func theSkippingMethodStillChecksTheSignature() throws {
        let old = try Self.headers(timestamp: 1_000)
        let delivery = try Self.verifier().verifyIgnoringTimestamp(body: Self.body, headers: old)
        #expect(delivery.timestamp == 1_000)
        #expect(Self.error { _ = try Self.verifier().verify(body: Self.body, headers: old) } == .timestampTooOld(timestamp: 1_000, now: Self.sentAt))
        #expect(Self.error { _ = try Self.verifier().verifyIgnoringTimestamp(body: Self.body + Data(" ".utf8), headers: old) } == .noMatchingSignature)
        #expect(Self.error { _ = try Self.verifier([Self.newSecret]).verifyIgnoringTimestamp(body: Self.body, headers: old) } == .noMatchingSignature)
    }

    @Test func rotationSignsWithBothSecretsAndEitherVerifies() throws {
        let headers = try Self.headers([Self.newSecret, Self.secret])
        let signatures = try #require(headers["webhook-signature"]).split(separator: " ")
        #expect(signatures.count == 2 && signatures.allSatisfy { $0.hasPrefix("v1,") })
        for secrets in [[Self.secret], [Self.newSecret], [Self.secret, Self.newSecret]] {
            _ = try Self.verifier(secrets).verify(body: Self.body, headers: headers)
        }
        #expect(Self.error { _ = try Self.verifier(["whsec_" + Data(repeating: 7, count: 32).base64EncodedString()]).verify(body: Self.body, headers: headers) } == .noMatchingSignature)
    }

    @Test func repeatedSignatureFieldsAreAllConsidered() throws {
        let signer = try WebhookSigner(secrets: [Self.secret])
        var fields = signer.headerFields(id: "evt_1", timestamp: Self.sentAt, body: Self.body)
        let name = try #require(HTTPField.Name("webhook-signature"))
        let valid = try #require(fields[name])
        fields[name] = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc="
        fields.append(HTTPField(name: try #require(HTTPField.Name("Webhook-Signature")), value: valid))
        #expect(fields[values: name].count == 2)
        _ = try Self.verifier().verify(body: Self.body, headers: fields)
    }

    @Test func malformedSignatureEntriesAreSkipped() throws {
        var headers = try Self.headers()
        let valid = try #require(headers["webhook-signature"])
        for garbage in ["v1", "v1,", ",", "v1,!!!", "v1,AAAA", "v2," + valid.dropFirst(3), "V1," + valid.dropFirst(3), "v1 ,x", String(repeating: " ", count: 50)] {
            headers["webhook-signature"] = garbage
            let error = Self.error { _ = try Self.verifier().verify(body: Self.body, headers: headers) }
            #expect(error == .noMatchingSignature || error == .missingHeader("webhook-signature"), "\(garbage)")
            headers["webhook-signature"] = garbage + " " + valid
            _ = try Self.verifier().verify(body: Self.body, headers: headers)
        }
    }

    @Test func errorsDescribeTheirCauseWithoutSecrets() {
        let errors: [WebhookVerificationError] = [
            .missingHeader("webhook-id"), .malformedTimestamp(String(repeating: "x", count: 500)),
            .timestampTooOld(timestamp: 0, now: .max), .timestampTooNew(timestamp: .max, now: .min), .noMatchingSignature,
            .malformedSecret("it must start with \"whsec_\""), .invalidPayload("type: missing"),
        ]
        for error in errors {
            #expect(!error.description.isEmpty)
            #expect(error.description.count < 200, "long header values are cut")
            #expect(!error.description.contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        }
        #expect(errors.map(\.suggestedStatus) == [400, 400, 401, 401, 401, 500, 400])
    }
}
