/// The storage of a generated member that admits `null`, is not required, and is stored out of line: `@Nullable`
/// and `@Indirect` in one.
///
/// Generated code writes `@IndirectNullable public var lastError: APIErrors?` where the member's type contains the
/// struct itself, or is a struct of more than two members whose copies would fill the containing struct's code (see
/// ``Indirect``). It reads and writes like ``Nullable``: the property is a plain optional, and its projection
/// (`$lastError`) tells an absent member from `null`.
@propertyWrapper
public struct IndirectNullable<Wrapped: Sendable>: Sendable {
    /// The state, boxed by ``Indirect``.
    private var storage: Indirect<NullableValue<Wrapped>>

    /// `nil` makes the member absent.
    public init(wrappedValue: Wrapped?) {
        self.init(projectedValue: wrappedValue.map { .value($0) } ?? .absent)
    }

    /// Creates the storage in a given state.
    public init(projectedValue: NullableValue<Wrapped>) {
        storage = Indirect(wrappedValue: projectedValue)
    }

    /// The member's state, also reachable as the property's projection (`$name`).
    public var projectedValue: NullableValue<Wrapped> {
        get { storage.wrappedValue }
        set { storage.wrappedValue = newValue }
    }

    /// The value; `nil` when the member is absent or `null`. Setting `nil` makes it absent.
    public var wrappedValue: Wrapped? {
        get { projectedValue.value }
        set { projectedValue = newValue.map { .value($0) } ?? .absent }
    }
}

extension IndirectNullable: Equatable where Wrapped: Equatable {}
extension IndirectNullable: Hashable where Wrapped: Hashable {}

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
