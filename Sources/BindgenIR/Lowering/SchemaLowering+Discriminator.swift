import OpenAPIModel

/// How the variants of a `oneOf`/`anyOf` are told apart.
extension SchemaLowering {
    /// The discriminator values that select `variant`, in this order of precedence:
    /// 1. the `mapping` keys that name the variant's schema;
    /// 2. the value the variant pins on the discriminator property with a one-value `enum` or a `const`
    ///    (`type: {type: string, enum: [message]}`), which is what payloads carry;
    /// 3. the variant's component name (the specification's implicit mapping).
    ///
    /// A variant whose values are not objects cannot carry a discriminator property: that is reported once per
    /// document, and such a variant gets no value (only the pinned or mapped ones of the others select).
    func discriminatorValues(of variant: Schema, discriminator: Schema.Discriminator) -> [String] {
        let target = variant.reference?.target
        if let target {
            let mapped = discriminator.mapping.filter { $0.reference.target == target }.map(\.key)
            if !mapped.isEmpty { return mapped }
        }
        let types = jsonTypes(of: variant)
        if !types.isEmpty, !types.contains("object") {
            diagnostics.warning(
                "discriminator '\(discriminator.propertyName)': the alternative \((target ?? variant.address).fragment) is not an object "
                    + "(\(types.joined(separator: ", "))), so it cannot carry the property; its values are matched by trial decoding only",
                at: variant.reference?.location ?? variant.location)
            return []
        }
        if let pinned = pinnedValue(of: variant, property: discriminator.propertyName) { return [pinned] }
        if let target, let component = document.componentSchemas.first(where: { $0.address == target })?.name {
            return [component]
        }
        return []
    }

    /// The single value a schema allows for its property `name` (`enum: [x]` or `const: x` on the property's schema,
    /// its `$ref` target or an `allOf` part of it), on the schema itself or one of its `allOf` parts; the schema's own
    /// declaration wins over its parts'. Used for discriminators and for webhook event types.
    func pinnedValue(of schema: Schema, property name: String, depth: Int = 0) -> String? {
        guard depth < 32 else { return nil }
        let shape = resolveShape(schema)
        if let property = shape.properties.first(where: { $0.name == name }), let value = singleValue(property.schema) {
            return value
        }
        for part in shape.allOf {
            if let found = pinnedValue(of: part, property: name, depth: depth + 1) { return found }
        }
        return nil
    }

    /// The one string a schema allows: a `const`, a one-value `enum` (`null` aside), or an `allOf` part that pins one.
    func singleValue(_ schema: Schema, depth: Int = 0) -> String? {
        guard depth < 32 else { return nil }
        let value = resolveShape(schema)
        if let constant = value.constValue, !constant.isNull, let text = constant.text { return text }
        let listed = (value.enumValues ?? []).filter { !$0.isNull }
        if listed.count == 1, let only = listed[0].text { return only }
        for part in value.allOf {
            if let found = singleValue(part, depth: depth + 1) { return found }
        }
        return nil
    }

    /// Where a variant goes in the order values are tried (lower first): enumerations and constants before other
    /// scalars, integers before numbers, strings with a `format` (date-time, uuid) before plain ones, everything else
    /// after, in the document's order.
    func decodeRank(_ variant: Schema) -> Int {
        let shape = resolveShape(variant)
        if shape.enumValues != nil || shape.constValue != nil { return 0 }
        switch jsonTypes(of: variant) {
        case ["integer"]: return 1
        case ["number"]: return 2
        case ["string"] where shape.format != nil: return 3
        case ["boolean"], ["string"]: return 4
        default: return 5
        }
    }
}
