import Logging
import ServiceLifecycle

/// Runs a Hummingbird application, with companion services, in a `ServiceGroup` in the background: ``start``
/// returns the bound port once connections are accepted, ``stop()`` shuts down gracefully. The engine behind
/// ``SandboxServer`` and ``WebhookListener``.
actor BackgroundServer {
    private var task: Task<Void, any Error>?
    private var group: ServiceGroup?

    /// Whether ``start`` has succeeded and ``stop()`` has not been called since.
    var isRunning: Bool { task != nil }

    /// What an application reports its bound port through (`onServerRunning`), and what ``start`` waits on.
    struct PortSignal: Sendable {
        fileprivate let stream: AsyncStream<Result<Int, any Error>>
        fileprivate let continuation: AsyncStream<Result<Int, any Error>>.Continuation

        init() {
            (stream, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        }

        /// Call with the bound port.
        var onBound: @Sendable (Int) -> Void {
            let continuation = continuation
            return { port in continuation.yield(.success(port)) }
        }
    }

    /// Starts the services.
    ///
    /// - Parameters:
    ///   - services: The application (built with `signal.onBound` as its `onServerRunning`) and its companions.
    ///   - signal: The signal the application reports its port through.
    ///   - handlingSignals: Whether SIGTERM and SIGINT shut the group down (foreground `run`).
    ///   - logger: The group's logger.
    /// - Returns: The bound port, or `nil` when the group ended before the application bound one.
    /// - Throws: The group's error, e.g. when the port cannot be bound.
    func start(_ services: [any Service], signal: PortSignal, handlingSignals: Bool, logger: Logger) async throws -> Int? {
        let bound = signal.stream
        let continuation = signal.continuation
        let group = ServiceGroup(configuration: .init(
            services: services, gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [], logger: logger))
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
                return port
            case .failure(let error):
                self.task = nil
                self.group = nil
                throw error
            }
        }
        self.task = nil
        self.group = nil
        return nil
    }

    /// Shuts the services down gracefully and waits for them; does nothing when not running.
    func stop() async {
        guard let task else { return }
        let group = self.group
        self.task = nil
        self.group = nil
        await group?.triggerGracefulShutdown()
        _ = await task.result
    }

    /// Waits until the services end (a signal, ``stop()``), shutting them down when the calling task is cancelled.
    /// - Throws: The group's error.
    func waitUntilStopped() async throws {
        guard let task, let group else { return }
        try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            Task { await group.triggerGracefulShutdown() }
        }
    }
}
