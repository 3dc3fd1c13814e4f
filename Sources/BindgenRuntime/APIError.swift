import Foundation
public import HTTPTypes

/// An HTTP error answer; problem fields decoded from RFC 9457 `application/problem+json`
/// (or `application/json` with the same members) when present.
///
/// The problem document is read leniently: any member that is missing or has an unexpected
/// type is simply `nil`, and a body that is not JSON (plain text, HTML, truncated JSON) leaves
/// all problem fields `nil` and ``fieldErrors`` empty. The raw ``body`` is always kept.
///
/// Members read:
/// - `type`, `title`, `detail` (RFC 9457 §3.1) and the extension member `code`
///   (a string; a JSON number is accepted and turned into its decimal text).
/// - `requestId` (extension member); when absent, the `X-Request-Id` response header.
/// - `errors`: `[{ "field": String?, "pointer": String?, "message": String, "code": String? }]`.
///   An object of the form `{ "email": "is invalid" }` or `{ "email": ["is invalid", …] }` is
///   accepted too, one ``FieldError`` per message with `field` set to the key.
public struct APIError: Error, Sendable, CustomStringConvertible {
    /// The operation that received this answer.
    public let operationID: String
    /// The HTTP status code, e.g. `404`.
    public let status: Int
    /// The response header fields.
    public let headerFields: HTTPFields
    /// The raw response body.
    public let body: Data
    /// Problem `type`: a URI reference identifying the problem type (RFC 9457 §3.1.1).
    public let type: String?
    /// Problem `title`: a short, human-readable summary of the problem type.
    public let title: String?
    /// Problem `detail`: a human-readable explanation specific to this occurrence.
    public let detail: String?
    /// Problem extension member `code`: a machine-readable error code, e.g. `"envelope_not_found"`.
    public let code: String?
    /// Problem extension member `requestId`, else the `X-Request-Id` response header.
    public let requestID: String?
    /// Problem extension member `errors`: per-field validation errors (empty when absent).
    public let fieldErrors: [FieldError]

    /// One entry of the problem's `errors` member.
    public struct FieldError: Sendable, Hashable {
        /// The offending field's name or dotted path, e.g. `"recipients[0].email"`.
        public let field: String?
        /// An RFC 6901 JSON Pointer to the offending value, e.g. `"/recipients/0/email"`.
        public let pointer: String?
        /// A human-readable message; empty when the server sent none.
        public let message: String
        /// A machine-readable code for this field error.
        public let code: String?

        /// Creates a field error.
        public init(field: String?, pointer: String?, message: String, code: String?) {
            self.field = field
            self.pointer = pointer
            self.message = message
            self.code = code
        }
    }

    /// Creates an error for a response and parses its problem document leniently. Never throws
    /// and never traps, whatever the body contains.
    public init(operationID: String, status: Int, headerFields: HTTPFields, body: Data) {
        self.operationID = operationID
        self.status = status
        self.headerFields = headerFields
        self.body = body
        let problem = ProblemDocument(body: body, contentType: headerFields[.contentType])
        self.type = problem.type
        self.title = problem.title
        self.detail = problem.detail
        self.code = problem.code
        self.requestID = problem.requestID ?? headerFields[HTTPField.Name.xRequestID]
        self.fieldErrors = problem.fieldErrors
    }

    /// Decodes the body as JSON into a documented error schema of the operation.
    /// - Parameters:
    ///   - type: The schema type to decode.
    ///   - decoder: The decoder; defaults to `JSONDecoder.bindgen`.
    /// - Throws: ``ClientError/decoding(_:)`` with the coding path when the body does not match.
    public func decodeBody<T: Decodable>(as type: T.Type, decoder: JSONDecoder = .bindgen) throws(ClientError) -> T {
        try JSONBody.decode(type, from: body, decoder: decoder, operationID: operationID, status: status,
                            requestID: requestID)
    }

