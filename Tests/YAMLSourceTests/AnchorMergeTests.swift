import Testing
import YAMLSource

/// Anchors, aliases, merge keys and duplicate-key detection.
@Suite struct AnchorMergeTests {
    @Test func aliasIsTheAnchoredInstance() throws {
        let root = try parse("""
            base: &b {x: 1}
            use: *b
            name: &n hello
            again: *n
            list: [*b, *n]

            """)
        let base = try #require(root["base"])
        #expect(root["use"] === base)
        #expect(root["again"] === root["name"])
        #expect(root["list"]?.sequence?[0] === base)
        #expect(root["list"]?.sequence?[1] === root["name"])
        // The alias keeps the anchored node's location, which starts at its anchor.
        #expect(root["again"]?.at == "3:7")
    }

    @Test func anchorsCanBeRedefined() throws {
        let root = try parse("a: &x 1\nb: *x\nc: &x 2\nd: *x\n")
        #expect(root["b"]?.scalar == "1")
        #expect(root["d"]?.scalar == "2")
    }

    @Test func unknownAliasIsAnErrorAtTheAlias() {
        let error = parseError("a: 1\nb:\n  - *nope\n")
        #expect(error?.at == "3:5")
        #expect(error?.message == "unknown alias '*nope' (no anchor '&nope' defined before it)")
    }

    @Test func recursiveAliasIsAnError() {
        let error = parseError("a: &x\n  b: *x\n")
        #expect(error?.at == "2:6")
        #expect(error?.message.contains("recursive") == true)
    }

    @Test func mergeKeyExpandsAndExplicitKeysWin() throws {
        let root = try parse("""
            base: &base
              a: 1
              b: 2
            derived:
              <<: *base
              b: 3
              c: 4

            """)
        let derived = try #require(root["derived"])
        #expect(derived.keys == ["a", "b", "c"])
        #expect(derived["a"]?.scalar == "1")
        #expect(derived["b"]?.scalar == "3")
        #expect(derived["c"]?.scalar == "4")
        // Merged entries keep the locations they have in the anchored mapping.
        #expect(derived.entries?.first?.key.at == "2:3")
        #expect(derived["a"]?.at == "2:6")
        #expect(derived["b"]?.at == "6:6")
        #expect(derived["<<"] == nil)
    }

    @Test func mergeSequenceEarlierMappingsWin() throws {
        let root = try parse("""
            one: &one {a: 1, b: 1}
            two: &two {b: 2, c: 2}
            both:
              x: 0
              <<: [*one, *two]
              c: 3

            """)
        let both = try #require(root["both"])
        #expect(both.keys == ["x", "a", "b", "c"])
        #expect(both["b"]?.scalar == "1")
        #expect(both["b"]?.at == "1:21")
        #expect(both["c"]?.scalar == "3")
    }

    @Test func mergeOfInlineMappingAndQuotedKeyIsNotAMerge() throws {
        let root = try parse("m:\n  <<: {k: v}\n  '<<': literal\n")
        #expect(root["m"]?.keys == ["k", "<<"])
        #expect(root["m"]?["<<"]?.scalar == "literal")
    }

    @Test(arguments: ["<<: scalar\n", "<<: [*a]\n", "<<: [{a: 1}, 2]\n"])
    func mergeOfNonMappingIsAnError(_ tail: String) {
        let error = parseError("a: &a [1]\nm:\n  " + tail)
        #expect(error?.location.line == 3)
        #expect(error?.location.column == 7)
        #expect(error?.message == "the value of a merge key '<<' must be a mapping or a sequence of mappings")
    }

    @Test func duplicateKeyIsReportedAtTheSecondKey() {
        let error = parseError("name: a\nother: b\nname: c\n")
        #expect(error?.at == "3:1")
        #expect(error?.message == "duplicate key 'name' (first at 1:1)")
        #expect(error?.description == "test.yaml:3:1: error: duplicate key 'name' (first at 1:1)")
    }

    @Test func duplicateKeyIgnoresQuotingStyle() {
        let error = parseError("outer:\n  \"k\": 1\n  k: 2\n")
        #expect(error?.at == "3:3")
        #expect(error?.message == "duplicate key 'k' (first at 2:3)")
    }

    @Test func duplicateKeyInJSON() {
        let error = parseError(#"{"a": 1, "b": {"x": 1, "x": 2}}"#)
        #expect(error?.at == "1:24")
        #expect(error?.message == "duplicate key 'x' (first at 1:16)")
    }

    @Test func duplicateKeyInALargeMapping() {
        // Large mappings index their keys; the diagnostic must be the same.
        var lines = (0..<40).map { "key\($0): \($0)" }
        lines.append("key7: again")
        let error = parseError(lines.joined(separator: "\n") + "\n")
        #expect(error?.at == "41:1")
        #expect(error?.message == "duplicate key 'key7' (first at 8:1)")
    }

    @Test func largeMappingWithoutDuplicatesParses() throws {
        let text = (0..<500).map { "k\($0): \($0)" }.joined(separator: "\n")
        let root = try parse(text)
        #expect(root.entries?.count == 500)
        #expect(root["k499"]?.intValue == 499)
        #expect(root["k499"]?.at == "500:7")
    }

    @Test func sameKeyInDifferentMappingsIsFine() throws {
        let root = try parse("a: {id: 1}\nb: {id: 2}\n")
        #expect(root["a"]?["id"]?.scalar == "1")
        #expect(root["b"]?["id"]?.scalar == "2")
    }
}
