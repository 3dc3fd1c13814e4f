import Foundation
import Testing
import YAMLSource

/// JSON goes through the same reader: escapes, tight punctuation, big inputs,
/// and a round trip against Foundation's JSONSerialization.
@Suite struct JSONTests {
    @Test func keysDirectlyFollowedByColon() throws {
        let root = try parse(#"{"a":1,"b":[true,{"c":"d"}],"e":{},"f":"g"}"#)
        #expect(root.keys == ["a", "b", "e", "f"])
        #expect(root["a"]?.at == "1:6")
        #expect(root["b"]?.sequence?[1]["c"]?.scalar == "d")
        #expect(root["b"]?.sequence?[1]["c"]?.at == "1:23")
        #expect(root["f"]?.scalar == "g")
    }

    @Test func escapes() throws {
        let root = try parse(#"{"s": "\u00e9\/\n\t\"\\\b\f\r", "k\u00e9y": 1}"#)
        #expect(root["s"]?.scalar == "é/\n\t\"\\\u{8}\u{C}\r")
        #expect(root["s"]?.scalarStyle == .doubleQuoted)
        #expect(root["kéy"]?.intValue == 1)
    }

    @Test func loneSurrogateEscapeIsStillAnError() {
        // libyaml refuses surrogate halves; the reader rewrites escaped *pairs* only, so a lone half stays an error.
        let error = parseError(#"{"half": "\ud83d x"}"#)
        #expect(error?.location.line == 1)
    }

    @Test func nonASCIIKeysAndValues() throws {
        let root = try parse(#"{"日本": "語", "émoji": "😀🎉", "ключ": ["значение"]}"#)
        #expect(root.keys == ["日本", "émoji", "ключ"])
        #expect(root["émoji"]?.scalar == "😀🎉")
        #expect(root["ключ"]?.sequence?.first?.scalar == "значение")
        #expect(root["émoji"]?.at == "1:22")  // columns count characters
    }

    @Test func bigMinifiedJSON() throws {
        let count = 20_000
        var json = "["
        for index in 0..<count {
            if index > 0 { json += "," }
            json += #"{"id":\#(index),"name":"item \#(index) é","tags":["a","b"],"price":\#(index).5,"#
            json += #""ok":\#(index % 2 == 0),"none":null,"nested":{"deep":{"x":[1,2,3]}}}"#
        }
        json += "]"
        let bytes = Array(json.utf8)
        #expect(bytes.count > 2_000_000)

        let root = try YAMLReader.read(bytes, file: "big.json")
        let items = try #require(root.sequence)
        #expect(items.count == count)
        // Per item: the mapping, 7 keys, 7 values, 2 tags, then inside "nested":
        // key "deep", its mapping, key "x", its sequence and 3 numbers.
        let perItem = 1 + 7 + 7 + 2 + 1 + 1 + 1 + 1 + 3
        let shape = measure(root)
        #expect(shape.nodes == 1 + count * perItem)
        #expect(shape.depth == 6)

        let last = items[count - 1]
        #expect(last["id"]?.intValue == count - 1)
        #expect(last["name"]?.scalar == "item \(count - 1) é")
        #expect(last["price"]?.doubleValue == Double(count - 1) + 0.5)
        #expect(last["ok"]?.boolValue == false)
        #expect(last["none"]?.isNull == true)
        #expect(last["nested"]?["deep"]?["x"]?.sequence?.compactMap(\.intValue) == [1, 2, 3])
        #expect(last.location.line == 1)

        // Every scalar is one event, every collection two, plus stream and document start/end.
        let collections = 1 + count * 5
        let scalars = shape.nodes - collections
        #expect(try YAMLReader.countEvents(bytes) == 4 + scalars + 2 * collections)
    }

    @Test func countEventsSanity() throws {
        #expect(try YAMLReader.countEvents([]) == 2)
        #expect(try YAMLReader.countEvents(Array("a: [1, 2]".utf8)) == 11)
        #expect(try YAMLReader.countEvents(Array("x".utf8)) == 5)
        #expect(throws: YAMLError.self) { try YAMLReader.countEvents(Array("[1, 2".utf8)) }
        do {
            _ = try YAMLReader.countEvents(Array("a: b: c".utf8))
        } catch {
            #expect(error.at == "1:5")
        }
    }

    @Test func longKeysHitLibYAMLsSimpleKeyLimit() throws {
        // libyaml only treats a key as implicit if it is at most 1024 characters long.
        let ok = try parse("{\"\(String(repeating: "k", count: 1000))\": 1}")
        #expect(ok.entries?.count == 1)
        let error = parseError("{\"\(String(repeating: "k", count: 2000))\": 1}")
        #expect(error?.at == "1:2004")
        // Long values are fine.
        let long = try parse("{\"k\": \"\(String(repeating: "v", count: 100_000))\"}")
        #expect(long["k"]?.scalar?.count == 100_000)
    }

    @Test func rawDELAndC1CharactersInJSONStringsAreRead() throws {
        // JSON allows U+007F and C1 controls unescaped; YAML does not, so the reader escapes them for libyaml.
        let bytes = Array(#"{"a": "x"#.utf8) + [0x7F] + [0xC2, 0x80] + Array(#"y"}"#.utf8)
        let node = try YAMLReader.read(bytes, file: "t.json")
        #expect(node["a"]?.scalar == "x\u{7F}\u{80}y")
    }

    @Test(arguments: 0..<40)
    func foundationRoundTrip(_ seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) &* 7919 &+ 1)
        let value = Self.randomValue(depth: 0, using: &generator)
        let object: Any = value.foundationObject
        let options: JSONSerialization.WritingOptions = seed % 2 == 0 ? [.fragmentsAllowed] : [.fragmentsAllowed, .prettyPrinted]
        let data = try JSONSerialization.data(withJSONObject: object, options: options)
        let root = try YAMLReader.read(data, file: "random.json")
        let readBack = try #require(JSONValue(root))
        #expect(readBack == value, "JSON: \(String(decoding: data, as: UTF8.self))")
    }

    /// Characters a random string draws from: ASCII, JSON-escaped characters,
    /// Latin, CJK and astral emoji. (DEL, C1 controls and U+FEFF are excluded:
    /// YAML forbids them raw and JSONSerialization does not escape them.)
    private static let alphabet: [Character] = Array("aZ09 _-/\\\"'\n\t\r\u{1}\u{1F}:#{}[],&*!|>%@`éßøñ日本語😀🎉ключ")

    private static func randomString(using generator: inout SeededGenerator) -> String {
        let length = Int.random(in: 0...12, using: &generator)
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
    }

    private static func randomValue(depth: Int, using generator: inout SeededGenerator) -> JSONValue {
        let choice = Int.random(in: 0..<(depth >= 4 ? 5 : 7), using: &generator)
        switch choice {
        case 0: return .string(randomString(using: &generator))
        case 1: return .number(Double(Int.random(in: -1_000_000...1_000_000, using: &generator)))
        case 2: return .number(Double(Int.random(in: -1_000_000...1_000_000, using: &generator)) / 8)
        case 3: return .bool(Bool.random(using: &generator))
        case 4: return .null
        case 5:
            let count = Int.random(in: 0...5, using: &generator)
            return .array((0..<count).map { _ in randomValue(depth: depth + 1, using: &generator) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                members[randomString(using: &generator)] = randomValue(depth: depth + 1, using: &generator)
            }
            return .object(members)
        }
    }
}

@Suite struct SurrogatePairTests {
    @Test func escapedSurrogatePairsBecomeTheirCharacter() throws {
        let node = try YAMLReader.read(Array(#"{"body": "Hello! \ud83d\udc4d", "plain": "a\\ud83d\\udc4d"}"#.utf8), file: "t.json")
        #expect(node["body"]?.scalar == "Hello! 👍")
        #expect(node["plain"]?.scalar == #"a\ud83d\udc4d"#, "an escaped backslash keeps the text")
    }
}
