import BindgenDiagnostics
@testable import BindgenIR
@testable import BindgenRender
import Foundation
import OpenAPIModel
import Testing
import YAMLSource

/// The typed views templates read: keys by number, lookups that continue outwards, lists built on demand, and an
/// `Encodable` form that holds exactly what templates see.
@Suite struct ContextViewTests {
    static let yaml = """
        openapi: 3.1.0
        info: {title: Pets, version: '2'}
        paths:
          /pets:
            get:
              operationId: listPets
              tags: [pets]
              responses:
                '200':
                  description: ok
                  content:
                    application/json: {schema: {type: array, items: {$ref: '#/components/schemas/Pet'}}}
            post:
              operationId: createPet
              tags: [pets, admin]
              requestBody:
                required: true
                content:
                  application/json: {schema: {$ref: '#/components/schemas/Pet'}}
              responses:
                '201': {description: created}
          /health:
            get:
              operationId: health
              responses:
                '204': {description: up}
        components:
          schemas:
            Pet:
              type: object
              required: [id]
              properties:
                id: {type: integer}
                name: {type: string}
                status: {type: string, enum: [available, sold]}
            Kind: {type: string, enum: [cat, dog]}
        """

    static func context() throws -> TemplateContext {
        let tree = try YAMLReader.read(Array(yaml.utf8), file: "openapi.yaml")
        let diagnostics = DiagnosticCollector()
        let document = try DocumentParser(sources: SourceSet(rootFile: "openapi.yaml", rootTree: tree), diagnostics: diagnostics).parse()
        let model = Lowering.lower(document, diagnostics: diagnostics, schemaNames: [], schemaTypes: [])
        return TemplateContext(model: model, options: RenderOptions())
    }

    static func render(_ template: String, _ context: Any) throws -> String? {
        let program = try TemplateParser.parse("{{% CONTENT_TYPE: TEXT }}" + template)
        return TemplateLibrary(programs: ["main": program]).render(context, withTemplate: "main")
    }

    @Test func keysAreNumberedOncePerName() {
        #expect(ContextKey("operations") == ContextKey("operations"))
        #expect(ContextKey("operations") != ContextKey("schemas"))
        #expect(ContextKey("a name no table declares").index >= 0)
    }

    @Test func viewsAnswerTheirOwnKeysAndNothingElse() throws {
        let document = try Self.context().document()
        #expect(document.value(named: "title") as? String == "Pets")
        #expect(document.value(named: "apiVersion") as? String == "2")
        #expect(document.value(named: "noSuchKey") == nil)
        let operations = try #require(document.value(named: "operations") as? ContextList)
        #expect(operations.count == 3)
        #expect(operations.element(1).value(named: "operationID") as? String == "createPet")
        // A document key is not an operation's own.
        #expect(operations.element(0).value(named: "title") == nil)
    }

    @Test func templatesReadViewsLikeDictionaries() throws {
        let document = try Self.context().document()
        let text = try Self.render(
            "{{title}}|{{#operations}}{{operationID}}{{^isLast}},{{/isLast}}{{/operations}}|{{operations.count}}|{{#tags}}{{typeName}}:{{operationCount}};{{/tags}}",
            document)
        #expect(text == "Pets|listPets,createPet,health|3|Pets:2;Admin:1;")
    }

