/// An error a ``ClientTransport`` may throw to say what kind of failure it met, so that
/// ``APIClient`` maps it to the right ``ClientError`` case and ``RetryPolicy`` retries it or not.
///
/// | kind | becomes |
/// |---|---|
/// | ``Kind/timedOut`` | ``ClientError/timedOut(operationID:)`` (retried) |
/// | ``Kind/cancelled`` | ``ClientError/cancelled(operationID:)`` (never retried) |
/// | ``Kind/connection`` | ``ClientError/transport(operationID:message:)`` (retried) |
public struct TransportError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// No answer in time (connect, idle or total timeout).
        case timedOut
        /// The exchange was cancelled.
        case cancelled
        /// Connecting, sending or receiving failed: refused, reset, closed early, DNS, TLS…
        case connection
    }

    /// The kind of failure.
    public let kind: Kind
    /// A one-line description of the underlying error; must not contain credentials.
    public let message: String

    /// Creates a transport error.
    public init(_ kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
