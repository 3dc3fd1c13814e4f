import Foundation

/// Percent-encoding (RFC 3986 §2.1) for the pieces of a request URL.
///
/// Works on UTF-8 bytes, so any Unicode text is encoded as its UTF-8 octets (`é` → `%C3%A9`).
/// Hex digits are uppercase, as RFC 3986 §2.1 recommends.
enum PercentEncoding {
    /// Which bytes may stay literal.
    enum Component {
        /// A single path segment: only RFC 3986 unreserved characters (`A–Z a–z 0–9 - . _ ~`) stay.
        case pathSegment
        /// A query name or value: unreserved plus `, : @ / ?`, which RFC 3986 §3.4 allows in a
        /// query and which no form parser treats specially. Space becomes `%20`, `+ & = ; #` are encoded.
        case query
        /// `application/x-www-form-urlencoded` bodies (WHATWG URL): unreserved except `~`, plus `*`;
        /// space becomes `+`.
        case form
    }

    static func encode(_ text: String, for component: Component) -> String {
        var output = [UInt8]()
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) && !(component == .form && byte == UInt8(ascii: "~")) {
                output.append(byte)
                continue
            }
            switch component {
            case .query where queryExtras.contains(byte):
                output.append(byte)
            case .form where byte == UInt8(ascii: "*"):
                output.append(byte)
            case .form where byte == UInt8(ascii: " "):
                output.append(UInt8(ascii: "+"))
            default:
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// RFC 3986 §2.3: `ALPHA / DIGIT / "-" / "." / "_" / "~"`.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// Whether `path` is a syntactically valid, already percent-encoded RFC 3986 `path-absolute`:
    /// starts with `/`, contains only `pchar` and `/`, and every `%` starts a two-hex-digit escape.
    static func isEncodedAbsolutePath(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        guard bytes.first == UInt8(ascii: "/") else { return false }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else {
                    return false
                }
                index += 3
                continue
            }
            guard isUnreserved(byte) || pathExtras.contains(byte) else { return false }
            index += 1
        }
        return true
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "F"),
             UInt8(ascii: "a")...UInt8(ascii: "f"):
            true
        default:
            false
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
    private static let queryExtras = Set(",:@/?".utf8)
    /// sub-delims, `:`, `@` (the rest of `pchar`) and the segment separator `/`.
    private static let pathExtras = Set("!$&'()*+,;=:@/".utf8)
}
