import BindgenRuntime
import Foundation
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    private let document: JSONValue = [
        "id": "env_1",
        "count": 3,
        "big": 9_007_199_254_740_993,
        "negative": -12,
        "ratio": 1.5,
        "tiny": 1e-7,
        "flag": true,
        "off": false,
        "nothing": nil,
        "tags": ["a", 2, 2.25, nil, ["nested": [1, [true]]]],
        "meta": ["source": "crm", "empty": [:], "list": []],
        "unicode": "Zoë \u{1F44D} \"quoted\" \\ /",
    ]

    @Test func nestedDocumentRoundTrips() throws {
        let data = try JSONEncoder.bindgen.encode(document)
        let decoded = try JSONDecoder.bindgen.decode(JSONValue.self, from: data)
        #expect(decoded == document)
    }

    @Test func integersStayIntegersAndDoublesStayDoubles() throws {
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(
            #"{"i":42,"d":1.5,"neg":-7,"max":9223372036854775807,"huge":1e30,"e":2.5e-3,"beyond":9223372036854775808}"#.utf8))
        #expect(decoded["i"] == .integer(42))
        #expect(decoded["d"] == .double(1.5))
        #expect(decoded["neg"] == .integer(-7))
        #expect(decoded["max"] == .integer(Int64.max))
        #expect(decoded["huge"] == .double(1e30))
        #expect(decoded["e"] == .double(0.0025))
        #expect(decoded["beyond"] == .double(9_223_372_036_854_775_808))
        #expect(decoded["big"] == nil)
    }

    @Test func decodesEveryKindFromText() throws {
        let text = #"[null,true,false,0,-1,0.5,"s",[],{}]"#
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(decoded == [nil, true, false, 0, -1, 0.5, "s", [], [:]])
        #expect(decoded.description == text)
    }

    @Test func reEncodingTextKeepsNumbersExact() throws {
        let text = #"{"a":[1,1.5,-0.25,123456789012345678,"x",null,{"b":false}]}"#
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(decoded.description == text)
    }

    @Test func subscriptsAndAccessors() {
        #expect(document["id"]?.stringValue == "env_1")
        #expect(document["count"]?.integerValue == 3)
        #expect(document["count"]?.doubleValue == 3)
        #expect(document["ratio"]?.doubleValue == 1.5)
        #expect(document["ratio"]?.integerValue == nil)
        #expect(document["flag"]?.boolValue == true)
        #expect(document["nothing"]?.isNull == true)
        #expect(document["tags"]?[4]?["nested"]?[1]?[0] == true)
        #expect(document["tags"]?[99] == nil)
        #expect(document["tags"]?[-1] == nil)
        #expect(document["missing"] == nil)
        #expect(document["id"]?["x"] == nil)
        #expect(document["meta"]?.objectValue?.count == 3)
        #expect(document["tags"]?.arrayValue?.count == 5)
    }

    @Test func settingMembers() {
        var value: JSONValue = nil
        value["a"] = 1
        value["b"] = ["c": "d"]
        #expect(value == ["a": 1, "b": ["c": "d"]])
        value["a"] = nil
        #expect(value == ["b": ["c": "d"]])
        var scalar: JSONValue = 5
        scalar["x"] = 1
        #expect(scalar == 5)
    }

    @Test func worksAsAFreeFormPropertyOfAModel() throws {
        struct Envelope: Codable, Equatable {
            let id: String
            let metadata: [String: JSONValue]
        }
        let json = #"{"id":"e","metadata":{"crmId":123,"labels":["x"],"score":0.75}}"#
        let envelope = try JSONDecoder.bindgen.decode(Envelope.self, from: Data(json.utf8))
        #expect(envelope.metadata == ["crmId": 123, "labels": ["x"], "score": 0.75])
        let again = try JSONDecoder.bindgen.decode(Envelope.self, from: try JSONEncoder.bindgen.encode(envelope))
        #expect(again == envelope)
    }

    @Test func isHashable() {
        let set: Set<JSONValue> = [1, 1, "1", 1.0, [1], ["k": 1]]
        #expect(set.count == 5)
    }
}
