import BindgenIR

/// The webhook scope: one webhook of the document, its payload type and the event type it is dispatched by.
final class WebhookView: ContextObject, @unchecked Sendable {
    let context: TemplateContext
    let webhook: RenderModel.Webhook
    /// Whether this is the first webhook with its event type (the one `decode(type:…)` dispatches to).
    let position: ContextPosition

    init(context: TemplateContext, webhook: RenderModel.Webhook, position: ContextPosition) {
        self.context = context
        self.webhook = webhook
        self.position = position
    }

    static let members = ContextMembers<WebhookView>("webhook", [
        "name": { $0.webhook.name },
        "nameLiteral": { SwiftSpelling.stringLiteral($0.webhook.name) },
        "caseName": { SwiftSpelling.identifier($0.webhook.swiftName) },
        "caseReference": { SwiftSpelling.memberReference($0.webhook.swiftName) },
        "docLines": { SwiftSpelling.docComment($0.webhook.documentation) },
        "hasPayload": { $0.webhook.payload != nil },
        "payloadType": { view in view.webhook.payload.map { SwiftSpelling.type($0, in: view.context.catalog) } ?? "" },
        "payloadTypeInfo": { view in view.webhook.payload.map { TypeInfoView(context: view.context, usage: $0) } ?? false },
        "isFirst": { $0.position.first },
        "isLast": { $0.position.last },
        "eventType": { $0.webhook.eventType },
        "eventTypeLiteral": { SwiftSpelling.stringLiteral($0.webhook.eventType) },
        "hasPinnedType": { $0.webhook.pinnedType != nil },
        "isDispatchedByType": { $0.webhook.isDispatchedByType },
        "hasDocumentation": { !$0.webhook.documentation.isEmpty },
        "nameText": { SwiftSpelling.commentText($0.webhook.name) },
        "pinnedTypeText": { SwiftSpelling.commentText($0.webhook.pinnedType ?? "") },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}
