import ArgumentParser
import BindgenRuntime
import Certyneo
import CertyneoSandbox
import Foundation

/// `certyneo webhooks listen`: a local receiver that verifies and prints every event.
struct WebhooksListen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listen",
        abstract: "Receives webhook deliveries on 127.0.0.1, verifies their signatures and prints one line per event.",
        discussion: """
            Each event prints as: <type> <envelope id> <status> <webhook-id>. A repeated webhook-id (a retry) is \
            acknowledged but not printed again. Bad requests answer 400, bad signatures and stale timestamps 401, \
            each with a line on standard error.

            The secret comes from --secret (repeat it during a rotation) or $CERTYNEO_WEBHOOK_SECRET. With \
            --sandbox the command starts the embedded sandbox, registers itself there and prints the sandbox's \
            URL and API key, e.g. for `certyneo quickstart --base-url … --api-key …` in another terminal; with \
            --base-url and --api-key it registers itself on that server and unregisters on exit.
            """)

    @Option(help: "TCP port on 127.0.0.1; 0 picks a free one.")
    var port = 8081

    @Option(help: "Path of the receiving URL that is registered.")
    var path = "/webhooks"

    @Option(name: .customLong("secret"), help: "A whsec_… signing secret; repeat for several (default: $CERTYNEO_WEBHOOK_SECRET).")
    var secrets: [String] = []

    @Option(help: "Largest accepted clock difference of webhook-timestamp, in seconds, in the past or the future.")
    var tolerance: Int64 = 300

    @Flag(help: "Start the embedded sandbox and register this listener on it.")
    var sandbox = false

    @Option(name: .customLong("base-url"), help: "Register this listener on the API at this base URL, e.g. http://127.0.0.1:8080/api/v1.")
    var baseURL: String?

    @Option(name: .customLong("api-key"), help: "API key for --base-url (default: $CERTYNEO_API_KEY).")
    var apiKey: String?

    @Option(name: .customLong("event"), help: "An event type to subscribe to when registering; repeat for several (default: all).")
    var events: [String] = []

    @Option(name: .customLong("max-events"), help: "Exit after this many distinct events.")
    var maxEvents: Int?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard tolerance >= 0 else { throw ValidationError("--tolerance must be 0 or more seconds") }
        guard !(sandbox && baseURL != nil) else { throw ValidationError("use either --sandbox or --base-url, not both") }
        if let maxEvents, maxEvents < 1 { throw ValidationError("--max-events must be at least 1") }
        for event in events where !WebhookEvent.knownTypes.contains(event) {
            throw ValidationError("unknown --event \(event); known: \(WebhookEvent.knownTypes.joined(separator: ", "))")
        }
        let givenSecrets = secrets.isEmpty ? environmentSecrets : secrets
        guard !givenSecrets.isEmpty || sandbox || baseURL != nil else {
            throw ValidationError("give --secret (or CERTYNEO_WEBHOOK_SECRET), or --sandbox, or --base-url to register and get one")
        }
        for secret in givenSecrets {
            do { _ = try WebhookSecret(secret) } catch { throw ValidationError("--secret: \(error.description)") }
        }
    }

    private var environmentSecrets: [String] {
        guard let secret = ProcessInfo.processInfo.environment["CERTYNEO_WEBHOOK_SECRET"], !secret.isEmpty else { return [] }
        return [secret]
    }

    func run() async throws {
        let options = ListenSession.Options(
            port: port, path: path.hasPrefix("/") ? path : "/" + path, secrets: secrets.isEmpty ? environmentSecrets : secrets,
            tolerance: .seconds(tolerance), sandbox: sandbox, baseURL: baseURL,
            apiKey: apiKey ?? ProcessInfo.processInfo.environment["CERTYNEO_API_KEY"],
            events: events.map(WebhookEventType.init(rawValue:)), maxEvents: maxEvents)
        try await ListenSession(options: options).run()
    }
}
