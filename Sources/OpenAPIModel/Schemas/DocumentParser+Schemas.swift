import YAMLSource

extension DocumentParser {
    static let knownTypes: Set<String> = ["string", "number", "integer", "boolean", "array", "object", "null"]

    /// Parses the schema object at `node`. `$ref` targets are parsed once and stored by address,
    /// so cycles terminate. `file` is where relative `$ref`s inside it are resolved from.
    func schema(_ node: YAMLNode, at address: NodeAddress, file: String? = nil) -> Schema {
        let file = file ?? address.file
        var reference: Reference?
        if let refNode = node["$ref"], let text = refNode.scalar, let target = self.reference(text, at: refNode, in: file) {
            reference = Reference(text: text, location: refNode.location, target: target)
            registerSchema(target, text: text, refNode: refNode)
        }
        var types: [String] = []
        if let typeNode = node["type"] {
            let names = typeNode.sequence?.compactMap(\.scalar) ?? [typeNode.scalar].compactMap { $0 }
            for (index, name) in names.enumerated() {
                if Self.knownTypes.contains(name) {
                    types.append(name)
                } else {
                    let at = typeNode.sequence?[index].location ?? typeNode.location
                    diagnostics.error("unknown schema type '\(name)'; expected one of array, boolean, integer, null, number, object, string", at: at)
                }
            }
        }
        var properties: [Schema.Property] = []
        if let props = node["properties"] {
            for entry in props.entries ?? [] {
                guard let name = entry.key.scalar else { continue }
                let child = schema(entry.value, at: address.appending("properties").appending(name), file: file)
                properties.append(.init(name: name, schema: child, location: entry.key.location))
            }
        }
        var additional: Schema.AdditionalProperties?
        if let ap = node["additionalProperties"] {
            if let flag = ap.boolValue {
                additional = .allowed(flag)
            } else {
                additional = .schema(schema(ap, at: address.appending("additionalProperties"), file: file))
            }
        } else if let patterns = node["patternProperties"]?.entries, !patterns.isEmpty {
            // Members matched by a pattern are kept as they are (any JSON), so none is dropped; the patterns themselves
            // only validate.
            additional = .allowed(true)
        }
        func list(_ key: String) -> [Schema] {
            guard let items = node[key]?.sequence else { return [] }
            return items.enumerated().map { schema($0.element, at: address.appending(key).appending(String($0.offset)), file: file) }
        }
        var discriminator: Schema.Discriminator?
        if let d = node["discriminator"], let propertyName = d["propertyName"]?.scalar {
            let mapping = (d["mapping"]?.entries ?? []).compactMap { entry -> (String, Reference)? in
                guard let key = entry.key.scalar, let text = entry.value.scalar else { return nil }
                // A mapping value is a reference or a bare component name; names match ^[a-zA-Z0-9.\-_]+$ (OpenAPI 3.x
                // §4.8.7.1), so anything with `#` or `/`, or a file extension, is a reference (DigitalOcean: `models/x.yml`).
                let isReference = text.contains("#") || text.contains("/")
                    || [".yaml", ".yml", ".json"].contains { text.hasSuffix($0) }
                let refText = isReference ? text : "#/components/schemas/\(text)"
                guard let target = self.reference(refText, at: entry.value, in: file) else { return nil }
                registerSchema(target, text: refText, refNode: entry.value)
                return (key, Reference(text: refText, location: entry.value.location, target: target))
            }
            discriminator = .init(propertyName: propertyName, mapping: mapping)
        }
        let items = node["items"].map { schema($0, at: address.appending("items"), file: file) }
        let required = requiredList(node["required"], at: address)
        if !version.hasPrefix("3.0") {
            for key in ["exclusiveMinimum", "exclusiveMaximum"] {
                guard let flag = node[key], flag.boolValue != nil else { continue }
                tolerated.record(
                    "boolean-exclusive-bound",
                    "'\(key): \(flag.scalar ?? "")' at \(address.fragment) is OpenAPI 3.0's boolean form; in 3.1 "
                        + "(JSON Schema 2020-12) '\(key)' is the bound itself; validation keywords do not change the generated types",
                    at: flag.location)
            }
        }
        // Values the document writes for the schema, typed once here; an alias bomb is cut at the budget, and said.
        var budget = DocumentValue.nodeBudget
        var reported = false
        func value(_ valueNode: YAMLNode?) -> DocumentValue? {
            guard let valueNode else { return nil }
            let typed = DocumentValue(valueNode, budget: &budget)
            if budget <= 0, !reported {
                reported = true
                diagnostics.warning("the values of the schema at \(address.fragment) expand to more than \(DocumentValue.nodeBudget) nodes (YAML aliases); the rest is left out", at: valueNode.location)
            }
            return typed
        }
        return Schema(
            address: address, location: node.location, reference: reference, types: types, format: node["format"]?.scalar,
            title: node["title"]?.scalar, description: node["description"]?.scalar, properties: properties,
            required: required, items: items,
            additionalProperties: additional, enumValues: node["enum"]?.sequence?.compactMap(value), constValue: value(node["const"]),
            allOf: list("allOf"), oneOf: list("oneOf"), anyOf: list("anyOf"), discriminator: discriminator,
            nullable: node["nullable"]?.boolValue ?? false, deprecated: node["deprecated"]?.boolValue ?? false,
            readOnly: node["readOnly"]?.boolValue ?? false, writeOnly: node["writeOnly"]?.boolValue ?? false,
            defaultValue: value(node["default"]), example: value(node["example"] ?? node["examples"]?.sequence?.first),
            contentMediaType: node["contentMediaType"]?.scalar, contentEncoding: node["contentEncoding"]?.scalar,
            contentSchema: node["contentSchema"].map { schema($0, at: address.appending("contentSchema"), file: file) })
    }

    /// `required` without repeated names; a repeat is tolerated (listed once) and reported.
    func requiredList(_ node: YAMLNode?, at address: NodeAddress) -> [String] {
        var names: [String] = []
        for item in node?.sequence ?? [] {
            guard let name = item.scalar else { continue }
            if names.contains(name) {
                tolerated.record(
                    "duplicate-required",
                    "'\(name)' is listed twice in 'required' of \(address.fragment); JSON Schema requires unique "
                        + "entries, and it is read once", at: item.location)
                continue
            }
            names.append(name)
        }
        return names
    }

    /// Parses the schema a `$ref` names, once per address (the guard set makes cycles terminate).
    func registerSchema(_ target: NodeAddress, text: String, refNode: YAMLNode) {
        if schemas[target] != nil || schemasInProgress.contains(target) { return }
        guard let node = lookup(target, text: text, at: refNode) else { return }
        schemasInProgress.insert(target)
        let parsed = schema(node, at: target, file: target.file)
        schemasInProgress.remove(target)
        schemas[target] = parsed
    }
}
