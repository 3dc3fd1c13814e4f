import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Routes that stream slowly, in chunks of a few bytes (so chunks split lines, CRLF pairs and UTF-8 sequences), for
/// the clients generated from `Tests/Fixtures/Streams` and `apple-sog-event-streams.yaml`. Each answers with the
/// media type the `Accept` header asks for, and records that header (``EchoServer/accepts()``).
///
/// - `POST /api/completions`: JSON `{"text": …}`, or with `Accept: text/event-stream` one event per word of the
///   `prompt` (`{"delta": …}`, `event: delta`, ids `1`, `2`, …), a comment, then `data: [DONE]`.
/// - `GET /api/logs?since=S`: three log entries as JSON Lines, or RFC 7464 JSON text sequences for
///   `application/json-seq`; `since=missing` answers 404 with a problem document and `X-Request-Id: req-logs`;
///   `since=drop` closes the connection after the first entry.
/// - `GET /api/ticker`: endless `text/event-stream` ticks (`{"price": n}`, `id: n`, `retry: 1500` on the first),
///   20 ms apart; the server counts the ticker streams whose client went away (``EchoServer/tickersAbandoned()``).
/// - `GET /api/audio`: 100,000 bytes of `audio/mpeg` (`i % 251`).
/// - `GET /api/greetings?name=N&count=C`: C greetings `{"message": "Hello, N!"}` as JSON Lines, JSON text sequences
///   or server-sent events, by `Accept`.
extension EchoServer {
    static let chunkSize = 3

    /// Runs `body` with a started server, stopped afterwards whatever happens.
    static func with(_ body: (EchoServer) async throws -> Void) async throws {
        let server = try await start()
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Waits (up to five seconds) for a ticker stream to be abandoned; returns how many were.
    func waitForAbandonedTicker() async throws -> Int {
        for _ in 0..<250 where await tickersAbandoned() == 0 { try await Task.sleep(for: .milliseconds(20)) }
        return await tickersAbandoned()
    }

    static func addStreamRoutes(to router: Router<EchoContext>, log: Log) {
        router.post("/api/completions") { request, _ in
            let accept = await log.accept(request)
            let body = try await request.body.collect(upTo: 1 << 20)
            let prompt = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])?["prompt"] as? String ?? ""
            guard accept.contains("text/event-stream") else {
                let json = try JSONSerialization.data(withJSONObject: ["text": prompt])
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: json)))
            }
            var text = ": completions stream\n\n"
            for (index, word) in prompt.split(separator: " ").enumerated() {
                let data = try JSONSerialization.data(withJSONObject: ["delta": String(word)])
                text += "event: delta\r\nid: \(index + 1)\r\ndata: \(String(decoding: data, as: UTF8.self))\r\n\r\n"
            }
            text += "data: [DONE]\n\n"
            return slow(Array(text.utf8), contentType: "text/event-stream")
        }
        router.get("/api/logs") { request, context in
            let accept = await log.accept(request)
            let since = request.uri.queryParameters.get("since") ?? ""
            if since == "missing" {
                return Response(status: .notFound,
                                headers: [.contentType: "application/problem+json", HTTPField.Name("X-Request-Id")!: "req-logs"],
                                body: .init(byteBuffer: ByteBuffer(string: #"{"title":"No logs","code":"no_logs","requestId":"req-logs"}"#)))
            }
            let entries = [#"{"level":"info","message":"démarré ✓"}"#, #"{"level":"warn","message":"disque à 90 %"}"#,
                           #"{"level":"error","message":"😀 arrêt"}"#]
            let sequence = accept.contains("json-seq")
            let text = entries.map { sequence ? "\u{1E}\($0)\n" : "\($0)\r\n" }.joined()
            let contentType = sequence ? "application/json-seq" : "application/jsonl"
            if since == "drop" {
                let first = Array((sequence ? "\u{1E}\(entries[0])\n" : "\(entries[0])\n").utf8)
                let channel = context.channel
                return Response(status: .ok, headers: [.contentType: contentType], body: .init { writer in
                    try await writer.write(ByteBuffer(bytes: first))
                    try await Task.sleep(for: .milliseconds(50))
                    try await channel.close()
                })
            }
            return slow(Array(text.utf8), contentType: contentType)
        }
        router.get("/api/ticker") { request, _ in
            _ = await log.accept(request)
            return Response(status: .ok, headers: [.contentType: "text/event-stream"], body: .init { writer in
                do {
                    for tick in 1...1000 {
                        let retry = tick == 1 ? "retry: 1500\n" : ""
                        try await writer.write(ByteBuffer(string: "\(retry)id: \(tick)\ndata: {\"price\": \(tick)}\n\n"))
                        try await Task.sleep(for: .milliseconds(20))
                    }
                    try await writer.finish(nil)
                } catch {
                    await log.abandonTicker()
                    throw error
                }
            })
        }
        router.get("/api/audio") { request, _ in
            _ = await log.accept(request)
            return slow((0..<100_000).map { UInt8($0 % 251) }, contentType: "audio/mpeg", chunk: 4096)
        }
        router.get("/api/greetings") { request, _ in
            let accept = await log.accept(request)
            let name = request.uri.queryParameters.get("name") ?? "World"
            let count = request.uri.queryParameters.get("count", as: Int.self) ?? 10
            let greetings = (0..<count).map { _ in #"{"message":"Hello, \#(name)!"}"# }
            let (text, contentType) = if accept.contains("text/event-stream") {
                (greetings.map { "data: \($0)\n\n" }.joined(), "text/event-stream")
            } else if accept.contains("json-seq") {
                (greetings.map { "\u{1E}\($0)\n" }.joined(), "application/json-seq")
            } else {
                (greetings.map { "\($0)\n" }.joined(), "application/jsonl")
            }
            return slow(Array(text.utf8), contentType: contentType)
        }
    }

    /// A `200` writing `bytes` `chunk` at a time, a millisecond apart.
    static func slow(_ bytes: [UInt8], contentType: String, chunk: Int = chunkSize) -> Response {
        Response(status: .ok, headers: [.contentType: contentType], body: .init { writer in
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + chunk, bytes.count)
                try await writer.write(ByteBuffer(bytes: bytes[offset..<end]))
                offset = end
                try await Task.sleep(for: .milliseconds(1))
            }
            try await writer.finish(nil)
        })
    }
}
