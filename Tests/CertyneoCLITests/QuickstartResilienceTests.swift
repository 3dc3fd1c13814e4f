import BindgenRuntime
import Certyneo
@testable import CertyneoCLI
import CertyneoSandbox
import Foundation
import Testing

/// The CLI's quickstart (upload, create, send, sign, wait, download) through the SDK against a
/// sandbox that injects faults of every kind.
@Suite("Quickstart under injected faults", .serialized)
struct QuickstartResilienceTests {
    static let samplePDF = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/CertyneoCLI/Resources/sample-contract.pdf")

    /// A sandbox with faults (rate limit off: the injected 429s are the only ones) and a client
    /// whose waits take no wall time.
    static func withFaultySandbox(total: Double, seed: UInt64, configure: (inout ClientConfiguration) -> Void = { _ in },
                                  _ body: (Client, SandboxServer, SandboxInfo) async throws -> Void) async throws {
        var configuration = SandboxConfiguration()
        configuration.rateLimit = nil
        configuration.faults = .everyKind(total: total, retryAfterSeconds: 1, seed: seed)
        let server = SandboxServer(configuration: configuration)
        let info = try await server.start()
        let client = Client(apiKey: info.apiKey, serverURL: info.baseURL, timeout: .seconds(10)).with {
            $0.clock = ImmediateClock()
            // 30 % of attempts fail: with the default 2 retries one call in 37 would still fail; with
            // 12, one in 600,000.
            $0.retryPolicy.maxRetries = 12
            configure(&$0)
        }
        do {
            try await body(client, server, info)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    static func flow(_ client: Client, run: Int, outputDirectory: URL, output: @escaping @Sendable (String) -> Void = { _ in }) -> QuickstartFlow {
        QuickstartFlow(
            client: client, transport: URLSessionTransport(), subject: "Contrat \(run)",
            recipients: [RecipientCreate(email: "client\(run)@example.com", name: "Marie Dubois", role: .signer)],
            outputDirectory: outputDirectory.path, signOnSandbox: true, output: output)
    }

    @Test func aHundredQuickstartsUnderThirtyPercentFaultsAllCompleteWithNoDuplicates() async throws {
        let outputDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("quickstart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outputDirectory) }
        try await Self.withFaultySandbox(total: 0.3, seed: 2026) { client, server, _ in
            for run in 0..<100 {
                try await Self.flow(client, run: run, outputDirectory: outputDirectory).run(pdf: Self.samplePDF)
            }
            let statistics = await server.statistics()
            #expect(statistics.documents == 100)
            #expect(statistics.envelopes == 100)
            #expect(statistics.envelopesByStatus == ["COMPLETED": 100])
            for kind in SandboxConfiguration.FaultInjection.Kind.allCases {
                #expect((statistics.injectedFaults[kind] ?? 0) > 20, "too few \(kind.rawValue) faults: \(statistics.injectedFaults)")
            }
            let faults = statistics.injectedFaults.values.reduce(0, +)
            let answered = statistics.responsesByStatus.values.reduce(0, +)
            let drops = (statistics.injectedFaults[.dropBeforeProcessing] ?? 0) + (statistics.injectedFaults[.dropAfterProcessing] ?? 0)
            let share = Double(faults) / Double(answered + drops)
            #expect(share > 0.25 && share < 0.35, "fault share \(share)")
        }
        let saved = try FileManager.default.contentsOfDirectory(atPath: outputDirectory.path)
        #expect(saved.count == 200)
    }
}
