import Crypto
import Foundation

/// A Standard Webhooks v1 signing secret: `whsec_` followed by the base64 of the HMAC key.
///
/// ```swift
/// let secret = try WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
/// ```
///
/// Padded and unpadded base64 (RFC 4648 §4, standard alphabet) are both accepted. The
/// description is redacted, so a secret never ends up in a log by accident.
public struct WebhookSecret: Sendable, Equatable, CustomStringConvertible {
    /// The prefix of every textual secret.
    public static let prefix = "whsec_"

    /// The HMAC-SHA256 key.
    let keyBytes: [UInt8]

    /// Parses `whsec_<base64>`.
    ///
    /// - Throws: ``WebhookVerificationError/malformedSecret(_:)`` when the prefix is missing, the
    ///   rest is not base64 (after adding any missing `=` padding), or it decodes to no bytes.
    public init(_ text: String) throws(WebhookVerificationError) {
        guard text.hasPrefix(Self.prefix) else {
            throw .malformedSecret("it must start with \"\(Self.prefix)\"")
        }
        let encoded = text.dropFirst(Self.prefix.count)
        guard let bytes = Self.decodeBase64(encoded) else {
            throw .malformedSecret("the part after \"\(Self.prefix)\" is not base64")
        }
        guard !bytes.isEmpty else {
            throw .malformedSecret("the key after \"\(Self.prefix)\" is empty")
        }
        self.keyBytes = bytes
    }

    /// A secret over raw key bytes.
    ///
    /// - Throws: ``WebhookVerificationError/malformedSecret(_:)`` when `bytes` is empty.
    public init(bytes: some Sequence<UInt8>) throws(WebhookVerificationError) {
        let key = Array(bytes)
        guard !key.isEmpty else { throw .malformedSecret("the key is empty") }
        self.keyBytes = key
    }

    /// A new secret of `byteCount` random bytes from the system's secure generator
    /// (Standard Webhooks recommends 24 to 64 bytes; values below 1 are raised to 1).
    public static func random(byteCount: Int = 32) -> WebhookSecret {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<max(byteCount, 1)).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return WebhookSecret(validBytes: bytes)
    }

    /// The textual form, `whsec_` + padded base64; give it to the other side of the webhook.
    public var stringValue: String {
        Self.prefix + Data(keyBytes).base64EncodedString()
    }

    /// `whsec_…` with the key redacted.
    public var description: String { "\(Self.prefix)… (\(keyBytes.count)-byte key, redacted)" }

    var symmetricKey: SymmetricKey { SymmetricKey(data: keyBytes) }

    private init(validBytes: [UInt8]) {
        self.keyBytes = validBytes
    }

    /// Standard base64, padding optional; `nil` for any other character or a bad length.
    static func decodeBase64(_ text: Substring) -> [UInt8]? {
        let isAlphabet: (UInt8) -> Bool = { byte in
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == 0x2B || byte == 0x2F
        }
        let utf8 = Array(text.utf8)
        let body = utf8.prefix { isAlphabet($0) }
        let padding = utf8.dropFirst(body.count)
        guard padding.allSatisfy({ $0 == 0x3D }), padding.count <= 2 else { return nil }
        if !padding.isEmpty, utf8.count % 4 != 0 { return nil }
        guard body.count % 4 != 1 else { return nil }
        let padded = String(decoding: body, as: UTF8.self) + String(repeating: "=", count: (4 - body.count % 4) % 4)
        return Data(base64Encoded: padded).map(Array.init)
    }
}
