import BindgenCore
import Foundation
import Testing

/// Request bodies (issue 12, family 6): every media type of a request body gets a method, form and multipart bodies
/// keep their `oneOf` and `additionalProperties` members, and what cannot be represented is a warning at its place.
@Suite struct RequestBodyGenerationTests {
    /// The document the `FixtureRequestBodies` target builds (BugRegressionTests sends its requests).
    static func fixture() throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent("Tests/Fixtures/RequestBodies/openapi.yaml"), encoding: .utf8)
    }

    @Test func oneMethodPerMediaTypeAndNoFieldDropped() throws {
        let files = try generate(Self.fixture())
        try assertGolden(files["Client.swift"] ?? "", named: "bodies.Client.swift.txt")
        try assertGolden(files["Endpoint.swift"] ?? "", named: "bodies.Endpoint.swift.txt")
    }

    @Test func mediaTypeSuffixesAndPreference() throws {
        let files = try generate("""
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /items:
            post:
              operationId: createItem
              requestBody:
                content:
                  text/plain: {schema: {type: string}}
                  application/vnd.api+json: {schema: {type: object, properties: {a: {type: string}}}}
                  application/octet-stream: {schema: {type: string, format: binary}}
              responses: {'204': {description: Done}}
          /createItemText:
            get:
              operationId: createItemText
              responses: {'204': {description: Done}}
        """)
        let client = files["Client.swift"] ?? ""
        // JSON first whatever the order; the others keep document order, named from their media type. The
        // document's own `createItemText` keeps its name; the text variant takes the next free one.
        #expect(client.contains("public func createItem(_ body: CreateItemRequest? = nil)"))
        #expect(client.contains("public func createItemText2(_ body: Swift.String? = nil)"))
        #expect(client.contains("public func createItemBinary(_ body: Foundation.Data? = nil)"))
        #expect(client.contains("public func createItemText()"))
        #expect(!client.contains("createItemVndAPI"))
    }

    @Test func unrepresentableBodiesAreWarnings() throws {
        let texts = try diagnostics("""
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /tags:
            post:
              operationId: addTags
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema: {type: array, items: {type: string}}
              responses: {'204': {description: Done}}
          /upload:
            post:
              operationId: upload
              requestBody:
                content:
                  multipart/form-data:
                    schema:
                      oneOf:
                        - {type: object, properties: {file: {type: string, format: binary}}}
                        - {type: object, properties: {url: {type: string}}}
              responses: {'204': {description: Done}}
        """)
        #expect(texts == [
            "DIR/openapi.yaml:9:11: warning: unsupported: a form body whose schema is not an object "
                + "(#/paths/~1tags/post/requestBody/content/application~1x-www-form-urlencoded/schema); "
                + "the method takes the encoded body as bytes",
            "DIR/openapi.yaml:17:11: warning: unsupported: a file inside a oneOf/anyOf multipart body "
                + "(#/paths/~1upload/post/requestBody/content/multipart~1form-data/schema); "
                + "the chosen alternative's members are sent as text parts, a file as base64 text",
        ])
    }
}
