import BindgenAsyncHTTPClient
import BindgenRuntime
import Certyneo
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

// Usage: download-bench BASE_URL API_KEY MIB
// Uploads a PDF of about MIB MiB to the sandbox, completes an envelope, then downloads its signed document (the
// original is attached whole, so the body is a bit larger than MIB MiB) four times per transport, alternating:
// to a file with getSignedDocument(id:to:), and into memory with getSignedDocument(id:) as the baseline. For each
// it samples this process's resident memory (VmRSS) every 5 ms and prints the growth over the value before the call.

let arguments = CommandLine.arguments
guard arguments.count == 4, let baseURL = URL(string: arguments[1]), let mebibytes = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: download-bench BASE_URL API_KEY MIB\n".utf8))
    exit(2)
}
let apiKey = arguments[2]

enum Memory {
    /// VmRSS of this process in bytes.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return (Int(line.dropFirst(6).filter(\.isNumber)) ?? 0) * 1024
        }
        return 0
    }
}

/// The largest VmRSS seen while `body` runs, sampled every 5 ms on a thread of its own.
func peakResident(during body: () async throws -> Void) async rethrows -> Int {
    final class Peak: @unchecked Sendable {
        let lock = NSLock()
        var value = 0
        var running = true
    }
    let peak = Peak()
    let thread = Thread {
        while peak.lock.withLock({ peak.running }) {
            let now = Memory.residentBytes()
            peak.lock.withLock { peak.value = max(peak.value, now) }
            usleep(5_000)
        }
    }
    thread.start()
    defer { peak.lock.withLock { peak.running = false } }
    try await body()
    let last = Memory.residentBytes()
    return peak.lock.withLock { max(peak.value, last) }
}

/// A one-page PDF of about `bytes` bytes, written in 1 MiB pieces.
func writePDF(bytes: Int, to url: URL) throws {
    FileManager.default.createFile(atPath: url.path, contents: nil)
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    let line = "% filler line of the large benchmark document......\n"
    let piece = Data(String(repeating: line, count: (1 << 20) / line.utf8.count).utf8)
    let pieces = max(bytes / piece.count, 1)
    let trailer = "BT /F1 12 Tf 72 720 Td (Benchmark contract) Tj ET\n"
    let length = pieces * piece.count + trailer.utf8.count
    try handle.write(contentsOf: Data("""
    %PDF-1.7
    1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
    2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
    3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj
    4 0 obj << /Length \(length) >> stream

    """.utf8))
    for _ in 0..<pieces { try handle.write(contentsOf: piece) }
    try handle.write(contentsOf: Data((trailer + "endstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").utf8))
}

/// Signs as the recipient through the sandbox-only route `POST {signUrl}/sign`.
func sign(at url: URL) async throws {
    var request = URLRequest(url: url.appendingPathComponent("sign"))
    request.httpMethod = "POST"
    _ = try await URLSession.shared.data(for: request)
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("download-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let pdf = folder.appendingPathComponent("large.pdf")
try writePDF(bytes: mebibytes << 20, to: pdf)

let setup = Client(apiKey: apiKey, serverURL: baseURL, timeout: .seconds(600))
let document = try await setup.uploadDocument(file: .pdf(at: pdf))
let sent = try await setup.sendEnvelope(id: try await setup.createEnvelope(EnvelopeCreate(
    subject: "Benchmark", documentIds: [document.id],
    recipients: [RecipientCreate(email: "bench@example.com", name: "Bench", role: .signer)])).id)
if let url = sent.recipients.first?.signUrl { try await sign(at: url) }
try? FileManager.default.removeItem(at: pdf)
print("document: \(document.sizeBytes) bytes uploaded; envelope \(sent.id)")

struct Sample { let growth: Int; let seconds: Double; let bytes: Int }
var samples: [String: [Sample]] = [:]
let transports: [(String, any ClientTransport)] = [
    ("URLSession", URLSessionTransport(session: URLSession(configuration: .ephemeral))),
    ("AsyncHTTPClient", AsyncHTTPClientTransport(defaultTimeout: .seconds(600), maxResponseBytes: 1 << 31)),
]
for run in 0..<4 {
    for (name, transport) in transports {
        let client = Client(apiKey: apiKey, serverURL: baseURL, transport: transport, timeout: .seconds(600))
        let file = folder.appendingPathComponent("signed.pdf")
        let ways: [(String, () async throws -> Int)] = [
            ("to a file", {
                try await client.getSignedDocument(id: sent.id, to: file)
                return ((try FileManager.default.attributesOfItem(atPath: file.path))[.size] as? NSNumber)?.intValue ?? 0
            }),
            ("into Data (baseline)", { try await client.getSignedDocument(id: sent.id).count }),
        ]
        for (way, call) in run % 2 == 0 ? ways : ways.reversed() {
            try? FileManager.default.removeItem(at: file)
            let before = Memory.residentBytes()
            let start = ContinuousClock.now
            var bytes = 0
            let peak = try await peakResident { bytes = try await call() }
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            samples["\(name), \(way)", default: []].append(Sample(growth: peak - before, seconds: seconds, bytes: bytes))
        }
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : (sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2
}
print("| transport, where the body goes | body | resident memory growth, median (max) | time, median | throughput |")
print("|---|---|---|---|---|")
for (name, _) in transports {
    for way in ["to a file", "into Data (baseline)"] {
        let all = samples["\(name), \(way)"] ?? []
        let growth = median(all.map { Double($0.growth) }) / 1_048_576
        let worst = Double(all.map(\.growth).max() ?? 0) / 1_048_576
        let seconds = median(all.map(\.seconds))
        let bytes = all.first?.bytes ?? 0
        print(String(format: "| %@, %@ | %.1f MiB | %.1f MiB (%.1f) | %.2f s | %.0f MiB/s |", name, way,
                     Double(bytes) / 1_048_576, growth, worst, seconds, Double(bytes) / 1_048_576 / max(seconds, 0.001)))
    }
}
