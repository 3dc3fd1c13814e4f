import BindgenIR

/// Options that shape the context (from the configuration file).
public struct RenderOptions: Sendable {
    public var accessModifier: String
    public var additionalImports: [String]
    public var unknownEnumCases: Bool

    public init(accessModifier: String = "public", additionalImports: [String] = [], unknownEnumCases: Bool = true) {
        self.accessModifier = accessModifier
        self.additionalImports = additionalImports
        self.unknownEnumCases = unknownEnumCases
    }
}

/// Builds the template context: plain dictionaries, arrays, strings and booleans, so that
/// `dump-context` can print exactly what templates see as JSON. Keys are listed in the Custom Templates article.
public struct TemplateContext {
    public let model: RenderModel
    public let options: RenderOptions

    /// Named types that go into paths, queries, headers and form fields as text (enums, aliases of scalars).
    let scalarTypeNames: Set<String>

    public init(model: RenderModel, options: RenderOptions) {
        self.model = model
        self.options = options
        var scalars: Set<String> = []
        func visit(_ declaration: TypeDeclaration) {
            switch declaration.kind {
            case .stringEnum, .integerEnum: scalars.insert(declaration.name)
            case .alias(let usage) where Self.isScalar(usage, named: []): scalars.insert(declaration.name)
            default: break
            }
            declaration.nested.forEach(visit)
        }
        model.types.forEach(visit)
        scalarTypeNames = scalars
    }

    /// Whether a usage is sent as text (`ParameterValue`).
    static func isScalar(_ usage: TypeUsage, named: Set<String>) -> Bool {
        switch usage.unwrapped {
        case .string, .integer, .double, .float, .bool, .date, .url, .uuid: true
        case .named(let name): named.contains(name)
        default: false
        }
    }

    /// The document-scope context.
    public func document() -> [String: Any] {
        let servers = model.servers.enumerated().map { index, server -> [String: Any] in
            ["url": server.url, "urlLiteral": SwiftSpelling.stringLiteral(server.url), "description": server.description ?? "",
             "isFirst": index == 0]
        }
        var auth: [String: Any] = ["isBearer": false, "isBasic": false, "isAPIKey": false, "isNone": false]
        switch model.authentication {
        case .none: auth["isNone"] = true
        case .bearer: auth["isBearer"] = true
        case .basic: auth["isBasic"] = true
        case .apiKey(let name, let location):
            auth["isAPIKey"] = true
            auth["apiKeyNameLiteral"] = SwiftSpelling.stringLiteral(name)
            auth["apiKeyLocation"] = location
        }
        let webhooks = model.webhooks.enumerated().map { index, hook -> [String: Any] in
            var entry: [String: Any] = [
                "name": hook.name, "nameLiteral": SwiftSpelling.stringLiteral(hook.name),
                "caseName": SwiftSpelling.identifier(hook.swiftName), "caseReference": SwiftSpelling.memberReference(hook.swiftName),
                "docLines": SwiftSpelling.docComment(hook.documentation.isEmpty ? ["`\(hook.name)`"] : hook.documentation + ["", "Event type `\(hook.name)`."]),
                "hasPayload": hook.payload != nil, "isLast": index == model.webhooks.count - 1,
            ]
            if let payload = hook.payload { entry["payloadType"] = SwiftSpelling.type(payload) }
            return entry
        }
        let defaultServer = model.servers.first?.url ?? "http://localhost"
        return [
            "contractVersion": RenderModel.contractVersion,
            "accessModifier": options.accessModifier,
            "title": model.title,
            "apiVersion": model.apiVersion,
            "openAPIVersion": model.openAPIVersion,
            "sourceFile": model.sourceFile.split(separator: "/").last.map(String.init) ?? model.sourceFile,
            "titleText": SwiftSpelling.singleLine(model.title),
            "apiVersionText": SwiftSpelling.singleLine(model.apiVersion),
            "docLines": SwiftSpelling.docComment(model.documentation),
            "imports": ["Foundation", "BindgenRuntime"] + options.additionalImports,
            "servers": servers,
            "defaultServerURLLiteral": SwiftSpelling.stringLiteral(defaultServer),
            "auth": auth,
            "schemas": model.types.map(type),
            "operations": model.operations.map(operation),
            "webhooks": webhooks,
            "hasWebhooks": !webhooks.isEmpty,
            "unknownEnumCases": options.unknownEnumCases,
        ]
    }

    /// The schema-scope context of one declaration (nested declarations included under `nested`).
    public func type(_ declaration: TypeDeclaration) -> [String: Any] {
        var docs = declaration.documentation
        if !docs.isEmpty { docs.append("") }
        docs.append("- Remark: Generated from `\(declaration.sourcePointer)`.")
        var context: [String: Any] = [
            "name": SwiftSpelling.identifier(declaration.name),
            "sourcePointer": declaration.sourcePointer,
            "docLines": SwiftSpelling.docComment(docs),
            "isDeprecated": declaration.deprecated,
            "isStruct": false, "isStringEnum": false, "isIntegerEnum": false, "isAlias": false,
            "nested": declaration.nested.map(type),
            "hasNested": !declaration.nested.isEmpty,
        ]
        switch declaration.kind {
        case .structure(let properties):
            context["isStruct"] = true
            context["conformances"] = "Codable, Hashable, Sendable"
            context["hasProperties"] = !properties.isEmpty
            context["properties"] = properties.enumerated().map { index, property -> [String: Any] in
                var lines = property.documentation
                if property.readOnly { lines += (lines.isEmpty ? [] : [""]) + ["Read-only: set by the server, ignored in requests."] }
                if property.writeOnly { lines += (lines.isEmpty ? [] : [""]) + ["Write-only: sent in requests, never returned."] }
                return [
                    "name": SwiftSpelling.identifier(property.swiftName),
                    "memberReference": SwiftSpelling.memberReference(property.swiftName),
                    "jsonName": property.jsonName,
                    "jsonNameLiteral": SwiftSpelling.stringLiteral(property.jsonName),
                    "codingKeyNeedsRawValue": property.jsonName != property.swiftName,
                    "type": SwiftSpelling.type(property.type),
                    "isOptional": property.type.isOptional,
                    "isRequired": property.required,
                    "docLines": SwiftSpelling.docComment(lines),
                    "isDeprecated": property.deprecated,
                    "isLast": index == properties.count - 1,
                ]
            }
        case .stringEnum(let cases), .integerEnum(let cases):
            let isString: Bool
            if case .stringEnum = declaration.kind { isString = true } else { isString = false }
            context[isString ? "isStringEnum" : "isIntegerEnum"] = true
            context["rawType"] = isString ? "Swift.String" : "Swift.Int"
            context["cases"] = cases.enumerated().map { index, item -> [String: Any] in
                [
                    "name": SwiftSpelling.identifier(item.swiftName),
                    "reference": SwiftSpelling.memberReference(item.swiftName),
                    "rawValue": item.rawValue,
                    "rawLiteral": isString ? SwiftSpelling.stringLiteral(item.rawValue) : item.rawValue,
                    "isLast": index == cases.count - 1,
                ]
            }
        case .alias(let usage):
            context["isAlias"] = true
            context["aliasedType"] = SwiftSpelling.type(usage)
        }
        return context
    }
}
