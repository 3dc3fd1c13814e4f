import BindgenDiagnostics
import OpenAPIModel

/// Lowers the `webhooks` section: a case per webhook, its payload type, and the event type a delivery names.
///
/// A webhook's key need not be the payload's type value (key `batch_cancelled`, payload `"type": "batch.cancelled"`).
/// When the payload schema pins its `type` member to one string (a one-value `enum` or a `const`, on the schema, its
/// `$ref` target or an `allOf` part), that value is the event type deliveries are dispatched by; otherwise the key is.
enum WebhookLowering {
    /// The member of the payload that names its event type.
    static let typeMember = "type"

    static func lower(_ hooks: [OpenAPIDocument.Webhook], schemas: SchemaLowering, diagnostics: DiagnosticCollector) -> [RenderModel.Webhook] {
        var allocator = NameAllocator(reserved: ["unknown"])
        var dispatched: [String: String] = [:]
        return hooks.map { hook in
            let operation = hook.operations.first
            let media = operation?.requestBody?.content.first { $0.contentType.contains("json") } ?? operation?.requestBody?.content.first
            var payload: TypeUsage?
            var pinned: String?
            if let schema = media?.schema {
                var nested: [TypeDeclaration] = []
                var nestedNames = NameAllocator()
                let usage = schemas.usage(of: schema, hint: SwiftName.typeName(hook.name) + "Payload", nested: &nested, nestedNames: &nestedNames)
                schemas.promote(nested)
                payload = usage
                pinned = schemas.pinnedValue(of: schema, property: typeMember)
            }
            var webhook = RenderModel.Webhook(
                name: hook.name, swiftName: allocator.unique(SwiftName.memberName(hook.name)), payload: payload,
                documentation: Documentation.lines(summary: operation?.summary, description: operation?.description))
            webhook.pinnedType = pinned
            if let first = dispatched[webhook.eventType] {
                webhook.isDispatchedByType = false
                let pointer = JSONPointer.fragment(["webhooks", hook.name])
                diagnostics.warning(
                    "unsupported: webhook '\(hook.name)' (\(pointer)) has the event type '\(webhook.eventType)' of webhook '\(first)'; "
                        + "decode(type:) and decode(body:) give '\(first)', decode(key:) tells them apart",
                    at: media?.location ?? operation?.location)
            } else {
                dispatched[webhook.eventType] = hook.name
            }
            return webhook
        }
    }
}
