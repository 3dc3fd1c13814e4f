import BindgenRuntime
import FixtureEventStreams
import Foundation
import Testing

/// `../shared/specs/apple-sog-event-streams.yaml` (swift-openapi-generator's event streams example): one operation
/// whose 200 offers JSON Lines, JSON text sequences and server-sent events, with no schema. The generated client
/// has a method per framing, each asking for its own media type; items are JSON values (events' data is text),
/// which the test reads as the document's `Greeting`.
@Suite("apple-sog-event-streams.yaml: a typed stream per media type")
struct EventStreamsDocumentTests {
    @Test(arguments: TransportKind.allCases)
    func everyFramingGivesTheGreetings(kind: TransportKind) async throws {
        try await EchoServer.with { server in
            let client = Client(serverURL: server.baseURL, transport: kind.make())
            let decoder = JSONDecoder()

            var lines: [Greeting] = []
            for try await value in try await client.getGreetingsStream(name: "Zoë", count: 3) {
                lines.append(try decoder.decode(Greeting.self, from: JSONEncoder().encode(value)))
            }
            var records: [JSONValue] = []
            for try await value in try await client.getGreetingsStreamJSONSequence(name: "Zoë", count: 2) { records.append(value) }
            var events: [String] = []
            for try await event in try await client.getGreetingsStreamEvents(name: "Zoë", count: 4) {
                events.append(try decoder.decode(Greeting.self, from: Data(event.data.utf8)).message)
            }

            #expect(lines.map(\.message) == Array(repeating: "Hello, Zoë!", count: 3))
            #expect(records == Array(repeating: ["message": "Hello, Zoë!"], count: 2))
            #expect(events == Array(repeating: "Hello, Zoë!", count: 4))
            #expect(await server.accepts() == ["application/jsonl", "application/json-seq", "text/event-stream"])
        }
    }
}
