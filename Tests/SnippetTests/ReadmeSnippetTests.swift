import Certyneo
import CertyneoSandbox
import Foundation
import Testing

/// The Swift blocks of the README and of the DocC articles are compiled code: each is a `// snippet:` region of this
/// target (imports included), and the quickstart runs, as written, against a sandbox on the port and key the README
/// names.
@Suite struct ReadmeSnippetTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The Markdown files whose Swift blocks must be compiled: the README and every DocC article.
    static func documents() throws -> [String] {
        var paths = ["README.md"]
        let sources = root.appendingPathComponent("Sources")
        for module in try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted() {
            let catalog = sources.appendingPathComponent(module).appendingPathComponent("\(module).docc")
            guard let articles = try? FileManager.default.contentsOfDirectory(atPath: catalog.path) else { continue }
            paths += articles.filter { $0.hasSuffix(".md") }.sorted().map { "Sources/\(module)/\(module).docc/\($0)" }
        }
        return paths
    }

    /// The ```swift blocks of a Markdown file: (first line number, lines).
    static func swiftBlocks(in path: String) throws -> [(line: Int, lines: [String])] {
        let lines = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [(Int, [String])] = []
        var current: (Int, [String])?
        for (index, line) in lines.enumerated() {
            if current == nil, line == "```swift" {
                current = (index + 2, [])
            } else if let open = current, line.hasPrefix("```") {
                blocks.append(open)
                current = nil
            } else if current != nil {
                current?.1.append(line)
            }
        }
        return blocks
    }

    /// The snippet regions of this target's files: (file text's import lines, region de-indented).
    static func compiledRegions() throws -> [(imports: Set<String>, body: [String])] {
        let folder = root.appendingPathComponent("Tests/SnippetTests")
        var regions: [(Set<String>, [String])] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            let lines = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let imports = Set(lines.filter { $0.hasPrefix("import ") })
            var region: [String]?
            for line in lines {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("// snippet:") {
                    region = []
                } else if trimmed == "// end snippet", let body = region {
                    let indent = body.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
                    regions.append((imports, body.map { $0.isEmpty ? $0 : String($0.dropFirst(indent)) }))
                    region = nil
                } else {
                    region?.append(line)
                }
            }
        }
        return regions
    }

    @Test func everySwiftBlockOfTheReadmeAndTheArticlesIsCompiledHere() throws {
        let regions = try Self.compiledRegions()
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var checked: [String: Int] = [:]
        for document in try Self.documents() {
        for block in try Self.swiftBlocks(in: document) {
            let first = block.lines.first { !$0.isEmpty } ?? ""
            if first.hasPrefix("// Package.swift") || first.hasPrefix(".target(") || first.hasPrefix(".package(") {
                // A manifest excerpt: the products and plugins it names are this package's.
                for name in block.lines.joined().matches(of: /\.(?:product|plugin)\(name: "([^"]+)"/).map({ String($0.1) }) {
                    #expect(manifest.contains("name: \"\(name)\""), "\(document):\(block.line): no product or plugin '\(name)' in Package.swift")
                }
                continue
            }
            let imports = block.lines.filter { $0.hasPrefix("import ") }
            var body = Array(block.lines.drop { $0.hasPrefix("import ") || $0.isEmpty })
            while body.last?.isEmpty == true { body.removeLast() }
            let match = regions.first { $0.body == body && imports.allSatisfy($0.imports.contains) }
            #expect(match != nil, "\(document):\(block.line): this Swift block is in no `// snippet:` region of Tests/SnippetTests (with its imports): \(body.prefix(2))")
            checked[document, default: 0] += 1
        }
        }
        #expect(checked["README.md", default: 0] >= 5, "the README's code blocks were found")
        #expect(checked["Sources/Certyneo/Certyneo.docc/ReceivingWebhooks.md", default: 0] >= 3, "the articles' code blocks were found")
    }

    /// The quickstart, verbatim, against `certyneo sandbox --port 8080 --api-key sk_test_quickstart` (in process) and
    /// a `contrat.pdf` in the current folder; then the error-handling block meets the 409 of an unsigned envelope.
    @Test func theQuickstartRunsAsWritten() async throws {
        var configuration = SandboxConfiguration()
        configuration.port = 8080
        configuration.initialAPIKey = "sk_test_quickstart"
        configuration.rateLimit = nil
        let server = SandboxServer(configuration: configuration)
        _ = try await server.start()
        let pdf = URL(filePath: "contrat.pdf")
        let placed = !FileManager.default.fileExists(atPath: pdf.path)
        if placed {
            try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Sources/CertyneoCLI/Resources/sample-contract.pdf"), to: pdf)
        }
        defer { if placed { try? FileManager.default.removeItem(at: pdf) } }
        do {
            try await readmeQuickstart()
            let client = Client(apiKey: "sk_test_quickstart", serverURL: Client.sandboxServerURL(port: 8080))
            let sent = try #require(try await client.listEnvelopes().data.first)
            #expect(sent.status == .sent)
            #expect(sent.recipients.first?.signUrl != nil)
            await readmeErrors(client: client, envelopeID: sent.id)
            try await readmeConfiguration()
            try await readmeHeaders(client: client, url: pdf)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}
