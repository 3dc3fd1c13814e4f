import BindgenRuntime
import Certyneo
import Foundation

/// The seed's quickstart through the generated SDK: upload, create the DRAFT, send, print the sign URLs;
/// on a loopback sandbox, sign as each recipient in routing order, wait for COMPLETED and save both PDFs.
struct QuickstartFlow {
    struct Failure: Error { let message: String }

    let client: Client
    let transport: any ClientTransport
    let subject: String
    let recipients: [RecipientCreate]
    let outputDirectory: String
    let signOnSandbox: Bool
    /// Where progress lines go; standard output by default.
    var output: @Sendable (String) -> Void = { print($0) }

    func run(pdf: URL) async throws {
        let document = try await client.uploadDocument(file: .pdf(at: pdf))
        output("Uploaded \(document.name): \(document.id) (\(document.pageCount) pages, \(document.sizeBytes) bytes, sha256 \(document.sha256.prefix(16))…)")

        let draft = try await client.createEnvelope(EnvelopeCreate(subject: subject, documentIds: [document.id], recipients: recipients))
        output("Created envelope \(draft.id) (\(draft.status.rawValue))")

        let sent = try await client.sendEnvelope(id: draft.id)
        output("Sent envelope \(sent.id) (\(sent.status.rawValue))")
        for recipient in sent.recipients.sorted(by: { $0.routingOrder < $1.routingOrder }) {
            output("  sign URL for \(recipient.name) <\(recipient.email)> (order \(recipient.routingOrder)): \(recipient.signUrl?.absoluteString ?? "none")")
        }
        guard signOnSandbox else {
            output("Status: \(sent.status.rawValue)")
            return
        }

        for recipient in sent.recipients.sorted(by: { $0.routingOrder < $1.routingOrder }) where recipient.role == .signer || recipient.role == .approver {
            guard let url = recipient.signUrl else { throw Failure(message: "recipient \(recipient.email) has no sign URL") }
            try await sign(at: url)
            output("  signed as \(recipient.name)")
        }

        let completed = try await waitForCompletion(envelopeID: sent.id)
        output("Status: \(completed.status.rawValue)")

        // Both PDFs go straight to their files as they arrive: memory stays flat whatever their size.
        let signedURL = try destination("signed-\(sent.id).pdf")
        let auditURL = try destination("audit-trail-\(sent.id).pdf")
        try await client.getSignedDocument(id: sent.id, to: signedURL)
        try await client.getEnvelopeAuditTrail(id: sent.id, to: auditURL)
        output("Signed document: \(signedURL.path) (\(Self.size(of: signedURL)) bytes)")
        output("Audit trail: \(auditURL.path) (\(Self.size(of: auditURL)) bytes)")
    }

    /// Acts as the signer: `POST {signUrl}/sign` (a sandbox-only route; the token in the URL is the credential).
    func sign(at url: URL) async throws {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false), let host = components.host else {
            throw Failure(message: "sign URL \(url) is not an absolute URL")
        }
        components.path += "/sign"
        let authority = components.port.map { "\(host):\($0)" } ?? host
        let request = HTTPRequest(method: .post, scheme: components.scheme ?? "http", authority: authority, path: components.percentEncodedPath)
        let (response, body) = try await transport.send(request, body: nil, timeout: .seconds(30))
        guard response.status.code == 200 else {
            throw ClientError.api(APIError(operationID: "sandboxSign", status: response.status.code, headerFields: response.headerFields, body: body))
        }
    }

    func waitForCompletion(envelopeID: String) async throws -> Envelope {
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            let envelope = try await client.getEnvelope(id: envelopeID)
            if envelope.status != .sent || ContinuousClock.now > deadline { return envelope }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// The file `name` in the output folder, which is created when missing.
    func destination(_ name: String) throws -> URL {
        try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        return URL(fileURLWithPath: outputDirectory).appendingPathComponent(name).standardizedFileURL
    }

    /// The size of the file at `url` in bytes (0 when it cannot be read).
    static func size(of url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    static func isLoopback(_ url: URL) -> Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(url.host ?? "")
    }

    /// One line for a failed call: what failed, the status and problem code, the detail and the request id.
    static func explain(_ error: ClientError) -> String {
        if case .api(let api) = error {
            var line = "\(api.operationID) failed with HTTP \(api.status)"
            if let code = api.code { line += " (\(code))" }
            if let detail = api.detail ?? api.title { line += ": \(detail)" }
            if let requestID = api.requestID { line += " [request \(requestID)]" }
            return line
        }
        return error.description
    }
}
