/// Turns Swift strings into PDF string objects: WinAnsiEncoding bytes for the standard fonts,
/// UTF-16BE for text strings such as titles and file names.
enum PDFText {
    /// The WinAnsiEncoding byte of each character; `?` for characters it lacks.
    static func winAnsiBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            bytes.append(winAnsiByte(scalar))
        }
        return bytes
    }

    /// A literal string `( … )` in WinAnsiEncoding, with `(`, `)` and `\` escaped and every
    /// byte outside printable ASCII written as an octal escape.
    static func literal(_ text: String) -> String {
        var output = "("
        for byte in winAnsiBytes(text) {
            switch byte {
            case 0x28: output += "\\("
            case 0x29: output += "\\)"
            case 0x5C: output += "\\\\"
            case 0x20...0x7E: output.unicodeScalars.append(Unicode.Scalar(byte))
            default: output += "\\" + octal(byte)
            }
        }
        return output + ")"
    }

    /// A hexadecimal text string `<FEFF…>` in UTF-16BE, for any Unicode text.
    static func unicodeHex(_ text: String) -> String {
        var output = "<FEFF"
        for unit in text.utf16 {
            output += hex(UInt8(unit >> 8)) + hex(UInt8(unit & 0xFF))
        }
        return output + ">"
    }

    /// A PDF name (`/application#2Fpdf`), escaping every byte outside regular characters.
    static func name(_ text: String) -> String {
        var output = "/"
        for byte in text.utf8 {
            let regular = (0x21...0x7E).contains(byte) && !"#()<>[]{}/%".utf8.contains(byte)
            output += regular ? String(Unicode.Scalar(byte)) : "#" + hex(byte)
        }
        return output
    }

    private static func winAnsiByte(_ scalar: Unicode.Scalar) -> UInt8 {
        let value = scalar.value
        switch value {
        case 0x20...0x7E, 0xA1...0xFF:
            return UInt8(value)
        case 0x09, 0xA0, 0x2002...0x200B, 0x202F, 0x205F:
            return 0x20
        default:
            return cp1252Extras[value] ?? 0x3F
        }
    }

    /// The characters WinAnsiEncoding places in 0x80–0x9F.
    private static let cp1252Extras: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86,
        0x2021: 0x87, 0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C,
        0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95,
        0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
        0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F, 0x2010: 0x2D, 0x2011: 0x2D,
    ]

    private static func octal(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 8)
        return String(repeating: "0", count: 3 - digits.count) + digits
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
