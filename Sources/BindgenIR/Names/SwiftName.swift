/// Turns spec strings into valid, idiomatic Swift identifiers. Pure functions: the same input
/// always gives the same name.
public enum SwiftName {
    /// Swift keywords that need backticks in declarations and member references.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do",
        "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while",
        "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "_",
        "Protocol", "Type", "some", "any", "consume", "borrowing", "consuming", "copy", "discard", "each",
    ]

    /// Names that must not be used as top-level type names because generated code refers to them unqualified
    /// or they would hide a module.
    public static let reservedTypeNames: Set<String> = [
        "Client", "Endpoint", "WebhookEvent", "Swift", "Foundation", "BindgenRuntime", "Type", "Protocol", "Self", "Any",
    ]

    /// Splits a spec string into words at separators, case changes and digit boundaries.
    /// `"envelope.created"` → `["envelope", "created"]`, `"APIKeyList"` → `["API", "Key", "List"]`.
    static func words(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(text) }
        var words: [String] = []
        var current = ""
        let chars = Array(text)
        func flush() {
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        for (index, char) in chars.enumerated() {
            guard char.isLetter || char.isNumber else {
                flush()
                continue
            }
            if let last = current.last {
                let next = index + 1 < chars.count ? chars[index + 1] : nil
                let lowerToUpper = last.isLowercase && char.isUppercase
                let acronymEnd = last.isUppercase && char.isUppercase && (next?.isLowercase ?? false)
                if lowerToUpper || acronymEnd {
                    flush()
                }
            }
            current.append(char)
        }
        flush()
        return words
    }

    /// ``words(_:)`` for ASCII text, on bytes (the same rules: ASCII letters and digits are word characters).
    private static func asciiWords(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        var words: [String] = []
        var start = -1
        for index in bytes.indices {
            let byte = bytes[index]
            guard isUpper(byte) || isLower(byte) || isDigit(byte) else {
                if start >= 0 { words.append(String(decoding: bytes[start..<index], as: UTF8.self)) }
                start = -1
                continue
            }
            if start >= 0 {
                let last = bytes[index - 1]
                let nextIsLower = index + 1 < bytes.count && isLower(bytes[index + 1])
                if (isLower(last) && isUpper(byte)) || (isUpper(last) && isUpper(byte) && nextIsLower) {
                    words.append(String(decoding: bytes[start..<index], as: UTF8.self))
                    start = index
                }
            } else {
                start = index
            }
        }
        if start >= 0 { words.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return words
    }

    /// `UpperCamelCase` type name: `"api_key"` → `ApiKey`, `"APIKey"` → `APIKey`, `"200"` → `_200`.
    public static func typeName(_ text: String) -> String {
        let parts = words(text)
        guard !parts.isEmpty else { return "_" + symbolName(text) }
        var name = parts.map { word -> String in
            guard let first = word.first else { return word }
            return first.uppercased() + word.dropFirst()
        }.joined()
        if let first = name.first, first.isNumber { name = "_" + name }
        return asciiIdentifier(name)
    }

    /// `lowerCamelCase` member name: `"Idempotency-Key"` → `idempotencyKey`, `"APIKey"` → `apiKey`,
    /// `"SIGNER"` → `signer`, `"IN_PROGRESS"` → `inProgress`.
    ///
    /// A leading sign is a word, for properties and enum cases alike: `"+1"` → `plus1`, `"-1"` → `minus1`.
    public static func memberName(_ text: String) -> String {
        var text = text
        if let sign = text.first, sign == "+" || sign == "-" {
            text = (sign == "+" ? "plus " : "minus ") + text.dropFirst()
        }
        var parts = words(text)
        guard !parts.isEmpty else { return "_" + symbolName(text) }
        let allUpper = parts.allSatisfy { $0 == $0.uppercased() }
        parts = parts.enumerated().map { index, word in
            if index == 0 { return word.lowercased() == word || allUpper || word == word.uppercased() ? word.lowercased() : word.prefix(1).lowercased() + word.dropFirst() }
            if allUpper { return word.prefix(1).uppercased() + word.dropFirst().lowercased() }
            return word.prefix(1).uppercased() + word.dropFirst()
        }
        var name = parts.joined()
        if let first = name.first, first.isNumber { name = "_" + name }
        if shadowingMemberNames.contains(name) { name = "_" + name }
        return asciiIdentifier(name)
    }

    /// Enum case name for a raw value: ``memberName(_:)``'s spelling (`+1` → `plus1`, `-1` → `minus1`), and
    /// `""` → `empty`.
    public static func caseName(_ raw: String) -> String {
        raw.isEmpty ? "empty" : memberName(raw)
    }

    /// Member names that would be read as something else even in backticks (`x.self` is `x` itself,
    /// `x.init` an initializer): they get a leading underscore instead.
    static let shadowingMemberNames: Set<String> = ["self", "Self", "Type", "Protocol", "init", "deinit", "subscript"]

    /// Wraps keywords in backticks for use in declarations: `default` → `` `default` ``.
    public static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// Words for names made only of symbols (`"*"` → `asterisk`); falls back to Unicode scalar values.
    static func symbolName(_ text: String) -> String {
        let table: [Character: String] = [
            "*": "asterisk", "+": "plus", "-": "minus", "/": "slash", ".": "dot", "@": "at", "#": "hash", "$": "dollar",
            "%": "percent", "&": "and", "!": "bang", "?": "question", "=": "equals", "<": "less", ">": "greater", "~": "tilde",
            "_": "underscore", " ": "space", ":": "colon",
        ]
        let parts = text.map { table[$0] ?? "u\(String($0.unicodeScalars.first?.value ?? 0, radix: 16))" }
        return parts.isEmpty ? "empty" : parts.joined(separator: "_")
    }

    /// Keeps letters, digits and `_`; other characters (which `words` removes anyway) become `_`.
    static func asciiIdentifier(_ name: String) -> String {
        let isPlain = name.utf8.allSatisfy { byte in
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
        }
        if isPlain { return name }
        return String(name.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    }
}

/// Hands out unique names in the order asked, appending `2`, `3`, … on a clash.
/// Deterministic as long as callers ask in a deterministic order (document order).
public struct NameAllocator: Sendable {
    private var used: Set<String>

    public init(reserved: Set<String> = []) {
        used = reserved
    }

    public mutating func unique(_ base: String) -> String {
        if used.insert(base).inserted { return base }
        var counter = 2
        while !used.insert("\(base)\(counter)").inserted { counter += 1 }
        return "\(base)\(counter)"
    }

    public mutating func reserve(_ name: String) {
        used.insert(name)
    }
}
