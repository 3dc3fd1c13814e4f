/// A JSON object member that may be absent, `null`, or hold a value: the three states a member that is not
/// required but admits `null` can be in (OpenAPI 3.0 `nullable: true`, 3.1 `type: [T, "null"]`).
///
/// A merge patch (RFC 7396) tells them apart: an absent member leaves the field as it is, `null` clears it.
public enum NullableValue<Wrapped> {
    /// The member is not in the object.
    case absent
    /// The member is `null`.
    case null
    /// The member holds a value.
    case value(Wrapped)

    /// The value, or `nil` when the member is absent or `null`.
    public var value: Wrapped? {
        if case .value(let wrapped) = self { return wrapped }
        return nil
    }
}

extension NullableValue: Sendable where Wrapped: Sendable {}
extension NullableValue: Equatable where Wrapped: Equatable {}
extension NullableValue: Hashable where Wrapped: Hashable {}

/// The storage of a generated member that is not required but admits `null`.
///
/// Generated code writes `@Nullable public var message: String?`. The property reads and writes as a plain
/// optional: `nil` is an absent member, so existing code and `nil` defaults behave as before. The projection tells
/// the three states apart and sets `null`:
///
/// ```swift
/// var patch = PetUpdate()
/// patch.$nickname = .null         // encodes {"nickname": null}: the server clears it
/// patch.nickname = "Rex"          // encodes {"nickname": "Rex"}
/// patch.nickname = nil            // encodes {}: left as it is
/// if pet.$nickname == .null { … } // the server sent null, not nothing
/// ```
///
/// Decoding keeps the difference: a missing key is ``NullableValue/absent``, `null` is ``NullableValue/null``;
/// both read as `nil` through the property. Two values that differ only there are not equal.
@propertyWrapper
public struct Nullable<Wrapped> {
    /// The member's state, also reachable as the property's projection (`$name`).
    public var projectedValue: NullableValue<Wrapped>

    /// `nil` makes the member absent.
    public init(wrappedValue: Wrapped?) {
        projectedValue = wrappedValue.map { .value($0) } ?? .absent
    }

    /// Creates the storage in a given state.
    public init(projectedValue: NullableValue<Wrapped>) {
        self.projectedValue = projectedValue
    }

    /// The value; `nil` when the member is absent or `null`. Setting `nil` makes it absent.
    public var wrappedValue: Wrapped? {
        get { projectedValue.value }
        set { projectedValue = newValue.map { .value($0) } ?? .absent }
    }
}

extension Nullable: Sendable where Wrapped: Sendable {}
extension Nullable: Equatable where Wrapped: Equatable {}
extension Nullable: Hashable where Wrapped: Hashable {}

extension Nullable: Decodable where Wrapped: Decodable {
    /// Decodes a member's value: `null` or a `Wrapped` (a missing member is handled by the keyed container).
    public init(from decoder: any Decoder) throws {
        projectedValue = try NullableValue(from: decoder)
    }
}

extension Nullable: Encodable where Wrapped: Encodable {
    /// Encodes `null` or the value (an absent member is left out by the keyed container).
    public func encode(to encoder: any Encoder) throws {
        try projectedValue.encode(to: encoder)
    }
}

/// Members behind `@Nullable`: a missing key is absent, `null` is null.
extension KeyedDecodingContainer {
    public func decode<Wrapped: Decodable>(_ type: Nullable<Wrapped>.Type, forKey key: Key) throws -> Nullable<Wrapped> {
        Nullable(projectedValue: try NullableValue(from: self, forKey: key))
    }
}

/// Members behind `@Nullable`: an absent member is left out, `null` is written.
extension KeyedEncodingContainer {
    public mutating func encode<Wrapped: Encodable>(_ value: Nullable<Wrapped>, forKey key: Key) throws {
        try value.projectedValue.encode(to: &self, forKey: key)
    }
}

// The three states in JSON, shared by `Nullable` and `IndirectNullable`.
extension NullableValue where Wrapped: Decodable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .null : .value(try container.decode(Wrapped.self))
    }

    init<Key>(from container: KeyedDecodingContainer<Key>, forKey key: Key) throws {
        if !container.contains(key) {
            self = .absent
        } else if try container.decodeNil(forKey: key) {
            self = .null
        } else {
            self = .value(try container.decode(Wrapped.self, forKey: key))
        }
    }
}

extension NullableValue where Wrapped: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .absent, .null: try container.encodeNil()
        case .value(let wrapped): try container.encode(wrapped)
        }
    }

    func encode<Key>(to container: inout KeyedEncodingContainer<Key>, forKey key: Key) throws {
        switch self {
        case .absent: break
        case .null: try container.encodeNil(forKey: key)
        case .value(let wrapped): try container.encode(wrapped, forKey: key)
        }
    }
}
