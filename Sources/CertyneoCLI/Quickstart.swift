import ArgumentParser
import BindgenRuntime
import Certyneo
import CertyneoSandbox
import Foundation

struct Quickstart: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Uploads a PDF, creates a DRAFT envelope, sends it and prints each sign URL; on a sandbox, signs it and saves the signed PDF and the audit trail.",
        discussion: "With no --base-url it starts the embedded sandbox on 127.0.0.1 on a free port and uses the sample contract shipped with the tool.")

    @Option(help: "The PDF to send (default: the bundled sample contract).")
    var file: String?

    @Option(name: .customLong("base-url"), help: "API base URL, e.g. http://127.0.0.1:8080/api/v1 (default: start the embedded sandbox).")
    var baseURL: String?

    @Option(name: .customLong("api-key"), help: "API key (default: $CERTYNEO_API_KEY; the embedded sandbox makes its own).")
    var apiKey: String?

    @Option(name: .customLong("recipient"), help: "A signer as \"Name <email>\"; repeat for more, signing in the order given.")
    var recipients: [String] = []

    @Option(help: "Envelope subject.")
    var subject = "Contrat de prestation"

    @Option(name: .customLong("output-directory"), help: "Where to save the signed PDF and the audit trail.")
    var outputDirectory = "."

    @Flag(name: .customLong("no-sign"), help: "Stop after sending (do not sign as the recipients on a loopback sandbox).")
    var noSign = false

    func run() async throws {
        var embedded: SandboxServer?
        let serverURL: URL
        let key: String
        if let baseURL {
            guard let url = URL(string: baseURL), url.scheme != nil else {
                throw ValidationError("--base-url must be an absolute URL such as http://127.0.0.1:8080/api/v1")
            }
            guard let given = apiKey ?? ProcessInfo.processInfo.environment["CERTYNEO_API_KEY"], !given.isEmpty else {
                throw ValidationError("--base-url needs --api-key (or CERTYNEO_API_KEY)")
            }
            serverURL = url
            key = given
        } else {
            let server = SandboxServer(configuration: SandboxConfiguration())
            let info = try await server.start()
            print("Embedded sandbox on \(info.baseURL.absoluteString) (API key \(info.apiKey.prefix(12))…)")
            embedded = server
            serverURL = info.baseURL
            key = info.apiKey
        }
        let exitCode: Int32
        do {
            let flow = QuickstartFlow(
                client: Client(apiKey: key, serverURL: serverURL), transport: URLSessionTransport(),
                subject: subject, recipients: try parsedRecipients(), outputDirectory: outputDirectory,
                signOnSandbox: !noSign && QuickstartFlow.isLoopback(serverURL))
            try await flow.run(pdf: try pdfURL())
            exitCode = 0
        } catch let error as ClientError {
            printError("error: \(QuickstartFlow.explain(error))")
            exitCode = 1
        } catch let error as QuickstartFlow.Failure {
            printError("error: \(error.message)")
            exitCode = 1
        }
        await embedded?.stop()
        if exitCode != 0 { throw ExitCode(exitCode) }
    }

    func pdfURL() throws -> URL {
        if let file {
            let url = URL(fileURLWithPath: file)
            guard FileManager.default.isReadableFile(atPath: url.path) else {
                throw ValidationError("cannot read --file \(file)")
            }
            return url
        }
        guard let sample = Bundle.module.url(forResource: "sample-contract", withExtension: "pdf", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "sample-contract", withExtension: "pdf") else {
            throw ValidationError("the bundled sample contract is missing; pass --file")
        }
        return sample
    }

    func parsedRecipients() throws -> [RecipientCreate] {
        if recipients.isEmpty {
            return [RecipientCreate(email: "client@example.com", name: "Marie Dubois", role: .signer)]
        }
        return try recipients.enumerated().map { index, text in
            guard let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close else {
                throw ValidationError("--recipient must look like \"Marie Dubois <client@example.com>\"")
            }
            let name = text[..<open].trimmingCharacters(in: .whitespaces)
            let email = String(text[text.index(after: open)..<close])
            return RecipientCreate(email: email, name: name.isEmpty ? email : name, role: .signer, routingOrder: Int32(index + 1))
        }
    }
}
