import Foundation

/// The sandbox's routes and how a method and path find one of them.
struct RouteTable: Sendable {
    typealias Handler = @Sendable (RouteRequest) async throws -> HTTPReply

    /// Whether a route takes a Bearer key (the API) or a sign token in its path (the signer pages).
    enum Access: Sendable {
        case apiKey
        case signToken
    }

    struct Route: Sendable {
        let method: String
        let pattern: [Segment]
        let access: Access
        let handler: Handler
    }

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    /// The outcome of matching a request line.
    enum Match: Sendable {
        case found(Route, parameters: [String: String])
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    private(set) var routes: [Route] = []

    /// Adds a route; `pattern` is a path such as `/api/v1/envelopes/{id}/send`.
    mutating func add(_ method: String, _ pattern: String, access: Access = .apiKey, handler: @escaping Handler) {
        let segments = Self.split(pattern).map { piece -> Segment in
            if piece.hasPrefix("{"), piece.hasSuffix("}") {
                return .parameter(String(piece.dropFirst().dropLast()))
            }
            return .literal(piece)
        }
        routes.append(Route(method: method, pattern: segments, access: access, handler: handler))
    }

    func match(method: String, path: String) -> Match {
        let pieces = Self.split(path)
        var allowed: [String] = []
        for route in routes {
            guard let parameters = Self.bind(route.pattern, to: pieces) else { continue }
            if route.method == method {
                return .found(route, parameters: parameters)
            }
            if !allowed.contains(route.method) {
                allowed.append(route.method)
            }
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }

    private static func bind(_ pattern: [Segment], to pieces: [String]) -> [String: String]? {
        guard pattern.count == pieces.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, piece) in zip(pattern, pieces) {
            switch segment {
            case .literal(let literal):
                guard literal == piece else { return nil }
            case .parameter(let name):
                let decoded = piece.removingPercentEncoding ?? piece
                guard !decoded.isEmpty else { return nil }
                parameters[name] = decoded
            }
        }
        return parameters
    }

    /// `/a/b/` → `["", "a", "b", ""]`: empty pieces are kept so that a trailing slash is a
    /// different path.
    private static func split(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    }
}
