import ArgumentParser
import CertyneoSandbox
import Foundation

struct Sandbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs the local Certyneo sandbox server on 127.0.0.1 until interrupted.")

    @Option(help: "TCP port; 0 picks a free one.")
    var port = 8080

    @Option(name: .customLong("api-key"), help: "Accept this sk_test_… key instead of a random one.")
    var apiKey: String?

    @Flag(name: .customLong("no-rate-limit"), help: "Turn the per-key rate limit (200 burst, 100/min) off.")
    var noRateLimit = false

    @Flag(help: "Log each request (method, path, status).")
    var verbose = false

    func run() async throws {
        var configuration = SandboxConfiguration()
        configuration.port = port
        configuration.initialAPIKey = apiKey
        if noRateLimit { configuration.rateLimit = nil }
        configuration.logRequests = verbose
        let server = SandboxServer(configuration: configuration)
        try await server.run { info in
            // Written unbuffered, so a script reading a pipe sees the URL and key at once.
            let banner = "Certyneo sandbox listening on \(info.baseURL.absoluteString)\nAPI key: \(info.apiKey)\nPress Ctrl-C to stop.\n"
            FileHandle.standardOutput.write(Data(banner.utf8))
        }
    }
}
