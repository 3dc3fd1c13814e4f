import OpenAPIModel

/// Lowers operations: names, arguments in signature order, body encoding, success and error responses.
struct OperationLowering {
    let schemas: SchemaLowering
    let diagnostics: DiagnosticCollector

    func lower(_ operations: [Operation]) -> [OperationDeclaration] {
        var names = NameAllocator(reserved: ["runtime", "init"])
        var lowered = operations.map { lower($0, names: &names) }
        // After every operation has its name, so `xWithHeaders` never takes the name of an operation.
        for index in lowered.indices where !lowered[index].responseHeaders.isEmpty {
            lowered[index].headersMethodName = names.unique(lowered[index].swiftName + "WithHeaders")
        }
        return lowered
    }

    /// The case name of a success status in an output enum: RFC 9110 §15.3's reason phrase, else `status207`.
    static func successCaseName(_ status: String) -> String {
        switch status {
        case "200": "ok"
        case "201": "created"
        case "202": "accepted"
        case "203": "nonAuthoritativeInformation"
        case "204": "noContent"
        case "205": "resetContent"
        case "206": "partialContent"
        default: "status" + status.uppercased()
        }
    }

    /// The success responses, the return shape and the declared response headers of an operation.
    func success(_ successes: [Response], typePrefix: String) -> (SuccessDeclaration, [ResponseHeaderDeclaration], String?) {
        var success = SuccessDeclaration(statuses: successes.map(\.statusCode), body: .none, description: successes.first?.description)
        var caseNames = NameAllocator()
        for (index, response) in successes.enumerated() {
            // The first keeps the name it always had (`<Operation>Response`); others add their status.
            let body = successBody(response, typePrefix: index == 0 ? typePrefix : typePrefix + "Response" + response.statusCode.uppercased(),
                                   suffix: index == 0 ? "Response" : "")
            success.responses.append(SuccessDeclaration.Response(
                status: response.statusCode, body: body, caseName: caseNames.unique(Self.successCaseName(response.statusCode)),
                description: response.description))
        }
        var bodies: [SuccessDeclaration.Body] = []
        for response in success.responses where response.body != .none && !bodies.contains(response.body) {
            bodies.append(response.body)
        }
        success.body = bodies.first ?? .none
        if bodies.count > 1 {
            success.shape = .perStatus(typeName: schemas.allocateTopLevelName(typePrefix + "Output"))
            success.description = nil
        } else if !bodies.isEmpty && success.responses.contains(where: { $0.body == .none }) {
            success.shape = .optional
            success.description = success.responses.first { $0.body != .none }?.description
        }

        var headers: [ResponseHeaderDeclaration] = []
        var seen: Set<String> = ["content-type"]
        var headerNames = NameAllocator()
        for response in successes {
            for header in response.headers where seen.insert(header.name.lowercased()).inserted {
                let type = header.schema.map { bodyType($0, name: typePrefix + SwiftName.typeName(header.name)) } ?? .string
                headers.append(ResponseHeaderDeclaration(
                    swiftName: headerNames.unique(SwiftName.memberName(header.name)), wireName: header.name, type: type.unwrapped,
                    documentation: header.description.map(Documentation.split) ?? []))
            }
        }
        let headersType = headers.isEmpty ? nil : schemas.allocateTopLevelName(typePrefix + "ResponseHeaders")
        return (success, headers, headersType)
    }

    /// `GET /envelopes/{id}/audit-trail` without an operationId → `getEnvelopesIdAuditTrail`.
    static func derivedName(method: String, path: String) -> String {
        SwiftName.memberName(method.lowercased() + " " + path.replacingOccurrences(of: "{", with: " ").replacingOccurrences(of: "}", with: " "))
    }

