@testable import BindgenRuntime
import Foundation
import Testing

/// JSON Lines and JSON text sequences read from chunks cut anywhere (inside values, line ends and UTF-8 sequences)
/// give back the values written, and typed server-sent events decode their data; a seeded property test writes
/// random values with random framing details.
@Suite struct JSONValueStreamTests {
    struct Greeting: Codable, Hashable, Sendable {
        var message: String
        var count: Int?
    }

    static func decoder<Value: Decodable>(_ type: Value.Type) -> @Sendable (Data) throws(ClientError) -> Value {
        { data throws(ClientError) in
            try JSONBody.decode(type, from: data, decoder: JSONDecoder(), operationID: "test", status: 200, requestID: "req-1")
        }
    }

    static func values<Value: Decodable & Sendable>(_ type: Value.Type, _ chunks: [Data],
                                                     _ framing: JSONValueStream<Value>.Framing) async throws -> [Value] {
        var values: [Value] = []
        for try await value in JSONValueStream(body: ResponseBodyStream(chunks: chunks), framing: framing, decode: decoder(type)) {
            values.append(value)
        }
        return values
    }

    /// `bytes` cut at random places (empty cuts included).
    static func cut(_ bytes: [UInt8], _ random: inout SeededGenerator) -> [Data] {
        var chunks: [Data] = []
        var index = 0
        while index < bytes.count {
            let length = Int.random(in: 0...min(7, bytes.count - index), using: &random)
            chunks.append(Data(bytes[index..<index + length]))
            index += length
        }
        return chunks
    }

    @Test func jsonLinesWithCRLFBlankLinesAndNoFinalNewline() async throws {
        let text = "{\"message\":\"a\"}\r\n\n  {\"message\":\"é\",\"count\":2}\n\r\n{\"message\":\"c\"}"
        let values = try await Self.values(Greeting.self, [Data(text.utf8)], .lines)
        #expect(values == [Greeting(message: "a"), Greeting(message: "é", count: 2), Greeting(message: "c")])
    }

    @Test func jsonSequencesWithAndWithoutLineFeeds() async throws {
        // RFC 7464: RS before each text, LF after; a text spread over lines; a last one ended by the body.
        let text = "\u{1E}{\"message\":\"a\"}\n\u{1E}{\n \"message\": \"b\"\n}\n\u{1E}\"plain\"\u{1E}{\"message\":\"d\"}"
        let values = try await Self.values(JSONValue.self, [Data(text.utf8)], .recordSeparated)
        #expect(values == [["message": "a"], ["message": "b"], "plain", ["message": "d"]])
    }

    @Test func aValueThatDoesNotDecodeThrowsAndEndsTheStream() async throws {
        let body = ResponseBodyStream(Data("{\"message\":\"a\"}\n{\"count\":1}\n{\"message\":\"c\"}\n".utf8))
        var iterator = JSONValueStream(body: body, framing: .lines, decode: Self.decoder(Greeting.self)).makeAsyncIterator()
        #expect(try await iterator.next() == Greeting(message: "a"))
        do throws(ClientError) {
            _ = try await iterator.next()
            Issue.record("a line without `message` decoded")
        } catch {
            guard case .decoding(let failure) = error else { Issue.record("\(error)"); return }
            #expect(failure.bodyPrefix == "{\"count\":1}")
            #expect(failure.requestID == "req-1")
        }
        #expect(try await iterator.next() == nil)
    }

    @Test func typedEventsDecodeTheirDataAndStopAtASentinel() async throws {
        let text = "event: greeting\nid: 1\ndata: {\"message\":\"hi\"}\n\n: keep-alive\n\ndata: {\"message\":\n"
            + "data: \"two lines\"}\nretry: 500\n\ndata: [DONE]\n\ndata: {\"message\":\"after\"}\n\n"
        let stream = ServerSentEventStream(body: ResponseBodyStream(Data(text.utf8))) { text throws(ClientError) in
            try Self.decoder(Greeting.self)(Data(text.utf8))
        }.stopping(atData: "[DONE]")
        var events: [TypedServerSentEvent<Greeting>] = []
        for try await event in stream { events.append(event) }
        #expect(events == [
            TypedServerSentEvent(event: "greeting", data: Greeting(message: "hi"), id: "1"),
            TypedServerSentEvent(event: "message", data: Greeting(message: "two lines"), id: "1", retry: 500),
        ])
    }

    @Test func randomValuesCutAnywhereReadBack() async throws {
        var random = SeededGenerator(seed: 0x150_0E5)
        let alphabet = Array("aé€😀\"\\\n\t{}[]:, x")
        for round in 0..<200 {
            let greetings = (0..<Int.random(in: 0...6, using: &random)).map { _ in
                Greeting(message: String((0..<Int.random(in: 0...8, using: &random)).map { _ in alphabet.randomElement(using: &random)! }),
                         count: Bool.random(using: &random) ? Int.random(in: -1000...1000, using: &random) : nil)
            }
            let encoder = JSONEncoder()
            if Bool.random(using: &random) { encoder.outputFormatting = [.prettyPrinted] }
            var lines: [UInt8] = []
            var sequence: [UInt8] = []
            for greeting in greetings {
                let compact = try JSONEncoder().encode(greeting)
                lines += Array(compact) + (Bool.random(using: &random) ? [0x0D, 0x0A] : [0x0A])
                if Bool.random(using: &random) { lines += [0x0A] }  // a blank line
                sequence += [0x1E] + Array(try encoder.encode(greeting)) + [0x0A]
            }
            #expect(try await Self.values(Greeting.self, Self.cut(lines, &random), .lines) == greetings, "JSON Lines, round \(round)")
            #expect(try await Self.values(Greeting.self, Self.cut(sequence, &random), .recordSeparated) == greetings,
                    "JSON text sequence, round \(round)")
        }
    }
}
