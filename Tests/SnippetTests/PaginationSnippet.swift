import Certyneo
import Foundation

/// Certyneo.docc/Pagination.md, compiled; ArticleSnippetTests runs it against the sandbox.
func articlePagination(client: Client) async throws {
    // snippet: pagination
    // Every sent envelope, 100 per request; stopping early fetches no further page.
    for try await envelope in client.allEnvelopes(limit: 100, status: .sent) {
        print(envelope.id, envelope.subject, envelope.recipients.count)
        if envelope.subject.hasPrefix("Archive") { break }
    }

    // Page by page, for progress or batching.
    for try await page in client.allDocuments(limit: 50).pages {
        print("\(page.data.count) documents, more: \(page.hasMore)")
    }

    // Everything at once (mind the size of the list).
    let webhooks = try await client.allWebhooks().collect()
    print(webhooks.map(\.url))
    // end snippet
}
