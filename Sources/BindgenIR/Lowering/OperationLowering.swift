import BindgenDiagnostics
import OpenAPIModel

/// Lowers operations: names, arguments in signature order, body encoding, success and error responses.
struct OperationLowering {
    let schemas: SchemaLowering
    let diagnostics: DiagnosticCollector
    /// `names.operations`: method names chosen by the configuration (see ``OperationNamer``).
    var configuredNames: [ConfiguredMapping] = []

    func lower(_ operations: [Operation]) -> (operations: [OperationDeclaration], headerTypes: [RenderModel.ResponseHeaderType]) {
        // Configured names first, so that no generated name takes one and every name derived from a method (its
        // media-type variants) is derived from the final name.
        let chosen = OperationNamer.chosenNames(configuredNames, for: operations, diagnostics: diagnostics)
        var names = NameAllocator(reserved: Set(["runtime", "init"]).union(chosen.values))
        let groups = operations.indices.map { lower(operations[$0], chosenName: chosen[$0], names: &names) }
        // The methods of other request media types are named after every operation has its name, so a suffixed
        // name (`createPetMultipart`) never takes the name of an operation of the document.
        var lowered: [OperationDeclaration] = []
        for (primary, variants) in groups {
            var group = [primary]
            for (suffix, variant) in variants {
                var variant = variant
                variant.swiftName = names.unique(primary.swiftName + suffix)
                variant.primaryName = primary.swiftName
                group.append(variant)
            }
            // Stream methods likewise: `getGreetingsEvents`, `getSignedDocumentChunks`.
            for index in group.indices {
                for stream in group[index].streams.indices {
                    group[index].streams[stream].swiftName = names.unique(group[index].swiftName + group[index].streams[stream].suffix)
                }
            }
            for index in group.indices where group.count > 1 {
                group[index].bodyAlternatives = group.enumerated().filter { $0.offset != index }.map { other in
                    (swiftName: other.element.swiftName, contentType: other.element.body?.contentType ?? "")
                }
            }
            lowered += group
        }
        let headerTypes = responseHeaderTypes(&lowered)
        return (lowered, headerTypes)
    }

