/// The storage of a generated member that admits `null`, is not required, and is stored out of line: `@Nullable`
/// and `@Indirect` in one.
///
/// Generated code writes `@IndirectNullable public var lastError: APIErrors?` where the member's type contains the
/// struct itself, or is a struct of more than two members whose copies would fill the containing struct's code (see
/// ``Indirect``). It reads and writes like ``Nullable``: the property is a plain optional, and its projection
/// (`$lastError`) tells an absent member from `null`.
@propertyWrapper
public struct IndirectNullable<Wrapped: Sendable>: Sendable {
    private final class Box: Sendable {
        let state: NullableValue<Wrapped>
        init(_ state: NullableValue<Wrapped>) { self.state = state }
    }

    private var box: Box

    /// `nil` makes the member absent.
    public init(wrappedValue: Wrapped?) {
        box = Box(wrappedValue.map { .value($0) } ?? .absent)
    }

    /// Creates the storage in a given state.
    public init(projectedValue: NullableValue<Wrapped>) {
        box = Box(projectedValue)
    }

    /// The member's state, also reachable as the property's projection (`$name`).
    public var projectedValue: NullableValue<Wrapped> {
        get { box.state }
        set { box = Box(newValue) }
    }

    /// The value; `nil` when the member is absent or `null`. Setting `nil` makes it absent.
    public var wrappedValue: Wrapped? {
        get { box.state.value }
        set { box = Box(newValue.map { .value($0) } ?? .absent) }
    }
}

extension IndirectNullable: Equatable where Wrapped: Equatable {
    public static func == (lhs: IndirectNullable, rhs: IndirectNullable) -> Bool { lhs.projectedValue == rhs.projectedValue }
}

extension IndirectNullable: Hashable where Wrapped: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(projectedValue) }
}

extension IndirectNullable: Decodable where Wrapped: Decodable {
    /// Decodes a member's value: `null` or a `Wrapped` (a missing member is handled by the keyed container).
    public init(from decoder: any Decoder) throws {
        self.init(projectedValue: try NullableValue(from: decoder))
    }
}

extension IndirectNullable: Encodable where Wrapped: Encodable {
    /// Encodes `null` or the value (an absent member is left out by the keyed container).
    public func encode(to encoder: any Encoder) throws {
        try projectedValue.encode(to: encoder)
    }
}

/// Members behind `@IndirectNullable`: a missing key is absent, `null` is null.
extension KeyedDecodingContainer {
    public func decode<Wrapped: Decodable & Sendable>(_ type: IndirectNullable<Wrapped>.Type, forKey key: Key) throws -> IndirectNullable<Wrapped> {
        IndirectNullable(projectedValue: try NullableValue(from: self, forKey: key))
    }
}

/// Members behind `@IndirectNullable`: an absent member is left out, `null` is written.
extension KeyedEncodingContainer {
    public mutating func encode<Wrapped: Encodable & Sendable>(_ value: IndirectNullable<Wrapped>, forKey key: Key) throws {
        try value.projectedValue.encode(to: &self, forKey: key)
    }
}
