import BindgenRuntime
import FixtureRequestBodies
import Foundation
import HTTPTypes
import Testing

/// The generated client of Tests/Fixtures/RequestBodies/openapi.yaml, its requests recorded byte for byte (issue 12,
/// family 6): nothing of a schema-valid body may be dropped, and every media type the operation offers is reachable.
@Suite struct RequestBodyTests {
    /// Records each request with its body read in full, and answers with one status and JSON body.
    final class Recorder: ClientTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [(request: HTTPRequest, body: Data)] = []
        let status: Int
        let answer: String

        init(status: Int = 200, answer: String = "{}") {
            self.status = status
            self.answer = answer
        }

        var last: (request: HTTPRequest, body: Data)? { lock.withLock { recorded.last } }

        func send(_ request: HTTPRequest, body: TransportBody?, timeout: Duration?) async throws -> (HTTPResponse, Data) {
            let bytes: Data = switch body {
            case .data(let data): data
            case .file(let url): try Data(contentsOf: url)
            case nil: Data()
            }
            lock.withLock { recorded.append((request, bytes)) }
            var fields = HTTPFields()
            fields[.contentType] = "application/json"
            return (HTTPResponse(status: .init(code: status), headerFields: fields), Data(answer.utf8))
        }
    }

    func client(_ recorder: Recorder) -> Client {
        // Never contacted: the recorder answers.
        Client(serverURL: URL(string: "http://127.0.0.1:9") ?? URL(fileURLWithPath: "/"), transport: recorder)
    }

    func sent(_ recorder: Recorder) throws -> (contentType: String, text: String) {
        let last = try #require(recorder.last, "no request was sent")
        return (last.request.headerFields[.contentType] ?? "", String(decoding: last.body, as: UTF8.self))
    }

    @Test func aOneOfFormBodySendsTheChosenGrant() async throws {
        // Before: `createToken()` took no argument and sent an empty body.
        let recorder = Recorder(answer: #"{"access_token": "t1"}"#)
        let token = try await client(recorder).createToken(.passwordGrant(.init(
            username: "marie@example.com", password: "p&ss w=rd", scope: ["read", "write"])))
        #expect(token.accessToken == "t1")
        let password = try sent(recorder)
        #expect(password.contentType == "application/x-www-form-urlencoded")
        #expect(password.text == "grant_type=password&password=p%26ss+w%3Drd&scope=read&scope=write&username=marie%40example.com")

        _ = try await client(recorder).createToken(.refreshTokenGrant(.init(refreshToken: "r-9")))
        #expect(try sent(recorder).text == "grant_type=refresh_token&refresh_token=r-9")
    }

    @Test func dynamicMultipartPartNamesAreSent() async throws {
        // Before: `putLabels()` took no argument and sent a multipart body with no part.
        let recorder = Recorder(status: 204, answer: "")
        try await client(recorder).putLabels(additionalParts: ["team": "billing", "env": "prod"])
        let (contentType, text) = try sent(recorder)
        #expect(contentType.hasPrefix("multipart/form-data; boundary="))
        let env = try #require(text.range(of: "Content-Disposition: form-data; name=\"env\"\r\n\r\nprod\r\n"))
        let team = try #require(text.range(of: "Content-Disposition: form-data; name=\"team\"\r\n\r\nbilling\r\n"))
        #expect(env.lowerBound < team.lowerBound, "parts go in name order")
    }

    @Test func eachRequestMediaTypeHasItsMethod() async throws {
        let recorder = Recorder(status: 201, answer: #"{"id": "p1", "name": "Rex"}"#)
        // JSON, the preferred media type, keeps the operation's name.
        _ = try await client(recorder).createPet(.init(name: "Rex"))
        var request = try sent(recorder)
        #expect(request.contentType == "application/json")
        #expect(request.text == #"{"name":"Rex"}"#)

        // Multipart: the file is a file part with its bytes, never base64 JSON.
        let photo = Data([0x89, 0x50, 0x4E, 0x47])
        let pet = try await client(recorder).createPetMultipart(
            name: "Rex", photo: .data(photo, filename: "rex.png", contentType: "image/png"), additionalParts: ["colour": "brown"])
        #expect(pet.id == "p1")
        request = try sent(recorder)
        #expect(request.contentType.hasPrefix("multipart/form-data; boundary="))
        #expect(request.text.contains("Content-Disposition: form-data; name=\"name\"\r\n\r\nRex\r\n"))
        #expect(request.text.contains("Content-Disposition: form-data; name=\"photo\"; filename=\"rex.png\"\r\nContent-Type: image/png\r\n\r\n\u{FFFD}PNG\r\n"))
        #expect(request.text.contains("Content-Disposition: form-data; name=\"colour\"\r\n\r\nbrown\r\n"))
        let raw = try #require(recorder.last?.body)
        #expect(raw.range(of: photo) != nil, "the photo's bytes as they are")

        // Form.
        _ = try await client(recorder).createPetForm(name: "Rex", tags: ["good", "dog"])
        request = try sent(recorder)
        #expect(request.contentType == "application/x-www-form-urlencoded")
        #expect(request.text == "name=Rex&tags=good&tags=dog")
    }

    @Test func jsonPatchAndMergePatchAreBothReachable() async throws {
        let recorder = Recorder(answer: #"{"id": "p1", "name": "Max"}"#)
        _ = try await client(recorder).updatePet(id: "p1", [.init(op: .replace, path: "/name", value: .string("Max"))])
        var request = try sent(recorder)
        #expect(request.contentType == "application/json-patch+json")
        let operations = try JSONSerialization.jsonObject(with: Data(request.text.utf8)) as? [[String: String]]
        #expect(operations == [["op": "replace", "path": "/name", "value": "Max"]], "sent \(request.text)")

        // Before: only the first media type (json-patch) had a method.
        let pet = try await client(recorder).updatePetMergePatch(id: "p1", .init(name: "Max"))
        #expect(pet.name == "Max")
        request = try sent(recorder)
        #expect(request.contentType == "application/merge-patch+json")
        #expect(request.text == #"{"name":"Max"}"#)
        #expect(recorder.last?.request.path == "/pets/p1")
        #expect(recorder.last?.request.method == .patch)
    }

    /// Issue 16: a merge patch can clear a field. `PetPatch.name` is not required and admits null, so absent, `null`
    /// and a value are three different bodies (before, `nil` encoded `{}` and a field could not be cleared).
    @Test func aMergePatchSendsAbsentNullAndAValueApart() async throws {
        let recorder = Recorder(answer: #"{"id": "p1", "name": "Max"}"#)
        var patch = PetPatch()
        _ = try await client(recorder).updatePetMergePatch(id: "p1", patch)
        #expect(try sent(recorder).text == "{}")

        patch.$name = .null
        #expect(patch.name == nil)
        _ = try await client(recorder).updatePetMergePatch(id: "p1", patch)
        #expect(try sent(recorder).text == #"{"name":null}"#)

        patch.name = "Max"
        #expect(patch.$name == .value("Max"))
        _ = try await client(recorder).updatePetMergePatch(id: "p1", patch)
        #expect(try sent(recorder).text == #"{"name":"Max"}"#)
    }

    @Test func decodingKeepsAbsentAndNullApart() throws {
        let absent = try JSONDecoder.bindgen.decode(PetPatch.self, from: Data("{}".utf8))
        let null = try JSONDecoder.bindgen.decode(PetPatch.self, from: Data(#"{"name":null}"#.utf8))
        #expect(absent.$name == .absent)
        #expect(null.$name == .null)
        #expect(absent.name == nil && null.name == nil)
        #expect(absent != null)
        #expect(String(decoding: try JSONEncoder.bindgen.encode(null), as: UTF8.self) == #"{"name":null}"#)
        #expect(String(decoding: try JSONEncoder.bindgen.encode(absent), as: UTF8.self) == "{}")
    }

    @Test func theEndpointCaseOfEachMediaTypeNamesTheSameOperation() throws {
        let json = Endpoint.createPet(body: .init(name: "Rex"))
        let form = Endpoint.createPetForm(name: "Rex")
        #expect(json.operationID == "createPet")
        #expect(form.operationID == "createPet")
        #expect(form.method == .post)
        #expect(form.pathTemplate == "/pets")
    }
}
