import Foundation

/// Any JSON value (RFC 8259), for free-form schemas (`{}`, `additionalProperties: true`);
/// round-trips exactly.
///
/// Numbers keep their kind: a JSON number with an integral value that fits in `Int64` (`42`,
/// and also `42.0` or `4.2e1`) decodes as ``integer(_:)``, every other number (`1.5`, `1e30`) as
/// ``double(_:)``. JSON itself does not distinguish `1` from `1.0`, and Foundation's encoder writes
/// `Double(1)` as `1`, so a ``double(_:)`` holding an integral value comes back as
/// ``integer(_:)`` after a round trip: the two compare unequal but denote the same JSON number.
/// Integers beyond `Int64` become ``double(_:)`` (lossy above 2^53). Object member order is not
/// preserved (JSON objects are unordered).
///
/// ```swift
/// let metadata: JSONValue = ["source": "crm", "priority": 2, "tags": ["a", "b"], "ratio": 1.5]
/// metadata["tags"]?[0]?.stringValue   // "a"
/// ```
public enum JSONValue: Codable, Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number with an integral value that fits in `Int64`.
    case integer(Int64)
    /// Any other number.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])

    /// Decodes any JSON value.
    /// - Throws: `DecodingError.dataCorrupted` when the value is none of the JSON kinds (only
    ///   possible with non-JSON decoders).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let integer = Self.integer(in: container) {
            self = .integer(integer)
        } else if let double = try? container.decode(Double.self) {
            self = .double(double)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else if let object = try? container.decode([String: JSONValue].self) {
            self = .object(object)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a JSON value")
        }
    }

    /// Encodes the value as the corresponding JSON value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let bool): try container.encode(bool)
        case .integer(let integer): try container.encode(integer)
        case .double(let double): try container.encode(double)
        case .string(let string): try container.encode(string)
        case .array(let array): try container.encode(array)
        case .object(let object): try container.encode(object)
        }
    }

    /// An integer, only when the number is integral: a decoder that converts `1.5` to `Int64`
    /// by truncation must not turn doubles into integers.
    private static func integer(in container: any SingleValueDecodingContainer) -> Int64? {
        guard let integer = try? container.decode(Int64.self) else { return nil }
        if let double = try? container.decode(Double.self), double != Double(integer) { return nil }
        return integer
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text of the value, e.g. `{"a":[1,2.5,"x",null]}`; object keys sorted.
    public var description: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "<invalid JSON value>" }
        return String(decoding: data, as: UTF8.self)
    }
}
