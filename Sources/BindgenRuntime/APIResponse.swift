import Foundation
public import HTTPTypes

/// A complete HTTP response to an ``APIRequest``, for any status code.
///
/// ``APIClient/send(_:)`` returns this without judging the status; generated code decides which
/// statuses are successes and calls ``APIClient/decodeJSON(_:from:)`` or
/// ``APIClient/error(for:)``.
public struct APIResponse: Sendable {
    /// The request as the operation built it (before authentication was applied).
    public let request: APIRequest
    /// The HTTP status code, e.g. `200`.
    public let status: Int
    /// The response header fields.
    public let headerFields: HTTPFields
    /// The whole response body (empty when there is none).
    public let body: Data

    /// Creates a response; used by ``APIClient`` and by tests and custom engines.
    public init(request: APIRequest, status: Int, headerFields: HTTPFields, body: Data) {
        self.request = request
        self.status = status
        self.headerFields = headerFields
        self.body = body
    }

    /// The `X-Request-Id` response header, when present.
    public var requestID: String? { headerFields[HTTPField.Name.xRequestID] }

    /// The media type of the body without parameters, lowercased, e.g. `"application/problem+json"`.
    public var mediaType: String? { MediaType.essence(of: headerFields[.contentType]) }
}

extension HTTPField.Name {
    /// `X-Request-Id`, the de-facto request correlation header.
    // A constant, valid RFC 9110 token: the initializer cannot fail.
    static let xRequestID = HTTPField.Name("X-Request-Id")!
}

/// Helpers for media types (RFC 9110 §8.3.1).
enum MediaType {
    /// `type/subtype` in lowercase without parameters, or `nil` when `value` is `nil`/empty.
    static func essence(of value: String?) -> String? {
        guard let value else { return nil }
        let essence = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let trimmed = essence.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Whether a media type is JSON: `application/json` or any `+json` structured suffix (RFC 6839).
    static func isJSON(_ essence: String?) -> Bool {
        guard let essence else { return false }
        return essence == "application/json" || essence.hasSuffix("+json")
    }

    /// The value of the `charset` parameter, lowercased, if any.
    static func charset(of value: String?) -> String? {
        guard let value else { return nil }
        for parameter in value.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else {
                continue
            }
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \t\"")).lowercased()
        }
        return nil
    }
}
