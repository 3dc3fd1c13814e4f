/// Reading text, tag names and the rest of a tag.
extension TemplateParser {
    /// Why ``readText(open:)`` stopped.
    enum TextStop { case newline, tag, end }

    private static let nameBytes = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*".utf8)
    private static let nameBytesWithParentheses = nameBytes.union("()".utf8)
    private static let partialNameBytes = nameBytesWithParentheses.union("/".utf8)

    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == newline || byte == carriageReturn || byte == 0x0B || byte == 0x0C
    }

    /// Spaces and tabs at the position.
    mutating func readBlanks() -> [UInt8] {
        let start = position
        while !atEnd, bytes[position] == Self.space || bytes[position] == Self.tab { position += 1 }
        return Array(bytes[start..<position])
    }

    mutating func skipWhiteSpace() {
        while !atEnd, Self.isWhiteSpace(bytes[position]) { position += 1 }
    }

    /// Text up to a line feed (left unread), an opening delimiter (read) or the end.
    mutating func readText(open: [UInt8]) -> (text: [UInt8], stop: TextStop) {
        let start = position
        let first = open[0]
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.newline { return (Array(bytes[start..<position]), .newline) }
            if byte == first, matches(open, at: position) {
                let text = Array(bytes[start..<position])
                position += open.count
                return (text, .tag)
            }
            position += 1
        }
        return (Array(bytes[start..<position]), .end)
    }

    func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
        guard offset + pattern.count <= bytes.count else { return false }
        for index in pattern.indices where bytes[offset + index] != pattern[index] { return false }
        return true
    }

    /// The offset of the next occurrence of `pattern`, if any.
    func find(_ pattern: [UInt8]) -> Int? {
        var offset = position
        while offset + pattern.count <= bytes.count {
            if matches(pattern, at: offset) { return offset }
            offset += 1
        }
        return nil
    }

    /// Whether the tag just read is alone on its line; if so the rest of the line (blanks and the line end) is read.
    mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var offset = position
        while offset < bytes.count, bytes[offset] == Self.space || bytes[offset] == Self.tab { offset += 1 }
        guard offset < bytes.count else { return false }
        switch bytes[offset] {
        case Self.newline, 0x0B, 0x0C:
            position = offset + 1
        case Self.carriageReturn:
            position = offset + 1
            if position < bytes.count, bytes[position] == Self.newline { position += 1 }
        default:
            return false
        }
        return true
    }

    private mutating func read(_ allowed: Set<UInt8>) -> String {
        let start = position
        while !atEnd, allowed.contains(bytes[position]) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func expectClose(_ state: State, tagStart: Int, _ what: String) throws(Failure) {
        guard matches(state.close, at: position) else {
            throw Failure(message: "unfinished \(what): expected '\(String(decoding: state.close, as: UTF8.self))'", offset: tagStart)
        }
        position += state.close.count
    }

    /// A variable or section name up to and including the closing delimiter.
    mutating func readName(_ state: State) throws(Failure) -> TemplateName {
        skipWhiteSpace()
        let text = read(Self.nameBytesWithParentheses)
        skipWhiteSpace()
        try expectClose(state, tagStart: tagStart, "tag '\(text)'")
        guard let open = text.firstIndex(of: "(") else {
            guard !text.contains(")") else { throw Failure(message: "unbalanced parentheses in '\(text)'", offset: tagStart) }
            return Self.name(text, parameter: text, transforms: [])
        }
        // `a(b(name))`: transforms then the name, closed by as many parentheses as there are transforms.
        var transforms = [String(text[..<open])]
        var rest = text[text.index(after: open)...]
        while let next = rest.firstIndex(where: { $0 == "(" || $0 == ")" }), rest[next] == "(" {
            transforms.append(String(rest[..<next]))
            rest = rest[rest.index(after: next)...]
        }
        guard let close = rest.firstIndex(of: ")"), rest[close...].allSatisfy({ $0 == ")" }),
              rest[close...].count == transforms.count,
              !rest[..<close].contains(where: { $0 == "(" || $0 == ")" }) else {
            throw Failure(message: "unbalanced parentheses in '\(text)'", offset: tagStart)
        }
        return Self.name(text, parameter: String(rest[..<close]), transforms: transforms)
    }

    private static func name(_ text: String, parameter: String, transforms: [String]) -> TemplateName {
        let parts = parameter.split(separator: ".").map(String.init)
        let anchor: TemplateName.Anchor =
            if parameter == "." { .itself }
            else if parameter.isEmpty, !transforms.isEmpty { .position }
            else if parameter.first == "." { .current }
            else { .stack }
        return TemplateName(text: text, parts: parts, anchor: anchor, transforms: transforms)
    }

    /// A partial's name up to and including the closing delimiter.
    mutating func readPartialName(_ state: State) throws(Failure) -> String {
        skipWhiteSpace()
        let name = read(Self.partialNameBytes)
        skipWhiteSpace()
        try expectClose(state, tagStart: tagStart, "partial tag '\(name)'")
        return name
    }

    /// `{{=<% %>=}}`, after the `=`.
    mutating func readDelimiters(_ state: inout State, tagStart: Int) throws(Failure) {
        let invalid = Failure(message: "invalid delimiter change: write it as {{=<% %>=}}", offset: tagStart)
        skipWhiteSpace()
        let openStart = position
        while !atEnd, !Self.isWhiteSpace(bytes[position]) { position += 1 }
        guard !atEnd else { throw invalid }
        let open = Array(bytes[openStart..<position])
        skipWhiteSpace()
        let closeStart = position
        while !atEnd, bytes[position] != UInt8(ascii: "="), !Self.isWhiteSpace(bytes[position]) { position += 1 }
        guard !atEnd else { throw invalid }
        let close = Array(bytes[closeStart..<position])
        skipWhiteSpace()
        guard current == UInt8(ascii: "=") else { throw invalid }
        position += 1
        guard matches(state.close, at: position), !open.isEmpty, !close.isEmpty else { throw invalid }
        position += state.close.count
        state.open = open
        state.close = close
        state.parentBodyTopLevel = false
    }

    /// `{{% CONTENT_TYPE: TEXT }}`, after the `%`.
    mutating func readPragma(_ state: State, tagStart: Int) throws(Failure) -> TemplateNode {
        skipWhiteSpace()
        let variable = read(Self.nameBytes)
        skipWhiteSpace()
        guard current == UInt8(ascii: ":") else { throw Failure(message: "write a pragma as {{% NAME: VALUE }}", offset: tagStart) }
        position += 1
        skipWhiteSpace()
        let value = read(Self.nameBytes)
        skipWhiteSpace()
        try expectClose(state, tagStart: tagStart, "pragma")
        guard variable == "CONTENT_TYPE", value == "TEXT" || value == "HTML" else {
            throw Failure(message: "unknown pragma '\(variable): \(value)' (known: CONTENT_TYPE: TEXT, CONTENT_TYPE: HTML)", offset: tagStart)
        }
        return .contentType(escapesHTML: value == "HTML")
    }
}
