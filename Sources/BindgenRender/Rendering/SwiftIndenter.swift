/// Tidies and re-indents generated Swift by bracket depth (four spaces a level, `case` labels at their `switch`'s
/// level).
///
/// Mustache applies a partial's indentation only to the partial's first line, so templates are written without
/// caring about depth and this pass sets it. Text inside string literals and comments never counts as brackets;
/// lines inside multi-line string literals keep their indentation.
///
/// The pass works on UTF-8 bytes: every byte it looks at (brackets, quotes, backslashes, slashes, blanks) is ASCII,
/// and in UTF-8 an ASCII byte never occurs inside a multi-byte sequence, so non-ASCII text passes through untouched.
/// It runs once over each generated file, so it is written as one linear scan without per-line allocations.
enum SwiftIndenter {
    private enum Block { case plain, switchBlock }

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n")
    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")
    private static let slash = UInt8(ascii: "/")
    private static let openParen = UInt8(ascii: "(")
    private static let closeParen = UInt8(ascii: ")")
    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")

    /// Drops trailing blanks of every line, drops leading and trailing blank lines, collapses runs of blank lines
    /// to one, re-indents, and ends the text with exactly one newline.
    static func tidy(_ text: String) -> String {
        var input = text
        return input.withUTF8 { bytes in
            var state = State()
            state.output.reserveCapacity(bytes.count + bytes.count / 4)
            var pendingBlank = false
            var lineStart = 0
            let count = bytes.count
            while lineStart <= count {
                var lineEnd = lineStart
                while lineEnd < count, bytes[lineEnd] != newline { lineEnd += 1 }
                var trimmedEnd = lineEnd
                while trimmedEnd > lineStart, bytes[trimmedEnd - 1] == space || bytes[trimmedEnd - 1] == tab { trimmedEnd -= 1 }
                if trimmedEnd == lineStart && !state.inMultilineString {
                    pendingBlank = !state.output.isEmpty
                } else {
                    if pendingBlank { state.output.append(newline) }
                    pendingBlank = false
                    state.appendLine(UnsafeBufferPointer(rebasing: bytes[lineStart..<trimmedEnd]))
                }
                lineStart = lineEnd + 1
            }
            if state.output.isEmpty { return "\n" }
            return String(decoding: state.output, as: UTF8.self)
        }
    }

    private struct State {
        var output: [UInt8] = []
        var stack: [Block] = []
        var inMultilineString = false
        var interpolationDepth: [Int] = []

        /// Appends one non-blank line (or any line inside a multi-line string literal) and its newline.
        mutating func appendLine(_ line: UnsafeBufferPointer<UInt8>) {
            if inMultilineString {
                output.append(contentsOf: line)
                output.append(newline)
                if SwiftIndenter.containsTripleQuote(line, from: 0) { inMultilineString = false }
                return
            }
            var start = 0
            while start < line.count, line[start] == space || line[start] == tab { start += 1 }
            if start == line.count {
                output.append(newline)
                return
            }
            let trimmed = UnsafeBufferPointer(rebasing: line[start...])
            var leadingClosers = 0
            for byte in trimmed {
                if byte == closeBrace || byte == closeParen || byte == closeBracket { leadingClosers += 1 } else { break }
            }
            let closed = min(leadingClosers, stack.count)
            var depth = stack.count - closed
            if depth > 0, stack[depth - 1] == .switchBlock,
               SwiftIndenter.hasPrefix(trimmed, "case ") || SwiftIndenter.hasPrefix(trimmed, "default:")
                || SwiftIndenter.hasPrefix(trimmed, "@unknown default") {
                depth -= 1
            }
            for _ in 0..<depth { output.append(contentsOf: [space, space, space, space]) }
            output.append(contentsOf: trimmed)
            output.append(newline)
            scan(trimmed)
        }

        /// Updates the bracket stack with one line's brackets outside strings and comments.
        private mutating func scan(_ line: UnsafeBufferPointer<UInt8>) {
            let isSwitchLine = SwiftIndenter.hasPrefix(line, "switch ") || SwiftIndenter.containsWord(line, " switch ")
            var inString = false
            interpolationDepth.removeAll(keepingCapacity: true)
            var index = 0
            let count = line.count
            while index < count {
                let byte = line[index]
                let next: UInt8? = index + 1 < count ? line[index + 1] : nil
                if inString {
                    if byte == backslash {
                        if next == openParen {
                            interpolationDepth.append(0)
                            inString = false
                        }
                        index += next == nil ? 1 : 2
                        continue
                    }
                    if byte == quote { inString = false }
                } else {
                    if byte == slash && next == slash { return }
                    if byte == quote {
                        if index + 2 < count, line[index + 1] == quote, line[index + 2] == quote {
                            inMultilineString = !SwiftIndenter.containsTripleQuote(line, from: index + 3)
                            return
                        }
                        inString = true
                    } else if !interpolationDepth.isEmpty {
                        let last = interpolationDepth.count - 1
                        if byte == openParen { interpolationDepth[last] += 1 }
                        if byte == closeParen {
                            if interpolationDepth[last] == 0 {
                                interpolationDepth.removeLast()
                                inString = true
                            } else {
                                interpolationDepth[last] -= 1
                            }
                        }
                    } else if byte == openBrace || byte == openParen || byte == openBracket {
                        stack.append(byte == openBrace && isSwitchLine ? .switchBlock : .plain)
                    } else if byte == closeBrace || byte == closeParen || byte == closeBracket {
                        if !stack.isEmpty { stack.removeLast() }
                    }
                }
                index += 1
            }
        }
    }

    private static func hasPrefix(_ line: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard line.count >= length else { return false }
        let start = prefix.utf8Start
        for offset in 0..<length where line[offset] != start[offset] { return false }
        return true
    }

    private static func containsWord(_ line: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard line.count >= length else { return false }
        let start = word.utf8Start
        var offset = 0
        while offset + length <= line.count {
            var matches = true
            for index in 0..<length where line[offset + index] != start[index] {
                matches = false
                break
            }
            if matches { return true }
            offset += 1
        }
        return false
    }

    /// Whether `"""` occurs in `line` at or after `from`.
    private static func containsTripleQuote(_ line: UnsafeBufferPointer<UInt8>, from: Int) -> Bool {
        var index = from
        while index + 2 < line.count {
            if line[index] == quote, line[index + 1] == quote, line[index + 2] == quote { return true }
            index += 1
        }
        return false
    }
}
