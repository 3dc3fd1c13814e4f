/// A valid `WebhookCreate`.
struct WebhookDraft: Sendable {
    static let eventTypes = ["envelope.created", "envelope.sent", "envelope.completed", "envelope.declined", "envelope.voided"]

    var url: String
    var events: [String]
    var description: String?

    init(body: [UInt8]) throws {
        let members = try BodyValidator.object(from: body)
        var validator = BodyValidator()
        let root = FieldPath.root
        let url = validator.string(members["url"], at: root.appending("url"), required: true)
        if let url, !FormatChecks.isWebURL(url) {
            validator.fail(root.appending("url"), "url must be an absolute http or https URL.", code: "invalid_format")
        }
        var events: [String] = []
        if let items = validator.array(members["events"], at: root.appending("events"), required: true, minItems: 1) {
            for (index, item) in items.enumerated() {
                let path = root.appending("events").appending(index)
                guard let event = validator.string(item, at: path, required: true) else { continue }
                if Self.eventTypes.contains(event) {
                    if !events.contains(event) { events.append(event) }
                } else {
                    validator.fail(path, "\(path.dotted) must be one of \(Self.eventTypes.joined(separator: ", ")).", code: "invalid_enum")
                }
            }
        }
        let description = validator.string(members["description"], at: root.appending("description"), required: false, maxLength: 255)
        try validator.finish()
        self.url = url ?? ""
        self.events = events
        self.description = description
    }
}

/// A valid `APIKeyCreate`.
struct APIKeyDraft: Sendable {
    var name: String

    init(body: [UInt8]) throws {
        let members = try BodyValidator.object(from: body)
        var validator = BodyValidator()
        let name = validator.string(members["name"], at: FieldPath.root.appending("name"), required: true, minLength: 1, maxLength: 100)
        try validator.finish()
        self.name = name ?? ""
    }
}

/// The optional `{"reason": "…"}` of a decline.
struct DeclineInput: Sendable {
    var reason: String?

    init(body: [UInt8], contentType: MediaType?) throws {
        guard !body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return }
        if contentType?.essence == "application/x-www-form-urlencoded" {
            let reason = QueryParameters(String(decoding: body, as: UTF8.self))["reason"]
            self.reason = reason.flatMap { $0.isEmpty ? nil : String($0.prefix(1000)) }
            return
        }
        let members = try BodyValidator.object(from: body)
        var validator = BodyValidator()
        let reason = validator.string(members["reason"], at: FieldPath.root.appending("reason"), required: false, maxLength: 1000)
        try validator.finish()
        self.reason = reason
    }
}
