import YAMLSource

extension DocumentParser {
    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// Parses a path item (or a webhook's path item) into its operations, in the order of `methods`.
    func parsePathItem(_ raw: YAMLNode, path: String, address: NodeAddress) -> [Operation] {
        guard let (item, file) = resolvedWithAddress(raw, file: address.file) else { return [] }
        guard item.entries != nil else {
            diagnostics.error("the path item of '\(path)' must be a mapping", at: item.location)
            return []
        }
        let shared = parseParameters(item["parameters"], file: file)
        var operations: [Operation] = []
        for method in Self.methods {
            guard let raw = item[method] else { continue }
            guard raw.entries != nil else {
                diagnostics.error("the '\(method)' operation of '\(path)' must be a mapping", at: raw.location)
                continue
            }
            // OpenAPI 3.x lets a path item be a `$ref`, not an operation; documents split over many files (DigitalOcean's)
            // still write `get: {$ref: file.yml}`. The reference is followed, with a warning, rather than leaving an
            // operation without parameters or responses.
            var node = raw
            var operationFile = file
            if let ref = raw["$ref"], let text = ref.scalar {
                guard let (target, targetFile) = resolvedWithAddress(raw, file: file) else { continue }
                guard target.entries != nil else {
                    diagnostics.error("the '\(method)' operation of '\(path)' must be a mapping", at: target.location)
                    continue
                }
                referencedOperations.append((text, ref.location))
                node = target
                operationFile = targetFile
            }
            let file = operationFile
            let own = parseParameters(node["parameters"], file: file)
            // Operation-level parameters replace path-level ones with the same name and location.
            var merged = shared.filter { p in !own.contains { $0.name == p.name && $0.location == p.location } }
            merged += own
            let opAddress = address.appending(method)
            var operation = Operation(
                method: method.uppercased(), path: path, operationID: node["operationId"]?.scalar,
                summary: node["summary"]?.scalar, description: node["description"]?.scalar,
                tags: node["tags"]?.sequence?.compactMap(\.scalar) ?? [],
                parameters: merged,
                requestBody: node["requestBody"].flatMap { parseRequestBody($0, file: file, address: opAddress.appending("requestBody")) },
                responses: parseResponses(node["responses"], file: file, address: opAddress.appending("responses")),
                deprecated: node["deprecated"]?.boolValue ?? false,
                location: node.location, address: opAddress)
            operation.callbacks = parseCallbacks(node["callbacks"], file: file, address: opAddress.appending("callbacks"))
            operations.append(operation)
        }
        return operations
    }

    /// Parses an operation's `callbacks`: name → (possibly `$ref`) callback object → expression → path item.
    func parseCallbacks(_ node: YAMLNode?, file: String, address: NodeAddress) -> [Callback] {
        guard let entries = node?.entries else { return [] }
        var callbacks: [Callback] = []
        for entry in entries {
            guard let name = entry.key.scalar, let (callback, callbackFile) = resolvedWithAddress(entry.value, file: file) else { continue }
            for item in callback.entries ?? [] {
                guard let expression = item.key.scalar, !expression.hasPrefix("x-") else { continue }
                // The pointer follows the operation (`…/callbacks/onData/{$request…}`); relative `$ref`s resolve from
                // the file the callback object is in.
                let pointer = address.appending(name).appending(expression)
                let operations = parsePathItem(item.value, path: expression, address: NodeAddress(file: callbackFile, tokens: pointer.tokens))
                callbacks.append(Callback(name: name, expression: expression, operations: operations))
            }
        }
        return callbacks
    }

