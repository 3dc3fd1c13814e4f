/// YAML 1.2 core-schema interpretation of plain scalars.
///
/// These helpers only ever look at *plain* scalars: a quoted `"true"` or `'42'`
/// is a string by definition and yields `nil`. They never trap on any input.
extension YAMLNode {
    /// `true` if this is a plain scalar meaning null: empty, `~`, `null`, `Null` or `NULL`.
    /// An empty document and a key without a value both read as such a node.
    public var isNull: Bool {
        guard case .scalar(let text, .plain) = kind else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// The boolean value of a plain `true`/`True`/`TRUE`/`false`/`False`/`FALSE`
    /// (the YAML 1.2 core schema, which includes JSON's `true` and `false`);
    /// otherwise `nil`. YAML 1.1 forms such as `yes` or `on` are not booleans.
    public var boolValue: Bool? {
        guard case .scalar(let text, .plain) = kind else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// The integer value of a plain scalar in core-schema integer form: decimal
    /// with an optional leading `+` or `-` (`42`, `-7`, `+3`), hexadecimal `0x1F`
    /// or octal `0o17`. `nil` for anything else, and `nil` if the value does not
    /// fit in `Int`.
    public var intValue: Int? {
        guard case .scalar(let text, .plain) = kind else { return nil }
        return CoreSchema.integer(text)
    }

    /// The floating-point value of a plain scalar in core-schema float or integer
    /// form: `1.5`, `-2e10`, `.5`, `7`, `0x10`, `.inf`, `-.Inf`, `+.INF`, `.nan`,
    /// `.NaN`, `.NAN`. `nil` for anything else. Values beyond `Double`'s range
    /// become ±infinity, as with JSON parsers generally.
    public var doubleValue: Double? {
        guard case .scalar(let text, .plain) = kind else { return nil }
        return CoreSchema.float(text)
    }
}

/// Recognizers for the core-schema number forms, working on UTF-8 bytes.
enum CoreSchema {
    static func integer(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            let digits = bytes[2...]
            if bytes[1] == UInt8(ascii: "x") {
                guard digits.allSatisfy(isHexDigit) else { return nil }
                return Int(String(decoding: digits, as: UTF8.self), radix: 16)
            }
            if bytes[1] == UInt8(ascii: "o") {
                guard digits.allSatisfy(isOctalDigit) else { return nil }
                return Int(String(decoding: digits, as: UTF8.self), radix: 8)
            }
        }
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            index += 1
        }
        guard index < bytes.count, bytes[index...].allSatisfy(isDecimalDigit) else { return nil }
        return Int(text, radix: 10)
    }

    static func float(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        let bytes = Array(text.utf8)
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"),
           bytes[1] == UInt8(ascii: "x") || bytes[1] == UInt8(ascii: "o") {
            return integer(text).map(Double.init)
        }
        guard matchesFloatGrammar(bytes) else { return nil }
        return Double(text)
    }

    /// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
    static func matchesFloatGrammar(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func skipDigits() -> Int {
            let start = index
            while index < bytes.count, isDecimalDigit(bytes[index]) { index += 1 }
            return index - start
        }
        func skip(_ characters: String) -> Bool {
            guard index < bytes.count, characters.utf8.contains(bytes[index]) else { return false }
            index += 1
            return true
        }
        _ = skip("+-")
        if skip(".") {
            guard skipDigits() > 0 else { return false }
        } else {
            guard skipDigits() > 0 else { return false }
            if skip(".") { _ = skipDigits() }
        }
        if skip("eE") {
            _ = skip("+-")
            guard skipDigits() > 0 else { return false }
        }
        return index == bytes.count
    }

    static func isDecimalDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isOctalDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "7")
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDecimalDigit(byte)
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }
}
