import Certyneo
import Foundation

// Certyneo.docc/ErrorHandling.md, compiled; ArticleSnippetTests runs both against the sandbox.

// snippet: error-handling-function
/// The signed PDF, or nil while recipients are still signing (the API answers 409).
func signedCopy(of envelopeID: String, client: Client) async throws(ClientError) -> Data? {
    do {
        return try await client.getSignedDocument(id: envelopeID)
    } catch .api(let problem) where problem.status == 409 {
        return nil
    }
}
// end snippet

// snippet: error-handling-explain
func explain(_ error: ClientError) -> String {
    switch error {
    case .api(let problem):
        let fields = problem.fieldErrors.map { "\($0.field ?? "?"): \($0.message)" }.joined(separator: "; ")
        return "HTTP \(problem.status) \(problem.code ?? "-"): \(problem.detail ?? problem.title ?? "") \(fields) [request \(problem.requestID ?? "-")]"
    case .rateLimited(let limit):
        return "rate limited; retry after \(limit.retryAfter?.description ?? "a while")"
    case .transport, .timedOut, .cancelled:
        return "network: \(error)"
    case .decoding(let failure):
        return "unexpected answer at \(failure.codingPath): \(failure.message) [request \(failure.requestID ?? "-")]"
    case .invalidRequest(let message):
        return "bad arguments: \(message)"
    }
}
// end snippet
