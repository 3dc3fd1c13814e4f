import Foundation

/// An event type a verified webhook body decodes into.
///
/// The generated `WebhookEvent` enum conforms: it reads the body's top-level `type` member and
/// decodes the payload model of that event, keeping an unknown type with its raw body.
public protocol WebhookEventDecodable: Sendable {
    /// Decodes a delivery body.
    ///
    /// - Throws: Typically `DecodingError` when the body does not match.
    static func decode(body: Data, decoder: JSONDecoder) throws -> Self
}
