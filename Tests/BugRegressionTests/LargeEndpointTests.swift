import BindgenRuntime
import FixtureLargeEndpoint
import Foundation
import Testing

/// The 700-operation fixture (Tests/Fixtures/make-large-endpoint.py). That the target builds at all is the first
/// check: a `switch` over 700 enum cases is past Swift's exhaustiveness budget unless the generator spells the last
/// case as `default:`. These tests check that the spelling keeps every operation's values right, the last one
/// included, and that a `oneOf` of scalars works as a path parameter.
@Suite struct LargeEndpointTests {
    let client = APIClient(configuration: ClientConfiguration(serverURL: URL(fileURLWithPath: "/")))

    @Test func everyOperationKeepsItsOwnValues() throws {
        let first = Endpoint.getResource0(id: .integer(7))
        #expect(first.operationID == "getResource0")
        #expect(first.method == .get)
        #expect(first.pathTemplate == "/resources0/{id}")
        #expect(first.path == "/resources0/7")

        let middle = Endpoint.getResource350(id: .string("a b/c"))
        #expect(middle.operationID == "getResource350")
        #expect(middle.path == "/resources350/a%20b%2Fc")

        let beforeLast = Endpoint.getResource698(id: .integer(-1))
        #expect(beforeLast.operationID == "getResource698")
        #expect(beforeLast.path == "/resources698/-1")
    }

    @Test func theLastOperationIsTheDefaultClauseAndStillBindsItsArguments() throws {
        let endpoint = Endpoint.addNote(id: .string("n-1"), body: Note(text: "hello"), tag: "x&y")
        #expect(endpoint.operationID == "addNote")
        #expect(endpoint.method == .post)
        #expect(endpoint.pathTemplate == "/notes/{id}")
        #expect(endpoint.path == "/notes/n-1")
        let request = try endpoint.makeRequest(using: client)
        #expect(request.path == "/notes/n-1")
        #expect(request.queryItems.map(\.name) == ["tag"])
        #expect(request.queryItems.map(\.value) == ["x&y"])
        guard case .data(let data, let contentType) = request.body else {
            Issue.record("expected a JSON body, got \(String(describing: request.body))")
            return
        }
        #expect(contentType == "application/json")
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == ["text": "hello"])
    }

    @Test func scalarOneOfIsSentAsText() throws {
        #expect(ResourceID.integer(42).parameterValue == "42")
        #expect(ResourceID.string("droplet-1").parameterValue == "droplet-1")
        #expect(ResourceID.unknown(.bool(true)).parameterValue == "true")
        #expect(ResourceID.unknown(.null).parameterValue == "")
        // The inline form (DigitalOcean's `ssh_key_identifier`) gets its own type with the same behaviour.
        #expect(GetResource100Id.integer(3).parameterValue == "3")
        // And it still decodes by trial: a number is the integer variant, a string the string one.
        #expect(try JSONDecoder().decode(ResourceID.self, from: Data("12".utf8)) == .integer(12))
        #expect(try JSONDecoder().decode(ResourceID.self, from: Data(#""12a""#.utf8)) == .string("12a"))
    }
}
