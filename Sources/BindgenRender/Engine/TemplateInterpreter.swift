/// Renders parsed templates (``TemplateProgram``) against a context of typed views (``ContextObject``), dictionaries,
/// lists, strings, integers and booleans, into UTF-8 bytes.
///
/// The context stack is one array pushed and popped around sections; output goes into one byte buffer; a value is
/// recognised by casts to concrete types (a view is one class check, then an array index by the key's number
/// resolved at parse time), never by protocol conformance lookups. This is what makes it several times faster than swift-mustache on the generator's templates (see
/// `Benchmarks/run.sh`, stage `render`), while following the same rules (see ``TemplateParser``).
struct TemplateInterpreter {
    /// Where the innermost list iteration is: what `first()`, `last()`, `index()`, `even()`, `odd()` read.
    struct Position {
        let first: Bool
        let last: Bool
        let index: Int
    }

    /// What a template renders with besides the stack; partials and blocks start a new frame.
    struct Frame {
        var position: Position?
        /// Written before each line of a standalone partial's output after its first (empty: none).
        var indentation: [UInt8] = []
        /// The blocks of the innermost inheriting partials, outer ones winning.
        var overrides: [String: [TemplateNode]]?
        var escapesHTML = true
    }

    let programs: [String: TemplateProgram]
    private(set) var output: [UInt8] = []
    private var stack: [Any]

    init(programs: [String: TemplateProgram], stack: [Any]) {
        self.programs = programs
        self.stack = stack
        output.reserveCapacity(1 << 16)
    }

    /// Renders the template of that name; `false` when there is none.
    mutating func render(template name: String) -> Bool {
        guard let program = programs[name] else { return false }
        run(program.nodes, Frame())
        return true
    }

    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    private mutating func run(_ nodes: [TemplateNode], _ initial: Frame) {
        var frame = initial
        let indentation = initial.indentation
        guard !indentation.isEmpty else {
            for node in nodes { run(node, &frame) }
            return
        }
        // Like swift-mustache: a node's non-empty output is indented when this template's own output so far ends a line.
        let start = output.count
        for node in nodes {
            let before = output.count
            run(node, &frame)
            if output.count > before, before > start, output[before - 1] == Self.newline,
               !(before - 2 >= start && output[before - 2] == Self.carriageReturn) {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    private mutating func run(_ node: TemplateNode, _ frame: inout Frame) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            guard let value = lookup(name, frame) else { return }
            write(value, escapingHTML: escaped && frame.escapesHTML)
        case .section(let name, let body):
            section(lookup(name, frame), body, frame)
        case .invertedSection(let name, let body):
            invertedSection(lookup(name, frame), body, frame)
        case .partial(let name, let dynamic, let indentation, let overrides):
            let partialName: String
            if dynamic {
                let key = TemplateName(text: name, parts: name.split(separator: ".").map(String.init), anchor: .stack, transforms: [])
                guard let value = lookup(key, frame) as? String else { return }
                partialName = value
            } else {
                partialName = name
            }
            guard let program = programs[partialName] else { return }
            var inner = Frame(position: nil, indentation: frame.indentation + (indentation ?? []), overrides: frame.overrides, escapesHTML: true)
            if let overrides {
                inner.overrides = (frame.overrides ?? [:]).merging(overrides) { outer, _ in outer }
            }
            run(program.nodes, inner)
        case .block(let name, let defaultBody, let indentation):
            let inner = Frame(position: nil, indentation: frame.indentation + indentation, overrides: frame.overrides, escapesHTML: frame.escapesHTML)
            run(frame.overrides?[name] ?? defaultBody, inner)
        case .contentType(let escapesHTML):
            frame.escapesHTML = escapesHTML
        }
    }

    private mutating func section(_ value: Any?, _ body: [TemplateNode], _ frame: Frame) {
        guard let value else { return }
        if let flag = value as? Bool {
            if flag { run(body, frame) }
            return
        }
        if let list = TemplateList(value) {
            let count = list.count
            var inner = frame
            for index in 0..<count {
                stack.append(list[index])
                inner.position = Position(first: index == 0, last: index == count - 1, index: index)
                run(body, inner)
                stack.removeLast()
            }
            return
        }
        stack.append(value)
        var inner = frame
        inner.position = nil
        run(body, inner)
        stack.removeLast()
    }

    private mutating func invertedSection(_ value: Any?, _ body: [TemplateNode], _ frame: Frame) {
        guard let value else { return run(body, frame) }
        if let flag = value as? Bool {
            if !flag { run(body, frame) }
        } else if let list = TemplateList(value), list.count == 0 {
            stack.append(value)
            var inner = frame
            inner.position = nil
            run(body, inner)
            stack.removeLast()
        }
    }

    /// The value a tag names, after its transforms; `nil` when a part or a transform finds nothing.
    private func lookup(_ name: TemplateName, _ frame: Frame) -> Any? {
        var value: Any?
        switch name.anchor {
        case .itself:
            value = stack.last
        case .position:
            value = frame.position
        case .current:
            value = stack.last.flatMap { Self.descend(name, from: 0, of: $0) }
        case .stack:
            guard !name.parts.isEmpty else {
                value = stack.last
                break
            }
            for object in stack.reversed() {
                if let child = Self.child(name.parts[0], name.keys[0], of: object) {
                    value = Self.descend(name, from: 1, of: child)
                    break
                }
            }
        }
        guard var result = value else { return nil }
        for transform in name.transforms.reversed() {
            guard let transformed = TemplateTransforms.apply(transform, to: result) else { return nil }
            result = transformed
        }
        return result
    }

    /// The value of the name's parts from `start` on, inside `object`.
    private static func descend(_ name: TemplateName, from start: Int, of object: Any) -> Any? {
        var current = object
        for index in name.parts.indices.dropFirst(start) {
            guard let child = child(name.parts[index], name.keys[index], of: current) else { return nil }
            current = child
        }
        return current
    }

    /// A member of an object: a view's key, a dictionary's value, a list's `count`, a dictionary entry's `key` or
    /// `value`.
    static func child(_ name: String, _ key: ContextKey, of object: Any) -> Any? {
        if let view = object as? ContextObject { return view.value(key) }
        if let dictionary = object as? [String: Any] { return dictionary[name] }
        if let entry = object as? TemplateTransforms.Entry {
            return name == "key" ? entry.key : name == "value" ? entry.value : nil
        }
        if name == "count", let list = object as? ContextList { return list.count }
        return nil
    }

    private mutating func write(_ value: Any, escapingHTML: Bool) {
        let text: String =
            if let string = value as? String { string }
            else if let flag = value as? Bool { flag ? "true" : "false" }
            else if let integer = value as? Int { String(integer) }
            else { String(describing: TemplateTransforms.unwrapped(value)) }
        if escapingHTML {
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
                default: output.append(byte)
                }
            }
        } else {
            output.append(contentsOf: text.utf8)
        }
    }
}
