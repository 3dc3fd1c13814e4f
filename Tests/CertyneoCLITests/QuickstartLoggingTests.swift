import BindgenRuntime
import Certyneo
@testable import CertyneoCLI
import CertyneoSandbox
import Foundation
import TestSupport
import Testing

@Suite("Logs of a full quickstart")
struct QuickstartLoggingTests {
    @Test func traceLogsOfAFullQuickstartNeverContainTheAPIKey() async throws {
        let log = CapturedLog()
        let printed = CapturedLog()
        let outputDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("quickstart-log-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outputDirectory) }
        // Faults make the client log retries, rate-limit pauses and failed attempts too.
        try await QuickstartResilienceTests.withFaultySandbox(total: 0.3, seed: 7, configure: {
            $0.middlewares = [LoggingMiddleware(logger: log.logger, level: .trace)]
            $0.logger = log.logger
        }) { client, _, info in
            let printer = printed.logger
            for run in 0..<3 {
                try await QuickstartResilienceTests.flow(client, run: run, outputDirectory: outputDirectory) { line in
                    printer.info("\(line)")
                }.run(pdf: QuickstartResilienceTests.samplePDF)
            }
            let text = log.text + "\n" + printed.text
            let secret = info.apiKey
            #expect(secret.hasPrefix("sk_test_"))
            #expect(!text.contains(secret))
            #expect(!text.contains(String(secret.dropFirst("sk_test_".count))))
            #expect(log.text.contains("authorization: <redacted>"))
            #expect(log.text.contains("→ POST /api/v1/documents"))
            #expect(log.text.contains("→ POST /api/v1/envelopes"))
            #expect(log.text.contains("/signed-document"))
            #expect(log.text.contains("Retrying "))
            #expect(log.lines.count > 100)
        }
    }
}
