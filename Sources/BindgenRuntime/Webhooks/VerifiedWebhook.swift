import Foundation

/// A webhook delivery whose signature (and, unless skipped, timestamp) verified; made only by
/// ``WebhookVerifier``.
public struct VerifiedWebhook: Sendable, Hashable {
    /// The `webhook-id` header: one id per event, kept across retries, so deduplicate on it.
    public let id: String
    /// The `webhook-timestamp` header: the Unix time of the attempt, in seconds.
    public let timestamp: Int64
    /// The raw body, as received.
    public let body: Data

    init(id: String, timestamp: Int64, body: Data) {
        self.id = id
        self.timestamp = timestamp
        self.body = body
    }

    /// ``timestamp`` as a `Date`.
    public var date: Date { Date(timeIntervalSince1970: TimeInterval(timestamp)) }

    /// Decodes the body into an event type such as the generated `WebhookEvent`.
    ///
    /// - Throws: ``WebhookVerificationError/invalidPayload(_:)`` with the decoder's message when
    ///   the body does not match.
    public func decode<Event: WebhookEventDecodable>(_ type: Event.Type, decoder: JSONDecoder = .bindgen) throws(WebhookVerificationError) -> Event {
        try decode { body in try Event.decode(body: body, decoder: decoder) }
    }

    /// Decodes the body with a function of your choice, such as the generated `WebhookEvent.decode(key:body:decoder:)`
    /// for payloads that do not name their event type.
    ///
    /// - Throws: ``WebhookVerificationError/invalidPayload(_:)`` with the decoder's message when `decode` throws.
    public func decode<Event>(using decode: (Data) throws -> Event) throws(WebhookVerificationError) -> Event {
        do {
            return try decode(body)
        } catch let error as DecodingError {
            throw .invalidPayload(Self.message(error))
        } catch {
            throw .invalidPayload(String(describing: error))
        }
    }

    private static func message(_ error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let value), .valueNotFound(_, let value), .keyNotFound(_, let value), .dataCorrupted(let value):
            context = value
        @unknown default:
            return String(describing: error)
        }
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
    }
}
