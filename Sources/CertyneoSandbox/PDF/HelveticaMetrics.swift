/// Advance widths of the standard Helvetica fonts (thousandths of an em), enough to wrap lines.
enum HelveticaMetrics {
    /// Widths of the printable ASCII bytes 0x20–0x7E (Helvetica AFM).
    private static let ascii: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space – /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 – ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ – O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P – _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` – o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  // p – ~
    ]

    /// The width of one WinAnsiEncoding byte.
    static func width(of byte: UInt8, bold: Bool) -> Int {
        let base: Int
        switch byte {
        case 0x20...0x7E: base = ascii[Int(byte - 0x20)]
        case 0xC0...0xDE: base = 700  // accented capitals
        case 0xDF...0xFF: base = 556  // accented small letters
        case 0x96: base = 556  // en dash
        case 0x97: base = 1000  // em dash
        default: base = 556
        }
        return bold ? base * 105 / 100 : base
    }

    /// The width in points of `text` set at `size`.
    static func width(of text: String, size: Double, bold: Bool) -> Double {
        let total = PDFText.winAnsiBytes(text).reduce(0) { $0 + width(of: $1, bold: bold) }
        return Double(total) * size / 1000
    }
}