    func parseParameters(_ node: YAMLNode?, file: String) -> [Parameter] {
        guard let node else { return [] }
        if node.isNull && node.isPlainScalar {
            diagnostics.warning("'parameters' is empty (null); treated as no parameters", at: node.location)
            return []
        }
        guard let items = node.sequence else {
            diagnostics.error("'parameters' must be a list", at: node.location)
            return []
        }
        return items.compactMap { raw -> Parameter? in
            guard let (param, paramFile) = resolvedWithAddress(raw, file: file) else { return nil }
            guard let name = param["name"]?.scalar else {
                diagnostics.error("a parameter needs a 'name'", at: param.location)
                return nil
            }
            guard let inText = param["in"]?.scalar, let location = ParameterLocation(rawValue: inText) else {
                diagnostics.error("parameter '\(name)' needs 'in' to be one of path, query, header, cookie", at: (param["in"] ?? param).location)
                return nil
            }
            let address = NodeAddress(file: paramFile, tokens: [])  // parameters are not addressed individually
            var schemaNode = param["schema"]
            if schemaNode == nil, let content = param["content"]?.entries?.first {
                schemaNode = content.value["schema"]
            }
            let schema = schemaNode.map { self.schema($0, at: address.appending("schema"), file: paramFile) }
            return Parameter(
                name: name, location: location,
                required: location == .path ? true : (param["required"]?.boolValue ?? false),
                description: param["description"]?.scalar, deprecated: param["deprecated"]?.boolValue ?? false,
                schema: schema, style: param["style"]?.scalar, explode: param["explode"]?.boolValue,
                sourceLocation: param.location)
        }
    }

    func parseRequestBody(_ raw: YAMLNode, file: String, address: NodeAddress) -> RequestBody? {
        guard let (body, bodyFile) = resolvedWithAddress(raw, file: file) else { return nil }
        return RequestBody(
            description: body["description"]?.scalar, required: body["required"]?.boolValue ?? false,
            content: parseContent(body["content"], file: bodyFile, address: address.appending("content")),
            location: body.location)
    }

    func parseContent(_ node: YAMLNode?, file: String, address: NodeAddress) -> [MediaType] {
        (node?.entries ?? []).compactMap { entry -> MediaType? in
            guard let contentType = entry.key.scalar else { return nil }
            let mediaAddress = address.appending(contentType)
            let schema = entry.value["schema"].map { self.schema($0, at: mediaAddress.appending("schema"), file: file) }
            let encoding = (entry.value["encoding"]?.entries ?? []).compactMap { e -> (String, String?)? in
                guard let name = e.key.scalar else { return nil }
                return (name, e.value["contentType"]?.scalar)
            }
            var media = MediaType(contentType: contentType, schema: schema, encoding: encoding, location: entry.key.location)
            media.itemSchema = entry.value["itemSchema"].map { self.schema($0, at: mediaAddress.appending("itemSchema"), file: file) }
            return media
        }
    }

    func parseResponses(_ node: YAMLNode?, file: String, address: NodeAddress) -> [Response] {
        guard let node else { return [] }
        return (node.entries ?? []).compactMap { entry -> Response? in
            guard var status = entry.key.scalar else { return nil }
            if status.hasPrefix("x-") { return nil }
            if status.count == 3, status.hasSuffix("xx"), let first = status.first, ("1"..."5").contains(first) {
                tolerated.record(
                    "lowercase-status-range",
                    "status range '\(status)' at \(address.appending(status).fragment) is written in lowercase; OpenAPI "
                        + "spells ranges '\(first)XX' (uppercase), and it is read as '\(first)XX'",
                    at: entry.key.location)
                status = "\(first)XX"
            }
            guard let (response, responseFile) = resolvedWithAddress(entry.value, file: file) else { return nil }
            let headers = (response["headers"]?.entries ?? []).compactMap { h -> Header? in
                guard let name = h.key.scalar, let (header, headerFile) = resolvedWithAddress(h.value, file: responseFile) else { return nil }
                return Header(
                    name: name, description: header["description"]?.scalar, required: header["required"]?.boolValue ?? false,
                    schema: header["schema"].map { self.schema($0, at: NodeAddress(file: headerFile, tokens: ["schema"]), file: headerFile) })
            }
            return Response(
                statusCode: status, description: response["description"]?.scalar, headers: headers,
                content: parseContent(response["content"], file: responseFile, address: address.appending(status).appending("content")),
                location: entry.key.location)
        }
    }
}
