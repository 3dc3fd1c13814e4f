import BindgenRuntime
import Foundation
import Testing

/// `UnionDecoding`: the alternative whose round trip keeps the most of the value wins, whatever the listed order.
@Suite struct UnionDecodingTests {
    struct Lite: Codable, Hashable { var id: Int }
    struct Full: Codable, Hashable { var id: Int; var name: String? }
    enum Status: SchemaEnum {
        case open, closed
        case unknown(String)
        static let allCases: [Status] = [.open, .closed]
        init(rawValue: String) { self = rawValue == "open" ? .open : rawValue == "closed" ? .closed : .unknown(rawValue) }
        var rawValue: String {
            switch self {
            case .open: "open"
            case .closed: "closed"
            case .unknown(let value): value
            }
        }
    }

    enum Union: Codable, Hashable {
        case lite(Lite), full(Full), status(Status), text(String), unknown(JSONValue)

        init(from decoder: any Decoder) throws {
            // Deliberately the least specific first: the order must not decide.
            let candidates: [(UnionDecoding.Attempt) throws -> Union] = [
                { .text(try $0.decode(String.self)) }, { .lite(try $0.decode(Lite.self)) },
                { .full(try $0.decode(Full.self)) }, { .status(try $0.decode(Status.self)) },
            ]
            self = try UnionDecoding.decode(from: decoder, unknown: { .unknown($0) }, candidates: candidates)
        }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .lite(let value): try value.encode(to: encoder)
            case .full(let value): try value.encode(to: encoder)
            case .status(let value): try value.encode(to: encoder)
            case .text(let value): try value.encode(to: encoder)
            case .unknown(let value): try value.encode(to: encoder)
            }
        }
    }

    func decode(_ json: String) throws -> Union {
        try JSONDecoder.bindgen.decode(Union.self, from: Data(json.utf8))
    }

    @Test func theAlternativeThatKeepsEveryMemberWins() throws {
        #expect(try decode(#"{"id":1,"name":"Lyon"}"#) == .full(Full(id: 1, name: "Lyon")))
        #expect(try decode(#"{"id":1}"#) == .lite(Lite(id: 1)))
        #expect(try decode(#"[1]"#) == .unknown([1]))
    }

    /// `anyOf: [Status, string]` as the generator orders it (enumerations first).
    enum StatusOrText: Codable, Hashable {
        case status(Status), text(String), unknown(JSONValue)

        init(from decoder: any Decoder) throws {
            let candidates: [(UnionDecoding.Attempt) throws -> StatusOrText] = [
                { .status(try $0.decode(Status.self)) }, { .text(try $0.decode(String.self)) },
            ]
            self = try UnionDecoding.decode(from: decoder, unknown: { .unknown($0) }, candidates: candidates)
        }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .status(let value): try value.encode(to: encoder)
            case .text(let value): try value.encode(to: encoder)
            case .unknown(let value): try value.encode(to: encoder)
            }
        }
    }

    @Test func anEnumTakesOnlyTheValuesItListsWhileAlternativesAreTried() throws {
        let decoder = JSONDecoder.bindgen
        #expect(try decoder.decode(StatusOrText.self, from: Data(#""open""#.utf8)) == .status(.open))
        // Lenient, `Status` would keep "archived" as `.unknown("archived")` and hide the string alternative.
        #expect(try decoder.decode(StatusOrText.self, from: Data(#""archived""#.utf8)) == .text("archived"))
        // Alone, the enum stays lenient.
        #expect(try decoder.decode(Status.self, from: Data(#""archived""#.utf8)) == .unknown("archived"))
    }

    /// A value compared with itself loses nothing; with any member removed, it loses at least that member.
    @Test func membersLostCountsWhatARoundTripDrops() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let value = Self.randomValue(depth: 0, using: &generator)
            #expect(value.membersLost(after: value) == 0)
            if case .object(var members) = value, let key = members.keys.first(where: { members[$0] != .null }) {
                members[key] = nil
                #expect(value.membersLost(after: .object(members)) >= 1)
            }
        }
        #expect(JSONValue.object(["a": 1, "b": nil]).membersLost(after: ["a": 1]) == 0, "null members count as absent")
        #expect(JSONValue.object(["a": ["x": 1, "y": 2]]).membersLost(after: [:]) == 3)
        #expect(JSONValue.string("2026-12-03T10:00:00.000Z").membersLost(after: "2026-12-03T10:00:00Z") == 0)
        #expect(JSONValue.integer(1).membersLost(after: .string("1")) == 1)
    }

    static func randomValue(depth: Int, using generator: inout SystemRandomNumberGenerator) -> JSONValue {
        switch Int.random(in: depth > 3 ? 0...3 : 0...5, using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .integer(Int64.random(in: -1000...1000, using: &generator))
        case 3: return .string(String(Int.random(in: 0...99, using: &generator)))
        case 4: return .array((0..<Int.random(in: 0...3, using: &generator)).map { _ in randomValue(depth: depth + 1, using: &generator) })
        default:
            var members: [String: JSONValue] = [:]
            for index in 0..<Int.random(in: 0...4, using: &generator) {
                members["k\(index)"] = randomValue(depth: depth + 1, using: &generator)
            }
            return .object(members)
        }
    }
}
