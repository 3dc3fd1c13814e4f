import Foundation

/// Lays out text on A4 pages top to bottom, wrapping lines to the text width and starting a new
/// page whenever the next line would cross the bottom margin.
struct PDFPageLayout {
    enum Font {
        case regular, bold

        var resourceName: String { self == .bold ? "/F2" : "/F1" }
    }

    static let pageWidth = 595.28
    static let pageHeight = 841.89
    let left = 56.0
    let right = 56.0
    let top = 785.0
    let bottom = 64.0

    private(set) var pages: [[String]] = [[]]
    private var y: Double

    init() {
        y = top
    }

    var textWidth: Double { Self.pageWidth - left - right }

    /// Starts a new page (unless the current one is still empty).
    mutating func newPage() {
        if !(pages.last ?? []).isEmpty {
            pages.append([])
        }
        y = top
    }

    /// Vertical space in points (ignored at the top of a page).
    mutating func space(_ points: Double) {
        guard y < top else { return }
        y -= points
        if y < bottom { newPage() }
    }

    mutating func title(_ text: String) {
        paragraph(text, size: 18, font: .bold, leading: 24)
    }

    mutating func heading(_ text: String) {
        if y < bottom + 60 { newPage() }
        space(8)
        paragraph(text, size: 12.5, font: .bold, leading: 17)
        space(2)
    }

    /// Wrapped text; `indent` shifts it right of the left margin.
    mutating func paragraph(_ text: String, size: Double = 10, font: Font = .regular, leading: Double? = nil, indent: Double = 0) {
        let lineHeight = leading ?? size * 1.4
        for line in Self.wrap(text, width: textWidth - indent, size: size, bold: font == .bold) {
            place(line, x: left + indent, size: size, font: font, lineHeight: lineHeight)
        }
    }

    /// `label` in bold, its value in a column to its right; both wrap within their column.
    mutating func field(_ label: String, _ value: String, size: Double = 9.5, labelWidth: Double = 130) {
        let labels = Self.wrap(label, width: labelWidth - 8, size: size, bold: true)
        let values = Self.wrap(value, width: textWidth - labelWidth, size: size, bold: false)
        let lineHeight = size * 1.4
        keepTogether(Double(min(max(labels.count, values.count), 4)) * lineHeight)
        for index in 0..<max(labels.count, values.count) {
            ensureRoom(lineHeight)
            y -= lineHeight
            if index < labels.count { emit(labels[index], x: left, size: size, font: .bold) }
            if index < values.count { emit(values[index], x: left + labelWidth, size: size, font: .regular) }
        }
    }

    /// Starts a new page unless `height` points still fit on this one, so that a short block
    /// (an event, a field) is not split across pages.
    mutating func keepTogether(_ height: Double) {
        if y - height < bottom, y < top { newPage() }
    }

    /// A thin horizontal line across the text width.
    mutating func rule() {
        ensureRoom(8)
        y -= 4
        append("0.6 w 0.7 G \(Self.number(left)) \(Self.number(y)) m \(Self.number(Self.pageWidth - right)) \(Self.number(y)) l S 0 G")
        y -= 4
    }

    /// The content streams, with `footer` and the page number at the bottom of every page.
    func contentStreams(footer: String) -> [[UInt8]] {
        let count = pages.count
        return pages.enumerated().map { index, operations in
            var stream = operations
            let number = "Page \(index + 1) / \(count)"
            stream.append(Self.text(footer, x: left, y: 36, size: 7.5, font: .regular))
            let numberWidth = HelveticaMetrics.width(of: number, size: 7.5, bold: false)
            stream.append(Self.text(number, x: Self.pageWidth - right - numberWidth, y: 36, size: 7.5, font: .regular))
            return Array(stream.joined(separator: "\n").utf8)
        }
    }

    private mutating func place(_ line: String, x: Double, size: Double, font: Font, lineHeight: Double) {
        ensureRoom(lineHeight)
        y -= lineHeight
        emit(line, x: x, size: size, font: font)
    }

    private mutating func ensureRoom(_ height: Double) {
        if y - height < bottom { newPage() }
    }

    private mutating func emit(_ line: String, x: Double, size: Double, font: Font) {
        guard !line.isEmpty else { return }
        append(Self.text(line, x: x, y: y + size * 0.25, size: size, font: font))
    }

    private mutating func append(_ operation: String) {
        pages[pages.count - 1].append(operation)
    }

    private static func text(_ line: String, x: Double, y: Double, size: Double, font: Font) -> String {
        "BT \(font.resourceName) \(number(size)) Tf \(number(x)) \(number(y)) Td \(PDFText.literal(line)) Tj ET"
    }

    /// A coordinate with at most two decimals, independent of any locale.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return sign + String(magnitude / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// Splits `text` into lines no wider than `width`; explicit newlines are kept and words longer
    /// than a line are cut.
    static func wrap(_ text: String, width: Double, size: Double, bold: Bool) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                let candidate = current.isEmpty ? word : current + " " + word
                if HelveticaMetrics.width(of: candidate, size: size, bold: bold) <= width {
                    current = candidate
                    continue
                }
                if !current.isEmpty { lines.append(current) }
                if HelveticaMetrics.width(of: word, size: size, bold: bold) > width {
                    var pieces = cut(word, width: width, size: size, bold: bold)
                    word = pieces.removeLast()
                    lines.append(contentsOf: pieces)
                }
                current = word
            }
            lines.append(current)
        }
        return lines
    }

    /// Cuts a word wider than `width` into pieces that fit (the last may be shorter).
    private static func cut(_ word: String, width: Double, size: Double, bold: Bool) -> [String] {
        var pieces: [String] = []
        var current = ""
        var currentWidth = 0.0
        for character in word {
            let characterWidth = HelveticaMetrics.width(of: String(character), size: size, bold: bold)
            if currentWidth + characterWidth > width, !current.isEmpty {
                pieces.append(current)
                current = ""
                currentWidth = 0
            }
            current.append(character)
            currentWidth += characterWidth
        }
        pieces.append(current)
        return pieces
    }
}
