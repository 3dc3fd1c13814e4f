import Foundation
import HTTPTypes
import Hummingbird

/// What a route handler sees of a request: already routed, authenticated and read.
struct RouteRequest: Sendable {
    let method: String
    /// The path as received (without the query).
    let path: String
    /// Decoded path parameters by name (`id`, `token`).
    let parameters: [String: String]
    let query: QueryParameters
    let headers: HTTPFields
    let body: [UInt8]
    let requestID: String
    /// The authenticated caller; `nil` on the routes that take no API key.
    let caller: Caller?

    /// The path parameter `name` (present whenever the route pattern declares it).
    func parameter(_ name: String) -> String {
        parameters[name] ?? ""
    }

    /// The first value of a header, or `nil`.
    func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { headers[$0] }
    }

    /// The parsed `Content-Type`, or `nil` when absent or malformed.
    var contentType: MediaType? {
        header("Content-Type").flatMap(MediaType.init)
    }

    /// The caller, for routes that require one.
    func requireCaller() throws -> Caller {
        guard let caller else { throw Problem.unauthorized("This route needs an API key.") }
        return caller
    }
}

/// The account and key behind an authenticated request.
struct Caller: Sendable, Equatable {
    let accountID: Int
    let keyID: String
    let keyName: String
}
