/// JSON writes characters outside the Basic Multilingual Plane as UTF-16 surrogate pairs (`"\ud83d\udc4d"`),
/// which YAML's double-quoted escapes do not allow, so libyaml rejects such (valid) JSON. This pass rewrites
/// each escaped surrogate *pair* into YAML's 8-digit form (`\U0001f44d`) before parsing.
///
/// It also escapes characters YAML 1.1 forbids but JSON strings may hold raw (DEL, C1 controls other than NEL,
/// U+FEFF after the start, U+FFFE, U+FFFF) as `\uXXXX`, which is right inside double-quoted scalars — where JSON
/// puts all text.
///
/// Columns after a rewritten pair on the same line shift left by two (a raw character: right by four); lines never change.
enum SurrogateEscapes {
    /// Runs both rewrites; `nil` when nothing needed changing.
    static func prepare(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        let pairs = rewrite(bytes)
        if let pairs {
            return pairs.withUnsafeBytes { escapeNonPrintable($0) } ?? pairs
        }
        return escapeNonPrintable(bytes)
    }

    /// Escapes raw characters outside YAML's printable set; `nil` when there are none.
    static func escapeNonPrintable(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        func width(at index: Int) -> (length: Int, scalar: UInt32)? {
            let byte = bytes[index]
            if byte == 0x7F { return (1, 0x7F) }
            if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]), bytes[index + 1] != 0x85 {
                return (2, UInt32(bytes[index + 1]))
            }
            if byte == 0xEF, index + 2 < bytes.count {
                if bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF, index > 0 { return (3, 0xFEFF) }
                if bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
                    return (3, 0xFF00 | UInt32(bytes[index + 2]))
                }
            }
            return nil
        }
        var out: [UInt8]?
        var index = 0
        var copiedUpTo = 0
        while index < bytes.count {
            guard let (length, scalar) = width(at: index) else {
                index += 1
                continue
            }
            if out == nil {
                out = []
                out?.reserveCapacity(bytes.count + 64)
            }
            out?.append(contentsOf: bytes[copiedUpTo..<index])
            let hex = String(scalar, radix: 16)
            out?.append(contentsOf: Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8))
            index += length
            copiedUpTo = index
        }
        guard var result = out else { return nil }
        result.append(contentsOf: bytes[copiedUpTo...])
        return result
    }

    /// The rewritten bytes, or `nil` when the input holds no escaped surrogate pair (the common case: no copy).
    static func rewrite(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        guard let first = firstPair(in: bytes, from: 0) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        var next: Int? = first
        while let pairStart = next {
            out.append(contentsOf: bytes[index..<pairStart])
            let high = hexValue(bytes, pairStart + 2)
            let low = hexValue(bytes, pairStart + 8)
            let scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            out.append(contentsOf: Array("\\U".utf8))
            let hex = String(scalar, radix: 16)
            out.append(contentsOf: Array((String(repeating: "0", count: 8 - hex.count) + hex).utf8))
            index = pairStart + 12
            next = firstPair(in: bytes, from: index)
        }
        out.append(contentsOf: bytes[index...])
        return out
    }

    /// Offset of the next `\uD8xx\uDCxx`-style pair whose backslash is not itself escaped.
    private static func firstPair(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var index = start
        let count = bytes.count
        while index + 12 <= count {
            if bytes[index] == UInt8(ascii: "\\") {
                if bytes[index + 1] == UInt8(ascii: "u"), isHex(bytes, index + 2, 4), isHex(bytes, index + 8, 4),
                   bytes[index + 6] == UInt8(ascii: "\\"), bytes[index + 7] == UInt8(ascii: "u") {
                    let high = hexValue(bytes, index + 2)
                    let low = hexValue(bytes, index + 8)
                    if (0xD800...0xDBFF).contains(high), (0xDC00...0xDFFF).contains(low) { return index }
                }
                index += 2  // skip the escaped character (also `\\`)
                continue
            }
            index += 1
        }
        return nil
    }

    private static func isHex(_ bytes: UnsafeRawBufferPointer, _ at: Int, _ length: Int) -> Bool {
        (at..<at + length).allSatisfy { digit(bytes[$0]) != nil }
    }

    private static func hexValue(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> Int {
        (at..<at + 4).reduce(0) { $0 * 16 + (digit(bytes[$1]) ?? 0) }
    }

    private static func digit(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
