import Foundation

/// Random identifiers and secrets: `doc_` + 16 hex digits, sign tokens, API keys, webhook
/// secrets, all drawn from the system's secure generator.
enum IdentifierGenerator {
    enum Kind: String {
        case document = "doc_"
        case envelope = "env_"
        case recipient = "rcp_"
        case webhook = "wh_"
        case apiKey = "key_"
        case event = "evt_"
        case request = "req_"
    }

    /// `<prefix>` followed by 16 lowercase hex digits.
    static func make(_ kind: Kind) -> String {
        kind.rawValue + hex(byteCount: 8)
    }

    /// `2 × byteCount` lowercase hex digits.
    static func hex(byteCount: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(byteCount * 2)
        for _ in 0..<byteCount {
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }

    /// `sk_test_` followed by 24 lowercase alphanumerics.
    static func testSecretKey() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var text = "sk_test_"
        for _ in 0..<24 {
            text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
        }
        return text
    }

    /// `whsec_` followed by the base64 of 24 random bytes.
    static func webhookSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<24).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return "whsec_" + Data(bytes).base64EncodedString()
    }
}

