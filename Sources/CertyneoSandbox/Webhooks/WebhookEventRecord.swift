import Foundation

/// An event waiting to be delivered: its id, type and signed body, and the webhooks subscribed to
/// it when it happened.
struct WebhookEventRecord: Sendable {
    let id: String
    let type: String
    let body: Data
    let webhookIDs: [String]

    /// The event type of an envelope that moved from `previous` (`nil`: just created) to
    /// `status`; `nil` when the document has no event for it (EXPIRED) or nothing changed.
    static func type(from previous: EnvelopeStatus?, to status: EnvelopeStatus) -> String? {
        guard previous != status else { return nil }
        switch status {
        case .draft: return previous == nil ? "envelope.created" : nil
        case .sent: return "envelope.sent"
        case .completed: return "envelope.completed"
        case .declined: return "envelope.declined"
        case .voided: return "envelope.voided"
        case .expired: return nil
        }
    }
}

/// The spec's `EnvelopeEvent` schema: `{ id, type, createdAt, data: { envelope } }`.
struct EnvelopeEventJSON: Encodable, Sendable {
    let id: String
    let type: String
    let createdAt: Date
    let envelope: EnvelopeRecord

    enum CodingKeys: String, CodingKey {
        case id, type, createdAt, data
    }

    enum DataKeys: String, CodingKey {
        case envelope
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(type, forKey: .type)
        try container.encode(RFC3339.format(createdAt), forKey: .createdAt)
        var data = container.nestedContainer(keyedBy: DataKeys.self, forKey: .data)
        try data.encode(EnvelopeJSON(record: envelope), forKey: .envelope)
    }

    /// The body bytes, keys sorted like every other sandbox answer.
    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data(#"{"id":"\#(id)","type":"\#(type)"}"#.utf8)
    }
}
