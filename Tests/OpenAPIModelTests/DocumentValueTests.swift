import BindgenDiagnostics
import OpenAPIModel
import Testing
import YAMLSource

/// Values the document writes for a schema are typed once, by YAML 1.2's core schema, keeping each scalar's text.
@Suite struct DocumentValueTests {
    static func schema(_ body: String) throws -> (Schema, [Diagnostic]) {
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                S:
            \(body)
            """
        let diagnostics = DiagnosticCollector()
        let tree = try YAMLReader.read(Array(yaml.utf8), file: "api.yaml")
        let document = try DocumentParser(sources: SourceSet(rootFile: "api.yaml", rootTree: tree), diagnostics: diagnostics).parse()
        let address = try #require(document.componentSchemas.first?.address)
        return (try #require(document.schemas[address]), diagnostics.diagnostics)
    }

    @Test func scalarsAreTypedByTheCoreSchemaAndKeepTheirText() throws {
        let (schema, _) = try Self.schema("""
                  enum: [null, ~, 'null', true, False, 'true', 42, 0x1F, '42', 1.0, 1e3, .inf, plain text, "quoted"]
            """)
        let values = try #require(schema.enumValues)
        #expect(values.map(\.kind) == [
            .null, .null, .string, .bool(true), .bool(false), .string, .integer(42), .integer(31), .string,
            .number(1.0), .number(1000), .number(.infinity), .string, .string,
        ])
        #expect(values.map(\.text) == ["null", "~", "null", "true", "False", "true", "42", "0x1F", "42", "1.0", "1e3", ".inf", "plain text", "quoted"])
    }

    @Test func containersKeepOrder() throws {
        let (schema, _) = try Self.schema("""
                  example: {b: [1, two], a: {c: null}}
                  default: []
            """)
        let example = try #require(schema.example)
        guard case .object(let members) = example.kind else {
            Issue.record("example is \(example.kind)")
            return
        }
        #expect(members.map(\.name) == ["b", "a"])
        guard case .array(let items) = members[0].value.kind else {
            Issue.record("b is \(members[0].value.kind)")
            return
        }
        #expect(items.map(\.kind) == [.integer(1), .string])
        #expect(schema.defaultValue?.kind == .array([]))
        #expect(example.text == nil)
    }

    @Test func anAliasBombIsCutAndReported() throws {
        // Six levels of ten aliases each would be a million nodes.
        let (schema, diagnostics) = try Self.schema("""
                  x-a: &a [x, x, x, x, x, x, x, x, x, x]
                  x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
                  x-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
                  x-d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
                  x-e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
                  example: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
            """)
        #expect(schema.example != nil)
        let warning = diagnostics.first { $0.severity == .warning && $0.message.contains("expand to more than") }
        #expect(warning != nil, "\(diagnostics)")
        #expect(warning?.description.hasPrefix("api.yaml:") == true)
    }
}
