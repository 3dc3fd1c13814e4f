import BindgenDiagnostics
import Testing
import YAMLSource

/// Tree shape, locations, styles and tags for block YAML and JSON.
@Suite struct TreeShapeTests {
    @Test func blockMappingShapeAndLocations() throws {
        let root = try parse("""
            openapi: 3.1.0
            info:
              title: Demo
              version: "1.0"
            paths:
              /items:
                get:
                  responses:
                    '200':
                      description: OK
            tags:
              - name: a
              - b

            """)
        #expect(root.at == "1:1")
        #expect(root.keys == ["openapi", "info", "paths", "tags"])
        #expect(root.location == BindgenDiagnostics.SourceLocation(file: "test.yaml", line: 1, column: 1))
        #expect(root.location.description == "test.yaml:1:1")

        let openapi = try #require(root.entries?.first)
        #expect(openapi.key.at == "1:1")
        #expect(openapi.value.at == "1:10")
        #expect(openapi.value.scalar == "3.1.0")

        let info = try #require(root["info"])
        #expect(info.at == "3:3")  // a block mapping starts at its first key
        #expect(info["title"]?.at == "3:10")
        #expect(info["version"]?.scalar == "1.0")
        #expect(info["version"]?.scalarStyle == .doubleQuoted)
        #expect(info["version"]?.at == "4:12")

        let ok = try #require(root["paths"]?["/items"]?["get"]?["responses"]?["200"]?["description"])
        #expect(ok.scalar == "OK")
        #expect(ok.at == "10:24")
        #expect(root["paths"]?["/items"]?["get"]?["responses"]?.entries?.first?.key.scalarStyle == .singleQuoted)
        #expect(root["paths"]?["/items"]?["get"]?["responses"]?.entries?.first?.key.at == "9:9")

        let tags = try #require(root["tags"]?.sequence)
        #expect(root["tags"]?.at == "12:3")  // a block sequence starts at its first '-'
        #expect(tags.count == 2)
        #expect(tags[0].at == "12:5")
        #expect(tags[0]["name"]?.scalar == "a")
        #expect(tags[1].scalar == "b")
        #expect(tags[1].at == "13:5")
    }

    @Test func jsonShapeAndLocations() throws {
        let root = try parse("""
            {
              "a": [1, 2.5, "x", true, null],
              "nested": {"k": {"deep": "v"}},
              "empty": {}, "list": []
            }
            """, file: "spec.json")
        #expect(root.at == "1:1")
        #expect(root.location.file == "spec.json")
        #expect(root.keys == ["a", "nested", "empty", "list"])
        let a = try #require(root["a"])
        #expect(a.at == "2:8")
        let items = try #require(a.sequence)
        #expect(items.map(\.at) == ["2:9", "2:12", "2:17", "2:22", "2:28"])
        #expect(items.map { $0.scalar ?? "?" } == ["1", "2.5", "x", "true", "null"])
        #expect(items[0].intValue == 1)
        #expect(items[1].doubleValue == 2.5)
        #expect(items[2].scalarStyle == .doubleQuoted)
        #expect(items[3].boolValue == true)
        #expect(items[4].isNull)

        let keyA = try #require(root.entries?.first?.key)
        #expect(keyA.at == "2:3")
        #expect(keyA.scalarStyle == .doubleQuoted)
        #expect(root["nested"]?.at == "3:13")
        #expect(root["nested"]?["k"]?.at == "3:19")
        #expect(root["nested"]?["k"]?["deep"]?.at == "3:28")
        #expect(root["empty"]?.entries?.isEmpty == true)
        #expect(root["list"]?.sequence?.isEmpty == true)
        #expect(root["list"]?.at == "4:24")
    }

    @Test func scalarStylesAreDistinguishable() throws {
        let root = try parse("""
            plain: 200
            single: '200'
            double: "200"
            literal: |
              line 1
              line 2
            folded: >
              word
              more

            """)
        #expect(root["plain"]?.kind.isScalar(text: "200", style: .plain) == true)
        #expect(root["plain"]?.isPlainScalar == true)
        #expect(root["single"]?.kind.isScalar(text: "200", style: .singleQuoted) == true)
        #expect(root["single"]?.isPlainScalar == false)
        #expect(root["double"]?.kind.isScalar(text: "200", style: .doubleQuoted) == true)
        #expect(root["literal"]?.kind.isScalar(text: "line 1\nline 2\n", style: .literal) == true)
        #expect(root["folded"]?.kind.isScalar(text: "word more\n", style: .folded) == true)
        #expect(root["plain"]?.intValue == 200)
        #expect(root["double"]?.intValue == nil)
    }

    @Test func tagsAreReportedInShortForm() throws {
        let root = try parse("""
            - !!str 1
            - !custom x
            - ! y
            - !<tag:example.com,2000:z> w
            - !!map {a: 1}
            - untagged

            """)
        let items = try #require(root.sequence)
        #expect(items.map(\.tag) == ["!!str", "!custom", "!", "tag:example.com,2000:z", "!!map", nil])
        #expect(root.tag == nil)
        #expect(items[4]["a"]?.scalar == "1")
    }

    @Test func missingValuesAndComplexKeys() throws {
        let root = try parse("a:\nb: ~\nc: null\n? [x]\n: 1\n")
        #expect(root["a"]?.isNull == true)
        #expect(root["a"]?.scalar == "")
        #expect(root["b"]?.isNull == true)
        #expect(root["c"]?.isNull == true)
        let complex = try #require(root.entries?.last)
        #expect(complex.key.sequence?.first?.scalar == "x")
        #expect(complex.value.at == "5:3")
    }

    @Test(arguments: ["", "   \n", "# only a comment\n"])
    func emptyInputIsNullAtStart(_ text: String) throws {
        let root = try parse(text)
        #expect(root.isNull)
        #expect(root.isPlainScalar)
        #expect(root.scalar == "")
        #expect(root.at == "1:1")
    }

    @Test func accessorsOnTheWrongKindReturnNil() throws {
        let root = try parse("[1, {a: b}]")
        #expect(root["a"] == nil)
        #expect(root.scalar == nil)
        #expect(root.entries == nil)
        #expect(root.sequence?[0].sequence == nil)
        #expect(root.sequence?[1]["missing"] == nil)
        #expect(root.sequence?[1].scalar == nil)
        #expect(root.isNull == false)
        #expect(root.boolValue == nil)
    }

    @Test func unicodeKeysAndValuesRoundTrip() throws {
        let root = try parse("é: 日本\n😀: \"ünï 🎉\"\nz: [1,\n  2]\nkey: 'façade'\n")
        #expect(root.keys == ["é", "😀", "z", "key"])
        #expect(root["é"]?.scalar == "日本")
        #expect(root["😀"]?.scalar == "ünï 🎉")
        #expect(root["key"]?.scalar == "façade")
        // Columns count characters, not bytes.
        #expect(root["é"]?.at == "1:4")
        #expect(root["😀"]?.at == "2:4")
        #expect(root["z"]?.sequence?.map(\.at) == ["3:5", "4:3"])
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let root = try YAMLReader.read([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8), file: "bom.yaml")
        #expect(root["a"]?.scalar == "1")
        #expect(root.entries?.first?.key.at == "1:1")
        #expect(root["a"]?.at == "1:4")
    }
}

extension YAMLNode.Kind {
    func isScalar(text: String, style: ScalarStyle) -> Bool {
        if case .scalar(text, style) = self { return true }
        return false
    }
}
