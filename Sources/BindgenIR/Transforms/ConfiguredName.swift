public import BindgenDiagnostics
import YAMLSource

/// A string from the configuration file with the place it was written, so that a problem with it is reported
/// at its `line:column`.
public struct ConfiguredName: Sendable, Hashable {
    /// The text as written.
    public var text: String
    /// Where it was written; `nil` for values made in code.
    public var location: SourceLocation?

    /// Creates a configured name.
    public init(_ text: String, at location: SourceLocation? = nil) {
        self.text = text
        self.location = location
    }
}

/// One `key: value` entry of a mapping in the configuration file (a name override or a type override).
public struct ConfiguredMapping: Sendable, Hashable {
    /// What the entry applies to, e.g. a schema name.
    public var key: ConfiguredName
    /// The replacement, e.g. a Swift name or type.
    public var value: ConfiguredName

    /// Creates an entry.
    public init(key: ConfiguredName, value: ConfiguredName) {
        self.key = key
        self.value = value
    }
}

/// Finds the declarations a configuration key names.
enum ModelLookup {
    /// The index of the top-level type a schema key names: the name under `components/schemas`
    /// (`pet_type`) or the generated Swift name (`PetType`).
    static func typeIndex(_ key: String, in types: [TypeDeclaration]) -> Int? {
        let pointer = "#/components/schemas/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        return types.firstIndex { $0.sourcePointer == pointer } ?? types.firstIndex { $0.name == key }
    }

    /// Whether text is a plain Swift identifier (letters, digits, `_`, not starting with a digit).
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// Whether text reads as a Swift type spelling: identifiers joined by `.`, with `<>`, `[]`, `:`, `,`, `?` and spaces.
    static func isTypeSpelling(_ text: String) -> Bool {
        guard !text.trimmingSpaces.isEmpty else { return false }
        let allowed = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "_.<>[]:,? ".unicodeScalars.contains($0)
        }
        // Every identifier in it starts with a letter or `_` (`1nvalid` is not a type).
        let identifiers = text.split { "_".contains($0) == false && !$0.isLetter && !$0.isNumber }
        return allowed && identifiers.allSatisfy { $0.first.map { !$0.isNumber } ?? true }
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
