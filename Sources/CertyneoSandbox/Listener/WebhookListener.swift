import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ServiceLifecycle

/// A small HTTP server on the loopback interface that receives webhook deliveries and hands each
/// one to a handler: the receiving end of `certyneo webhooks listen` and of end-to-end tests.
///
/// ```swift
/// let listener = WebhookListener { request in
///     // verify request.body and request.headers, then…
///     WebhookListener.Reply(status: 204)
/// }
/// let port = try await listener.start()          // http://127.0.0.1:<port>/…
/// await listener.stop()                          // refuses connections from now on
/// _ = try await listener.start()                 // the same port again
/// ```
///
/// The listener keeps its port across a ``stop()`` and a new ``start()``, so a webhook
/// registered with its URL stays valid while it is down, and the sender's retries arrive once it
/// is back. Bodies above ``maximumBodyBytes`` answer `413` without calling the handler, once the rest of the body
/// has been read and dropped (for up to 30 s), with `Connection: close`: a client that writes its whole body
/// before reading gets the answer and a closed connection rather than a stalled upload.
public actor WebhookListener {
    /// One received request.
    public struct Request: Sendable {
        /// The method, e.g. `POST`.
        public let method: String
        /// The path, e.g. `/hooks`.
        public let path: String
        /// The header fields, names compared without regard to case.
        public let headers: HTTPFields
        /// The raw body, byte for byte.
        public let body: Data

        /// A request as the listener hands it over (for handlers' tests).
        public init(method: String, path: String, headers: HTTPFields, body: Data) {
            self.method = method
            self.path = path
            self.headers = headers
            self.body = body
        }
    }

    /// What the handler answers.
    public struct Reply: Sendable {
        /// The HTTP status.
        public var status: Int
        /// A plain-text body.
        public var body: String

        public init(status: Int, body: String = "") {
            self.status = status
            self.body = body
        }
    }

    /// Handles one request.
    public typealias Handler = @Sendable (Request) async -> Reply

    /// The largest body accepted: 1 MiB.
    public static let maximumBodyBytes = 1024 * 1024

    private let host: String
    private var port: Int
    private let handler: Handler
    private var task: Task<Void, any Error>?
    private var group: ServiceGroup?

    /// Creates a listener; `port` 0 picks a free port on the first ``start()``.
    public init(host: String = "127.0.0.1", port: Int = 0, handler: @escaping Handler) {
        self.host = host
        self.port = port
        self.handler = handler
    }

    /// The URL of `path` on this listener, e.g. `http://127.0.0.1:8123/hooks`; `nil` before the
    /// first start with port 0.
    public func url(path: String = "/") -> URL? {
        guard port != 0 else { return nil }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return URL(string: "http://\(shownHost):\(port)\(path.hasPrefix("/") ? path : "/" + path)")
    }

    /// Starts listening in the background; returns the bound port once connections are accepted.
    /// Calling it while running returns the port at once.
    ///
    /// - Throws: The server's error when the port cannot be bound.
    public func start() async throws -> Int {
        try await start(handlingSignals: false)
    }

    /// Stops listening (open connections are closed gracefully); safe to call twice.
    public func stop() async {
        guard let task else { return }
        let group = self.group
        self.task = nil
        self.group = nil
        await group?.triggerGracefulShutdown()
        _ = await task.result
    }

    /// Runs in the foreground until SIGINT or SIGTERM or until the task is cancelled; calls
    /// `onStart` with the port once bound.
    public func run(onStart: @Sendable (Int) -> Void) async throws {
        let port = try await start(handlingSignals: true)
        onStart(port)
        guard let task, let group else { return }
        try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            Task { await group.triggerGracefulShutdown() }
        }
    }

    private func start(handlingSignals: Bool) async throws -> Int {
        if task != nil { return port }
        let (bound, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        var logger = Logger(label: "certyneo.webhooks.listener")
        logger.logLevel = .warning
        let application = Application(
            responder: ListenerResponder(handler: handler),
            configuration: .init(address: .hostname(host, port: port), serverName: "Certyneo Webhook Listener"),
            onServerRunning: { channel in continuation.yield(.success(channel.localAddress?.port ?? 0)) },
            logger: logger
        )
        let group = ServiceGroup(
            configuration: .init(services: [application], gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [], logger: logger)
        )
        let task = Task {
            do {
                try await group.run()
                continuation.finish()
            } catch {
                continuation.yield(.failure(error))
                continuation.finish()
                throw error
            }
        }
        self.task = task
        self.group = group
        for await result in bound {
            switch result {
            case .success(let boundPort):
                port = boundPort
                return boundPort
            case .failure(let error):
                self.task = nil
                self.group = nil
                throw error
            }
        }
        self.task = nil
        self.group = nil
        throw WebhookListenerError.stoppedBeforeBinding
    }
}

/// Why a ``WebhookListener`` could not start.
public enum WebhookListenerError: Error, Sendable {
    /// The server ended before it accepted connections.
    case stoppedBeforeBinding
}
