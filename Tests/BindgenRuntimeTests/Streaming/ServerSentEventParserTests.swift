import BindgenRuntime
import Foundation
import Testing

/// The WHATWG HTML standard's event stream examples and rules, then a seeded property test: random events written
/// with random line endings, comments, optional spaces and a byte order mark, cut into random chunks (inside CRLF
/// pairs and UTF-8 sequences too), parse back to the same events.
@Suite struct ServerSentEventParserTests {
    static func parse(_ text: String) -> [ServerSentEvent] {
        var parser = ServerSentEventParser()
        let events = parser.parse(Array(text.utf8))
        parser.finish()
        return events
    }

    @Test func dataLinesJoinWithLineFeeds() {
        #expect(Self.parse("data: YHOO\ndata: +2\ndata: 10\n\n") == [ServerSentEvent(data: "YHOO\n+2\n10")])
    }

    @Test func commentsIdsAndOneSpaceDropped() {
        let stream = ": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n"
        #expect(Self.parse(stream) == [
            ServerSentEvent(data: "first event", id: "1"),
            ServerSentEvent(data: "second event"),          // `id` alone empties the last event ID
            ServerSentEvent(data: " third event"),
        ])
    }

    @Test func emptyDataFieldsAndAnUnfinishedBlock() {
        #expect(Self.parse("data\n\ndata\ndata\n\ndata:") == [ServerSentEvent(data: ""), ServerSentEvent(data: "\n")])
        #expect(Self.parse("data:test\n\ndata: test\n\n") == [ServerSentEvent(data: "test"), ServerSentEvent(data: "test")])
    }

    @Test func everyLineEndingAndTheByteOrderMark() {
        let expected = [ServerSentEvent(event: "add", data: "a\nb")]
        for ending in ["\n", "\r", "\r\n"] {
            let body = ["event: add", "data: a", "data: b", "", ""].joined(separator: ending)
            #expect(Self.parse(body) == expected, "line ending \(Array(ending.utf8))")
            #expect(Self.parse("\u{FEFF}" + body) == expected, "with a byte order mark")
        }
        // Only one mark is skipped: a second one is part of the first field's name, which no field has.
        #expect(Self.parse("\u{FEFF}\u{FEFF}data: x\n\n") == [])
    }

    @Test func retryIdAndUnknownFields() {
        var parser = ServerSentEventParser()
        let events = parser.parse(Array("retry: 2500\nid: 7\nfoo: bar\ndata: x\n\nretry: 1s\nid: a\u{0}b\ndata: y\n\nretry\ndata: z\n\n".utf8))
        #expect(events == [
            ServerSentEvent(data: "x", id: "7", retry: 2500),
            ServerSentEvent(data: "y", id: "7"),            // `1s` is not digits; an id with U+0000 is ignored
            ServerSentEvent(data: "z", id: "7"),
        ])
        #expect(parser.reconnectionTime == 2500)
        #expect(parser.lastEventID == "7")
        // A block without data dispatches nothing but still sets the id and the reconnection time.
        #expect(parser.parse(Array("id: 9\nretry: 10\n\n".utf8)).isEmpty)
        #expect(parser.lastEventID == "9")
        #expect(parser.reconnectionTime == 10)
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        var parser = ServerSentEventParser()
        let events = parser.parse([UInt8]("data: a".utf8) + [0xFF, 0xC3] + [UInt8]("\n\n".utf8))
        #expect(events == [ServerSentEvent(data: "a\u{FFFD}\u{FFFD}")])
    }

    @Test func anAsyncSequenceOfChunksYieldsTheEvents() async throws {
        let bytes = Array("data: one\r".utf8) + Array("\n\r\ndata: tw".utf8) + [0xC3] + [0xA9] + Array("\n\nevent: end\ndata\n\ndata: lost".utf8)
        let chunks = AsyncStream<[UInt8]> { continuation in
            for index in stride(from: 0, to: bytes.count, by: 3) { continuation.yield(Array(bytes[index..<min(index + 3, bytes.count)])) }
            continuation.finish()
        }
        var received: [ServerSentEvent] = []
        for try await event in ServerSentEvents(chunks) { received.append(event) }
        #expect(received == [ServerSentEvent(data: "one"), ServerSentEvent(data: "twé"), ServerSentEvent(event: "end", data: "")])
    }

    /// 400 random streams, each fed in random chunks, parse to the events they were written from.
    @Test func randomStreamsCutAnywhereParseBack() {
        var random = SeededGenerator(seed: 0x5EE_5EE)
        for round in 0..<400 {
            var expected: [ServerSentEvent] = []
            var bytes: [UInt8] = Bool.random(using: &random) ? [0xEF, 0xBB, 0xBF] : []
            var lastID = ""
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                let ending = ["\n", "\r", "\r\n"].randomElement(using: &random) ?? "\n"
                var lines: [String] = []
                if Bool.random(using: &random) { lines.append(":" + Self.text(&random)) }
                let type = Bool.random(using: &random) ? Self.text(&random, allowingEmpty: false) : nil
                if let type { lines.append("event: " + type) }
                if Bool.random(using: &random) {
                    let id = Self.text(&random)
                    if !id.contains("\u{0}") { lastID = id }   // an id with U+0000 is ignored
                    lines.append("id: " + id)
                }
                let retry = Bool.random(using: &random) ? Int.random(in: 0...100_000, using: &random) : nil
                if let retry { lines.append("retry: \(retry)") }
                let data = (0..<Int.random(in: 1...3, using: &random)).map { _ in Self.text(&random) }
                for value in data {
                    lines.append(value.hasPrefix(" ") || Bool.random(using: &random) ? "data: " + value : "data:" + value)
                }
                bytes += Array((lines.joined(separator: ending) + ending + ending).utf8)
                expected.append(ServerSentEvent(event: type ?? "message", data: data.joined(separator: "\n"),
                                                id: lastID.isEmpty ? nil : lastID, retry: retry))
            }
            var parser = ServerSentEventParser()
            var parsed: [ServerSentEvent] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + Int.random(in: 1...7, using: &random))
                parsed += parser.parse(bytes[start..<end])
                start = end
            }
            parser.finish()
            #expect(parsed == expected, "round \(round): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            if parsed != expected { return }
        }
    }

    /// Text without line breaks, mixing ASCII, colons, spaces and multi-byte characters.
    static func text(_ random: inout SeededGenerator, allowingEmpty: Bool = true) -> String {
        let pieces = ["a", "Z", "0", ":", " ", "é", "€", "𝄞", "{\"k\":1}", "data", "id", "\u{0}", "\t"]
        let count = Int.random(in: (allowingEmpty ? 0 : 1)...6, using: &random)
        var text = (0..<count).map { _ in pieces.randomElement(using: &random) ?? "a" }.joined()
        if !allowingEmpty, text.isEmpty { text = "x" }
        return text
    }
}
