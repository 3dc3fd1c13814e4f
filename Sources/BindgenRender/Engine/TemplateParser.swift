/// Parses Mustache text into a ``TemplateProgram``.
///
/// It follows the Mustache specification and, where the specification leaves room, swift-mustache 2 (the renderer
/// this project used before, and that user templates were written against): standalone lines, partial
/// indentation, set delimiters, `{{% CONTENT_TYPE }}`, transforms such as `first(items)`, inheritance blocks and
/// dynamic partials. `BindgenRenderTests` renders random templates with both and compares the output.
struct TemplateParser {
    /// A syntax error and the byte offset where it was found.
    struct Failure: Error {
        let message: String
        let offset: Int
    }

    let bytes: [UInt8]
    var position = 0
    /// Where the tag being read starts (its opening delimiter), for errors.
    var tagStart = 0

    /// Parses a template's text.
    static func parse(_ text: String) throws(Failure) -> TemplateProgram {
        var parser = TemplateParser(bytes: Array(text.utf8))
        let nodes = try parser.parseBody(State())
        return TemplateProgram(nodes: nodes)
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// What one nesting level of the parse knows: its section, delimiters and whether it is at a line start.
    struct State {
        var section: (name: String, transforms: [String], offset: Int)?
        var newLine = true
        var open: [UInt8] = Array("{{".utf8)
        var close: [UInt8] = Array("}}".utf8)
        /// Inside `{{<parent}}…{{/parent}}`, and (`topLevel`) directly in it rather than inside a block.
        var inParentBody = false
        var parentBodyTopLevel = false
        var blockIndent: [UInt8]?

        func entering(section name: String, transforms: [String] = [], at offset: Int, newLine: Bool) -> State {
            var state = self
            state.section = (name, transforms, offset)
            state.parentBodyTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }
    }

    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    var atEnd: Bool { position >= bytes.count }
    var current: UInt8 { position < bytes.count ? bytes[position] : 0 }

    private mutating func parseBody(_ initial: State) throws(Failure) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whiteSpace: [UInt8] = []
        while !atEnd {
            if state.newLine {
                let leading = readBlanks()
                if state.inParentBody, !state.parentBodyTopLevel {
                    if let indent = state.blockIndent {
                        whiteSpace = Array(leading.dropFirst(indent.count))
                    } else {
                        state.blockIndent = leading
                    }
                } else {
                    whiteSpace = leading
                }
            }
            let (text, stop) = readText(open: state.open)
            if stop == .newline {
                var line = whiteSpace + text
                line.append(Self.newline)
                nodes.append(.text(line))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whiteSpace + text))
                whiteSpace = []
                state.newLine = false
            }
            if stop == .end { break }
            tagStart = position - state.open.count
            var setNewLine = false
            func flushWhiteSpace() {
                if !whiteSpace.isEmpty { nodes.append(.text(whiteSpace)); whiteSpace = [] }
            }
            switch current {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = current == UInt8(ascii: "^")
                position += 1
                let name = try readName(state)
                if isStandalone(state) { setNewLine = true } else { flushWhiteSpace() }
                let body = try parseBody(state.entering(section: name.text, transforms: name.transforms, at: tagStart, newLine: setNewLine))
                nodes.append(inverted ? .invertedSection(name, body: body) : .section(name, body: body))
            case UInt8(ascii: "/"):
                position += 1
                let name = try readName(state)
                guard let section = state.section, section.name == name.text else {
                    throw Failure(message: state.section.map { "'{{/\(name.text)}}' closes '{{#\($0.name)}}'" }
                        ?? "'{{/\(name.text)}}' closes no open section", offset: tagStart)
                }
                if !isStandalone(state) { flushWhiteSpace() }
                return nodes
            case UInt8(ascii: "!"):
                position += 1
                guard let end = find(state.close) else { throw Failure(message: "unclosed comment", offset: tagStart) }
                position = end + state.close.count
                setNewLine = isStandalone(state)
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                let triple = current == UInt8(ascii: "{")
                flushWhiteSpace()
                position += 1
                let name = try readName(state)
                if triple {
                    guard current == UInt8(ascii: "}") else { throw Failure(message: "unfinished tag '{{{\(name.text)'", offset: tagStart) }
                    position += 1
                }
                nodes.append(.variable(name, escaped: false))
            case UInt8(ascii: ">"):
                position += 1
                skipWhiteSpace()
                let dynamic = current == UInt8(ascii: "*")
                if dynamic { position += 1 }
                let name = try readPartialName(state)
                // The white space before a standalone partial is written, and indents the partial's later lines.
                let indentation = whiteSpace
                flushWhiteSpace()
                setNewLine = isStandalone(state)
                nodes.append(.partial(name: name, dynamic: dynamic, indentation: setNewLine ? indentation : nil, overrides: nil))
            case UInt8(ascii: "<"):
                position += 1
                skipWhiteSpace()
                let sectionName = try readPartialName(state)
                let dynamic = sectionName.first == "*"
                let name = dynamic ? String(sectionName.dropFirst()) : sectionName
                let indentation = whiteSpace
                flushWhiteSpace()
                if isStandalone(state) { setNewLine = true }
                let openedAt = tagStart
                var inner = state.entering(section: sectionName, at: openedAt, newLine: true)
                inner.newLine = true
                inner.inParentBody = true
                inner.parentBodyTopLevel = true
                inner.blockIndent = nil
                var overrides: [String: [TemplateNode]] = [:]
                for node in try parseBody(inner) {
                    switch node {
                    case .block(let blockName, let body, _): overrides[blockName] = body
                    case .text: break
                    default: throw Failure(message: "only blocks ({{$name}}…{{/name}}) may appear inside '{{<\(name)}}'", offset: openedAt)
                    }
                }
                nodes.append(.partial(name: name, dynamic: dynamic, indentation: indentation, overrides: overrides))
            case UInt8(ascii: "$"):
                position += 1
                let name = try readName(state)
                guard name.transforms.isEmpty else { throw Failure(message: "a block cannot have transforms", offset: tagStart) }
                if state.parentBodyTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let body = try parseBody(state.entering(section: name.text, at: tagStart, newLine: setNewLine))
                    nodes.append(.block(name: name.text, defaultBody: body, indentation: []))
                } else {
                    let indentation = whiteSpace
                    flushWhiteSpace()
                    if isStandalone(state) { setNewLine = true }
                    let body = try parseBody(state.entering(section: name.text, at: tagStart, newLine: setNewLine))
                    nodes.append(.block(name: name.text, defaultBody: body, indentation: indentation))
                }
            case UInt8(ascii: "="):
                position += 1
                try readDelimiters(&state, tagStart: tagStart)
                setNewLine = isStandalone(state)
            case UInt8(ascii: "%"):
                position += 1
                nodes.append(try readPragma(state, tagStart: tagStart))
                setNewLine = isStandalone(state)
            default:
                flushWhiteSpace()
                nodes.append(.variable(try readName(state), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let section = state.section {
            throw Failure(message: "section '{{#\(section.name)}}' is not closed", offset: section.offset)
        }
        return nodes
    }
}
