import BindgenRuntime
import Foundation
import Testing

/// Written the way the generator writes an enum schema with the default `unknownEnumCases: true`.
private enum OpenStatus: OpenSchemaEnum {
    case draft
    case sent
    case unknown(String)

    static let allCases: [OpenStatus] = [.draft, .sent]
    static let rawValueIndex = RawValueIndex(allCases)

    var rawValue: String {
        switch self {
        case .draft: "draft"
        case .sent: "sent"
        case .unknown(let value): value
        }
    }
}

/// Written the way the generator writes an integer enum with `unknownEnumCases: false`.
private enum ClosedLevel: SchemaEnum {
    case one
    case minusTwo

    static let allCases: [ClosedLevel] = [.one, .minusTwo]

    init?(rawValue: Int) {
        switch rawValue {
        case 1: self = .one
        case -2: self = .minusTwo
        default: return nil
        }
    }

    var rawValue: Int {
        switch self {
        case .one: 1
        case .minusTwo: -2
        }
    }
}

@Suite("SchemaEnum: the shared Codable, Hashable and ParameterValue behaviour of generated enums")
struct SchemaEnumTests {
    @Test func knownAndUnknownStringsRoundTripExactly() throws {
        let json = Data(#"["draft","sent","archived",""]"#.utf8)
        let decoded = try JSONDecoder().decode([OpenStatus].self, from: json)
        #expect(decoded == [.draft, .sent, .unknown("archived"), .unknown("")])
        #expect(try JSONEncoder().encode(decoded) == json)
    }

    @Test func aClosedEnumRejectsAnUnlistedValueNamingItAndTheType() throws {
        #expect(try JSONDecoder().decode([ClosedLevel].self, from: Data("[1,-2]".utf8)) == [.one, .minusTwo])
        do {
            _ = try JSONDecoder().decode([ClosedLevel].self, from: Data("[1,3]".utf8))
            Issue.record("3 decoded")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription.contains("'3'"))
            #expect(context.debugDescription.contains("ClosedLevel"))
            #expect(context.codingPath.count == 1)
        }
    }

    @Test func aValueOfTheWrongJSONTypeIsATypeMismatch() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(OpenStatus.self, from: Data("12".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ClosedLevel.self, from: Data(#""1""#.utf8)) }
    }

    @Test func equalityAndHashingFollowTheWireValue() {
        #expect(OpenStatus.unknown("draft") == .draft)
        #expect(OpenStatus.unknown("x") != .unknown("y"))
        #expect(Set([OpenStatus.draft, .unknown("draft"), .sent]).count == 2)
        #expect(OpenStatus.allCases.count == 2)
    }

    /// `OpenSchemaEnum.init(rawValue:)` never fails: the index gives a listed case, anything else is kept.
    @Test func anOpenEnumInitializerKeepsEveryRawValue() {
        #expect(OpenStatus(rawValue: "sent") == .sent)
        if case .sent = OpenStatus(rawValue: "sent") {} else { Issue.record("'sent' is not the listed case") }
        if case .unknown(let value) = OpenStatus(rawValue: "Sent") {
            #expect(value == "Sent")
        } else {
            Issue.record("'Sent' (another case) is not unknown")
        }
    }

    @Test func parameterValuesAreTheRawValues() {
        #expect(OpenStatus.sent.parameterValue == "sent")
        #expect(OpenStatus.unknown("a b").parameterValue == "a b")
        #expect(ClosedLevel.minusTwo.parameterValue == "-2")
    }
}
