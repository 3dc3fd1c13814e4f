import Certyneo
import Foundation

// The README's Swift snippets, compiled. Each region between `// snippet:` and `// end snippet` is a README block
// exactly (once the function's indentation is removed); ReadmeSnippetTests holds the README to that and runs them.

/// README, "Using the SDK in your app": the quickstart as an app's `main.swift` would hold it.
func readmeQuickstart() async throws {
    // snippet: quickstart
    // The sandbox; in production `Client(apiKey: "sk_live_…")` talks to https://certyneo.com/api/v1.
    let client = Client(apiKey: "sk_test_quickstart", serverURL: Client.sandboxServerURL(port: 8080))

    // 1. Upload the PDF (multipart) and keep its id.
    let doc = try await client.uploadDocument(file: .pdf(at: URL(filePath: "contrat.pdf")))

    // 2. Create a DRAFT envelope referencing the document.
    let draft = try await client.createEnvelope(.init(
        subject: "Contrat de prestation",
        documentIds: [doc.id],
        recipients: [.init(email: "client@example.com", name: "Marie Dubois", role: .signer)]))

    // 3. Dispatch it: invitations go out; each signer gets a signUrl.
    let sent = try await client.sendEnvelope(id: draft.id)
    print(sent.id, sent.status, sent.recipients.map { $0.signUrl?.absoluteString ?? "-" })
    // end snippet
}

/// README: the status, header fields and request id behind a call.
func readmeHeaders(client: Client, url: URL) async throws {
    // snippet: headers
    let (document, response) = try await client.withResponse { try await $0.uploadDocument(file: .pdf(at: url)) }
    print(document.id, response.status, response.requestID ?? "-")     // quote the request id to support
    // the declared headers, typed (each method's comment names its type)
    let answer = try await client.withResponse(headers: XRequestIdHeaders.self) { try await $0.getDocument(id: document.id) }
    print(answer.body.name, answer.headers.xRequestId ?? "-")
    // end snippet
}

/// README: typed errors, with the trailing `catch` top-level code needs.
func readmeErrors(client: Client, envelopeID: String) async {
    // snippet: errors
    do {
        _ = try await client.getSignedDocument(id: envelopeID)
    } catch .api(let error) where error.status == 409 {
        print("not completed yet (\(error.code ?? "?"), request \(error.requestID ?? "?"))")
    } catch {
        print("failed: \(error)")
    }
    // end snippet
}

/// Getting Started: the signed PDF written to a file as it arrives.
func gettingStartedDownload(client: Client, sent: Envelope) async throws {
    // snippet: download
    let file = URL(fileURLWithPath: "signed-\(sent.id).pdf")
    try await client.getSignedDocument(id: sent.id, to: file) { progress in
        print(progress.bytesWritten, "of", progress.expectedBytes ?? -1)
    }
    // end snippet
}
