import Foundation

/// Every error thrown by the runtime and by generated clients (all throwing APIs use typed
/// throws: `throws(ClientError)`).
///
/// ``description`` is a single line suitable for logs. It includes the operation, the HTTP
/// status, the problem `code` and the request ID when known, and never contains credentials:
/// no `Authorization` value, and transport messages are scrubbed of the configured secrets.
public enum ClientError: Error, Sendable, CustomStringConvertible {
    /// The request could not be built: invalid server URL or path, body encoding failure,
    /// unreadable file, invalid multipart boundary… The message says which.
    case invalidRequest(String)
    /// The exchange failed below HTTP: connection refused or reset, DNS failure, TLS failure…
    /// `message` describes the underlying error.
    case transport(operationID: String, message: String)
    /// No answer in time: the transport gave up waiting (``ClientConfiguration/timeout`` or its
    /// own default), or the call's ``ClientConfiguration/deadline`` passed.
    case timedOut(operationID: String)
    /// The calling task was cancelled (Swift `CancellationError` or `URLError.cancelled`).
    case cancelled(operationID: String)
    /// A response body did not decode into the expected type.
    case decoding(DecodingFailure)
    /// The server answered with a status the operation does not treat as success (any status
    /// but 429, which is ``rateLimited(_:)``).
    case api(APIError)
    /// A rate limit refused the call: the server answered 429 and its `Retry-After` exceeded
    /// ``RetryPolicy/maxRetryAfter`` or the retries ran out, or the client-side
    /// ``ClientRateLimiter`` would have waited longer than that cap.
    case rateLimited(RateLimitError)

    /// The operation's `operationId`, when the error belongs to one.
    public var operationID: String? {
        switch self {
        case .invalidRequest: nil
        case .transport(let operationID, _), .timedOut(let operationID), .cancelled(let operationID):
            operationID
        case .decoding(let failure): failure.operationID
        case .api(let error): error.operationID
        case .rateLimited(let error): error.operationID
        }
    }

    /// The server's request ID (problem `requestId` or `X-Request-Id`), when a response was received.
    public var requestID: String? {
        switch self {
        case .decoding(let failure): failure.requestID
        case .api(let error): error.requestID
        case .rateLimited(let error): error.requestID
        default: nil
        }
    }

    /// The HTTP status code for ``api(_:)``, ``decoding(_:)`` and a server's
    /// ``rateLimited(_:)`` answer, else `nil`.
    public var status: Int? {
        switch self {
        case .decoding(let failure): failure.status
        case .api(let error): error.status
        case .rateLimited(let error): error.response?.status
        default: nil
        }
    }

    /// A one-line summary, e.g.
    /// `HTTP 422 from createEnvelope: Validation failed [code=validation_failed, requestId=req-1]`.
    public var description: String {
        switch self {
        case .invalidRequest(let message):
            "Invalid request: \(OneLine.clean(message))"
        case .transport(let operationID, let message):
            "Transport error in \(operationID): \(OneLine.clean(message))"
        case .timedOut(let operationID):
            "Request \(operationID) timed out"
        case .cancelled(let operationID):
            "Request \(operationID) was cancelled"
        case .decoding(let failure):
            failure.description
        case .api(let error):
            error.description
        case .rateLimited(let error):
            error.description
        }
    }
}

extension ClientError: LocalizedError {
    /// The same text as ``description``, so `localizedDescription` is useful on every platform
    /// (instead of Foundation's generic "The operation could not be completed").
    public var errorDescription: String? { description }
}

/// Why a response body could not be decoded.
public struct DecodingFailure: Sendable, CustomStringConvertible {
    /// The operation whose response failed to decode.
    public let operationID: String
    /// The HTTP status of the response.
    public let status: Int
    /// Where decoding failed, in Swift-like notation: `"recipients[0].email"`; empty for the root.
    public let codingPath: String
    /// What went wrong, e.g. `"Expected String, found a number"` or `"Missing key 'email'"`.
    public let message: String
    /// The first 512 bytes of the body, decoded as UTF-8 with invalid bytes replaced (U+FFFD).
    public let bodyPrefix: String
    /// The request ID from the `X-Request-Id` response header, if any.
    public let requestID: String?

    /// Creates a failure description; ``APIClient/decodeJSON(_:from:)`` builds these for you.
    public init(operationID: String, status: Int, codingPath: String, message: String, bodyPrefix: String,
                requestID: String?) {
        self.operationID = operationID
        self.status = status
        self.codingPath = codingPath
        self.message = message
        self.bodyPrefix = bodyPrefix
        self.requestID = requestID
    }

    /// One line with operation, status, coding path, message and request ID; the body prefix is
    /// left out (read ``bodyPrefix``).
    public var description: String {
        var text = "Could not decode \(operationID) response (HTTP \(status))"
        if !codingPath.isEmpty { text += " at \(codingPath)" }
        text += ": \(OneLine.clean(message))"
        if let requestID { text += " [requestId=\(OneLine.clean(requestID))]" }
        return text
    }
}

/// Keeps log lines on one line.
enum OneLine {
    /// Replaces CR, LF and other control characters with spaces and trims the ends.
    static func clean(_ text: String) -> String {
        let scalars = text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control ? " " : Character(scalar)
        }
        return String(scalars).trimmingCharacters(in: .whitespaces)
    }
}
