import Foundation

enum RecipientRole: String, Sendable, CaseIterable {
    case signer = "SIGNER", approver = "APPROVER", cc = "CC", viewer = "VIEWER"

    /// Signers and approvers act on the envelope; cc and viewer recipients only receive it.
    var acts: Bool { self == .signer || self == .approver }
}

enum RecipientStatus: String, Sendable {
    case pending = "PENDING", notified = "NOTIFIED", signed = "SIGNED", declined = "DECLINED"
}

enum EnvelopeStatus: String, Sendable, CaseIterable {
    case draft = "DRAFT", sent = "SENT", completed = "COMPLETED", declined = "DECLINED"
    case expired = "EXPIRED", voided = "VOIDED"
}

/// A recipient of an envelope and its progress.
struct RecipientRecord: Sendable {
    let id: String
    var email: String
    var name: String
    var role: RecipientRole
    var routingOrder: Int
    var status: RecipientStatus = .pending
    /// The secret in the recipient's `signUrl`, set at sending for signers and approvers.
    var signToken: String?
    var signURL: String?
    var signedAt: Date?
    var declinedAt: Date?
    var declineReason: String?
}

/// An envelope with its recipients and audit trail.
struct EnvelopeRecord: Sendable, Identifiable {
    let id: String
    let accountID: Int
    var subject: String
    var message: String?
    var status: EnvelopeStatus = .draft
    var documentIDs: [String]
    var recipients: [RecipientRecord]
    var metadata: [String: String]?
    let createdAt: Date
    var updatedAt: Date
    var sentAt: Date?
    var completedAt: Date?
    var expiresAt: Date?
    var events: [AuditEvent] = []

    /// The lowest routing order among signers and approvers who have not signed yet.
    var nextRoutingOrder: Int? {
        recipients.filter { $0.role.acts && $0.status != .signed }.map(\.routingOrder).min()
    }

    /// Whether every signer and approver has signed.
    var allActorsSigned: Bool {
        recipients.allSatisfy { !$0.role.acts || $0.status == .signed }
    }
}
