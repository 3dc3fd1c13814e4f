import Foundation

/// The behaviour every generated enumeration shares: the enums written for `enum` schemas of `type: string` or
/// `type: integer`.
///
/// A generated enum declares its cases, `allCases` (the listed values, never `unknown`) and `rawValue` (the value
/// sent on the wire), plus `init(rawValue:)` or, for an ``OpenSchemaEnum``, the index it reads; this protocol supplies
/// the rest once, so a document with thousands of enums does not make the compiler synthesize thousands of
/// conformances:
/// - `Codable`: the enum is encoded as its raw value in a single-value container. Decoding goes through
///   `init(rawValue:)`: with an `unknown` case (the default) every string or number decodes; without one, a value the
///   document does not list throws `DecodingError.dataCorrupted` naming the value and the type.
/// - `Hashable`: two values are equal when their raw values are, so `.unknown("active")` equals `.active` — they
///   are the same value on the wire.
/// - ``ParameterValue``: the raw value, for paths, queries, headers and multipart text parts.
public protocol SchemaEnum: RawRepresentable, Codable, Hashable, Sendable, CaseIterable, ParameterValue
where RawValue: Codable & Hashable & Sendable {}

extension SchemaEnum {
    /// Decodes the raw value from a single-value container.
    /// - Throws: `DecodingError.typeMismatch` when the JSON value is not a string (or a number, for integer enums);
    ///   `DecodingError.dataCorrupted` when the enum has no `unknown` case and does not list the value, or does not list
    ///   it while a union tries its alternatives strictly (``UnionDecoding/strictKey``).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(RawValue.self)
        guard let value = Self(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(raw)' is not a value of \(String(describing: Self.self))")
        }
        // While a `oneOf`/`anyOf` tries its alternatives (``UnionDecoding``), an unlisted value is no match.
        if decoder.userInfo[UnionDecoding.strictKey] as? Bool == true, !Self.allCases.contains(where: { $0.rawValue == raw }) {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(raw)' is not listed by \(String(describing: Self.self))")
        }
        self = value
    }

    /// Encodes the raw value into a single-value container.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Equal when the raw values are equal.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }

    /// Hashes the raw value.
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

/// A generated enum that keeps a value the document does not list, as its `unknown(_:)` case (the default; the
/// configuration's `unknownEnumCases: false` writes plain ``SchemaEnum``s instead).
///
/// The enum declares its cases, `allCases`, `rawValueIndex` and `rawValue`; this protocol supplies
/// `init(rawValue:)`, which never fails: a listed value gives its case, any other `unknown(value)`.
public protocol OpenSchemaEnum: SchemaEnum {
    /// The case holding a value the document does not list (the enum's `case unknown(RawValue)`).
    static func unknown(_ rawValue: RawValue) -> Self
    /// The listed cases by raw value, built once from `allCases`.
    static var rawValueIndex: RawValueIndex<Self> { get }
}

extension OpenSchemaEnum {
    /// Any raw value: a listed one gives its case, anything else `unknown(rawValue)`.
    public init(rawValue: RawValue) {
        self = Self.rawValueIndex[rawValue] ?? .unknown(rawValue)
    }
}

/// The cases of a generated enum by raw value, built once per enum type: what its `init(rawValue:)` looks up.
///
/// A lookup instead of a `switch` over every value keeps the generated code small — a `switch` over string literals
/// compiles to one comparison per case, and enums of several hundred values (country and currency codes) are common
/// in large documents. Lookups take constant time. When two cases share a raw value the first one listed wins.
public struct RawValueIndex<Value: RawRepresentable & Sendable>: Sendable where Value.RawValue: Hashable & Sendable {
    private let cases: [Value.RawValue: Value]

    /// Indexes `cases` by their `rawValue`.
    public init(_ cases: [Value]) {
        var index: [Value.RawValue: Value] = [:]
        index.reserveCapacity(cases.count)
        for value in cases where index[value.rawValue] == nil {
            index[value.rawValue] = value
        }
        self.cases = index
    }

    /// The case whose raw value is `rawValue`; `nil` when no case has it.
    public subscript(rawValue: Value.RawValue) -> Value? { cases[rawValue] }
}
