import Foundation

/// A value that can be written into a URL path segment, a query item, a header field or a
/// multipart text part.
///
/// The runtime performs all percent-encoding; ``parameterValue`` is the plain, unencoded text.
///
/// Built-in conformances and their textual forms:
/// - `String`, `Substring`: the text itself.
/// - Fixed-width integers: decimal digits, e.g. `"-42"`.
/// - `Double`, `Float`: Swift's shortest round-tripping representation, e.g. `"1.5"`, `"1e-05"`.
/// - `Bool`: `"true"` / `"false"`.
/// - `UUID`: lowercase hyphenated form, e.g. `"7f1c…-…"` (RFC 9562 §4).
/// - `URL`: `absoluteString`.
/// - `Date`: RFC 3339 in UTC, fractional seconds only when non-zero (see ``RFC3339``).
///
/// Generated string- and integer-backed enums conform by declaring `: ParameterValue`; the
/// raw value is used.
public protocol ParameterValue: Sendable {
    /// The unencoded textual form of the value.
    var parameterValue: String { get }
}

extension ParameterValue where Self: RawRepresentable, Self.RawValue == String {
    /// The enum's raw value.
    public var parameterValue: String { rawValue }
}

extension ParameterValue where Self: RawRepresentable, Self.RawValue == Int {
    /// The enum's raw value in decimal.
    public var parameterValue: String { String(rawValue) }
}

extension String: ParameterValue {
    /// The string itself.
    public var parameterValue: String { self }
}

extension Substring: ParameterValue {
    /// The substring as a `String`.
    public var parameterValue: String { String(self) }
}

extension Int: ParameterValue {
    /// Decimal digits.
    public var parameterValue: String { String(self) }
}

extension Int8: ParameterValue {
    /// Decimal digits.
    public var parameterValue: String { String(self) }
}

extension Int16: ParameterValue {
    /// Decimal digits.
    public var parameterValue: String { String(self) }
}

extension Int32: ParameterValue {
    /// Decimal digits.
    public var parameterValue: String { String(self) }
}

extension Int64: ParameterValue {
    /// Decimal digits.
    public var parameterValue: String { String(self) }
}

extension UInt: ParameterValue {
    /// Decimal digits.
    public var parameterValue: String { String(self) }
}

extension UInt8: ParameterValue {
    /// Decimal digits.
    public var parameterValue: String { String(self) }
}

extension UInt16: ParameterValue {
    /// Decimal digits.
    public var parameterValue: String { String(self) }
}

extension UInt32: ParameterValue {
    /// Decimal digits.
    public var parameterValue: String { String(self) }
}

extension UInt64: ParameterValue {
    /// Decimal digits.
    public var parameterValue: String { String(self) }
}

extension Double: ParameterValue {
    /// Shortest representation that parses back to the same value, e.g. `"0.1"`, `"2.0"`.
    public var parameterValue: String { String(self) }
}

extension Float: ParameterValue {
    /// Shortest representation that parses back to the same value, e.g. `"0.1"`.
    public var parameterValue: String { String(self) }
}

extension Bool: ParameterValue {
    /// `"true"` or `"false"`.
    public var parameterValue: String { self ? "true" : "false" }
}

extension UUID: ParameterValue {
    /// Lowercase hyphenated form, e.g. `"e621e1f8-c36c-495a-93fc-0c247a3e6e5f"` (RFC 9562 §4).
    public var parameterValue: String { uuidString.lowercased() }
}

extension URL: ParameterValue {
    /// The URL's `absoluteString`.
    public var parameterValue: String { absoluteString }
}

extension Date: ParameterValue {
    /// RFC 3339 UTC timestamp, e.g. `"2026-12-01T05:41:20Z"`, or `"2026-12-01T05:41:20.123Z"` when
    /// the date has a non-zero fractional second. See ``RFC3339/string(from:)``.
    public var parameterValue: String { RFC3339.string(from: self) }
}

extension JSONValue: ParameterValue {
    /// A string as itself, a number or `true`/`false` as its JSON text, `null` as the empty string, and an array or
    /// object as compact JSON text (``description``). Used by the `unknown` case of a generated `oneOf` of scalars
    /// (`oneOf: [integer, string]` path parameters).
    public var parameterValue: String {
        switch self {
        case .null: ""
        case .bool(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .double(let value): value.parameterValue
        case .string(let value): value
        case .array, .object: description
        }
    }
}
