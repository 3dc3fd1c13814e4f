import Foundation

/// A stored PDF.
struct DocumentRecord: Sendable, Identifiable {
    let id: String
    let accountID: Int
    let name: String
    let bytes: [UInt8]
    let sha256: String
    let pageCount: Int
    let createdAt: Date
}

/// A registered webhook endpoint.
struct WebhookRecord: Sendable, Identifiable {
    let id: String
    let accountID: Int
    let url: String
    let events: [String]
    let description: String?
    let secret: String
    let createdAt: Date
}

/// An API key; revoked keys leave the store's active set.
struct APIKeyRecord: Sendable, Identifiable {
    let id: String
    let accountID: Int
    let name: String
    let environment: String
    let secret: String
    let createdAt: Date
    var lastUsedAt: Date?

    /// The first 12 characters of the secret.
    var prefix: String { String(secret.prefix(12)) }
}

/// The owner of keys and resources; every resource belongs to exactly one account.
struct AccountRecord: Sendable {
    let id: Int
    let name: String
    let email: String
}

/// One line of an envelope's audit trail.
struct AuditEvent: Sendable {
    enum Kind: String, Sendable {
        case created, updated, sent, notified, viewed, signed, declined, completed, voided, expired

        /// How the audit trail names the event.
        var label: String {
            switch self {
            case .created: "Envelope created"
            case .updated: "Envelope updated"
            case .sent: "Envelope sent"
            case .notified: "Recipient notified"
            case .viewed: "Envelope viewed"
            case .signed: "Recipient signed"
            case .declined: "Recipient declined"
            case .completed: "Envelope completed"
            case .voided: "Envelope voided"
            case .expired: "Envelope expired"
            }
        }
    }

    let kind: Kind
    let at: Date
    let actorName: String
    let actorEmail: String
    let detail: String
}

/// Insertion-ordered records with lookup by id; lists read them newest first.
struct OrderedRecords<Record: Identifiable & Sendable>: Sendable where Record.ID == String {
    private var order: [String] = []
    private var byID: [String: Record] = [:]

    subscript(id: String) -> Record? {
        get { byID[id] }
        set {
            if let newValue {
                if byID.updateValue(newValue, forKey: id) == nil { order.append(id) }
            } else if byID.removeValue(forKey: id) != nil {
                order.removeAll { $0 == id }
            }
        }
    }

    mutating func insert(_ record: Record) {
        self[record.id] = record
    }

    /// Every record, newest first.
    var newestFirst: [Record] {
        order.reversed().compactMap { byID[$0] }
    }

    var all: some Sequence<Record> { byID.values }
}