    @Test func aKeyAViewLacksIsFoundInTheEnclosingView() throws {
        let document = try Self.context().document()
        #expect(try Self.render("{{#operations}}{{operationID}}@{{title}} {{/operations}}", document) == "listPets@Pets createPet@Pets health@Pets ")
        // Inside a tag, `operations` is the tag's own list, not the document's.
        #expect(try Self.render("{{#tags}}{{name}}={{#operations}}{{operationID}} {{/operations}}{{/tags}}", document)
            == "pets=listPets createPet admin=createPet ")
    }

    @Test func positionKeysExistOnlyInPositionedLists() throws {
        let document = try Self.context().document()
        let operations = try #require(document.value(named: "operations") as? ContextList)
        #expect(operations.element(0).value(named: "isFirst") as? Bool == true)
        #expect(operations.element(2).value(named: "isLast") as? Bool == true)
        #expect(operations.element(1).value(named: "isLast") as? Bool == false)
        #expect(try Self.render("{{#operations}}{{#first()}}^{{/first()}}{{operationID}}{{^last()}},{{/last()}}{{/operations}}", document)
            == "^listPets,createPet,health")
    }

    @Test func listTransformsWorkOnViewLists() throws {
        let document = try Self.context().document()
        #expect(try Self.render("{{count(schemas)}} {{#reversed(schemas)}}{{name}} {{/reversed(schemas)}}{{#last(schemas)}}{{name}}{{/last(schemas)}}", document)
            == "2 Kind Pet Kind")
        #expect(try Self.render("{{^empty(webhooks)}}webhooks{{/empty(webhooks)}}{{#empty(webhooks)}}none{{/empty(webhooks)}}", document) == "none")
    }

    @Test func dictionaryTransformsSeeTheViewsPresentKeys() throws {
        let document = try Self.context().document()
        let auth = try #require(document.value(named: "auth") as? ContextObject)
        let expected = auth.entries.keys.sorted()
        #expect(!expected.isEmpty)
        #expect(try Self.render("{{#sorted(auth)}}{{key}};{{/sorted(auth)}}", document) == expected.map { "\($0);" }.joined())
        #expect(try Self.render("{{count(auth)}}", document) == "\(expected.count)")
    }

    /// Walks a view and its JSON form together: the same keys, the same texts, flags and numbers, lists of the same
    /// length. What `dump-context` prints is what templates read.
    @Test func theEncodableFormIsWhatTemplatesRead() throws {
        let context = try Self.context()
        let json = try JSONSerialization.jsonObject(with: Data(context.json().utf8))
        var kindsSeen: Set<[String]> = []
        func compare(_ view: ContextObject, _ json: Any, path: String) {
            guard let object = json as? [String: Any] else {
                Issue.record("\(path): not an object in the JSON")
                return
            }
            kindsSeen.insert(view.keyNames)
            let present = view.keyNames.filter { view.value(named: $0) != nil }
            #expect(Set(object.keys) == Set(present), "\(path)")
            for name in present {
                let value = view.value(named: name)
                let member = object[name] as Any
                switch value {
                case let text as String: #expect(member as? String == text, "\(path).\(name)")
                case let flag as Bool: #expect((member as? NSNumber)?.boolValue == flag, "\(path).\(name)")
                case let number as Int: #expect(member as? Int == number, "\(path).\(name)")
                case let texts as [String]: #expect(member as? [String] == texts, "\(path).\(name)")
                case let nested as ContextObject: compare(nested, member, path: "\(path).\(name)")
                case let list as ContextList:
                    let array = member as? [Any] ?? []
                    #expect(array.count == list.count, "\(path).\(name)")
                    for (index, element) in zip(list.elements, array).enumerated() { compare(element.0, element.1, path: "\(path).\(name)[\(index)]") }
                default: Issue.record("\(path).\(name): \(type(of: value)) is not a context value")
                }
            }
        }
        compare(context.document(), json, path: "document")
        // The walk reached documents, servers, auth, schemas, properties, cases, type infos, operations, …
        #expect(kindsSeen.count >= 10, "\(kindsSeen.count) kinds of view")
    }

    @Test func everyTableIsInTheContract() {
        #expect(ContextContract.keys["operation"] == OperationView.members.names)
        #expect(ContextContract.keys["schema"] == SchemaView.members.names)
        #expect(ContextContract.keys["returnKind"] == PayloadKindView.members.names)
        for (kind, names) in ContextContract.keys {
            #expect(Set(names).count == names.count, "\(kind) declares a key twice")
        }
    }
}
