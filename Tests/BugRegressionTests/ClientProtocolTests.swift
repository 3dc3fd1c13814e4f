import BindgenRuntime
import FixtureFidelity
import Foundation
import Testing

/// Issue 16: app code written against the generated `ClientProtocol` takes the real `Client` or a fake, and the
/// `all…` pagination methods come with the protocol, so a fake pages like the real client.
@Suite struct ClientProtocolTests {
    /// A fake with three pages of labels, and a failure for an unknown cursor.
    struct FakeLabels: ClientProtocol {
        func listIssues(owner: Cursor, cursor: Cursor?, legacyCursor: LegacyCursor?, since: Identifier?) async throws(ClientError) -> [FixtureFidelity.Issue] {
            []
        }

        func listLabels(after: String?) async throws(ClientError) -> ListLabelsResponse {
            switch after {
            case nil: return .init(items: [.init(name: "bug"), .init(name: "docs")], nextCursor: "c1")
            case "c1": return .init(items: [.init(name: "ux")], nextCursor: "c2")
            case "c2": return .init(items: [])
            default: throw .invalidRequest("unknown cursor \(after ?? "-")")
            }
        }
    }

    /// App code that knows only the protocol.
    func labelNames(from api: some ClientProtocol) async throws(ClientError) -> [String] {
        try await api.allLabels().collect().map(\.name)
    }

    @Test func appCodeTakesAFakeAndPagesThroughIt() async throws {
        #expect(try await labelNames(from: FakeLabels()) == ["bug", "docs", "ux"])
    }

    @Test func theRealClientConformsAndPagesTheSameWay() async throws {
        let transport = MockTransport()
        transport.enqueue(status: .ok, json: #"{"items": [{"name": "bug"}], "nextCursor": "c1"}"#)
        transport.enqueue(status: .ok, json: #"{"items": [{"name": "ux"}], "nextCursor": null}"#)
        let client = Client(serverURL: try #require(URL(string: "https://api.example.com")), transport: transport)
        #expect(try await labelNames(from: client) == ["bug", "ux"])
        #expect(transport.requests.map { $0.request.path } == ["/labels", "/labels?after=c1"])
    }
}
