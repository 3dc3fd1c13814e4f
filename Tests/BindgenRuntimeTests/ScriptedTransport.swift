import BindgenRuntime
import Foundation
import Testing

/// A ``ClientTransport`` that answers each attempt with the next scripted outcome (the last one
/// repeats) and records every attempt.
final class ScriptedTransport: ClientTransport, @unchecked Sendable {
    enum Outcome {
        case status(Int, headers: HTTPFields = [:], body: Data = Data())
        case failure(any Error)
        /// Waits (in real time) before answering 200; cancellable.
        case hang(Duration)
    }

    struct Attempt {
        let request: HTTPRequest
        let body: TransportBody?
        let timeout: Duration?
        /// For file bodies: the file's bytes at the time of the attempt.
        let fileBytes: Data?
    }

    private let lock = NSLock()
    private var script: [Outcome]
    private var recorded: [Attempt] = []

    init(_ script: [Outcome]) {
        self.script = script
    }

    var attempts: [Attempt] { lock.withLock { recorded } }

    func send(_ request: HTTPRequest, body: TransportBody?, timeout: Duration?) async throws -> (HTTPResponse, Data) {
        var fileBytes: Data?
        if case .file(let url)? = body { fileBytes = try? Data(contentsOf: url) }
        let outcome: Outcome = lock.withLock {
            recorded.append(Attempt(request: request, body: body, timeout: timeout, fileBytes: fileBytes))
            return script.count > 1 ? script.removeFirst() : script[0]
        }
        switch outcome {
        case .status(let code, let headers, let body):
            return (HTTPResponse(status: .init(code: code), headerFields: headers), body)
        case .failure(let error):
            throw error
        case .hang(let duration):
            try await Task.sleep(for: duration)
            return (HTTPResponse(status: .ok), Data())
        }
    }
}

/// A client over a scripted transport on an ``ImmediateClock``, jitter off (random 0: full delays).
func scriptedClient(_ transport: ScriptedTransport, clock: any ClientClock = ImmediateClock(),
                    authentication: Authentication? = .bearer("sk_test_secret"),
                    configure: (inout ClientConfiguration) -> Void = { _ in }) throws -> APIClient {
    let url = try #require(URL(string: "https://api.example.com/v1"))
    var configuration = ClientConfiguration(serverURL: url, authentication: authentication, transport: transport)
    configuration.clock = clock
    configuration.random = .constant(0)
    configure(&configuration)
    return APIClient(configuration: configuration)
}

func apiRequest(_ method: HTTPMethod, _ path: String = "/things", operationID: String = "op") -> APIRequest {
    APIRequest(operationID: operationID, method: method, pathTemplate: path, path: path)
}

extension HTTPField.Name {
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
}
