import Foundation

/// Adds header fields to every request, e.g. a tenant or tracing header.
///
/// ```swift
/// configuration.middlewares.append(HeaderMiddleware([HTTPField.Name("X-Tenant")!: "acme"]))
/// ```
///
/// By default a field the request already has is left alone; with `replacing: true` the
/// middleware's value replaces it.
public struct HeaderMiddleware: ClientMiddleware {
    /// The fields added to each request.
    public let headerFields: HTTPFields
    /// Whether the fields replace same-named fields already on the request.
    public let replacing: Bool

    /// Creates the middleware.
    /// - Parameters:
    ///   - headerFields: Fields to add.
    ///   - replacing: `true` to overwrite same-named fields of the request; `false` keeps them.
    public init(_ headerFields: HTTPFields, replacing: Bool = false) {
        self.headerFields = headerFields
        self.replacing = replacing
    }

    /// Adds the fields and passes the request on.
    public func intercept(_ request: HTTPRequest, body: TransportBody?, context: MiddlewareContext,
                          next: Next) async throws -> (HTTPResponse, Data) {
        var request = request
        for field in headerFields where replacing || request.headerFields[field.name] == nil {
            request.headerFields[field.name] = headerFields[values: field.name].joined(separator: ", ")
        }
        return try await next(request, body)
    }
}
