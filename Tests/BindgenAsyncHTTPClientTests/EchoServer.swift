import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// A small Hummingbird server on 127.0.0.1 for the shared transport suite.
///
/// Routes (under `/api`):
/// - `ANY /echo/**`: 200 with an ``Echo`` of the request.
/// - `GET /status/{code}`: that status with a problem document and `X-Request-Id: req-{code}`.
/// - `GET /big?bytes=N`: N bytes (`i % 251`).
/// - `GET /slow`: answers after 60 s.
/// - `ANY /drop`: closes the connection without an answer.
/// - `ANY /flaky/{id}?fail=503|drop`: fails the first request per id that way, then echoes.
/// - `GET /stream?bytes=N&chunk=K&delayMs=D&length=1`: N bytes (`i % 251`) written K at a time, D ms apart, with
///   `Content-Length` when `length=1` (chunked otherwise); `drop=1` closes the connection after half of them.
/// Every request body seen is recorded (``bodies``) with the `Idempotency-Key`. Streaming routes: `EchoServer+Streams.swift`.
final class EchoServer: Sendable {
    struct Echo: Codable, Sendable {
        let method: String
        let uri: String
        let headers: [[String]]
        let bodyLength: Int
        let bodyHash: UInt64

        func header(_ name: String) -> String? {
            headers.first { $0.first?.lowercased() == name.lowercased() }?.last
        }
    }

    struct Seen: Sendable {
        let path: String
        let idempotencyKey: String?
        let bodyHash: UInt64
        let bodyLength: Int
    }

    let port: Int
    private let task: Task<Void, any Error>
    private let log: Log

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/api")! }

    /// The requests the server read, in order.
    func seen() async -> [Seen] { await log.all }

    /// The `Accept` headers of the stream routes' requests, in order (`""` when absent).
    func accepts() async -> [String] { await log.accepts }

    /// How many `/api/ticker` streams ended because the client went away.
    func tickersAbandoned() async -> Int { await log.abandonedTickers }

    private init(port: Int, task: Task<Void, any Error>, log: Log) {
        self.port = port
        self.task = task
        self.log = log
    }

    static func start() async throws -> EchoServer {
        let log = Log()
        let router = Router(context: EchoContext.self)
        router.on("/api/echo/**", method: .get) { request, _ in try await echo(request, log: log) }
        router.on("/api/echo/**", method: .post) { request, _ in try await echo(request, log: log) }
        router.on("/api/echo/**", method: .put) { request, _ in try await echo(request, log: log) }
        router.get("/api/status/{code}") { _, context in
            let code = try context.parameters.require("code", as: Int.self)
            let body = #"{"title":"Status \#(code)","code":"status_\#(code)","requestId":"req-\#(code)"}"#
            return Response(status: .init(code: code),
                            headers: [.contentType: "application/problem+json", HTTPField.Name("X-Request-Id")!: "req-\(code)"],
                            body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        router.get("/api/big") { request, _ in
            let count = request.uri.queryParameters.get("bytes", as: Int.self) ?? 0
            var bytes = [UInt8](repeating: 0, count: max(count, 0))
            bytes.withUnsafeMutableBufferPointer { buffer in
                for index in buffer.indices { buffer[index] = UInt8(index % 251) }
            }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        router.get("/api/stream") { request, context in
            await log.record(request, body: ByteBuffer())
            let query = request.uri.queryParameters
            let total = query.get("bytes", as: Int.self) ?? 0
            let chunk = max(query.get("chunk", as: Int.self) ?? 65_536, 1)
            let delay = query.get("delayMs", as: Int.self) ?? 0
            let drop = query.get("drop") == "1"
            let channel = context.channel
            let body = ResponseBody(contentLength: query.get("length") == "1" ? total : nil) { writer in
                var offset = 0
                while offset < total {
                    if drop, offset >= total / 2 {
                        try await channel.close()
                        return
                    }
                    let count = min(chunk, total - offset)
                    var buffer = ByteBuffer()
                    buffer.writeBytes((offset..<offset + count).lazy.map { UInt8($0 % 251) })
                    try await writer.write(buffer)
                    offset += count
                    if delay > 0 { try await Task.sleep(for: .milliseconds(delay)) }
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: [.contentType: "application/pdf"], body: body)
        }
        addStreamRoutes(to: router, log: log)
        router.get("/api/slow") { _, _ in
            try await Task.sleep(for: .seconds(60))
            return Response(status: .ok)
        }
        router.on("/api/drop", method: .get) { _, context in try await drop(context) }
        router.on("/api/drop", method: .post) { _, context in try await drop(context) }
        router.on("/api/flaky/{id}", method: .post) { request, context in
            let id = try context.parameters.require("id")
            let body = try await request.body.collect(upTo: .max)
            await log.record(request, body: body)
            guard await log.firstTime(id) else { return try await echo(request, body: body) }
            if request.uri.queryParameters.get("fail") == "drop" { return try await drop(context) }
            return Response(status: .serviceUnavailable)
        }
        let (bound, continuation) = AsyncStream<Int>.makeStream()
        // Dropped connections make Hummingbird log shutdown errors; they are expected here.
        var logger = Logger(label: "echo")
        logger.logLevel = .critical
        let application = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "echo"),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: logger)
        let task = Task { try await application.runService(gracefulShutdownSignals: []) }
        var port = 0
        for await value in bound {
            port = value
            break
        }
        return EchoServer(port: port, task: task, log: log)
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }

    private static func echo(_ request: Request, log: Log) async throws -> Response {
        let body = try await request.body.collect(upTo: .max)
        await log.record(request, body: body)
        return try await echo(request, body: body)
    }

    private static func echo(_ request: Request, body: ByteBuffer) async throws -> Response {
        let echo = Echo(
            method: request.method.rawValue, uri: request.uri.description,
            headers: request.headers.map { [$0.name.rawName, $0.value] },
            bodyLength: body.readableBytes, bodyHash: fnv1a(body.readableBytesView))
        let data = try JSONEncoder().encode(echo)
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func drop(_ context: EchoContext) async throws -> Response {
        try await context.channel.close()
        return Response(status: .ok)
    }

    /// FNV-1a, 64 bits.
    static func fnv1a(_ bytes: some Collection<UInt8>) -> UInt64 {
        func hash(_ sequence: some Sequence<UInt8>) -> UInt64 {
            var value: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in sequence { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return value
        }
        return bytes.withContiguousStorageIfAvailable { hash($0) } ?? hash(bytes)
    }

    actor Log {
        private(set) var all: [Seen] = []
        private var failed: Set<String> = []
        private(set) var accepts: [String] = []
        private(set) var abandonedTickers = 0

        /// Records the request's `Accept` header and returns it.
        func accept(_ request: Request) -> String {
            let value = request.headers[.accept] ?? ""
            accepts.append(value)
            return value
        }

        func abandonTicker() { abandonedTickers += 1 }

        func record(_ request: Request, body: ByteBuffer) {
            all.append(Seen(path: request.uri.path, idempotencyKey: request.headers[HTTPField.Name("Idempotency-Key")!],
                            bodyHash: EchoServer.fnv1a(body.readableBytesView), bodyLength: body.readableBytes))
        }

        /// `true` the first time an id is seen.
        func firstTime(_ id: String) -> Bool {
            failed.insert(id).inserted
        }
    }
}

/// Hummingbird's basic context plus the connection's channel (to drop it).
struct EchoContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
