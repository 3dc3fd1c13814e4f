import BindgenRuntime
import FixtureFidelity
import Foundation
import HTTPTypes
import Testing

/// The generated code of Tests/Fixtures/Fidelity/openapi.yaml: schema-valid payloads decode into what the document
/// means and encode back to the same JSON (issue 12). Each test failed (or its fixture did not compile) before.
@Suite struct FidelityTests {
    /// Records the request and answers 200 with a fixed body.
    final class Recorder: ClientTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var requests: [HTTPRequest] = []
        let body: String

        init(body: String) { self.body = body }

        var last: HTTPRequest? { lock.withLock { requests.last } }

        func send(_ request: HTTPRequest, body: TransportBody?, timeout: Duration?) async throws -> (HTTPResponse, Data) {
            lock.withLock { requests.append(request) }
            var fields = HTTPFields()
            fields[.contentType] = "application/json"
            return (HTTPResponse(status: .ok, headerFields: fields), Data(self.body.utf8))
        }
    }

    func roundTrip<T: Codable>(_ type: T.Type, _ json: String) throws -> (value: T, original: JSONValue, again: JSONValue) {
        let data = Data(json.utf8)
        let value = try JSONDecoder.bindgen.decode(T.self, from: data)
        let again = try JSONDecoder.bindgen.decode(JSONValue.self, from: JSONEncoder.bindgen.encode(value))
        return (value, try JSONDecoder.bindgen.decode(JSONValue.self, from: data), again)
    }

    // Family 1: `Cursor: {type: [string, "null"]}` was `typealias Cursor = String?`; the optional query parameter was
    // `String??` (did not compile) and the path parameter `String?`.
    @Test func nullableScalarComponentsAreParametersOfTheirScalarType() async throws {
        let owner: Cursor = "octo"
        let recorder = Recorder(body: "[]")
        let client = Client(serverURL: URL(string: "http://127.0.0.1:9")!, transport: recorder)
        let issues = try await client.listIssues(owner: owner, cursor: "c2", legacyCursor: nil, since: "7")
        #expect(issues.isEmpty)
        #expect(recorder.last?.path == "/issues/octo?cursor=c2&since=7")
        // The alias is the scalar; a property of that type is one optional, not two.
        let issue = try roundTrip(Issue.self, #"{"id":1,"assignee":null,"closedBy":null,"reviewer":null,"milestone":null,"metadata":{"a":"b"},"cursor":null}"#)
        let metadata: [String: String]? = issue.value.metadata
        #expect(metadata == ["a": "b"])
        #expect(issue.value.cursor == nil)
    }

    // Family 2: a required member whose `$ref` target allows `null` (3.1 type list, 3.0 `nullable`, `allOf` with
    // `nullable` beside it or as a member) threw `valueNotFound` on `null`.
    @Test func nullReachesTheUseSiteThroughReferences() throws {
        let unassigned = #"{"id":7,"assignee":null,"closedBy":null,"reviewer":null,"milestone":null,"metadata":null}"#
        let result = try roundTrip(Issue.self, unassigned)
        #expect(result.value.assignee == nil && result.value.closedBy == nil && result.value.reviewer == nil)
        #expect(result.value.milestone == nil)
        #expect(result.again == result.original, "required nullable members are written as null")

        let assigned = #"{"id":8,"assignee":{"login":"ada"},"closedBy":{"login":"bob"},"reviewer":{"login":"cy"},"milestone":{"title":"v1"},"metadata":null}"#
        let again = try roundTrip(Issue.self, assigned)
        #expect(again.value.assignee?.login == "ada" && again.value.reviewer?.login == "cy")
        #expect(again.again == again.original)
    }

    // Family 3: `allOf` of a scalar and annotations was an empty struct: `true` decoded "successfully" and
    // re-encoded as `{}`.
    // Family 3, found by the oracle on a file-storage API: `allOf` of annotation-only members was an empty struct (a
    // parameter value `5` failed, `{"c": [true]}` lost its members), and `allOf: [{nullable string}, {nullable: false}]`
    // refused the `null` JSON Schema allows.
    @Test func allOfOfAnnotationsAloneIsFreeForm() throws {
        let json = #"{"id":"1","sequence_id":null,"params":{"a":5,"b":{"c":[true]},"d":null},"source":{"k":"v","n":[1]}}"#
        let folder = try roundTrip(Folder.self, json)
        #expect(folder.value.sequenceId == nil)
        #expect(folder.value.params?["a"] == .integer(5))
        #expect(folder.again == folder.original)
        let numbered = try roundTrip(Folder.self, #"{"id":"2","sequence_id":"3"}"#)
        #expect(numbered.value.sequenceId == "3")
        #expect(numbered.again == numbered.original)
    }

    // Found by the oracle (a petstore whose allOf part is a oneOf): the struct had the declared members only, and the
    // alternative's members vanished; they are kept in `additionalProperties` now, untyped.
    @Test func membersOfAUnionBesideAStructAreKept() throws {
        let shipment = try roundTrip(Shipment.self, #"{"id":"s1","carrier":"ups"}"#)
        #expect(shipment.value.id == "s1")
        #expect(shipment.value.additionalProperties["carrier"] == .string("ups"))
        #expect(shipment.again == shipment.original)
    }

    // Found by the oracle on DigitalOcean (a sink's `required: [urn]` without `properties.urn`): the member was lost.
    @Test func requiredMembersWithoutASchemaAreKept() throws {
        let sink = try roundTrip(Sink.self, #"{"urn":["do:droplet:1",{"a":null}],"name":"logs"}"#)
        #expect(sink.value.urn == .array([.string("do:droplet:1"), .object(["a": .null])]))
        #expect(sink.again == sink.original)
    }

    @Test func allOfOfAScalarIsThatScalar() throws {
        let json = #"{"id":1,"assignee":null,"closedBy":null,"reviewer":null,"milestone":null,"metadata":null,"number":"42","locked":true,"label":"bug"}"#
        let result = try roundTrip(Issue.self, json)
        let number: String? = result.value.number
        let locked: Bool? = result.value.locked
        let label: String? = result.value.label
        #expect(number == "42" && locked == true && label == "bug")
        #expect(result.again == result.original)
        #expect(throws: DecodingError.self) {
            try JSONDecoder.bindgen.decode(Issue.self, from: Data(#"{"id":1,"assignee":null,"closedBy":null,"reviewer":null,"milestone":null,"metadata":null,"locked":{}}"#.utf8))
        }
    }

    // Family 4: without `mapping` the tag was matched against schema names only, so pinned values never matched.
    @Test func pinnedDiscriminatorValuesSelectTheirVariant() throws {
        let json = #"[{"type":"message","text":"hi"},{"type":"function_call","name":"lookup"},{"type":"Reasoning","summary":"s"},{"type":"web_search"}]"#
        let result = try roundTrip([OutputItem].self, json)
        guard result.value.count == 4 else { Issue.record("\(result.value)"); return }
        guard case .outputMessage(let message) = result.value[0] else { Issue.record("\(result.value[0])"); return }
        #expect(message.text == "hi")
        guard case .functionCall(let call) = result.value[1] else { Issue.record("\(result.value[1])"); return }
        #expect(call.name == "lookup")
        guard case .reasoning = result.value[2] else { Issue.record("\(result.value[2])"); return }
        guard case .unknown = result.value[3] else { Issue.record("\(result.value[3])"); return }
        #expect(result.again == result.original)
    }

    // Issue 16: a required member fixed to one value (`enum: [message]`, `const: function_call`) had to be passed to
    // the initializer, and any value could be; now the initializer fills it and it is `private(set)`.
    @Test func constantMembersAreFilledByTheInitializer() throws {
        let message = OutputMessage(text: "hi")
        let call = FunctionCall(name: "lookup")
        #expect(message.type == .message && call.type == "function_call")
        let encoded = try JSONDecoder.bindgen.decode(JSONValue.self, from: JSONEncoder.bindgen.encode([OutputItem.outputMessage(message), .functionCall(call)]))
        let expected = try JSONDecoder.bindgen.decode(JSONValue.self, from: Data(#"[{"type":"message","text":"hi"},{"type":"function_call","name":"lookup"}]"#.utf8))
        #expect(encoded == expected)
    }

    // Family 5: the first decodable alternative won: `[AreaLite]` for every array, dropping names and populations;
    // the string alternative swallowed every enum value.
    @Test func unionsChooseTheAlternativeThatKeepsTheValue() throws {
        let full = try roundTrip(Areas.self, #"[{"id":1,"name":"Lyon","population":522000}]"#)
        guard case .areaFullArray = full.value else { Issue.record("\(full.value)"); return }
        #expect(full.again == full.original)
        let basic = try roundTrip(Areas.self, #"[{"id":2,"name":"Caen"}]"#)
        guard case .areaBasicArray = basic.value else { Issue.record("\(basic.value)"); return }
        let lite = try roundTrip(Areas.self, #"[{"id":3}]"#)
        guard case .areaLiteArray = lite.value else { Issue.record("\(lite.value)"); return }

        #expect(try roundTrip(Color.self, #""red""#).value == .namedColor(.red))
        #expect(try roundTrip(Color.self, #""teal""#).value == .string("teal"))
        // A date alternative is written back as RFC 3339 text (it was written as `Date`'s own number).
        let when = try roundTrip(When.self, #""2026-12-03T10:00:00Z""#)
        guard case .date = when.value else { Issue.record("\(when.value)"); return }
        #expect(when.again == .string("2026-12-03T10:00:00Z"))
        guard case .integer(3) = try roundTrip(Amount.self, "3").value else { Issue.record("3 is not an integer"); return }
        guard case .number(2.5) = try roundTrip(Amount.self, "2.5").value else { Issue.record("2.5 is not a number"); return }
    }

    // Family 7: `"+1"`/`"-1"` were `_1`/`_12` as properties and `plus1`/`minus1` as enum cases.
    @Test func signedNamesAreSpelledAlikeForPropertiesAndCases() throws {
        let json = #"{"id":1,"assignee":null,"closedBy":null,"reviewer":null,"milestone":null,"metadata":null,"+1":3,"-1":1,"reaction":"-1"}"#
        let result = try roundTrip(Issue.self, json)
        #expect(result.value.plus1 == 3 && result.value.minus1 == 1)
        #expect(result.value.reaction == .minus1 && Reaction.plus1.rawValue == "+1")
        #expect(result.again == result.original)
    }

    // Family 10: `additionalProperties` beside `properties` dropped every undeclared member silently.
    @Test func undeclaredMembersAreKeptWhenTheSchemaAllowsThem() throws {
        let labels = try roundTrip(Labels.self, #"{"name":"a","color":"red","size":"L"}"#)
        #expect(labels.value.name == "a" && labels.value.additionalProperties == ["color": "red", "size": "L"])
        #expect(labels.again == labels.original)
        #expect(throws: DecodingError.self) { try JSONDecoder.bindgen.decode(Labels.self, from: Data(#"{"color":1}"#.utf8)) }

        let extensible = try roundTrip(Extensible.self, #"{"id":3,"name":"b","tier":"gold"}"#)
        #expect(extensible.value.id == 3 && extensible.value.additionalProperties == ["tier": "gold"])
        #expect(extensible.again == extensible.original)

        let open = try roundTrip(Open.self, #"{"kind":"x","data":{"n":[1,2.5,null,true]}}"#)
        #expect(open.value.additionalProperties["data"]?["n"]?[1] == 2.5)
        #expect(open.again == open.original)
        #expect(Open(kind: "y").additionalProperties.isEmpty)
        // Members a `patternProperties` entry matches were dropped too.
        let headers = try roundTrip(Headers.self, #"{"host":"h","x-trace":"t"}"#)
        #expect(headers.value.additionalProperties == ["x-trace": "t"])
        #expect(headers.again == headers.original)
    }

    // `format: float` was a `Float`: 0.123456789012 came back as 0.12345679, and 5e-324 failed the whole value.
    @Test func floatFormattedNumbersKeepEveryDigit() throws {
        for text in [#"{"ratio":0.123456789012}"#, #"{"ratio":5e-324}"#, #"{"ratio":4.024120708588538e+16}"#] {
            let result = try roundTrip(Measure.self, text)
            #expect(result.again == result.original, "\(text)")
        }
    }

    // Issue 14: members holding large structs are boxed, and a boxed member that is optional and nullable is
    // `@IndirectNullable`: before, a self-referencing nullable member lost the difference between absent and `null`.
    @Test func boxedMembersKeepAbsentAndNullApart() throws {
        let digest = #"{"title":"t","author":"a","words":3,"language":"en","closed":false}"#
        let absent = try roundTrip(Thread.self, #"{"id":"1","digest":\#(digest)}"#)
        #expect(absent.value.$parent == .absent && absent.value.$summary == .absent)
        #expect(absent.again == absent.original)

        let nulls = try roundTrip(Thread.self, #"{"id":"2","parent":null,"summary":null,"digest":\#(digest)}"#)
        #expect(nulls.value.$parent == .null && nulls.value.$summary == .null && nulls.value.parent == nil)
        #expect(nulls.again == nulls.original, "null is written back, not left out")

        let nested = try roundTrip(Thread.self, #"{"id":"3","parent":{"id":"2","parent":{"id":"1","digest":\#(digest)},"digest":\#(digest)},"summary":\#(digest),"digest":\#(digest)}"#)
        #expect(nested.value.parent?.parent?.id == "1" && nested.value.summary?.words == 3)
        #expect(nested.again == nested.original)

        // Value semantics: a change through a copy leaves the original alone.
        var copy = nested.value
        copy.digest.title = "changed"
        copy.summary?.words = 9
        copy.parent?.id = "x"
        #expect(nested.value.digest.title == "t" && nested.value.summary?.words == 3 && nested.value.parent?.id == "2")
        #expect(copy.digest.title == "changed" && copy.summary?.words == 9 && copy.parent?.id == "x")
        copy.$summary = .null
        let written = try JSONDecoder.bindgen.decode(JSONValue.self, from: JSONEncoder.bindgen.encode(copy))
        #expect(written["summary"] == .null)
    }

    @Test func boxedNullableMembersBesideAdditionalPropertiesKeepAbsentAndNullApart() throws {
        for text in [#"{"tag":"x"}"#, #"{"about":null,"tag":"x"}"#, #"{"about":{"title":"t","words":2,"closed":true},"tag":"x"}"#] {
            let note = try roundTrip(Note.self, text)
            #expect(note.again == note.original, "\(text)")
            #expect(note.value.additionalProperties == ["tag": "x"])
        }
        #expect(try roundTrip(Note.self, #"{"about":null}"#).value.$about == .null)
        #expect(try roundTrip(Note.self, "{}").value.$about == .absent)
    }
}
