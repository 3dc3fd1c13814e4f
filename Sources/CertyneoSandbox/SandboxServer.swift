import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// A local, stateful Certyneo API on `http://127.0.0.1:PORT/api/v1`, with in-memory state and the
/// signer pages behind each `signUrl`.
///
/// ```swift
/// let server = SandboxServer()
/// let info = try await server.start()       // info.baseURL, info.apiKey
/// defer { Task { await server.stop() } }
/// ```
public actor SandboxServer {
    private let configuration: SandboxConfiguration
    let store: SandboxStore
    /// Injects the configured faults and counts answers (see ``statistics()``).
    let monitor: TrafficMonitor
    private let apiKey: String
    private var task: Task<Void, any Error>?
    private var group: ServiceGroup?
    private var info: SandboxInfo?

    public init(configuration: SandboxConfiguration = .init()) {
        self.configuration = configuration
        let key = configuration.initialAPIKey ?? IdentifierGenerator.testSecretKey()
        self.apiKey = key
        self.store = SandboxStore(initialSecret: key)
        self.monitor = TrafficMonitor(faults: configuration.faults)
    }

    /// Starts listening in the background and returns once the port is bound.
    public func start() async throws -> SandboxInfo {
        try await start(handlingSignals: false)
    }

    /// Stops the server (graceful); safe to call twice.
    public func stop() async {
        guard let task else { return }
        let group = self.group
        self.task = nil
        self.group = nil
        self.info = nil
        await group?.triggerGracefulShutdown()
        _ = await task.result
    }

    /// Runs in the foreground until the task is cancelled (or SIGINT/SIGTERM); calls `onStart`
    /// once bound.
    public func run(onStart: @Sendable (SandboxInfo) -> Void) async throws {
        let info = try await start(handlingSignals: true)
        onStart(info)
        guard let task, let group else { return }
        try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            Task { await group.triggerGracefulShutdown() }
        }
    }

    private func start(handlingSignals: Bool) async throws -> SandboxInfo {
        if let info { return info }
        let (bound, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        let application = makeApplication { port in continuation.yield(.success(port)) }
        let group = ServiceGroup(
            configuration: .init(
                services: [application, WebhookDeliveryService(store: store, configuration: configuration.webhookDelivery)],
                gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [],
                logger: application.logger
            )
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
            case .success(let port):
                let origin = "http://\(Self.publicHost(configuration.host)):\(port)"
                await store.setPublicOrigin(origin)
                guard let baseURL = URL(string: origin + "/api/v1") else { throw SandboxError.invalidHost(configuration.host) }
                let info = SandboxInfo(port: port, baseURL: baseURL, apiKey: apiKey)
                self.info = info
                return info
            case .failure(let error):
                self.task = nil
                self.group = nil
                throw error
            }
        }
        self.task = nil
        self.group = nil
        throw SandboxError.stoppedBeforeBinding
    }

    private func makeApplication(onBound: @escaping @Sendable (Int) -> Void) -> some ApplicationProtocol {
        let logger = Self.logger(configuration)
        let responder = SandboxResponder(
            routes: Self.routes(store: store, configuration: configuration), store: store,
            rateLimiter: configuration.rateLimit.map(RateLimiter.init), idempotency: IdempotencyCache(),
            maxBodyBytes: configuration.maxUploadBytes + 64 * 1024, logger: Self.requestLogger(configuration),
            monitor: monitor
        )
        return Application(
            responder: responder,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Certyneo Sandbox"),
            onServerRunning: { channel in onBound(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    /// The sandbox's logger: `info` when requests are logged, `warning` otherwise.
    private static func logger(_ configuration: SandboxConfiguration) -> Logger {
        var logger = Logger(label: "certyneo.sandbox")
        logger.logLevel = configuration.logRequests ? .info : .warning
        return logger
    }

    /// The logger of per-request lines, only when the configuration asks for them.
    private static func requestLogger(_ configuration: SandboxConfiguration) -> Logger? {
        configuration.logRequests ? logger(configuration) : nil
    }

    static func routes(store: SandboxStore, configuration: SandboxConfiguration) -> RouteTable {
        var table = RouteTable()
        DocumentRoutes(store: store, maxUploadBytes: configuration.maxUploadBytes).register(in: &table)
        EnvelopeRoutes(store: store).register(in: &table)
        AccountRoutes(store: store).register(in: &table)
        SigningRoutes(store: store).register(in: &table)
        return table
    }

    /// The host of `signUrl`s: a wildcard bind address is reached through the loopback.
    private static func publicHost(_ host: String) -> String {
        switch host {
        case "0.0.0.0", "::", "": "127.0.0.1"
        case let ipv6 where ipv6.contains(":"): "[\(ipv6)]"
        default: host
        }
    }
}

/// Why a sandbox could not start.
public enum SandboxError: Error, Sendable {
    case invalidHost(String)
    case stoppedBeforeBinding
}
