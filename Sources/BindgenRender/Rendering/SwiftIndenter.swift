/// Re-indents generated Swift by bracket depth (four spaces a level, `case` labels at their `switch`'s level).
///
/// Mustache applies a partial's indentation only to the partial's first line, so templates are written without
/// caring about depth and this pass sets it. Text inside string literals and comments never counts as brackets;
/// lines inside multi-line string literals are left exactly as they are.
enum SwiftIndenter {
    private enum Block { case plain, switchBlock }

    static func reindent(_ lines: [Substring]) -> [String] {
        var stack: [Block] = []
        var inMultilineString = false
        var out: [String] = []
        out.reserveCapacity(lines.count)
        for line in lines {
            if inMultilineString {
                out.append(String(line))
                if line.contains("\"\"\"") { inMultilineString = false }
                continue
            }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty {
                out.append("")
                continue
            }
            var leadingClosers = 0
            for char in trimmed {
                if char == "}" || char == ")" || char == "]" { leadingClosers += 1 } else { break }
            }
            var depth = max(0, stack.count - leadingClosers)
            let closedStack = stack.dropLast(min(leadingClosers, stack.count))
            if closedStack.last == .switchBlock, trimmed.hasPrefix("case ") || trimmed.hasPrefix("default:") || trimmed.hasPrefix("@unknown default") {
                depth = max(0, depth - 1)
            }
            out.append(String(repeating: "    ", count: depth) + trimmed)
            scan(trimmed, stack: &stack, inMultilineString: &inMultilineString)
        }
        return out
    }

    /// Updates the bracket stack with one line's brackets outside strings and comments.
    private static func scan(_ line: Substring, stack: inout [Block], inMultilineString: inout Bool) {
        let isSwitchLine = line.hasPrefix("switch ") || line.contains(" switch ")
        var inString = false
        var interpolationDepth: [Int] = []   // paren depth per open interpolation
        var previous: Character = " "
        var index = line.startIndex
        while index < line.endIndex {
            let char = line[index]
            let next = line.index(after: index) < line.endIndex ? line[line.index(after: index)] : nil
            if inString {
                if char == "\\" {
                    if next == "(" {
                        interpolationDepth.append(0)
                        inString = false
                        index = line.index(index, offsetBy: 2)
                        previous = "("
                        continue
                    }
                    index = line.index(index, offsetBy: next == nil ? 1 : 2)
                    continue
                }
                if char == "\"" { inString = false }
            } else {
                if char == "/" && next == "/" { return }
                if char == "\"" {
                    if line[index...].hasPrefix("\"\"\"") {
                        inMultilineString = !line[line.index(index, offsetBy: 3)...].contains("\"\"\"")
                        return
                    }
                    inString = true
                } else if !interpolationDepth.isEmpty {
                    if char == "(" { interpolationDepth[interpolationDepth.count - 1] += 1 }
                    if char == ")" {
                        if interpolationDepth[interpolationDepth.count - 1] == 0 {
                            interpolationDepth.removeLast()
                            inString = true
                        } else {
                            interpolationDepth[interpolationDepth.count - 1] -= 1
                        }
                    }
                } else if char == "{" || char == "(" || char == "[" {
                    stack.append(char == "{" && isSwitchLine ? .switchBlock : .plain)
                } else if char == "}" || char == ")" || char == "]" {
                    if !stack.isEmpty { stack.removeLast() }
                }
            }
            previous = char
            index = line.index(after: index)
        }
        _ = previous
    }
}
