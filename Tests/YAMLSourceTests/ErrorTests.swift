import BindgenDiagnostics
import Foundation
import Testing
import YAMLSource

/// Syntax and structural errors carry libyaml's problem text at its exact mark (1-based).
@Suite struct ErrorTests {
    @Test func badIndentation() {
        let error = parseError("a:\n  b: 1\n c: 2\n")
        #expect(error?.at == "3:2")
        #expect(error?.message == "did not find expected key (while parsing a block mapping at 1:1)")
        #expect(error?.description == "test.yaml:3:2: error: did not find expected key (while parsing a block mapping at 1:1)")
    }

    @Test func tabIndentedLine() {
        let error = parseError("a:\n\tb: 1\n")
        #expect(error?.at == "2:1")
        #expect(error?.message == "found character that cannot start any token (while scanning for the next token at 2:1)")
    }

    @Test func tabAfterPlainScalar() {
        let error = parseError("a: 1\n\tb: 2\n")
        #expect(error?.at == "2:1")
        #expect(error?.message == "found a tab character that violates indentation (while scanning a plain scalar at 1:4)")
    }

    @Test func mappingValueInPlainScalar() {
        let error = parseError("a: b: c\n")
        #expect(error?.at == "1:5")
        #expect(error?.message == "mapping values are not allowed in this context")
    }

    @Test(arguments: ["key: \"unclosed\n", "key: 'unclosed\n"])
    func unclosedQuote(_ text: String) {
        let error = parseError(text)
        #expect(error?.at == "2:1")
        #expect(error?.message == "found unexpected end of stream (while scanning a quoted scalar at 1:6)")
    }

    @Test func unclosedFlowSequence() {
        let error = parseError("[1, 2")
        #expect(error?.at == "2:1")
        #expect(error?.message == "did not find expected ',' or ']' (while parsing a flow sequence at 1:1)")
    }

    @Test func unclosedFlowInJSON() {
        let error = parseError("{\n  \"a\": [1, 2\n}\n")
        #expect(error?.at == "3:1")
        #expect(error?.message == "did not find expected ',' or ']' (while parsing a flow sequence at 2:8)")
    }

    @Test func multipleDocuments() {
        let error = parseError("a: 1\n---\nb: 2\n")
        #expect(error?.at == "2:1")
        #expect(error?.message == "multiple YAML documents in one file are not supported")
        let explicit = parseError("---\na: 1\n---\n")
        #expect(explicit?.at == "3:1")
        #expect(explicit?.message == "multiple YAML documents in one file are not supported")
    }

    @Test func explicitDocumentMarkersAroundOneDocument() throws {
        let root = try parse("%YAML 1.2\n---\na: 1\n...\n")
        #expect(root["a"]?.at == "3:4")
    }

    @Test func invalidUTF8IsAnErrorNotACrash() {
        let invalid = parseError(bytes: Array("a: x".utf8) + [0xFF, 0x0A])
        #expect(invalid?.at == "1:5")
        #expect(invalid?.message == "invalid leading UTF-8 octet (#xFF)")

        let truncated = parseError(bytes: Array("a:\n  é".utf8) + [0xC3])
        #expect(truncated?.at == "2:4")
        #expect(truncated?.message == "incomplete UTF-8 octet sequence")

        let control = parseError(bytes: Array("a: ".utf8) + [0x01])
        #expect(control?.at == "1:4")
        #expect(control?.message == "control characters are not allowed (#x1)")

        let lone = parseError(bytes: [0x80])
        #expect(lone?.at == "1:1")
    }

    @Test func readerErrorLocationAfterBOMAndCRLF() {
        let error = parseError(bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: ".utf8) + [0xFE])
        #expect(error?.at == "2:4")
    }

    @Test func unreadableFile() {
        let path = "/nonexistent/dir/openapi.yaml"
        do {
            _ = try YAMLReader.read(contentsOf: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.location == BindgenDiagnostics.SourceLocation(file: path, line: 1, column: 1))
            #expect(error.message == "cannot read file: No such file or directory")
            #expect(error.description == "\(path):1:1: error: cannot read file: No such file or directory")
        }
        do {
            _ = try YAMLReader.read(contentsOf: FileManager.default.temporaryDirectory.path)
            Issue.record("expected an error for a directory")
        } catch {
            #expect(error.message == "cannot read file: Is a directory")
        }
    }

    @Test func readsFilesAndData() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("yamlsource-\(UUID().uuidString).yaml").path
        try Data("x:\n  y: [1]\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let root = try YAMLReader.read(contentsOf: path)
        #expect(root["x"]?["y"]?.sequence?.first?.location == BindgenDiagnostics.SourceLocation(file: path, line: 2, column: 7))

        let fromData = try YAMLReader.read(Data("k: v".utf8), file: "data.yaml")
        #expect(fromData["k"]?.location.description == "data.yaml:1:4")
        let empty = try YAMLReader.read(Data(), file: "empty.yaml")
        #expect(empty.isNull)
    }

    @Test func errorInFileCarriesThePath() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("yamlsource-\(UUID().uuidString).yaml").path
        try Data("a: [\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: YAMLError.self) { try YAMLReader.read(contentsOf: path) }
        do {
            _ = try YAMLReader.read(contentsOf: path)
        } catch {
            #expect(error.location.file == path)
            #expect(error.location.line == 2)
        }
    }

    @Test func deepFlowNestingIsRejectedNotACrash() {
        let depth = 100_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = parseError(text)
        #expect(error?.at == "1:\(YAMLReader.maximumNestingDepth + 1)")
        #expect(error?.message == "collections are nested deeper than 1000 levels")

        let unclosed = parseError(String(repeating: "{\"a\":", count: depth))
        #expect(unclosed?.location.line == 1)
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let depth = YAMLReader.maximumNestingDepth
        let text = String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth)
        let root = try parse(text)
        let shape = measure(root)
        #expect(shape.depth == depth + 1)
        #expect(shape.nodes == depth + 1)
    }

    @Test func deepBlockNesting() throws {
        let depth = 200
        let text = (0..<depth).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " leaf\n"
        var node = try parse(text)
        for level in 0..<depth {
            node = try #require(node["k\(level)"])
        }
        #expect(node.scalar == "leaf")
        #expect(node.at == "\(depth):\(2 * (depth - 1) + 7)")
    }
}
