import ArgumentParser
import BindgenRuntime
import Certyneo
import CertyneoSandbox
import Dispatch
import Foundation

/// One run of `certyneo webhooks listen`: start the listener, register it where asked, print
/// events until interrupted (or `--max-events`), then unregister and stop.
struct ListenSession {
    struct Options: Sendable {
        var port: Int
        var path: String
        var secrets: [String]
        var tolerance: Duration
        var sandbox: Bool
        var baseURL: String?
        var apiKey: String?
        var events: [WebhookEventType]
        var maxEvents: Int?
    }

    /// The receiver, set once the secrets are known; requests before that answer 503.
    actor Slot {
        private var receiver: WebhookReceiver?

        func set(_ receiver: WebhookReceiver) { self.receiver = receiver }

        func handle(_ request: WebhookListener.Request) async -> WebhookListener.Reply {
            guard let receiver else { return WebhookListener.Reply(status: 503, body: "not ready yet\n") }
            return await receiver.handle(request)
        }
    }

    let options: Options

    func run() async throws {
        let (stopped, stop) = AsyncStream<String>.makeStream()
        let signals = Self.watchSignals { stop.yield("interrupted") }
        defer { Self.unwatch(signals) }

        var embedded: SandboxServer?
        var client: Client?
        if options.sandbox {
            var configuration = SandboxConfiguration()
            configuration.rateLimit = nil
            let server = SandboxServer(configuration: configuration)
            let info = try await server.start()
            embedded = server
            client = Client(apiKey: info.apiKey, serverURL: info.baseURL)
            Self.say("Embedded sandbox on \(info.baseURL.absoluteString)\nAPI key: \(info.apiKey)")
        } else if let baseURL = options.baseURL {
            guard let url = URL(string: baseURL), url.scheme != nil else {
                throw ValidationError("--base-url must be an absolute URL such as http://127.0.0.1:8080/api/v1")
            }
            guard let key = options.apiKey, !key.isEmpty else { throw ValidationError("--base-url needs --api-key (or CERTYNEO_API_KEY)") }
            client = Client(apiKey: key, serverURL: url)
        }

        let slot = Slot()
        let listener = WebhookListener(port: options.port) { request in await slot.handle(request) }
        let port = try await listener.start()
        var registered: Webhook?
        do {
            guard let url = await listener.url(path: options.path) else { throw ValidationError("no URL for port \(port)") }
            var secrets = options.secrets
            if let client {
                let events = options.events.isEmpty ? WebhookEventType.allCases : options.events
                let webhook = try await client.createWebhook(WebhookCreate(url: url, events: events, description: "certyneo webhooks listen"))
                registered = webhook
                if let secret = webhook.secret { secrets.append(secret) }
                Self.say("Registered webhook \(webhook.id) for \(events.map(\.rawValue).joined(separator: ", "))\nSigning secret: \(webhook.secret ?? "(none returned)")")
            }
            let verifier = try WebhookVerifier(secrets: secrets, tolerance: options.tolerance)
            let maxEvents = options.maxEvents
            var receiver = WebhookReceiver(verifier: verifier, printEvent: Self.say, printRejection: printError)
            receiver.onEvent = { count in if let maxEvents, count >= maxEvents { stop.yield("received \(count) event(s)") } }
            await slot.set(receiver)
            Self.say("Listening on \(url.absoluteString); press Ctrl-C to stop.")
            for await reason in stopped {
                printError("Stopping: \(reason).")
                break
            }
        } catch let error as ClientError {
            printError("error: \(QuickstartFlow.explain(error))")
            await Self.shutDown(listener: listener, sandbox: embedded, client: nil, webhook: nil)
            throw ExitCode.failure
        } catch {
            await Self.shutDown(listener: listener, sandbox: embedded, client: nil, webhook: nil)
            throw error
        }
        await Self.shutDown(listener: listener, sandbox: embedded, client: embedded == nil ? client : nil, webhook: registered)
    }

    /// Unregisters from a server that outlives us, then stops the listener and the embedded sandbox.
    static func shutDown(listener: WebhookListener, sandbox: SandboxServer?, client: Client?, webhook: Webhook?) async {
        if let client, let webhook {
            do throws(ClientError) {
                try await client.deleteWebhook(id: webhook.id)
                printError("Unregistered webhook \(webhook.id).")
            } catch {
                printError("warning: could not unregister webhook \(webhook.id): \(QuickstartFlow.explain(error))")
            }
        }
        await listener.stop()
        await sandbox?.stop()
    }

    /// Calls `onSignal` on SIGINT or SIGTERM instead of terminating the process.
    static func watchSignals(_ onSignal: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: onSignal)
            source.resume()
            return source
        }
    }

    /// Cancels the signal sources and gives SIGINT and SIGTERM their default action back.
    static func unwatch(_ sources: [any DispatchSourceSignal]) {
        sources.forEach { $0.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    /// One line on standard output, written at once (scripts read it through a pipe).
    @Sendable static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
