import Certyneo
import Foundation
import Testing

// This file imports `Certyneo` and no other module of the package: the runtime types the SDK's API and README use
// must come with it (the generated files `@_exported import BindgenRuntime`). Before, this file did not compile.

/// `import Certyneo` is enough for the types an app names when it configures, pages, handles errors and verifies
/// webhooks.
@Suite struct OneImportTests {
    @Test func runtimeTypesComeWithTheSDK() async throws {
        let seen = Counter()
        let client = Client(apiKey: "sk_test_one_import", serverURL: try #require(URL(string: "http://127.0.0.1:9"))).with {
            $0.clock = ImmediateClock()
            $0.retryPolicy = .none
            $0.middlewares = [MetricsMiddleware { _ in seen.add() }]
        }
        let pages: PageSequence<EnvelopeList, Envelope> = client.allEnvelopes(status: .sent)
        // Not `catch let error as ClientError` around the loop: Swift 6.3.1 crashes on it ("Found ownership error").
        let failure: ClientError? = await firstError(of: pages)
        guard case .transport = failure else {
            Issue.record("expected a transport error, got \(String(describing: failure))")
            return
        }
        #expect(seen.value == 1, "the metrics middleware saw the one attempt")

        let verifier = try WebhookVerifier(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        #expect(throws: WebhookVerificationError.self) {
            try verifier.verify(body: Data("{}".utf8), headers: [String: String]())
        }
    }
}

private func firstError(of pages: PageSequence<EnvelopeList, Envelope>) async -> ClientError? {
    do {
        for try await _ in pages {}
        return nil
    } catch {
        return error  // typed: PageSequence throws ClientError
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
