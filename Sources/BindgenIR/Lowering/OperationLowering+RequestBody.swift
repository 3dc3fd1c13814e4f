import OpenAPIModel

/// Request bodies: which media types become methods, their names, and the arguments each method takes.
extension OperationLowering {
    /// How a media type's body is written.
    static func encoding(of contentType: String) -> BodyDeclaration.Encoding {
        let lower = contentType.lowercased()
        if isJSONMediaType(lower) { return .json }
        if lower.hasPrefix("multipart/") { return .multipart }
        if lower.hasPrefix("application/x-www-form-urlencoded") { return .formURLEncoded }
        if lower.hasPrefix("text/") { return .text }
        return .binary
    }

    /// The request body's media types as methods: the preferred first (JSON, then multipart, form, binary, text;
    /// the first listed among equals), then every other in document order. A media type listed twice (with another
    /// parameter, `application/json; charset=utf-8`) counts once.
    static func bodyMediaTypes(_ content: [MediaType]) -> [(MediaType, BodyDeclaration.Encoding)] {
        var seen: Set<String> = []
        let unique = content.filter { seen.insert(essence($0.contentType)).inserted }.map { ($0, encoding(of: $0.contentType)) }
        let rank: [BodyDeclaration.Encoding: Int] = [.json: 0, .multipart: 1, .formURLEncoded: 2, .binary: 3, .text: 4]
        guard let preferred = unique.indices.min(by: { (rank[unique[$0].1] ?? 9) < (rank[unique[$1].1] ?? 9) }) else { return [] }
        return [unique[preferred]] + unique.enumerated().filter { $0.offset != preferred }.map(\.element)
    }

