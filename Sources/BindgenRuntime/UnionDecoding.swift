import Foundation

/// How generated `oneOf`/`anyOf` enums without a discriminator choose their variant: by what the value keeps, not by
/// the order the document lists the alternatives in.
///
/// The JSON value is read once; each alternative decodes it in turn and is encoded back, and the one whose round trip
/// keeps the most of the value wins (``JSONValue/membersLost(after:)``): for `oneOf: [AreaLite{id}, AreaFull{id,name}]`
/// the value `{"id": 1, "name": "Lyon"}` is an `AreaFull`, because `AreaLite` would drop `name`. The first pass is
/// *strict*: a generated enum accepts only the values its schema lists (not `unknown`), so for `anyOf: [string,
/// Status]` a listed status is a `Status` and any other string a `String`. Among alternatives that keep everything
/// the first in the generated order wins; the generator lists enumerations and constants before other scalars, and
/// integers before numbers, so the most specific one comes first. Only when no alternative decodes strictly does a
/// lenient pass (enums take unlisted values as `unknown`) run; when nothing decodes, the caller keeps the raw value.
///
/// Each attempt decodes from the value's JSON text: a union costs one encode and one decode per alternative tried.
public enum UnionDecoding {
    /// The `userInfo` flag that makes generated enums (``SchemaEnum``) refuse values their schema does not list.
    public static let strictKey = CodingUserInfoKey(rawValue: "BindgenRuntime.strictEnums")!
    /// How many attempts enclose the current one (`userInfo`), so that a union whose alternatives lead back to itself
    /// (`A: anyOf [B, string]`, `B: anyOf [A, integer]`) stops instead of exhausting the stack.
    static let depthKey = CodingUserInfoKey(rawValue: "BindgenRuntime.unionDepth")!
    /// Attempts nested deeper than this fail, as a value no alternative reads.
    static let maximumDepth = 32

    /// One alternative's attempt at the value.
    public struct Attempt: Sendable {
        let data: Data
        let strict: Bool
        let depth: Int

        /// Decodes the whole value as `type`.
        /// - Throws: the decoder's `DecodingError` when the value is not a `type`.
        public func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
            let decoder = JSONDecoder.bindgen
            decoder.userInfo[UnionDecoding.strictKey] = strict
            decoder.userInfo[UnionDecoding.depthKey] = depth
            return try decoder.decode(Value.self, from: data)
        }
    }

    /// The best alternative for the value `decoder` holds, or `unknown(raw)` when none decodes.
    ///
    /// - Parameters:
    ///   - decoder: The decoder positioned at the union's value.
    ///   - unknown: the case that keeps a value no alternative reads.
    ///   - candidates: one closure per alternative, in the order to try them; each returns the union's case.
    /// - Throws: `DecodingError` only when the value is not JSON at all.
    public static func decode<Union: Encodable>(
        from decoder: any Decoder, unknown: (JSONValue) -> Union, candidates: [(Attempt) throws -> Union]
    ) throws -> Union {
        let raw = try JSONValue(from: decoder)
        let depth = (decoder.userInfo[depthKey] as? Int ?? 0) + 1
        guard depth <= maximumDepth else { return unknown(raw) }
        let data = try JSONEncoder().encode(raw)
        let inheritedStrict = decoder.userInfo[strictKey] as? Bool == true
        for strict in inheritedStrict ? [true] : [true, false] {
            var best: (value: Union, lost: Int)?
            for candidate in candidates {
                guard let value = try? candidate(Attempt(data: data, strict: strict, depth: depth)) else { continue }
                let lost = lostMembers(raw, value)
                if lost == 0 { return value }
                if best.map({ lost < $0.lost }) ?? true { best = (value, lost) }
            }
            if let best { return best.value }
        }
        return unknown(raw)
    }

    /// How much of `raw` the decoded `value` loses when encoded again (`Int.max` when it cannot be encoded).
    static func lostMembers<Union: Encodable>(_ raw: JSONValue, _ value: Union) -> Int {
        guard let data = try? JSONEncoder.bindgen.encode(value),
              let again = try? JSONDecoder.bindgen.decode(JSONValue.self, from: data) else { return Int.max }
        return raw.membersLost(after: again)
    }
}

extension JSONValue {
    /// How many parts of this value are missing or of another JSON kind in `other`, the same value after a round
    /// trip through a typed model: object members (not `null` ones, which a model writes as absent) counted at any
    /// depth, array items, and scalars whose kind changed. Scalar values of the same kind count as kept (a date-time
    /// may be written with other digits), and `integer` and `double` are the same kind.
    public func membersLost(after other: JSONValue) -> Int {
        switch (self, other) {
        case (.object(let members), .object(let kept)):
            var lost = 0
            for (key, value) in members where value != .null {
                guard let again = kept[key] else {
                    lost += 1 + value.size
                    continue
                }
                lost += value.membersLost(after: again)
            }
            return lost
        case (.array(let items), .array(let kept)):
            var lost = max(0, items.count - kept.count)
            for (item, again) in zip(items, kept) { lost += item.membersLost(after: again) }
            return lost
        case (.null, .null), (.bool, .bool), (.string, .string), (.integer, .integer), (.double, .double),
             (.integer, .double), (.double, .integer):
            return 0
        default:
            return 1 + size
        }
    }

    /// The number of members and items below this value, at any depth.
    var size: Int {
        switch self {
        case .object(let members): members.values.reduce(members.count) { $0 + $1.size }
        case .array(let items): items.reduce(items.count) { $0 + $1.size }
        default: 0
        }
    }
}
