import Foundation

/// A recipient as a create or update request gives it.
struct RecipientDraft: Sendable, Equatable {
    var email: String
    var name: String
    var role: RecipientRole
    var routingOrder: Int
}

/// The members of a valid `EnvelopeCreate`.
struct EnvelopeDraft: Sendable {
    var subject: String
    var message: String?
    var documentIDs: [String]
    var recipients: [RecipientDraft]
    var expiresAt: Date?
    var metadata: [String: String]?
}

/// The members of a valid `EnvelopeUpdate`; `nil` leaves a member as it is.
struct EnvelopePatch: Sendable {
    var subject: String?
    var message: String?
    var documentIDs: [String]?
    var recipients: [RecipientDraft]?
    var expiresAt: Date?
    var metadata: [String: String]?
}

/// Checks `EnvelopeCreate` and `EnvelopeUpdate` bodies against the spec's constraints.
enum EnvelopeInput {
    static func draft(from body: [UInt8]) throws -> EnvelopeDraft {
        let members = try BodyValidator.object(from: body)
        var validator = BodyValidator()
        let root = FieldPath.root
        let subject = validator.string(members["subject"], at: root.appending("subject"), required: true, minLength: 1, maxLength: 255)
        let message = validator.string(members["message"], at: root.appending("message"), required: false, maxLength: 5000)
        let documentIDs = documentIDs(members["documentIds"], required: true, &validator)
        let recipients = recipients(members["recipients"], required: true, &validator)
        let expiresAt = validator.dateTime(members["expiresAt"], at: root.appending("expiresAt"), required: false)
        let metadata = validator.metadata(members["metadata"], at: root.appending("metadata"))
        try validator.finish()
        guard let subject, let documentIDs, let recipients else {
            throw Problem.validation(path: root, message: "The body is incomplete.", code: "required")
        }
        return EnvelopeDraft(
            subject: subject, message: message, documentIDs: documentIDs, recipients: recipients,
            expiresAt: expiresAt, metadata: metadata
        )
    }

    static func patch(from body: [UInt8]) throws -> EnvelopePatch {
        let members = try BodyValidator.object(from: body)
        var validator = BodyValidator()
        let root = FieldPath.root
        let patch = EnvelopePatch(
            subject: validator.string(members["subject"], at: root.appending("subject"), required: false, minLength: 1, maxLength: 255),
            message: validator.string(members["message"], at: root.appending("message"), required: false, maxLength: 5000),
            documentIDs: documentIDs(members["documentIds"], required: false, &validator),
            recipients: recipients(members["recipients"], required: false, &validator),
            expiresAt: validator.dateTime(members["expiresAt"], at: root.appending("expiresAt"), required: false),
            metadata: validator.metadata(members["metadata"], at: root.appending("metadata"))
        )
        try validator.finish()
        return patch
    }

    private static func documentIDs(_ value: JSONValue?, required: Bool, _ validator: inout BodyValidator) -> [String]? {
        let path = FieldPath.root.appending("documentIds")
        guard let items = validator.array(value, at: path, required: required, minItems: 1) else { return nil }
        var ids: [String] = []
        for (index, item) in items.enumerated() {
            if let id = validator.string(item, at: path.appending(index), required: true) {
                ids.append(id)
            }
        }
        return ids.count == items.count ? ids : nil
    }

    private static func recipients(_ value: JSONValue?, required: Bool, _ validator: inout BodyValidator) -> [RecipientDraft]? {
        let path = FieldPath.root.appending("recipients")
        guard let items = validator.array(value, at: path, required: required, minItems: 1) else { return nil }
        var drafts: [RecipientDraft] = []
        for (index, item) in items.enumerated() {
            let itemPath = path.appending(index)
            guard let members = validator.object(item, at: itemPath, required: true) else { continue }
            let email = validator.email(members["email"], at: itemPath.appending("email"), required: true)
            let name = validator.string(members["name"], at: itemPath.appending("name"), required: true, minLength: 1)
            let role = validator.enumeration(members["role"], at: itemPath.appending("role"), required: false, as: RecipientRole.self)
            let order = validator.integer(
                members["routingOrder"], at: itemPath.appending("routingOrder"), required: false, range: 1...Int(Int32.max)
            )
            let roleValid = members["role"] == nil || role != nil
            let orderValid = members["routingOrder"] == nil || order != nil
            if let email, let name, roleValid, orderValid {
                drafts.append(RecipientDraft(email: email, name: name, role: role ?? .signer, routingOrder: order ?? 1))
            }
        }
        return drafts.count == items.count ? drafts : nil
    }
}
