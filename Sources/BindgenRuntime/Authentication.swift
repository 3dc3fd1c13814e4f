import Foundation
import HTTPTypes

/// Credentials that ``APIClient`` applies to every request.
///
/// Secrets are never included in ``ClientError/description``: transport messages are scrubbed
/// of them, and error descriptions never print request headers.
public enum Authentication: Sendable {
    /// `Authorization: Bearer <token>` (RFC 6750 §2.1). The token is sent as given.
    case bearer(String)
    /// `Authorization: Basic <base64(username:password)>` (RFC 7617), UTF-8 before Base64.
    case basic(username: String, password: String)
    /// An API key (OpenAPI `type: apiKey`) sent as a header, query item or cookie named `name`.
    case apiKey(name: String, location: APIKeyLocation, value: String)

    /// Where an API key goes.
    public enum APIKeyLocation: Sendable {
        /// A header field `name: value`; replaces a same-named field of the request.
        case header
        /// A query item `name=value`, appended after the operation's own items.
        case query
        /// A cookie pair `name=value` in the `Cookie` header (RFC 6265 §5.4), added to any cookies
        /// already set.
        case cookie
    }

    /// The secret strings, for scrubbing from error messages.
    var secrets: [String] {
        switch self {
        case .bearer(let token): [token]
        case .basic(let username, let password): [password, Self.basicCredentials(username, password), username + ":" + password]
        case .apiKey(_, _, let value): [value, PercentEncoding.encode(value, for: .query)]
        }
    }

    /// The key of this credential's ``ClientRateLimiter`` bucket.
    var rateLimitKey: String {
        switch self {
        case .bearer(let token): "bearer:" + token
        case .basic(let username, _): "basic:" + username
        case .apiKey(let name, _, let value): "apiKey:" + name + ":" + value
        }
    }

    /// Applies the credentials to the outgoing header fields and query items.
    /// - Throws: ``ClientError/invalidRequest(_:)`` when an API key header or cookie name is not a
    ///   valid token (sending the request unauthenticated would be worse).
    func apply(to headerFields: inout HTTPFields, queryItems: inout [(name: String, value: String)]) throws(ClientError) {
        switch self {
        case .bearer(let token):
            headerFields[.authorization] = "Bearer " + token
        case .basic(let username, let password):
            headerFields[.authorization] = "Basic " + Self.basicCredentials(username, password)
        case .apiKey(let name, .header, let value):
            guard let fieldName = HTTPField.Name(name) else {
                throw .invalidRequest("API key header name \"\(name)\" is not a valid HTTP field name")
            }
            headerFields[fieldName] = value
        case .apiKey(let name, .query, let value):
            queryItems.append((name: name, value: value))
        case .apiKey(let name, .cookie, let value):
            guard !name.isEmpty, name.utf8.allSatisfy(Self.isTokenByte) else {
                throw .invalidRequest("API key cookie name \"\(name)\" is not a valid cookie name")
            }
            let pair = name + "=" + value
            if let existing = headerFields[.cookie], !existing.isEmpty {
                headerFields[.cookie] = existing + "; " + pair
            } else {
                headerFields[.cookie] = pair
            }
        }
    }

    private static func basicCredentials(_ username: String, _ password: String) -> String {
        Data((username + ":" + password).utf8).base64EncodedString()
    }

    /// RFC 9110 `tchar`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        PercentEncoding.isUnreserved(byte) || "!#$%&'*+^`|".utf8.contains(byte)
    }
}
