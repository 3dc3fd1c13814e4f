/// The spec's `Envelope` schema; nullable members are always present (`null` when unset).
struct EnvelopeJSON: Encodable, Sendable {
    let record: EnvelopeRecord

    enum CodingKeys: String, CodingKey {
        case id, subject, message, status, documentIds, recipients, metadata, createdAt, updatedAt, sentAt, completedAt, expiresAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.id, forKey: .id)
        try container.encode(record.subject, forKey: .subject)
        try container.encode(record.message, forKey: .message)
        try container.encode(record.status.rawValue, forKey: .status)
        try container.encode(record.documentIDs, forKey: .documentIds)
        try container.encode(record.recipients.map(RecipientJSON.init), forKey: .recipients)
        try container.encodeIfPresent(record.metadata, forKey: .metadata)
        try container.encode(RFC3339.format(record.createdAt), forKey: .createdAt)
        try container.encode(RFC3339.format(record.updatedAt), forKey: .updatedAt)
        try container.encode(record.sentAt.map(RFC3339.format), forKey: .sentAt)
        try container.encode(record.completedAt.map(RFC3339.format), forKey: .completedAt)
        try container.encode(record.expiresAt.map(RFC3339.format), forKey: .expiresAt)
    }
}

/// The spec's `Recipient` schema.
struct RecipientJSON: Encodable, Sendable {
    let record: RecipientRecord

    enum CodingKeys: String, CodingKey {
        case id, email, name, role, routingOrder, status, signUrl, signedAt, declinedAt, declineReason
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.id, forKey: .id)
        try container.encode(record.email, forKey: .email)
        try container.encode(record.name, forKey: .name)
        try container.encode(record.role.rawValue, forKey: .role)
        try container.encode(record.routingOrder, forKey: .routingOrder)
        try container.encode(record.status.rawValue, forKey: .status)
        try container.encode(record.signURL, forKey: .signUrl)
        try container.encode(record.signedAt.map(RFC3339.format), forKey: .signedAt)
        try container.encode(record.declinedAt.map(RFC3339.format), forKey: .declinedAt)
        try container.encode(record.declineReason, forKey: .declineReason)
    }
}

/// `{ data, hasMore, nextCursor }`, the shape of every list.
struct ListJSON<Item: Encodable & Sendable>: Encodable, Sendable {
    let page: Page<Item>

    enum CodingKeys: String, CodingKey {
        case data, hasMore, nextCursor
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(page.items, forKey: .data)
        try container.encode(page.hasMore, forKey: .hasMore)
        try container.encode(page.nextCursor, forKey: .nextCursor)
    }
}
