import Foundation

/// The members of a JSON object that its schema does not declare, for generated structs whose schema has
/// `additionalProperties` (a schema, or `true`) beside `properties`.
///
/// Such a struct stores the declared members as properties and every other member in a dictionary named
/// `additionalProperties` (`[String: JSONValue]` for `additionalProperties: true`, `[String: T]` for a schema), so a
/// payload round-trips whole: `{"label": "a", "color": "red"}` with `properties: {label}` and
/// `additionalProperties: {type: string}` is `label: "a"` and `additionalProperties: ["color": "red"]`.
public enum AdditionalProperties {
    /// The members of the object `decoder` holds whose names are not among the declared `keys`.
    /// - Throws: `DecodingError` when the value is not an object or a member is not a `Value`.
    public static func decode<Value: Decodable, Keys: CodingKey & CaseIterable>(
        from decoder: any Decoder, declared keys: Keys.Type
    ) throws -> [String: Value] {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        let declared = Set(Keys.allCases.map(\.stringValue))
        var members: [String: Value] = [:]
        for key in container.allKeys where !declared.contains(key.stringValue) {
            members[key.stringValue] = try container.decode(Value.self, forKey: key)
        }
        return members
    }

    /// Writes `members` into the object `encoder` is writing, after the declared members.
    /// - Throws: the encoder's `EncodingError` when a value cannot be encoded.
    public static func encode<Value: Encodable>(_ members: [String: Value], to encoder: any Encoder) throws {
        guard !members.isEmpty else { return }
        var container = encoder.container(keyedBy: AnyCodingKey.self)
        for (name, value) in members.sorted(by: { $0.key < $1.key }) {
            try container.encode(value, forKey: AnyCodingKey(name))
        }
    }
}
