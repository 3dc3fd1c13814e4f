/// The `CodingKeys` of a generated struct: one case per member, named like the Swift property, whose
/// `stringValue` is the member's name in JSON.
///
/// The generated enum declares its cases and `stringValue` (a `switch` returning string literals); this protocol
/// supplies the rest of `CodingKey` once, instead of the compiler synthesizing a `String` raw value, its
/// `init(rawValue:)` and the integer-key members for every struct — in a large document (Stripe's: 2,000 structs)
/// that synthesized code is a sizeable part of what the compiler has to build:
/// - `init?(stringValue:)` finds the case whose `stringValue` matches (linear in the number of members; decoding a
///   struct never calls it, only `KeyedDecodingContainer.allKeys` does);
/// - `intValue` is `nil` and `init?(intValue:)` fails: JSON members are named, never numbered;
/// - equality and hashing follow `stringValue` (otherwise every enum would get its own synthesized `==` and
///   `hash(into:)`, each a `switch` over its cases).
public protocol SchemaCodingKey: CodingKey, CaseIterable, Hashable, Sendable {}

extension SchemaCodingKey {
    /// The case whose JSON member name is `stringValue`; `nil` for a name the struct does not declare.
    public init?(stringValue: String) {
        guard let key = Self.allCases.first(where: { $0.stringValue == stringValue }) else { return nil }
        self = key
    }

    /// Always `nil`: members are named.
    public var intValue: Int? { nil }

    /// Always `nil`: members are named.
    public init?(intValue: Int) { nil }

    /// Equal when the JSON member names are.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.stringValue == rhs.stringValue }

    /// Hashes the JSON member name.
    public func hash(into hasher: inout Hasher) { hasher.combine(stringValue) }
}