    func lower(_ operation: Operation, names: inout NameAllocator) -> OperationDeclaration {
        let operationID = operation.operationID ?? Self.derivedName(method: operation.method, path: operation.path)
        let swiftName = names.unique(SwiftName.memberName(operationID))
        let typePrefix = SwiftName.typeName(operationID)
        var argumentNames = NameAllocator(reserved: ["runtime"])

        func parameterArguments(_ location: ParameterLocation) -> [ArgumentDeclaration] {
            let params = operation.parameters.filter { $0.location == location }
            let ordered = params.filter(\.required) + params.filter { !$0.required }
            return ordered.map { param in
                // A parameter is present or absent, never `null`: a nullable schema (`Cursor: {type: [string, "null"]}`)
                // does not make it optional, `required` does.
                var type = param.schema.map { bodyType($0, name: typePrefix + SwiftName.typeName(param.name)).unwrapped } ?? .string
                if !param.required { type = type.optional }
                let role: ArgumentDeclaration.Role = switch location {
                case .path: .path
                case .query: .query
                case .header: .header
                case .cookie: .cookie
                }
                return ArgumentDeclaration(
                    swiftName: argumentNames.unique(SwiftName.memberName(param.name)), label: nil, wireName: param.name,
                    role: role, type: type, required: param.required,
                    explode: param.explode ?? ((param.style ?? (location == .query || location == .cookie ? "form" : "simple")) == "form"),
                    style: param.style ?? (location == .query || location == .cookie ? "form" : "simple"),
                    documentation: param.description.map(Documentation.split) ?? [])
            }
        }

        var arguments = parameterArguments(.path)
        var body: BodyDeclaration?
        if let requestBody = operation.requestBody, let (media, encoding) = Self.pickBody(requestBody.content) {
            body = BodyDeclaration(encoding: encoding, contentType: media.contentType, required: requestBody.required)
            arguments += bodyArguments(media, encoding: encoding, required: requestBody.required, typePrefix: typePrefix, names: &argumentNames)
        }
        arguments += parameterArguments(.query) + parameterArguments(.header) + parameterArguments(.cookie)

        let pathComponents = Self.pathComponents(operation.path, arguments: arguments)
        let sorted = operation.responses.sorted { Self.statusRank($0.statusCode) < Self.statusRank($1.statusCode) }
        let (success, responseHeaders, responseHeadersType) = self.success(sorted.filter(\.isSuccess), typePrefix: typePrefix)
        let errors = operation.responses.filter { !$0.isSuccess }.map { ($0.statusCode, $0.description ?? "") }
        // Every media type the responses list, so the server may answer any of them (RFC 9110 §12.5.1). A success
        // response that offers the one the client reads (JSON, else text) and others besides (XML, CSV) gets those
        // others at `q=0.5`, so a server that negotiates picks the one that decodes.
        var accepted: [String] = []
        var demoted: Set<String> = []
        for response in operation.responses where response.isSuccess {
            guard let read = Self.readMediaType(response.content) else { continue }
            demoted.formUnion(response.content.map(\.contentType).filter { $0 != read && !Self.isJSONMediaType($0) })
        }
        for response in operation.responses {
            for media in response.content where !accepted.contains(media.contentType) {
                accepted.append(media.contentType)
            }
        }
        accepted = accepted.map { demoted.contains($0) && !$0.contains(";") ? $0 + ";q=0.5" : $0 }
        return OperationDeclaration(
            swiftName: swiftName, operationID: operationID, method: operation.method, pathTemplate: operation.path,
            pathComponents: pathComponents, summary: operation.summary,
            documentation: Documentation.lines(summary: operation.summary, description: operation.description),
            tags: operation.tags, deprecated: operation.deprecated, arguments: arguments, body: body, success: success,
            errorResponses: errors, acceptedContentTypes: accepted, sourcePointer: operation.address.fragment,
            responseHeaders: responseHeaders, responseHeadersTypeName: responseHeadersType)
    }

    /// Chooses the request body media type to generate: JSON first, then multipart, form, binary, text.
    static func pickBody(_ content: [MediaType]) -> (MediaType, BodyDeclaration.Encoding)? {
        func kind(_ type: String) -> BodyDeclaration.Encoding {
            let lower = type.lowercased()
            if lower == "application/json" || lower.hasSuffix("+json") || lower.hasPrefix("application/json;") { return .json }
            if lower.hasPrefix("multipart/") { return .multipart }
            if lower.hasPrefix("application/x-www-form-urlencoded") { return .formURLEncoded }
            if lower.hasPrefix("text/") { return .text }
            return .binary
        }
        let rank: [BodyDeclaration.Encoding: Int] = [.json: 0, .multipart: 1, .formURLEncoded: 2, .binary: 3, .text: 4]
        return content.map { ($0, kind($0.contentType)) }.min { (rank[$0.1] ?? 9) < (rank[$1.1] ?? 9) }
    }