    /// One type per distinct set of response headers: operations whose headers have the same names and types (the
    /// same `$ref`'d schemas, or the same scalars) share one, named after its headers when there are at most three
    /// (`XRequestIdHeaders`), else after its first operation. Media-type variants keep their first method's.
    private func responseHeaderTypes(_ operations: inout [OperationDeclaration]) -> [RenderModel.ResponseHeaderType] {
        struct Key: Hashable { let name: String; let type: TypeUsage }
        var types: [RenderModel.ResponseHeaderType] = []
        var bySignature: [[Key]: Int] = [:]
        for index in operations.indices where operations[index].primaryName == nil {
            guard let name = operations[index].responseHeadersTypeName, !operations[index].responseHeaders.isEmpty else { continue }
            let signature = operations[index].responseHeaders.map { Key(name: $0.wireName.lowercased(), type: $0.type) }
            if let existing = bySignature[signature] {
                types[existing].operations.append(index)
            } else {
                bySignature[signature] = types.count
                types.append(RenderModel.ResponseHeaderType(name: name, headers: operations[index].responseHeaders, operations: [index]))
            }
        }
        for index in types.indices where types[index].operations.count > 1 && types[index].headers.count <= 3 {
            types[index].name = schemas.allocateTopLevelName(types[index].headers.map(\.wireName).joined(separator: " ") + " Headers")
        }
        // Each operation's own name → its set's type; variants carry their first method's own name.
        var renamed: [String: String] = [:]
        for type in types {
            for operation in type.operations {
                if let old = operations[operation].responseHeadersTypeName { renamed[old] = type.name }
            }
        }
        for index in operations.indices {
            if let old = operations[index].responseHeadersTypeName { operations[index].responseHeadersTypeName = renamed[old] ?? old }
        }
        return types
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
    func success(_ successes: [Response], typePrefix: String, streams: [StreamDeclaration]) -> (SuccessDeclaration, [ResponseHeaderDeclaration], String?) {
        var success = SuccessDeclaration(statuses: successes.map(\.statusCode), body: .none, description: successes.first?.description)
        var caseNames = NameAllocator()
        for (index, response) in successes.enumerated() {
            // The first keeps the name it always had (`<Operation>Response`); others add their status.
            let body = successBody(response, typePrefix: index == 0 ? typePrefix : typePrefix + "Response" + response.statusCode.uppercased(),
                                   suffix: index == 0 ? "Response" : "", streams: streams)
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

        if success.shape != .single {
            // A method returning an optional or an enum reads every body whole; the streams get their own methods.
            for index in success.responses.indices {
                if case .stream = success.responses[index].body { success.responses[index].body = .binary }
            }
            if case .stream = success.body { success.body = .binary }
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
    /// The operation's `operationId`, or one derived from its method and path.
    static func operationID(of operation: Operation) -> String {
        operation.operationID ?? derivedName(method: operation.method, path: operation.path)
    }

    static func derivedName(method: String, path: String) -> String {
        SwiftName.memberName(method.lowercased() + " " + path.replacingOccurrences(of: "{", with: " ").replacingOccurrences(of: "}", with: " "))
    }

    /// The operation's method and, when its request body offers several media types, one more per other media type
    /// (with the suffix its name takes and no name yet).
    func lower(_ operation: Operation, chosenName: String?, names: inout NameAllocator) -> (OperationDeclaration, [(String, OperationDeclaration)]) {
        let operationID = Self.operationID(of: operation)
        let swiftName = chosenName ?? names.unique(SwiftName.memberName(operationID))
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

        let pathArguments = parameterArguments(.path)
        var arguments = pathArguments
        let namesAfterPath = argumentNames
        let medias = operation.requestBody.map { Self.bodyMediaTypes($0.content) } ?? []
        let bodyAddress = operation.address.appending("requestBody").appending("content")
        var body: BodyDeclaration?
        if let requestBody = operation.requestBody, let (media, encoding) = medias.first {
            let lowered = requestBodyArguments(media, encoding: encoding, required: requestBody.required, typePrefix: typePrefix,
                                               address: bodyAddress.appending(media.contentType), names: &argumentNames)
            body = lowered.body
            arguments += lowered.arguments
        }
        let parameters = parameterArguments(.query) + parameterArguments(.header) + parameterArguments(.cookie)
        arguments += parameters

        let pathComponents = Self.pathComponents(operation.path, arguments: arguments)
        let sorted = operation.responses.sorted { Self.statusRank($0.statusCode) < Self.statusRank($1.statusCode) }
        var streams = streamDeclarations(sorted.filter(\.isSuccess), typePrefix: typePrefix)
        let (success, responseHeaders, responseHeadersType) = self.success(sorted.filter(\.isSuccess), typePrefix: typePrefix, streams: streams)
        // The stream the method returns has no method of its own; a binary body gets one reading it in chunks.
        var returnedStreamTypes: [String] = []
        if case .stream(let returned) = success.body {
            returnedStreamTypes = returned.contentTypes
            streams.removeAll { $0.framing == returned.framing }
        }
        if success.body == .binary, success.shape == .single,
           let binary = sorted.first(where: { $0.isSuccess && !Self.wholeMedia($0.content).isEmpty }) {
            streams.insert(StreamDeclaration(framing: .bytes, item: nil, contentTypes: Self.wholeMedia(binary.content).map(\.contentType),
                                             suffix: "Chunks"), at: 0)
        }
        let errors = operation.responses.filter { !$0.isSuccess }.map { ($0.statusCode, $0.description ?? "") }
        // Every media type the responses list, so the server may answer any of them (RFC 9110 §12.5.1). A success
        // response that offers the one the client reads (JSON, else text) and others besides (XML, CSV) gets those
        // others at `q=0.5`, so a server that negotiates picks the one that decodes.
        var accepted: [String] = []
        var demoted: Set<String> = []
        for response in operation.responses where response.isSuccess {
            let whole = Self.wholeMedia(response.content)
            guard let read = Self.readMediaType(whole) else { continue }
            demoted.formUnion(whole.map(\.contentType).filter { $0 != read && !Self.isJSONMediaType($0) })
        }
        // Streamed media types are asked for only by the methods that read them.
        for response in operation.responses {
            for media in response.content where !accepted.contains(media.contentType) {
                if Self.streamFraming(media.contentType) != nil && !returnedStreamTypes.contains(media.contentType) { continue }
                accepted.append(media.contentType)
            }
        }
        accepted = accepted.map { demoted.contains($0) && !$0.contains(";") ? $0 + ";q=0.5" : $0 }
        let primary = OperationDeclaration(
            swiftName: swiftName, operationID: operationID, method: operation.method, pathTemplate: operation.path,
            pathComponents: pathComponents, summary: operation.summary,
            documentation: Documentation.lines(summary: operation.summary, description: operation.description),
            tags: operation.tags, deprecated: operation.deprecated, arguments: arguments, body: body, success: success,
            errorResponses: errors, acceptedContentTypes: accepted, sourcePointer: operation.address.fragment,
            responseHeaders: responseHeaders, responseHeadersTypeName: responseHeadersType, streams: streams)
        // Every other media type: the same operation with its own body arguments (inline types named with the suffix).
        var variants: [(String, OperationDeclaration)] = []
        for (media, encoding) in medias.dropFirst() {
            guard let requestBody = operation.requestBody else { break }
            let suffix = Self.mediaTypeSuffix(media.contentType)
            var variantNames = namesAfterPath
            let lowered = requestBodyArguments(media, encoding: encoding, required: requestBody.required, typePrefix: typePrefix + suffix,
                                               address: bodyAddress.appending(media.contentType), names: &variantNames)
            var variant = primary
            variant.body = lowered.body
            variant.arguments = pathArguments + lowered.arguments + parameters.map { parameter in
                var parameter = parameter
                parameter.swiftName = variantNames.unique(SwiftName.memberName(parameter.wireName))
                return parameter
            }
            variants.append((suffix, variant))
        }
        return (primary, variants)
    }

    /// The type of a body, parameter or header schema: inline types it needs (objects, enums) become top-level
    /// declarations named after `name`.
    func bodyType(_ schema: Schema, name: String) -> TypeUsage {
        var nested: [TypeDeclaration] = []
        var nestedNames = NameAllocator()
        let usage = schemas.usage(of: schema, hint: name, nested: &nested, nestedNames: &nestedNames)
        schemas.promote(nested)
        return usage
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

    /// What the method reads a success response's body as: JSON, else text, else bytes; the first stream when the
    /// response offers only streamed media types (``streamDeclarations(_:typePrefix:)``).
    func successBody(_ response: Response, typePrefix: String, suffix: String = "Response", streams: [StreamDeclaration]) -> SuccessDeclaration.Body {
        guard !response.content.isEmpty else { return .none }
        let whole = Self.wholeMedia(response.content)
        guard !whole.isEmpty else {
            let framing = response.content.lazy.compactMap { Self.streamFraming($0.contentType) }.first
            return streams.first { $0.framing == framing }.map { .stream($0) } ?? .binary
        }
        if let json = whole.first(where: { Self.isJSONMediaType($0.contentType) }) {
            guard let schema = json.schema else { return .json(.jsonValue) }
            return .json(bodyType(schema, name: typePrefix + suffix))
        }
        if whole.contains(where: { $0.contentType.lowercased().hasPrefix("text/") }) { return .text }
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
