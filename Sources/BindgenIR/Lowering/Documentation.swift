import OpenAPIModel

/// Documentation lines from spec text. Lines are plain text; the render stage makes them safe in `///` comments.
enum Documentation {
    static func lines(for schema: Schema) -> [String] {
        var out: [String] = []
        if let title = schema.title, schema.description == nil, !isMachineName(title) { out += split(title) }
        if let description = schema.description { out += split(description) }
        if let example = schema.example, let text = inlineText(example) {
            if !out.isEmpty { out.append("") }
            out.append("Example: `\(text)`")
        }
        return out
    }

    /// Whether a `title` is a type name a tool wrote rather than prose: one word with a backtick, a digit, a dot, an
    /// underscore or angle brackets (``List`1``, ``Nullable`1``, `Int32`, `System.DateTime`, `Page<User>`).
    static func isMachineName(_ title: String) -> Bool {
        guard !title.isEmpty, !title.contains(where: \.isWhitespace) else { return false }
        return title.contains { $0 == "`" || $0.isNumber || $0 == "." || $0 == "_" || $0 == "<" }
    }

    static func lines(summary: String?, description: String?) -> [String] {
        var out: [String] = []
        if let summary { out += split(summary) }
        if let description {
            if !out.isEmpty { out.append("") }
            out += split(description)
        }
        return out
    }

    /// Splits text into lines and drops trailing blank ones.
    static func split(_ text: String) -> [String] {
        var lines: [String] = []
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            var end = line.endIndex
            while end > line.startIndex {
                let byte = line[line.index(before: end)]
                guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t") else { break }
                end = line.index(before: end)
            }
            lines.append(String(decoding: line[line.startIndex..<end], as: UTF8.self))
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// A one-line rendering of an example node (scalars only; collections are left out).
    static func inlineText(_ value: DocumentValue) -> String? {
        guard let scalar = value.text, !scalar.contains("\n"), !scalar.contains("`") else { return nil }
        return scalar
    }
}