    /// One line: status, operation, title/detail, and `code`, `requestId` and field errors when
    /// known, e.g. `HTTP 404 from getEnvelope: Not Found: no envelope env_1 [code=envelope_not_found,
    /// requestId=req-7]`. A short `text/*` body is quoted when there is no problem document.
    public var description: String {
        var text = "HTTP \(status) from \(operationID)"
        var summary = [title, detail].compactMap { $0.map { Self.short(OneLine.clean($0)) } }.filter { !$0.isEmpty }
        if summary.count == 2, summary[0] == summary[1] { summary.removeLast() }
        if summary.isEmpty, MediaType.essence(of: headerFields[.contentType])?.hasPrefix("text/") == true {
            let bodyText = Self.short(OneLine.clean(String(decoding: body.prefix(512), as: UTF8.self)))
            if !bodyText.isEmpty { summary.append(bodyText) }
        }
        if !summary.isEmpty { text += ": " + summary.joined(separator: ": ") }
        var extras: [String] = []
        if let code { extras.append("code=\(Self.short(OneLine.clean(code)))") }
        if let requestID { extras.append("requestId=\(Self.short(OneLine.clean(requestID)))") }
        if !fieldErrors.isEmpty {
            let listed = fieldErrors.prefix(3).map { error in
                let name = error.field ?? error.pointer ?? "?"
                return error.message.isEmpty ? name : "\(name): \(Self.short(OneLine.clean(error.message)))"
            }
            let more = fieldErrors.count > 3 ? ", +\(fieldErrors.count - 3) more" : ""
            extras.append("errors=\(listed.joined(separator: "; "))\(more)")
        }
        if !extras.isEmpty { text += " [\(extras.joined(separator: ", "))]" }
        return text
    }

    private static func short(_ text: String) -> String {
        text.count <= 200 ? text : String(text.prefix(200)) + "…"
    }
}

/// The members of an RFC 9457 problem document that ``APIError`` exposes.
struct ProblemDocument {
    var type: String?
    var title: String?
    var detail: String?
    var code: String?
    var requestID: String?
    var fieldErrors: [APIError.FieldError] = []

    /// Parses `body` when it is declared JSON (`application/json`, `application/problem+json`,
    /// any `+json`) or undeclared and looks like a JSON object; anything else yields no members.
    init(body: Data, contentType: String?) {
        let essence = MediaType.essence(of: contentType)
        let declaredJSON = MediaType.isJSON(essence)
        let looksLikeObject = essence == nil && body.first(where: { !Self.isJSONWhitespace($0) }) == UInt8(ascii: "{")
        guard declaredJSON || looksLikeObject,
              case .object(let members)? = try? JSONDecoder().decode(JSONValue.self, from: body)
        else { return }
        type = Self.string(members["type"])
        title = Self.string(members["title"])
        detail = Self.string(members["detail"])
        code = Self.code(members["code"])
        requestID = Self.string(members["requestId"])
        fieldErrors = Self.fieldErrors(members["errors"])
    }

    private static func fieldErrors(_ value: JSONValue?) -> [APIError.FieldError] {
        switch value {
        case .array(let entries)?:
            return entries.compactMap { entry in
                guard case .object(let members) = entry else { return nil }
                return APIError.FieldError(
                    field: string(members["field"]), pointer: string(members["pointer"]),
                    message: string(members["message"]) ?? string(members["detail"]) ?? "",
                    code: code(members["code"]))
            }
        case .object(let byField)?:
            return byField.keys.sorted().flatMap { field -> [APIError.FieldError] in
                let messages: [String] = switch byField[field] {
                case .array(let items)?: items.compactMap { string($0) }
                case let other: [string(other)].compactMap { $0 }
                }
                return messages.map { APIError.FieldError(field: field, pointer: nil, message: $0, code: nil) }
            }
        default:
            return []
        }
    }

    /// A string member; anything else is `nil`.
    private static func string(_ value: JSONValue?) -> String? {
        guard case .string(let string)? = value else { return nil }
        return string
    }

    /// A `code` member: a string, or an integer as decimal text; anything else is `nil`.
    private static func code(_ value: JSONValue?) -> String? {
        if case .integer(let integer)? = value { return String(integer) }
        return string(value)
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
