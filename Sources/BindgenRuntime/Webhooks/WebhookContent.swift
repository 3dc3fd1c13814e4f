import Crypto
import Foundation

/// The Standard Webhooks v1 wire format: what is signed, how timestamps and signature lists are
/// written and read. Shared by ``WebhookSigner`` and ``WebhookVerifier``.
enum WebhookContent {
    /// The version tag of HMAC-SHA256 signatures.
    static let version = "v1"

    /// `"{id}.{timestamp}.{body}"` as bytes; the body is taken as received, never re-encoded.
    static func signedBytes(id: String, timestamp: Int64, body: Data) -> Data {
        var content = Data(id.utf8)
        content.append(0x2E)
        content.append(contentsOf: String(timestamp).utf8)
        content.append(0x2E)
        content.append(body)
        return content
    }

    /// The HMAC-SHA256 of the signed content under `secret`.
    static func mac(id: String, timestamp: Int64, body: Data, secret: WebhookSecret) -> HashedAuthenticationCode<SHA256> {
        HMAC<SHA256>.authenticationCode(for: signedBytes(id: id, timestamp: timestamp, body: body), using: secret.symmetricKey)
    }

    /// Parses 1 to 19 ASCII digits (`0`–`9` only: no sign, no space, no other script's digits)
    /// into an `Int64`; `nil` on anything else or on overflow.
    static func parseTimestamp(_ text: String) -> Int64? {
        let bytes = text.utf8
        guard !bytes.isEmpty else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(Int64(byte - 0x30))
            guard !overflowA, !overflowB else { return nil }
            value = sum
        }
        return value
    }

    /// The decoded `v1` signatures of a `webhook-signature` value: entries are separated by
    /// spaces, each `version,base64`; other versions and entries that are not base64 are skipped.
    static func v1Signatures(in header: String) -> [Data] {
        header.split(separator: " ", omittingEmptySubsequences: true).compactMap { entry -> Data? in
            guard let comma = entry.firstIndex(of: ","), entry[..<comma] == version else { return nil }
            let encoded = entry[entry.index(after: comma)...]
            guard !encoded.isEmpty else { return nil }
            return Data(base64Encoded: String(encoded))
        }
    }

    /// Removes leading and trailing spaces and horizontal tabs (HTTP's optional whitespace).
    static func trimmingOptionalWhitespace(_ value: String) -> String {
        let isWhitespace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = value.firstIndex(where: { !isWhitespace($0) }),
              let last = value.lastIndex(where: { !isWhitespace($0) }) else { return "" }
        return String(value[first...last])
    }

    /// The Unix time of `date` in whole seconds (rounded down), clamped to `Int64`.
    static func unixSeconds(_ date: Date) -> Int64 {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds.isFinite else { return seconds > 0 ? .max : .min }
        // 2^63 is exactly representable; every Double below it (and at or above −2^63) fits.
        let limit = 9_223_372_036_854_775_808.0
        if seconds >= limit { return .max }
        if seconds < -limit { return .min }
        return Int64(seconds)
    }
}
