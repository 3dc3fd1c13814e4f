/// The spec's `Document` schema.
struct DocumentJSON: Encodable, Sendable {
    let record: DocumentRecord

    enum CodingKeys: String, CodingKey {
        case id, name, contentType, sizeBytes, pageCount, sha256, createdAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.id, forKey: .id)
        try container.encode(record.name, forKey: .name)
        try container.encode("application/pdf", forKey: .contentType)
        try container.encode(record.bytes.count, forKey: .sizeBytes)
        try container.encode(record.pageCount, forKey: .pageCount)
        try container.encode(record.sha256, forKey: .sha256)
        try container.encode(RFC3339.format(record.createdAt), forKey: .createdAt)
    }
}

/// The spec's `Webhook` schema; `secret` only in the answer to its creation.
struct WebhookJSON: Encodable, Sendable {
    let record: WebhookRecord
    var includeSecret = false

    enum CodingKeys: String, CodingKey {
        case id, url, events, description, secret, createdAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.id, forKey: .id)
        try container.encode(record.url, forKey: .url)
        try container.encode(record.events, forKey: .events)
        try container.encode(record.description, forKey: .description)
        if includeSecret { try container.encode(record.secret, forKey: .secret) }
        try container.encode(RFC3339.format(record.createdAt), forKey: .createdAt)
    }
}

/// The spec's `APIKey` schema; `secret` only in the answer to its creation.
struct APIKeyJSON: Encodable, Sendable {
    let record: APIKeyRecord
    var includeSecret = false

    enum CodingKeys: String, CodingKey {
        case id, name, environment, prefix, secret, createdAt, lastUsedAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(record.id, forKey: .id)
        try container.encode(record.name, forKey: .name)
        try container.encode(record.environment, forKey: .environment)
        try container.encode(record.prefix, forKey: .prefix)
        if includeSecret { try container.encode(record.secret, forKey: .secret) }
        try container.encode(RFC3339.format(record.createdAt), forKey: .createdAt)
        try container.encode(record.lastUsedAt.map(RFC3339.format), forKey: .lastUsedAt)
    }
}
