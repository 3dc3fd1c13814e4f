import BindgenRuntime
import FixtureStreams
import Foundation
import Testing

/// The methods generated from `Tests/Fixtures/Streams/openapi.yaml` against a loopback server that writes three bytes
/// at a time (chunks split lines, CRLF pairs and UTF-8 sequences), over both transports: typed server-sent events
/// (3.2 `itemSchema` and 3.1 `schema`), JSON Lines, JSON text sequences, binary chunks, each method with its own
/// `Accept`; errors, a dropped connection, and a consumer that stops or is cancelled.
@Suite("Generated streaming methods over both transports")
struct StreamingClientTests {
    private func withServer(_ body: (EchoServer) async throws -> Void) async throws {
        try await EchoServer.with(body)
    }

    private func client(_ kind: TransportKind, _ server: EchoServer) -> Client {
        Client(serverURL: server.baseURL, transport: kind.make()).with { $0.retryPolicy = .none }
    }

    @Test(arguments: TransportKind.allCases)
    func jsonAndEventsAreTwoMethodsEachWithItsAccept(kind: TransportKind) async throws {
        try await withServer { server in
            let client = client(kind, server)
            let whole = try await client.createCompletion(CompletionRequest(prompt: "un café, s'il vous plaît"))
            #expect(whole.text == "un café, s'il vous plaît")

            var deltas: [String] = []
            var ids: [String?] = []
            for try await event in try await client.createCompletionEvents(CompletionRequest(prompt: "un café, s'il vous plaît 😀"))
                .stopping(atData: "[DONE]") {
                #expect(event.event == "delta")
                deltas.append(event.data.delta)
                ids.append(event.id)
            }
            #expect(deltas == ["un", "café,", "s'il", "vous", "plaît", "😀"])
            #expect(ids == ["1", "2", "3", "4", "5", "6"])
            #expect(await server.accepts() == ["application/json, application/problem+json", "text/event-stream"])
        }
    }

    @Test(arguments: TransportKind.allCases)
    func jsonLinesAndJSONTextSequencesDecodeEachEntry(kind: TransportKind) async throws {
        try await withServer { server in
            let client = client(kind, server)
            var lines: [LogEntry] = []
            for try await entry in try await client.exportLogs() { lines.append(entry) }
            var records: [LogEntry] = []
            for try await entry in try await client.exportLogsJSONSequence() { records.append(entry) }
            #expect(lines.map(\.message) == ["démarré ✓", "disque à 90 %", "😀 arrêt"])
            #expect(lines.map(\.level) == [.info, .warn, .error])
            #expect(records.map(\.message) == lines.map(\.message))
            #expect(await server.accepts() == ["application/jsonl, application/x-ndjson", "application/json-seq"])
        }
    }

    @Test(arguments: TransportKind.allCases)
    func anErrorStatusIsThrownByTheMethodWithItsRequestID(kind: TransportKind) async throws {
        try await withServer { server in
            do throws(ClientError) {
                _ = try await client(kind, server).exportLogs(since: "missing")
                Issue.record("a 404 returned a stream")
            } catch {
                guard case .api(let problem) = error else { Issue.record("\(error)"); return }
                #expect(problem.status == 404)
                #expect(problem.code == "no_logs")
                #expect(problem.requestID == "req-logs")
            }
        }
    }

    @Test(arguments: TransportKind.allCases)
    func aConnectionDroppedMidStreamIsATransportError(kind: TransportKind) async throws {
        try await withServer { server in
            var received: [LogEntry] = []
            do throws(ClientError) {
                for try await entry in try await client(kind, server).exportLogs(since: "drop") { received.append(entry) }
                Issue.record("the stream ended without an error")
            } catch {
                guard case .transport = error else { Issue.record("\(error)"); return }
            }
            #expect(received.map(\.message) == ["démarré ✓"])
        }
    }

    @Test(arguments: TransportKind.allCases)
    func eventsTypedByTheirSchemaKeepIdAndRetry(kind: TransportKind) async throws {
        try await withServer { server in
            var ticks: [TypedServerSentEvent<Tick>] = []
            for try await tick in try await client(kind, server).watchTicker() {
                ticks.append(tick)
                if ticks.count == 3 { break }
            }
            #expect(ticks.map(\.data.price) == [1, 2, 3])
            #expect(ticks.map(\.id) == ["1", "2", "3"])
            #expect(ticks.map(\.retry) == [1500, nil, nil])
            // Leaving the loop dropped the stream: the request is cancelled and the server sees the client go.
            let abandoned = try await server.waitForAbandonedTicker()
            #expect(abandoned == 1)
        }
    }

    @Test(arguments: TransportKind.allCases)
    func cancellingTheConsumingTaskCancelsTheRequest(kind: TransportKind) async throws {
        try await withServer { server in
            let client = client(kind, server)
            let (firstTick, ticked) = AsyncStream<Void>.makeStream()
            let consumer = Task { () -> (count: Int, error: ClientError?) in
                var count = 0
                do throws(ClientError) {
                    for try await _ in try await client.watchTicker() {
                        count += 1
                        ticked.yield()
                    }
                    return (count, nil)
                } catch {
                    return (count, error)
                }
            }
            for await _ in firstTick { break }
            consumer.cancel()
            let (count, error) = await consumer.value
            #expect(count > 0)
            guard case .cancelled? = error else { Issue.record("\(String(describing: error))"); return }
            let abandoned = try await server.waitForAbandonedTicker()
            #expect(abandoned == 1)
        }
    }

    @Test(arguments: TransportKind.allCases)
    func aBinaryBodyWholeInChunksAndToAFile(kind: TransportKind) async throws {
        try await withServer { server in
            let client = client(kind, server)
            let expected = Data((0..<100_000).map { UInt8($0 % 251) })
            #expect(try await client.getAudio() == expected)
            var chunks = 0
            var joined = Data()
            for try await chunk in try await client.getAudioChunks() {
                chunks += 1
                joined.append(chunk)
            }
            #expect(joined == expected)
            #expect(chunks > 1)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("audio-\(UUID().uuidString).mp3")
            defer { try? FileManager.default.removeItem(at: file) }
            try await client.getAudio(to: file)
            #expect(try Data(contentsOf: file) == expected)
            #expect(await server.accepts() == ["audio/mpeg", "audio/mpeg", "audio/mpeg"])
        }
    }
}
