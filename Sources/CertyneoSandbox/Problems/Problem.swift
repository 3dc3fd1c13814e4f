/// An error answered as RFC 9457 problem details (`application/problem+json`).
///
/// Route code throws a `Problem`; the responder renders it with the request's id.
struct Problem: Error, Sendable {
    var status: Int
    var code: String
    var title: String
    var detail: String
    var errors: [FieldError]?
    /// Extra response headers, e.g. `Retry-After` or `Allow`.
    var headers: [(name: String, value: String)] = []

    /// `https://certyneo.com/problems/<code with dashes>`.
    var typeURI: String {
        "https://certyneo.com/problems/" + code.replacingOccurrences(of: "_", with: "-")
    }

    func body(requestID: String, instance: String) -> ProblemBody {
        ProblemBody(
            type: typeURI, title: title, status: status, detail: detail, instance: instance,
            code: code, requestId: requestID, errors: errors
        )
    }
}

/// The JSON members of a problem response, as the spec's `Problem` schema lists them.
struct ProblemBody: Encodable, Sendable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var instance: String
    var code: String
    var requestId: String
    var errors: [FieldError]?

    enum CodingKeys: String, CodingKey {
        case type, title, status, detail, instance, code, requestId, errors
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(status, forKey: .status)
        try container.encode(detail, forKey: .detail)
        try container.encode(instance, forKey: .instance)
        try container.encode(code, forKey: .code)
        try container.encode(requestId, forKey: .requestId)
        try container.encodeIfPresent(errors, forKey: .errors)
    }
}
