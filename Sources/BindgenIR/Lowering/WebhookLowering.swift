import OpenAPIModel
import YAMLSource

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
                payload = schemas.promote(nested, in: usage)
                var visited: Set<NodeAddress> = []
                pinned = pinnedValue(of: typeMember, in: schema, schemas: schemas, visited: &visited)
            }
            var webhook = RenderModel.Webhook(
                name: hook.name, swiftName: allocator.unique(SwiftName.memberName(hook.name)), payload: payload,
                documentation: Documentation.lines(summary: operation?.summary, description: operation?.description))
            webhook.pinnedType = pinned
            if let first = dispatched[webhook.eventType] {
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

    /// The one string a member of an object schema may hold: a one-value `enum` or a `const` on the member's schema
    /// (followed through `$ref` and `allOf`), on the object itself or any of its `allOf` parts; the object's own
    /// declaration wins over its parts'. `nil` when the member is absent or may hold several values.
    static func pinnedValue(of member: String, in schema: Schema, schemas: SchemaLowering, visited: inout Set<NodeAddress>) -> String? {
        let target = schemas.resolve(schema)
        guard visited.insert(target.address).inserted else { return nil }
        if let property = target.properties.first(where: { $0.name == member }) {
            var seen: Set<NodeAddress> = []
            if let value = singleValue(property.schema, schemas: schemas, visited: &seen) { return value }
        }
        for part in target.allOf {
            if let value = pinnedValue(of: member, in: part, schemas: schemas, visited: &visited) { return value }
        }
        return nil
    }

    /// The one string a schema allows (`const`, a one-value `enum`, or an `allOf` part that pins one), else `nil`.
    static func singleValue(_ schema: Schema, schemas: SchemaLowering, visited: inout Set<NodeAddress>) -> String? {
        let target = schemas.resolve(schema)
        guard visited.insert(target.address).inserted else { return nil }
        if let constant = target.constValue, let text = constant.scalar, !constant.isNull { return text }
        if let values = target.enumValues {
            let strings = values.filter { !$0.isNull }
            if strings.count == 1, let text = strings[0].scalar { return text }
        }
        for part in target.allOf {
            if let value = singleValue(part, schemas: schemas, visited: &visited) { return value }
        }
        return nil
    }
}
