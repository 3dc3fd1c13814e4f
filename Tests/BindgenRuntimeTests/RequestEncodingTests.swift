import BindgenRuntime
import Foundation
import Testing

@Suite("Path, query and header encoding (RFC 3986)")
struct RequestEncodingTests {
    private enum Status: String, ParameterValue { case draft, sent = "in-flight" }
    private enum Priority: Int, ParameterValue { case low = 1, high = 9 }

    private func request() -> APIRequest {
        APIRequest(operationID: "op", method: .get, pathTemplate: "/x", path: "/x")
    }

    @Test func pathSegmentEncodesEverythingButUnreserved() {
        #expect(APIRequest.pathSegment("env_1-A.b~c") == "env_1-A.b~c")
        #expect(APIRequest.pathSegment("a/b?c#d") == "a%2Fb%3Fc%23d")
        #expect(APIRequest.pathSegment("100% sure") == "100%25%20sure")
        #expect(APIRequest.pathSegment("a+b&c=d;e,f:g@h") == "a%2Bb%26c%3Dd%3Be%2Cf%3Ag%40h")
        #expect(APIRequest.pathSegment("!$'()*[]") == "%21%24%27%28%29%2A%5B%5D")
        #expect(APIRequest.pathSegment("signé") == "sign%C3%A9")
        #expect(APIRequest.pathSegment("日本") == "%E6%97%A5%E6%9C%AC")
        #expect(APIRequest.pathSegment("👍") == "%F0%9F%91%8D")
        #expect(APIRequest.pathSegment(42) == "42")
        #expect(APIRequest.pathSegment(Status.sent) == "in-flight")
    }

    @Test func queryValuesAreEncodedWithSpaceAsPercent20AndPlusEncoded() {
        var request = request()
        request.addQuery("q", "a b+c")
        request.addQuery("filter", "name=x&y;z#frag")
        request.addQuery("at", "2026-12-01T05:41:20+02:00")
        request.addQuery("path", "/a/b?c,d@e")
        request.addQuery("pct", "100%")
        request.addQuery("uni", "Zoë 日本")
        request.addQuery("key with space", "v")
        #expect(request.encodedQuery == "q=a%20b%2Bc"
            + "&filter=name%3Dx%26y%3Bz%23frag"
            + "&at=2026-12-01T05:41:20%2B02:00"
            + "&path=/a/b?c,d@e"
            + "&pct=100%25"
            + "&uni=Zo%C3%AB%20%E6%97%A5%E6%9C%AC"
            + "&key%20with%20space=v")
    }

    @Test func nilQueryValuesAddNothing() {
        var request = request()
        request.addQuery("a", Int?.none)
        request.addQuery("b", [String]?.none, explode: true)
        request.addQuery("c", [String](), explode: false)
        #expect(request.queryItems.isEmpty)
        #expect(request.encodedQuery == "")
    }

    @Test func arraysExplodeIntoRepeatedNames() {
        var request = request()
        request.addQuery("status", [Status.draft, .sent], explode: true)
        #expect(request.queryItems.map(\.name) == ["status", "status"])
        #expect(request.encodedQuery == "status=draft&status=in-flight")
    }

    @Test func arraysWithoutExplodeAreCommaJoined() {
        var request = request()
        request.addQuery("ids", [1, 2, 3], explode: false)
        request.addQuery("tags", ["a b", "c&d"], explode: false)
        #expect(request.encodedQuery == "ids=1,2,3&tags=a%20b,c%26d")
    }

    @Test func orderIsPreserved() {
        var request = request()
        request.addQuery("z", 1)
        request.addQuery("a", 2)
        request.addQuery("m", [3, 4], explode: true)
        #expect(request.queryItems.map(\.name) == ["z", "a", "m", "m"])
    }

    @Test func parameterValuesOfBuiltInTypes() throws {
        #expect(true.parameterValue == "true")
        #expect(false.parameterValue == "false")
        #expect(Int32(-7).parameterValue == "-7")
        #expect(UInt64.max.parameterValue == "18446744073709551615")
        #expect(1.5.parameterValue == "1.5")
        #expect(Float(0.25).parameterValue == "0.25")
        #expect(Substring("abc").parameterValue == "abc")
        let uuid = try #require(UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"))
        #expect(uuid.parameterValue == "e621e1f8-c36c-495a-93fc-0c247a3e6e5f")
        #expect(try #require(URL(string: "https://a.b/c?d=e")).parameterValue == "https://a.b/c?d=e")
        #expect(Priority.high.parameterValue == "9")
        #expect(Status.sent.parameterValue == "in-flight")
    }

    @Test func setHeaderReplacesAndIgnoresNilAndInvalidNames() throws {
        var request = request()
        request.setHeader("Idempotency-Key", "first")
        request.setHeader("Idempotency-Key", "second")
        request.setHeader("X-Count", 3)
        request.setHeader("X-Missing", String?.none)
        request.setHeader("Bad Name", "x")
        request.setHeader("", "x")
        let idempotencyKey = try #require(HTTPField.Name("Idempotency-Key"))
        let count = try #require(HTTPField.Name("X-Count"))
        #expect(request.headerFields[values: idempotencyKey] == ["second"])
        #expect(request.headerFields[count] == "3")
        #expect(request.headerFields.count == 2)
    }

    @Test func arrayHeadersAreCommaJoined() throws {
        var request = request()
        request.setHeader("X-Tags", ["a", "b c"])
        request.setHeader("X-None", [Int]?.none)
        request.setHeader("X-Empty", [Int]())
        let tags = try #require(HTTPField.Name("X-Tags"))
        #expect(request.headerFields[tags] == "a,b c")
        #expect(request.headerFields.count == 1)
    }

    @Test func headerValuesCannotInjectLines() throws {
        var request = request()
        request.setHeader("X-Note", "a\r\nX-Evil: 1")
        let note = try #require(HTTPField.Name("X-Note"))
        let value = try #require(request.headerFields[note])
        #expect(!value.contains("\r") && !value.contains("\n"))
    }

    @Test func formURLEncodedBodyUsesPlusForSpace() {
        guard case .data(let data, let contentType) = RequestBody.formURLEncoded([
            (name: "grant type", value: "a b+c~*"), (name: "x", value: "é&="),
        ]) else {
            Issue.record("expected a data body")
            return
        }
        #expect(contentType == "application/x-www-form-urlencoded")
        #expect(String(decoding: data, as: UTF8.self) == "grant+type=a+b%2Bc%7E*&x=%C3%A9%26%3D")
        #expect(APIRequest.formURLEncoded([(name: "a", value: "1 2"), (name: "b", value: "")]) == Data("a=1+2&b=".utf8))
    }
}
