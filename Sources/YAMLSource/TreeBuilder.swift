import BindgenDiagnostics
internal import CLibYAML

/// Turns libyaml's event stream into a ``YAMLNode`` tree.
///
/// Collections under construction live on an explicit stack, so nesting depth
/// costs heap memory, never call-stack frames. Depth is still capped at
/// ``YAMLReader/maximumNestingDepth`` because releasing (and later walking) a
/// pathologically deep tree is recursive in Swift.
struct TreeBuilder {
    /// A sequence or mapping whose end event has not arrived yet.
    private struct Frame {
        let isMapping: Bool
        let location: SourceLocation
        let tag: String?
        let anchor: String?
        var items: [YAMLNode] = []
        var mapping = MappingBuilder()
    }

    private let file: String
    private var stack: [Frame] = []
    private var anchors: [String: YAMLNode] = [:]
    private var documents = 0
    private var root: YAMLNode?

    private init(file: String) {
        self.file = file
    }

    /// Reads every event of `parser` and returns the single document's root.
    /// - Throws: ``YAMLError`` for syntax errors and structural problems.
    static func build(from parser: EventParser) throws(YAMLError) -> YAMLNode {
        var builder = TreeBuilder(file: parser.file)
        var finished = false
        while !finished {
            try parser.parseNext()
            defer { parser.deleteEvent() }
            finished = try builder.handle(parser.event, parser)
        }
        let start = SourceLocation(file: parser.file, line: 1, column: 1)
        return builder.root ?? YAMLNode(kind: .scalar("", .plain), location: start)
    }

    /// Processes one event; returns `true` at the end of the stream.
    private mutating func handle(
        _ event: UnsafeMutablePointer<yaml_event_t>, _ parser: EventParser
    ) throws(YAMLError) -> Bool {
        let type = event.pointee.type
        switch type {
        case YAML_SCALAR_EVENT:
            let data = event.pointee.data.scalar
            var text = ""
            if let value = data.value {
                text = String(decoding: UnsafeBufferPointer(start: value, count: data.length), as: UTF8.self)
            }
            let node = YAMLNode(
                kind: .scalar(text, Self.style(data.style)),
                location: parser.location(event.pointee.start_mark),
                tag: Self.tag(data.tag))
            if let anchor = data.anchor { anchors[String(cString: anchor)] = node }
            try add(node)
        case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
            let location = parser.location(event.pointee.start_mark)
            guard stack.count < YAMLReader.maximumNestingDepth else {
                throw YAMLError(
                    location: location,
                    message: "collections are nested deeper than \(YAMLReader.maximumNestingDepth) levels")
            }
            let isMapping = type == YAML_MAPPING_START_EVENT
            let tag = isMapping ? event.pointee.data.mapping_start.tag : event.pointee.data.sequence_start.tag
            let anchor = isMapping ? event.pointee.data.mapping_start.anchor : event.pointee.data.sequence_start.anchor
            stack.append(Frame(
                isMapping: isMapping, location: location, tag: Self.tag(tag),
                anchor: anchor.map { String(cString: $0) }))
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            guard let frame = stack.popLast() else {
                throw YAMLError(
                    location: parser.location(event.pointee.start_mark),
                    message: "unbalanced collection end event from libyaml")
            }
            let kind: YAMLNode.Kind = frame.isMapping ? .mapping(frame.mapping.finish()) : .sequence(frame.items)
            let node = YAMLNode(kind: kind, location: frame.location, tag: frame.tag)
            if let anchor = frame.anchor { anchors[anchor] = node }
            try add(node)
        case YAML_ALIAS_EVENT:
            let name = event.pointee.data.alias.anchor.map { String(cString: $0) } ?? ""
            let location = parser.location(event.pointee.start_mark)
            guard let node = anchors[name] else {
                let recursive = stack.contains { $0.anchor == name }
                throw YAMLError(
                    location: location,
                    message: recursive
                        ? "alias '*\(name)' refers to an enclosing node; recursive structures are not supported"
                        : "unknown alias '*\(name)' (no anchor '&\(name)' defined before it)")
            }
            try add(node)
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw YAMLError(
                    location: parser.location(event.pointee.start_mark),
                    message: "multiple YAML documents in one file are not supported")
            }
        case YAML_STREAM_END_EVENT:
            return true
        default:
            break  // stream start, document end, no-event
        }
        return false
    }

    /// Attaches a finished node to the collection on top of the stack, or makes it the root.
    private mutating func add(_ node: YAMLNode) throws(YAMLError) {
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        if stack[top].isMapping {
            try stack[top].mapping.add(node)
        } else {
            stack[top].items.append(node)
        }
    }

    private static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// The explicit tag as written by convention: `tag:yaml.org,2002:x` becomes `!!x`.
    private static func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        let full = String(cString: pointer)
        let standard = "tag:yaml.org,2002:"
        if full.hasPrefix(standard) { return "!!" + full.dropFirst(standard.count) }
        return full
    }
}
