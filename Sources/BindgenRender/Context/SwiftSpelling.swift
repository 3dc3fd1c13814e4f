import BindgenIR

/// The one place where spec text becomes Swift text: type spellings, string literals, doc comments, identifiers.
public enum SwiftSpelling {
    /// The Swift spelling of a type usage, fully qualified so a schema named `Data` or `String` cannot shadow it; a
    /// generated type is spelled with its declaration's name in `catalog`.
    public static func type(_ usage: TypeUsage, in catalog: TypeCatalog) -> String {
        switch usage {
        case .string: "Swift.String"
        case .integer(let bits): bits.map { "Swift.Int\($0)" } ?? "Swift.Int"
        case .double: "Swift.Double"
        case .float: "Swift.Float"
        case .bool: "Swift.Bool"
        case .date: "Foundation.Date"
        case .data: "Foundation.Data"
        case .url: "Foundation.URL"
        case .uuid: "Foundation.UUID"
        case .jsonValue: "BindgenRuntime.JSONValue"
        case .file: "BindgenRuntime.MultipartFile"
        // A type the model does not declare cannot happen; if it did, the name makes the Swift compiler say so.
        case .generated(let id): catalog.name(of: id) ?? "_UndeclaredType\(id.rawValue)"
        case .external(let name): name
        case .array(let element): "[\(type(element, in: catalog))]"
        case .dictionary(let value): "[Swift.String: \(type(value, in: catalog))]"
        case .optional(let wrapped): type(wrapped, in: catalog) + "?"
        }
    }

    /// A Swift string literal with everything that could end or bend it escaped: `"`, `\`, control
    /// characters (so `\(` can never start an interpolation and a newline can never end the line).
    public static func stringLiteral(_ text: String) -> String {
        let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        if plain { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": out += "\\0"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value) {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The text of a string literal without the quotes (for building interpolated literals).
    public static func stringLiteralContents(_ text: String) -> String {
        String(stringLiteral(text).dropFirst().dropLast())
    }

    /// `///` comment lines for plain-text lines. Nothing in spec text can leave the comment: each line
    /// gets its own `///`, and carriage returns or other line separators are replaced by spaces.
    public static func docComment(_ lines: [String]) -> [String] {
        lines.map { line in
            let cleaned = commentText(line)
            return cleaned.isEmpty ? "///" : "/// " + cleaned
        }
    }

    /// Text that is safe inside a `///` line: line breaks and other control characters (tabs excepted) become spaces.
    public static func commentText(_ text: String) -> String {
        // Fast path: printable ASCII (and tabs) needs no cleaning.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 }) { return text }
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: cleaned.append(" ")
            case 0..<0x20 where scalar != "\t": cleaned.append(" ")
            default: cleaned.append(scalar)
            }
        }
        return String(cleaned)
    }

    /// Text for a one-line comment: line breaks become spaces.
    public static func singleLine(_ text: String) -> String {
        docComment([text.split(whereSeparator: \.isNewline).joined(separator: " ")]).first.map { String($0.dropFirst(4)) } ?? ""
    }

    /// A declaration name, with backticks when it is a keyword.
    public static func identifier(_ name: String) -> String {
        SwiftName.escaped(name)
    }

    /// A member reference after a dot; only a few keywords need backticks there.
    public static func memberReference(_ name: String) -> String {
        ["init", "self", "Type", "Protocol", "default"].contains(name) ? "`\(name)`" : name
    }
}
