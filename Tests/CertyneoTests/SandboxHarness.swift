import BindgenRuntime
import Certyneo
import CertyneoSandbox
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The sample contract the CLI ships; a real multi-page PDF.
let samplePDF = repositoryRoot.appendingPathComponent("Sources/CertyneoCLI/Resources/sample-contract.pdf")

/// Runs `body` against a fresh sandbox on 127.0.0.1 (ephemeral port, rate limit off) and stops it afterwards.
func withSandbox<T>(maxUploadBytes: Int? = nil, _ body: (Client, SandboxInfo) async throws -> T) async throws -> T {
    var configuration = SandboxConfiguration()
    configuration.rateLimit = nil
    if let maxUploadBytes { configuration.maxUploadBytes = maxUploadBytes }
    let server = SandboxServer(configuration: configuration)
    let info = try await server.start()
    do {
        let result = try await body(Client(apiKey: info.apiKey, serverURL: info.baseURL), info)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// Acts as a signer through the sandbox-only route `POST {signUrl}/sign` (or `/decline`); returns the HTTP status.
@discardableResult
func act(on signURL: URL?, _ action: String = "sign") async throws -> Int {
    let url = try #require(signURL).appendingPathComponent(action)
    var request = URLRequest(url: url)
    request.httpMethod = "POST"
    let (_, response) = try await URLSession.shared.data(for: request)
    return (response as? HTTPURLResponse)?.statusCode ?? 0
}

/// The `APIError` of a call expected to fail.
func apiError(_ body: () async throws -> Void) async -> APIError? {
    do {
        try await body()
        return nil
    } catch let error as ClientError {
        if case .api(let api) = error { return api }
        return nil
    } catch {
        return nil
    }
}
