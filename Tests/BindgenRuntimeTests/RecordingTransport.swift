import BindgenRuntime
import Foundation
import Testing

/// An in-memory ``ClientTransport`` that records every request and answers with a canned
/// response or error.
final class RecordingTransport: ClientTransport, @unchecked Sendable {
    struct Call {
        let request: HTTPRequest
        let body: TransportBody?
        let timeout: Duration?
    }

    private let lock = NSLock()
    private var recorded: [Call] = []
    private let status: Int
    private let headerFields: HTTPFields
    private let responseBody: Data
    private let error: (any Error)?

    init(status: Int = 200, headerFields: HTTPFields = [:], body: Data = Data(), error: (any Error)? = nil) {
        self.status = status
        self.headerFields = headerFields
        self.responseBody = body
        self.error = error
    }

    var calls: [Call] { lock.withLock { recorded } }

    var lastRequest: HTTPRequest? { calls.last?.request }

    func send(_ request: HTTPRequest, body: TransportBody?, timeout: Duration?) async throws -> (HTTPResponse, Data) {
        lock.withLock { recorded.append(Call(request: request, body: body, timeout: timeout)) }
        if let error { throw error }
        return (HTTPResponse(status: .init(code: status), headerFields: headerFields), responseBody)
    }
}

extension HTTPField.Name {
    static let testRequestID = HTTPField.Name("X-Request-Id")!
}

/// Builds a client over a recording transport.
func makeClient(
    server: String = "https://certyneo.com/api/v1",
    authentication: Authentication? = nil,
    transport: RecordingTransport = RecordingTransport()
) throws -> APIClient {
    let url = try #require(URL(string: server))
    var configuration = ClientConfiguration(serverURL: url, authentication: authentication, transport: transport)
    // Retries (of a canned 503, say) must take no wall time.
    configuration.clock = ImmediateClock()
    return APIClient(configuration: configuration)
}