    /// `application/json; charset=utf-8` → `application/json`.
    static func essence(_ contentType: String) -> String {
        let head = contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? contentType
        return head.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The suffix of the method that sends a media type other than the preferred one: `createPetMultipart`,
    /// `createPetForm`, `updatePetMergePatch`; other types are named from their subtype (`application/vnd.api+json`
    /// → `VndAPI`).
    static func mediaTypeSuffix(_ contentType: String) -> String {
        let type = essence(contentType)
        let known: [String: String] = [
            "application/json": "JSON", "multipart/form-data": "Multipart", "multipart/mixed": "MultipartMixed",
            "application/x-www-form-urlencoded": "Form", "application/octet-stream": "Binary", "text/plain": "Text",
            "application/merge-patch+json": "MergePatch", "application/json-patch+json": "JSONPatch",
            "application/xml": "XML", "text/xml": "XML", "text/csv": "CSV", "*/*": "Any",
        ]
        if let suffix = known[type] { return suffix }
        var subtype = type.split(separator: "/").last.map(String.init) ?? type
        for affix in ["+json", "+xml"] where subtype.hasSuffix(affix) { subtype.removeLast(affix.count) }
        let name = SwiftName.typeName(subtype.replacingOccurrences(of: "*", with: " "))
        return name.hasPrefix("_") ? "Body" : name
    }

    /// The body declaration and the arguments of one request media type.
    func requestBodyArguments(
        _ media: MediaType, encoding: BodyDeclaration.Encoding, required: Bool, typePrefix: String, address: NodeAddress,
        names: inout NameAllocator
    ) -> (body: BodyDeclaration, arguments: [ArgumentDeclaration]) {
        var encoding = encoding
        var arguments: [ArgumentDeclaration]
        switch encoding {
        case .json:
            var type = TypeUsage.jsonValue
            if let schema = media.schema { type = bodyType(schema, name: typePrefix + "Request") }
            if !required { type = type.optional }
            arguments = [ArgumentDeclaration(swiftName: names.unique("body"), label: "_", wireName: "body", role: .jsonBody, type: type,
                                             required: required, explode: false, documentation: ["The request body."])]
        case .multipart, .formURLEncoded:
            if let parts = formArguments(media, encoding: encoding, required: required, typePrefix: typePrefix, address: address, names: &names) {
                arguments = parts
            } else {
                encoding = .binary
                arguments = rawArguments(media, encoding: .binary, required: required, names: &names)
            }
        case .binary, .text:
            arguments = rawArguments(media, encoding: encoding, required: required, names: &names)
        }
        return (BodyDeclaration(encoding: encoding, contentType: media.contentType, required: required), arguments)
    }

    func rawArguments(_ media: MediaType, encoding: BodyDeclaration.Encoding, required: Bool, names: inout NameAllocator) -> [ArgumentDeclaration] {
        let type: TypeUsage = encoding == .text ? .string : .data
        return [ArgumentDeclaration(swiftName: names.unique("body"), label: "_", wireName: "body", role: .rawBody, type: required ? type : .optional(type),
                                    required: required, explode: false, documentation: ["The request body (\(media.contentType))."])]
    }

    /// The parts of a multipart or urlencoded body: one argument per property of an object, a dictionary for its
    /// `additionalProperties`, or the whole body as one value when it is a `oneOf`/`anyOf` of objects. `nil` (with a
    /// warning) when the schema cannot give fields (a string, an array): the method then takes the encoded bytes.
    func formArguments(
        _ media: MediaType, encoding: BodyDeclaration.Encoding, required: Bool, typePrefix: String, address: NodeAddress,
        names: inout NameAllocator
    ) -> [ArgumentDeclaration]? {
        let kind = encoding == .multipart ? "multipart" : "form"
        guard let schema = media.schema else {
            // No schema: any fields, as text.
            return [additionalPartsArgument(.string, kind: kind, optional: !required, names: &names)]
        }
        let target = schemas.resolve(schema)
        if !(target.oneOf.isEmpty && target.anyOf.isEmpty), target.properties.isEmpty, target.allOf.isEmpty {
            if encoding == .multipart, containsFile(target) {
                diagnostics.warning(
                    "unsupported: a file inside a oneOf/anyOf multipart body (\(address.appending("schema").fragment)); "
                        + "the chosen alternative's members are sent as text parts, a file as base64 text", at: media.location)
            }
            var type = bodyType(schema, name: typePrefix + "Request")
            if !required { type = type.optional }
            return [ArgumentDeclaration(swiftName: names.unique("body"), label: "_", wireName: "body", role: .formValue, type: type,
                                        required: required, explode: true, documentation: ["The request body; its members are the \(kind) fields."])]
        }
        let types = target.nonNullTypes
        let isObject = types.contains("object") || !target.properties.isEmpty || !target.allOf.isEmpty
            || target.additionalProperties != nil || (types.isEmpty && target.items == nil && target.enumValues == nil && target.constValue == nil)
        guard isObject else {
            diagnostics.warning(
                "unsupported: a \(kind) body whose schema is not an object (\(address.appending("schema").fragment)); "
                    + "the method takes the encoded body as bytes", at: media.location)
            return nil
        }
        var nested: [TypeDeclaration] = []
        var nestedNames = NameAllocator()
        // Undeclared members are the `additionalParts`/`additionalFields` argument below, not a field.
        let properties = schemas.structProperties(target, nested: &nested, nestedNames: &nestedNames).filter { !$0.isAdditionalProperties }
        // Form fields are arguments, so their inline types move to the top level, prefixed by the operation.
        schemas.promote(nested, prefix: typePrefix)
        var arguments = properties.map { property in
            let propertySchema = target.properties.first { $0.name == property.jsonName }?.schema
            var type = property.type
            if encoding == .multipart, let propertySchema, Self.isFile(propertySchema, resolve: schemas.resolve) {
                type = property.required ? .file : .optional(.file)
            } else if encoding == .multipart, let items = propertySchema?.items, Self.isFile(items, resolve: schemas.resolve) {
                type = property.required ? .array(.file) : .optional(.array(.file))
            }
            return ArgumentDeclaration(
                swiftName: names.unique(property.swiftName), label: nil, wireName: property.jsonName, role: .formPart,
                type: type, required: property.required, explode: true, documentation: property.documentation)
        }
        switch target.additionalProperties {
        case .schema(let values):
            var valueType: TypeUsage
            if encoding == .multipart, Self.isFile(values, resolve: schemas.resolve) {
                valueType = .file
            } else {
                valueType = bodyType(values, name: typePrefix + "AdditionalPart").unwrapped
            }
            arguments.append(additionalPartsArgument(valueType, kind: kind, optional: !required || !arguments.isEmpty, names: &names))
        case .allowed(true):
            arguments.append(additionalPartsArgument(.string, kind: kind, optional: !required || !arguments.isEmpty, names: &names))
        case nil where arguments.isEmpty:
            // A free-form object (`type: object` and nothing else): any fields, as text.
            arguments.append(additionalPartsArgument(.string, kind: kind, optional: !required, names: &names))
        case .allowed(false), nil:
            break
        }
        return arguments
    }

    func additionalPartsArgument(_ valueType: TypeUsage, kind: String, optional: Bool, names: inout NameAllocator) -> ArgumentDeclaration {
        let name = kind == "multipart" ? "additionalParts" : "additionalFields"
        let type = TypeUsage.dictionary(valueType)
        return ArgumentDeclaration(
            swiftName: names.unique(name), label: nil, wireName: name, role: .additionalParts, type: optional ? type.optional : type,
            required: !optional, explode: true,
            documentation: ["More \(kind) \(kind == "multipart" ? "parts" : "fields") by name (`additionalProperties`), sent in name order."])
    }

    /// Whether a schema or one of its alternatives or properties (not deeper) is a file.
    func containsFile(_ schema: Schema, depth: Int = 0) -> Bool {
        let target = schemas.resolve(schema)
        if Self.isFile(target, resolve: schemas.resolve) { return true }
        guard depth < 8 else { return false }  // alternatives that refer to each other
        for alternative in target.oneOf + target.anyOf where containsFile(alternative, depth: depth + 1) { return true }
        return target.properties.contains { property in
            Self.isFile(property.schema, resolve: schemas.resolve) || property.schema.items.map { Self.isFile($0, resolve: schemas.resolve) } == true
        }
    }
}
