import BindgenAsyncHTTPClient
import BindgenRuntime
import Foundation
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The transports the shared suite runs against.
enum TransportKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case urlSession
    case asyncHTTPClient

    var testDescription: String { rawValue }

    func make() -> any ClientTransport {
        switch self {
        case .urlSession: URLSessionTransport(session: URLSession(configuration: .ephemeral))
        case .asyncHTTPClient: AsyncHTTPClientTransport()
        }
    }
}