    func bodyArguments(_ media: MediaType, encoding: BodyDeclaration.Encoding, required: Bool, typePrefix: String, names: inout NameAllocator) -> [ArgumentDeclaration] {
        switch encoding {
        case .json:
            var type = TypeUsage.jsonValue
            if let schema = media.schema { type = bodyType(schema, name: typePrefix + "Request") }
            if !required { type = type.optional }
            return [ArgumentDeclaration(swiftName: names.unique("body"), label: "_", wireName: "body", role: .jsonBody, type: type, required: required, explode: false, documentation: ["The request body."])]
        case .multipart, .formURLEncoded:
            guard let schema = media.schema else { return [] }
            let target = schemas.resolve(schema)
            var nested: [TypeDeclaration] = []
            var nestedNames = NameAllocator()
            var properties = schemas.structProperties(target, nested: &nested, nestedNames: &nestedNames)
            // Form fields are arguments, so their inline types move to the top level, prefixed by the operation.
            let map = schemas.promote(nested, prefix: typePrefix)
            for index in properties.indices {
                properties[index].type = properties[index].type.renamed(map)
            }
            return properties.map { property in
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
        case .binary, .text:
            let type: TypeUsage = encoding == .text ? .string : .data
            return [ArgumentDeclaration(swiftName: names.unique("body"), label: "_", wireName: "body", role: .rawBody, type: required ? type : .optional(type), required: required, explode: false, documentation: ["The request body (\(media.contentType))."])]
        }
    }

    /// The type of a body, parameter or header schema: inline types it needs (objects, enums) become top-level
    /// declarations named after `name`.
    func bodyType(_ schema: Schema, name: String) -> TypeUsage {
        var nested: [TypeDeclaration] = []
        var nestedNames = NameAllocator()
        let usage = schemas.usage(of: schema, hint: name, nested: &nested, nestedNames: &nestedNames)
        return schemas.promote(nested, in: usage)
    }

    static func isFile(_ schema: Schema, resolve: (Schema) -> Schema) -> Bool {
        let target = resolve(schema)
        if target.format == "binary" { return true }
        if target.contentMediaType != nil && (target.nonNullTypes.isEmpty || target.nonNullTypes == ["string"]) { return true }
        return false
    }

    static func isJSONMediaType(_ contentType: String) -> Bool {
        let type = contentType.lowercased()
        return type == "application/json" || type.hasSuffix("+json") || type.hasPrefix("application/json;")
    }

    /// The media type the client reads when a response offers several: JSON, else text; `nil` when every one is
    /// read as bytes (none is preferred).
    static func readMediaType(_ content: [MediaType]) -> String? {
        guard content.count > 1 else { return nil }
        return content.first { isJSONMediaType($0.contentType) }?.contentType
            ?? content.first { $0.contentType.lowercased().hasPrefix("text/") }?.contentType
    }

    func successBody(_ response: Response, typePrefix: String, suffix: String = "Response") -> SuccessDeclaration.Body {
        guard !response.content.isEmpty else { return .none }
        if let json = response.content.first(where: { Self.isJSONMediaType($0.contentType) }) {
            guard let schema = json.schema else { return .json(.jsonValue) }
            return .json(bodyType(schema, name: typePrefix + suffix))
        }
        if response.content.contains(where: { $0.contentType.lowercased().hasPrefix("text/") }) { return .text }
        return .binary
    }

    static func statusRank(_ status: String) -> Int {
        if let code = Int(status) { return code * 10 }
        if status.lowercased() == "default" { return 100_000 }
        if let first = status.first?.wholeNumberValue { return first * 1000 + 999 }
        return 99_999
    }

    static func pathComponents(_ path: String, arguments: [ArgumentDeclaration]) -> [PathComponent] {
        var components: [PathComponent] = []
        var literal = ""
        var index = path.startIndex
        while index < path.endIndex {
            let char = path[index]
            if char == "{", let close = path[index...].firstIndex(of: "}") {
                let name = String(path[path.index(after: index)..<close])
                if let argument = arguments.first(where: { $0.role == .path && $0.wireName == name }) {
                    if !literal.isEmpty { components.append(.literal(literal)) }
                    literal = ""
                    components.append(.parameter(swiftName: argument.swiftName))
                    index = path.index(after: close)
                    continue
                }
            }
            literal.append(char)
            index = path.index(after: index)
        }
        if !literal.isEmpty { components.append(.literal(literal)) }
        return components
    }
}
