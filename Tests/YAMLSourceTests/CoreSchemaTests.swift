import Testing
import YAMLSource

/// The bool/int/double/null helpers apply the YAML 1.2 core schema to plain scalars only.
@Suite struct CoreSchemaTests {
    /// A one-scalar document.
    private func scalar(_ text: String) throws -> YAMLNode {
        let node = try parse(text)
        #expect(node.scalar != nil, "\(text) should read as a scalar")
        return node
    }

    @Test(arguments: [("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false), ("FALSE", false)])
    func booleans(_ text: String, _ expected: Bool) throws {
        #expect(try scalar(text).boolValue == expected)
    }

    @Test(arguments: ["yes", "no", "on", "off", "tRUE", "\"true\"", "'false'", "1", "truex", "~"])
    func notBooleans(_ text: String) throws {
        #expect(try scalar(text).boolValue == nil)
    }

    @Test(arguments: ["~", "null", "Null", "NULL"])
    func nulls(_ text: String) throws {
        #expect(try scalar(text).isNull)
    }

    @Test(arguments: ["nULL", "\"null\"", "'~'", "none", "0", "\"\""])
    func notNulls(_ text: String) throws {
        #expect(try scalar(text).isNull == false)
    }

    @Test(arguments: [
        ("0", 0), ("42", 42), ("-17", -17), ("+3", 3), ("007", 7), ("-0", 0),
        ("0x1F", 31), ("0xff", 255), ("0o17", 15), ("0o0", 0),
        ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
    ])
    func integers(_ text: String, _ expected: Int) throws {
        #expect(try scalar(text).intValue == expected)
    }

    @Test(arguments: [
        "9223372036854775808", "-9223372036854775809", "0x10000000000000000", "1.0", "1e3", "0x", "0xG",
        "0o8", "-0x1", "+-1", "1_000", "12a", "\"12\"", "'12'", "", "- 1", ".5", "0b101",
    ])
    func notIntegers(_ text: String) throws {
        let node = try parse(text)
        #expect(node.intValue == nil)
    }

    @Test(arguments: [
        ("1.5", 1.5), ("-2.25", -2.25), ("+0.5", 0.5), (".5", 0.5), ("1.", 1.0), ("7", 7.0), ("-3", -3.0),
        ("1e3", 1000.0), ("2.5E-2", 0.025), ("-1e+2", -100.0), ("0x10", 16.0), ("0o10", 8.0),
        (".inf", .infinity), (".Inf", .infinity), ("+.INF", .infinity), ("-.inf", -.infinity), ("-.Inf", -.infinity),
        ("1e400", .infinity), ("9223372036854775808", 9_223_372_036_854_775_808.0),
    ])
    func doubles(_ text: String, _ expected: Double) throws {
        #expect(try scalar(text).doubleValue == expected)
    }

    @Test(arguments: [".nan", ".NaN", ".NAN"])
    func notANumber(_ text: String) throws {
        let value = try #require(try scalar(text).doubleValue)
        #expect(value.isNaN)
    }

    @Test(arguments: [
        "\"1.5\"", "'2'", "abc", "1.5.2", "e3", "1e", "1e+", ".", "-.", "+", "inf", "nan", ".nAn", "infinity",
        "1,5", "0x1.8p1", "--1",
    ])
    func notDoubles(_ text: String) throws {
        let node = try parse(text)
        #expect(node.doubleValue == nil)
    }

    @Test func helpersIgnoreCollections() throws {
        let node = try parse("[true]")
        #expect(node.boolValue == nil)
        #expect(node.intValue == nil)
        #expect(node.doubleValue == nil)
        #expect(node.isNull == false)
    }

    @Test func jsonLiteralsInContext() throws {
        let root = try parse(#"{"n": -12, "f": 3.25e1, "t": true, "f2": false, "z": null, "s": "1"}"#)
        #expect(root["n"]?.intValue == -12)
        #expect(root["f"]?.doubleValue == 32.5)
        #expect(root["f"]?.intValue == nil)
        #expect(root["t"]?.boolValue == true)
        #expect(root["f2"]?.boolValue == false)
        #expect(root["z"]?.isNull == true)
        #expect(root["s"]?.intValue == nil)
        #expect(root["s"]?.scalar == "1")
    }
}
