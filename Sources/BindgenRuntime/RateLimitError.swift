import Foundation

/// Why a call was refused for exceeding a rate limit (``ClientError/rateLimited(_:)``).
///
/// Either the server answered 429 (``response`` holds the answer) and its `Retry-After` was longer
/// than ``RetryPolicy/maxRetryAfter`` or the retries ran out, or the client-side
/// ``ClientRateLimiter`` would have had to wait longer than that cap for a token (``response`` is
/// `nil`: nothing was sent).
public struct RateLimitError: Error, Sendable, CustomStringConvertible {
    /// The operation that was refused.
    public let operationID: String
    /// How long to wait before trying again: the server's `Retry-After`, or the limiter's wait for
    /// a token; `nil` when a 429 carried no valid `Retry-After`.
    public let retryAfter: Duration?
    /// The 429 answer, or `nil` when the client-side limiter refused before sending.
    public let response: APIError?

    /// Creates a rate-limit error.
    public init(operationID: String, retryAfter: Duration?, response: APIError?) {
        self.operationID = operationID
        self.retryAfter = retryAfter
        self.response = response
    }

    /// The answer's request ID, when the server answered.
    public var requestID: String? { response?.requestID }

    /// One line, e.g. `Rate limited in createEnvelope: retry after 61 s [HTTP 429, code=rate_limited,
    /// requestId=req_1]`.
    public var description: String {
        var text = "Rate limited in \(operationID)"
        if let retryAfter {
            text += ": retry after \(Self.seconds(retryAfter)) s"
        }
        if let response {
            var extras = ["HTTP \(response.status)"]
            if let code = response.code { extras.append("code=\(OneLine.clean(code))") }
            if let requestID = response.requestID { extras.append("requestId=\(OneLine.clean(requestID))") }
            text += " [\(extras.joined(separator: ", "))]"
        } else {
            text += " (client-side limiter; nothing was sent)"
        }
        return text
    }

    /// Seconds with at most one decimal, e.g. `61`, `0.5`.
    private static func seconds(_ duration: Duration) -> String {
        let value = (duration.timeInterval * 10).rounded() / 10
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
