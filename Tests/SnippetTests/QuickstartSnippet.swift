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

/// README: the request id from a `…WithHeaders` twin.
func readmeHeaders(client: Client, url: URL) async throws {
    // snippet: headers
    let answer = try await client.uploadDocumentWithHeaders(file: .pdf(at: url))
    print(answer.body.id, answer.headers.xRequestId ?? "-")     // quote the request id to support
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
