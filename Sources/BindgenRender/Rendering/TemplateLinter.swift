/// Checks a template's tags before rendering, since Mustache renders a misspelled key or partial as nothing:
/// - `{{>name}}` and `{{<name}}` must name a template of the set;
/// - keys (`{{name}}`, `{{#name}}`, `{{{name}}}`, dotted parts, transform arguments) must be keys of the
///   context contract, and transforms must be ones the renderer knows;
/// - a `{{! bindgen-contract: N }}` comment must name the contract this generator provides.
///
/// Scoping is not modelled (a key of another scope passes); a template that changes its delimiters is only
/// checked up to that tag.
struct TemplateLinter {
    let templateNames: Set<String>
    let knownKeys: Set<String>
    let checkKeys: Bool

    static let transforms: Set<String> = TemplateTransforms.names

    func lint(_ text: String, file: String) -> [TemplateError] {
        var errors: [TemplateError] = []
        var line = 1
        var column = 1
        var index = text.startIndex
        // Advances the line/column counters over text[index..<end].
        func move(to end: String.Index) {
            while index < end {
                if text[index] == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index = text.index(after: index)
            }
        }
        while let open = text[index...].range(of: "{{") {
            move(to: open.lowerBound)
            let (tagLine, tagColumn) = (line, column)
            let triple = text[open.upperBound...].hasPrefix("{")
            let contentStart = triple ? text.index(after: open.upperBound) : open.upperBound
            guard let close = text[contentStart...].range(of: triple ? "}}}" : "}}") else { break }
            let content = text[contentStart..<close.lowerBound]
            move(to: close.upperBound)
            func report(_ message: String) {
                errors.append(TemplateError(file: file, line: tagLine, column: tagColumn, message: message))
            }
            guard let sigil = content.first else { continue }
            let rest = content.dropFirst().stripping(" \t\n")
            switch sigil {
            case "=":
                return errors
            case "!":
                if let problem = Self.contractProblem(rest) { report(problem) }
            case "%", "/", "$":
                continue
            case ">", "<":
                if rest.hasPrefix("*") { continue }
                if !templateNames.contains(rest) {
                    let hint = Self.closest(to: rest, in: templateNames).map { " (did you mean '\($0)'?)" } ?? ""
                    report("unknown partial '\(rest)'\(hint): no '\(rest).mustache' in the templates folder or among the built-in templates")
                }
            case "#", "^":
                if checkKeys, let problem = keyProblem(rest) { report(problem) }
            case "&":
                if checkKeys, let problem = keyProblem(rest) ?? printProblem(rest) { report(problem) }
            default:
                let name = content.stripping(" \t\n")
                if checkKeys, let problem = keyProblem(name) ?? printProblem(name) { report(problem) }
            }
        }
        return errors
    }

    /// The problem with a variable or section name, if any: `a.b`, `.`, `transform(name)`, `first()`.
    func keyProblem(_ name: String) -> String? {
        var variable = Substring(name)
        var transformNames: [Substring] = []
        while let open = variable.firstIndex(of: "(") {
            transformNames.append(variable[..<open])
            variable = variable[variable.index(after: open)...]
        }
        if let close = variable.firstIndex(of: ")") { variable = variable[..<close] }
        for transform in transformNames where !Self.transforms.contains(String(transform)) {
            return "unknown transform '\(transform)'; known transforms: \(Self.transforms.sorted().joined(separator: ", "))"
        }
        if variable.isEmpty || variable == "." { return nil }
        for part in variable.split(separator: ".") where !knownKeys.contains(String(part)) {
            let hint = Self.closest(to: String(part), in: knownKeys).map { " (did you mean '\($0)'?)" } ?? ""
            return "unknown key '\(part)'\(hint): it is in no scope of the template context (contract \(ContextContract.version)); run `openapi-bindgen dump-context` to see the keys"
        }
        return nil
    }

    /// The problem with printing `name` (a variable tag), if its value is a list or an object: Mustache would write
    /// that value's debug description (kilobytes of it) into the Swift file.
    func printProblem(_ name: String) -> String? {
        var variable = Substring(name)
        var outer: Substring?
        while let open = variable.firstIndex(of: "(") {
            outer = outer ?? variable[..<open]
            variable = variable[variable.index(after: open)...]
        }
        if let close = variable.firstIndex(of: ")") { variable = variable[..<close] }
        // count(), empty() and the like print a number or a flag; first(), sorted() and the like keep the value's kind.
        if let outer, !["first", "last", "reversed", "sorted", "enumerated"].contains(String(outer)) { return nil }
        guard let key = variable.split(separator: ".").last.map(String.init), ContextContract.nonScalarKeys.contains(key) else {
            return nil
        }
        return "'{{\(name)}}' prints '\(key)', which is a list or an object, not text: use a section ('{{#\(key)}}…{{/\(key)}}') "
            + "or one of its members ('\(key).…'); run `openapi-bindgen dump-context` to see its shape"
    }

    /// The problem with a `bindgen-contract: N` comment, if the comment is one.
    static func contractProblem(_ comment: String) -> String? {
        let prefix = "bindgen-contract:"
        guard comment.hasPrefix(prefix) else { return nil }
        let value = comment.dropFirst(prefix.count).stripping(" \t\n")
        guard let version = Int(value) else {
            return "'bindgen-contract:' must be followed by a contract version number, e.g. {{! bindgen-contract: \(ContextContract.version) }}"
        }
        guard version == ContextContract.version else {
            return "template written for context contract \(version), but this openapi-bindgen provides contract \(ContextContract.version); update the template (see the Custom Templates article for what changed)"
        }
        return nil
    }

    /// The candidate within edit distance 2 of `word`, if one is nearest.
    static func closest(to word: String, in candidates: Set<String>) -> String? {
        let scored = candidates.map { ($0, distance(word, $0)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension Substring {
    func stripping(_ set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

extension String {
    func stripping(_ set: String) -> String {
        self[...].stripping(set)
    }
}
