import Foundation

/// JSON Pointer (RFC 6901) helpers: `#/components/schemas/A~1B` ↔ `["components", "schemas", "A/B"]`.
public enum JSONPointer {
    /// Escapes one reference token: `~` → `~0`, `/` → `~1`.
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        // One pass over the scalars (Foundation's replacingOccurrences was 5 % of Stripe's generation: every path
        // item's pointer escapes its `/`).
        var escaped = String.UnicodeScalarView()
        for scalar in token.unicodeScalars {
            switch scalar {
            case "~": escaped.append(contentsOf: "~0".unicodeScalars)
            case "/": escaped.append(contentsOf: "~1".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }

    /// Unescapes one reference token: `~1` → `/`, then `~0` → `~` (the order RFC 6901 §4 requires).
    public static func unescape(_ token: String) -> String {
        guard token.utf8.contains(UInt8(ascii: "~")) else { return token }
        return token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }

    /// Splits a pointer such as `/components/schemas/Pet` (no leading `#`) into unescaped tokens.
    /// Percent-encoded characters (the URI fragment form) are decoded first.
    public static func tokens(_ pointer: String) -> [String]? {
        let decoded = pointer.utf8.contains(UInt8(ascii: "%")) ? pointer.removingPercentEncoding ?? pointer : pointer
        if decoded.isEmpty { return [] }
        guard decoded.hasPrefix("/") else { return nil }
        return decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { unescape(String($0)) }
    }

    /// Joins unescaped tokens into `#/a/b`.
    public static func fragment(_ tokens: [String]) -> String {
        var text = "#"
        for token in tokens {
            text.append("/")
            text.append(escape(token))
        }
        return text
    }
}
