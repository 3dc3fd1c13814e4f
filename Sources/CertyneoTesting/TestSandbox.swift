@_exported public import Certyneo
@_exported public import CertyneoSandbox
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The Certyneo sandbox inside a test's process, on an ephemeral loopback port: a configured ``client`` talks to it
/// over real HTTP, and the test can act as the signers and receive the webhooks.
///
/// ```swift
/// import CertyneoTesting
///
/// @Test func contractGetsSigned() async throws {
///     try await withTestSandbox { sandbox in
///         let events = try await sandbox.receiveWebhooks()
///         let envelope = try await MyApp(client: sandbox.client).sendContract(for: "client@example.com")
///         try await sandbox.sign(envelope.recipients[0])
///         #expect(try await events.first { if case .envelopeCompleted = $0 { true } else { false } } != nil)
///     }
/// }
/// ```
///
/// The rate limit is off unless the configuration sets one; faults are injected through
/// ``CertyneoSandbox/SandboxConfiguration/faults`` (429s, 503s, dropped connections).
public final class TestSandbox: Sendable {
    /// A client authenticated with the sandbox's API key, pointed at the sandbox.
    public let client: Client
    /// Where the sandbox listens (`http://127.0.0.1:PORT/api/v1`) and its API key.
    public let info: SandboxInfo
    private let server: SandboxServer
    private let listeners = Listeners()

    private init(server: SandboxServer, info: SandboxInfo) {
        self.server = server
        self.info = info
        self.client = Client(apiKey: info.apiKey, serverURL: info.baseURL)
    }

    /// Starts a sandbox; `configure` adjusts its configuration first (the rate limit is off by default here).
    /// - Throws: What binding the port throws.
    public static func start(configure: (inout SandboxConfiguration) -> Void = { _ in }) async throws -> TestSandbox {
        var configuration = SandboxConfiguration()
        configuration.rateLimit = nil
        configure(&configuration)
        let server = SandboxServer(configuration: configuration)
        return TestSandbox(server: server, info: try await server.start())
    }

    /// Stops the webhook receivers and the sandbox.
    public func stop() async {
        for listener in listeners.all() { await listener.stop() }
        await server.stop()
    }

    /// Signs as `recipient` (its `signUrl`), as the signer's browser would.
    /// - Throws: ``TestSandboxError/noSignURL`` before the envelope is sent, ``TestSandboxError/refused(status:)``
    ///   when the sandbox refuses (not this recipient's turn in the routing order, already signed).
    public func sign(_ recipient: Recipient) async throws {
        try await act(on: recipient, "sign")
    }

    /// Declines as `recipient`; the envelope becomes `DECLINED`.
    /// - Throws: As ``sign(_:)``.
    public func decline(_ recipient: Recipient) async throws {
        try await act(on: recipient, "decline")
    }

    /// Registers a webhook for `events` (all by default) whose deliveries arrive, verified with its secret and
    /// decoded, in the returned stream (in delivery order; the sandbox retries a delivery the receiver refuses).
    /// - Throws: What registering the webhook throws (``ClientError``) or what binding the receiver's port throws.
    public func receiveWebhooks(events: [WebhookEventType] = WebhookEventType.allCases) async throws -> AsyncStream<WebhookEvent> {
        let (stream, continuation) = AsyncStream<WebhookEvent>.makeStream()
        let secret = SecretBox()
        let listener = WebhookListener { request in
            guard let verifier = secret.verifier,
                  let event = try? WebhookEvent.verified(body: request.body, headers: request.headers, verifier: verifier) else {
                return WebhookListener.Reply(status: 400, body: "signature or payload refused")
            }
            continuation.yield(event)
            return WebhookListener.Reply(status: 204)
        }
        let port = try await listener.start()
        listeners.add(listener)
        guard let url = URL(string: "http://127.0.0.1:\(port)/webhooks") else { throw TestSandboxError.noSignURL }
        let webhook = try await client.createWebhook(WebhookCreate(url: url, events: events))
        secret.set(try webhook.secret.map { try WebhookVerifier(secret: $0) })
        return stream
    }

    private func act(on recipient: Recipient, _ action: String) async throws {
        guard let signURL = recipient.signUrl else { throw TestSandboxError.noSignURL }
        var request = URLRequest(url: signURL.appendingPathComponent(action))
        request.httpMethod = "POST"
        let (_, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else { throw TestSandboxError.refused(status: status) }
    }
}

/// Runs `body` with a fresh ``TestSandbox`` and stops it afterwards, also when `body` throws.
public func withTestSandbox<T>(configure: (inout SandboxConfiguration) -> Void = { _ in },
                               _ body: (TestSandbox) async throws -> T) async throws -> T {
    let sandbox = try await TestSandbox.start(configure: configure)
    do {
        let result = try await body(sandbox)
        await sandbox.stop()
        return result
    } catch {
        await sandbox.stop()
        throw error
    }
}

/// Why a ``TestSandbox`` action failed.
public enum TestSandboxError: Error, Sendable, Equatable {
    /// The recipient has no `signUrl` yet (the envelope is still a draft).
    case noSignURL
    /// The sandbox answered the sign or decline request with this HTTP status.
    case refused(status: Int)
}

/// The webhook receivers a sandbox started, stopped with it.
private final class Listeners: @unchecked Sendable {
    private let lock = NSLock()
    private var listeners: [WebhookListener] = []
    func add(_ listener: WebhookListener) { lock.withLock { listeners.append(listener) } }
    func all() -> [WebhookListener] { lock.withLock { listeners } }
}

/// The webhook's verifier, known once the webhook is registered (after the receiver started).
private final class SecretBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: WebhookVerifier?
    var verifier: WebhookVerifier? { lock.withLock { stored } }
    func set(_ verifier: WebhookVerifier?) { lock.withLock { stored = verifier } }
}
