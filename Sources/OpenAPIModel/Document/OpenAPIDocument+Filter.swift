extension OpenAPIDocument {
    /// The same document with only some operations, webhooks and schemas: what a configuration's `filter` keeps,
    /// before anything is lowered (so a schema left out never takes a type name).
    /// - Parameters:
    ///   - operations: The operations kept, in document order.
    ///   - webhooks: The webhooks kept, in document order.
    ///   - schemas: The addresses of the schemas kept (components and other `$ref` targets).
    public func keeping(operations: [Operation], webhooks: [Webhook], schemas kept: Set<NodeAddress>) -> OpenAPIDocument {
        OpenAPIDocument(
            version: version, info: info, servers: servers, operations: operations, webhooks: webhooks,
            componentSchemas: componentSchemas.filter { kept.contains($0.address) },
            schemas: schemas.filter { kept.contains($0.key) }, securitySchemes: securitySchemes, rootFile: rootFile)
    }

    /// The addresses of the schemas a schema refers to, directly or through other schemas (cycles included once).
    public func reachableSchemas(from roots: [Schema]) -> Set<NodeAddress> {
        var reached: Set<NodeAddress> = []
        var pending = roots
        while let schema = pending.popLast() {
            if let target = schema.reference?.target {
                if reached.insert(target).inserted, let resolved = schemas[target] { pending.append(resolved) }
                continue
            }
            pending += schema.properties.map(\.schema)
            if let items = schema.items { pending.append(items) }
            if let content = schema.contentSchema { pending.append(content) }
            if case .schema(let additional) = schema.additionalProperties { pending.append(additional) }
            pending += schema.allOf + schema.oneOf + schema.anyOf
            for (_, reference) in schema.discriminator?.mapping ?? [] where reached.insert(reference.target).inserted {
                if let resolved = schemas[reference.target] { pending.append(resolved) }
            }
        }
        return reached
    }
}
