import ArgumentParser
import CertyneoSandbox
import Foundation

struct Sandbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs the local Certyneo sandbox server on 127.0.0.1 until interrupted.",
        discussion: """
            The --inject-* options make a random fraction of API requests fail, to test a client's retries \
            and idempotency: e.g. --inject-429 0.1 --inject-503 0.1 --inject-drop-before 0.05 --inject-drop-after 0.05 \
            fails 30 % of them. A dropped connection is closed without an answer, before or after the request \
            changed any state.
            """)

    @Option(help: "TCP port; 0 picks a free one.")
    var port = 8080

    @Option(name: .customLong("api-key"), help: "Accept this sk_test_… key instead of a random one.")
    var apiKey: String?

    @Flag(name: .customLong("no-rate-limit"), help: "Turn the per-key rate limit (200 burst, 100/min) off.")
    var noRateLimit = false

    @Flag(help: "Log each request (method, path, status).")
    var verbose = false

    @Option(name: .customLong("max-upload-mb"), help: "The largest accepted upload (and request body), in MiB; larger ones answer 413. Default 25.")
    var maxUploadMiB = 25

    @Option(name: .customLong("inject-429"), help: "Fraction (0–1) of API requests answered 429 with Retry-After.")
    var inject429 = 0.0

    @Option(name: .customLong("inject-503"), help: "Fraction (0–1) of API requests answered 503.")
    var inject503 = 0.0

    @Option(name: .customLong("inject-drop-before"), help: "Fraction (0–1) of API requests whose connection is closed before processing.")
    var injectDropBefore = 0.0

    @Option(name: .customLong("inject-drop-after"), help: "Fraction (0–1) of API requests processed, then left unanswered with the connection closed.")
    var injectDropAfter = 0.0

    @Option(name: .customLong("inject-retry-after"), help: "The Retry-After of injected 429s, in seconds.")
    var injectRetryAfter = 1

    @Option(name: .customLong("fault-seed"), help: "Seed for the fault draws, for a reproducible run.")
    var faultSeed: UInt64?

    func validate() throws {
        let fractions = [inject429, inject503, injectDropBefore, injectDropAfter]
        guard fractions.allSatisfy({ (0...1).contains($0) }) else {
            throw ValidationError("--inject-* fractions must be between 0 and 1")
        }
        guard fractions.reduce(0, +) <= 1 else {
            throw ValidationError("the --inject-* fractions add up to more than 1")
        }
        guard injectRetryAfter >= 0 else { throw ValidationError("--inject-retry-after must be 0 or more seconds") }
        guard (1...4096).contains(maxUploadMiB) else { throw ValidationError("--max-upload-mb must be between 1 and 4096") }
    }

    func run() async throws {
        var configuration = SandboxConfiguration()
        configuration.port = port
        configuration.initialAPIKey = apiKey
        if noRateLimit { configuration.rateLimit = nil }
        configuration.maxUploadBytes = maxUploadMiB * 1024 * 1024
        configuration.logRequests = verbose
        configuration.faults = faults
        let server = SandboxServer(configuration: configuration)
        let injected = configuration.faults
        try await server.run { info in
            // Written unbuffered, so a script reading a pipe sees the URL and key at once.
            var banner = "Certyneo sandbox listening on \(info.baseURL.absoluteString)\nAPI key: \(info.apiKey)\n"
            if let faults = injected {
                let total = faults.rateLimited + faults.unavailable + faults.dropBeforeProcessing + faults.dropAfterProcessing
                banner += "Injecting faults into \(Int((total * 100).rounded())) % of API requests.\n"
            }
            FileHandle.standardOutput.write(Data((banner + "Press Ctrl-C to stop.\n").utf8))
        }
    }

    /// The fault configuration of the --inject-* options, or `nil` when they inject nothing.
    private var faults: SandboxConfiguration.FaultInjection? {
        let faults = SandboxConfiguration.FaultInjection(
            rateLimited: inject429, unavailable: inject503, dropBeforeProcessing: injectDropBefore,
            dropAfterProcessing: injectDropAfter, retryAfterSeconds: injectRetryAfter, seed: faultSeed)
        let total = inject429 + inject503 + injectDropBefore + injectDropAfter
        return total > 0 ? faults : nil
    }
}
