import BindgenIR

/// The document scope: the API's title, servers, authentication, and the lists of schemas, operations, tags and
/// webhooks. `schemas` holds one part's top-level schemas when `Types.swift` is split (`schemasPart` of
/// `schemasParts`).
final class DocumentView: ContextObject, @unchecked Sendable {
    let context: TemplateContext
    let schemas: Range<Int>
    let part: Int
    let parts: Int

    init(context: TemplateContext, schemas: Range<Int>, part: Int, parts: Int) {
        self.context = context
        self.schemas = schemas
        self.part = part
        self.parts = parts
    }

    /// The same document with `schemas` narrowed to one part of a split output.
    func part(_ part: Int, of parts: Int, schemas: Range<Int>) -> DocumentView {
        DocumentView(context: context, schemas: schemas, part: part, parts: parts)
    }

    var model: RenderModel { context.model }

    static let members = ContextMembers<DocumentView>("document", [
        "contractVersion": { _ in ContextContract.version },
        "accessModifier": { $0.context.options.accessModifier },
        "title": { $0.model.title },
        "apiVersion": { $0.model.apiVersion },
        "openAPIVersion": { $0.model.openAPIVersion },
        "sourceFile": { $0.model.sourceFile.split(separator: "/").last.map(String.init) ?? $0.model.sourceFile },
        "titleText": { SwiftSpelling.singleLine($0.model.title) },
        "apiVersionText": { SwiftSpelling.singleLine($0.model.apiVersion) },
        "docLines": { SwiftSpelling.docComment($0.model.documentation) },
        "imports": { ["Foundation", "BindgenRuntime"] + $0.context.options.additionalImports },
        "additionalImports": { $0.context.options.additionalImports },
        "servers": { view in
            let servers = view.model.servers
            return ContextList.positioned(count: servers.count) { ServerView(server: servers[$0], position: $1) }
        },
        "defaultServerURLLiteral": { SwiftSpelling.stringLiteral($0.model.servers.first?.url ?? "http://localhost") },
        "auth": { AuthView(authentication: $0.model.authentication) },
        "schemas": { view in
            let (context, range) = (view.context, view.schemas)
            return ContextList.positioned(count: range.count) { index, position in
                SchemaView(context: context, declaration: context.model.types[range.lowerBound + index], parents: [], position: position)
            }
        },
        "hasSchemas": { !$0.schemas.isEmpty },
        "schemasPart": { $0.part },
        "schemasParts": { $0.parts },
        "operations": { view in
            let context = view.context
            return ContextList.positioned(count: context.model.operations.count) { index, position in
                OperationView(context: context, operation: context.model.operations[index], position: position)
            }
        },
        "hasOperations": { !$0.model.operations.isEmpty },
        "hasPagination": { $0.model.operations.contains { $0.pagination != nil } },
        "tags": { view in
            let context = view.context
            return ContextList.positioned(count: context.model.tags.count) { TagView(context: context, group: context.model.tags[$0], position: $1) }
        },
        "hasTags": { !$0.context.model.tags.isEmpty },
        "webhooks": { view in
            let context = view.context
            return ContextList.positioned(count: context.model.webhooks.count) { index, position in
                WebhookView(context: context, webhook: context.model.webhooks[index], position: position)
            }
        },
        "hasWebhooks": { !$0.model.webhooks.isEmpty },
        "responseHeaderTypes": { view in
            let context = view.context
            return ContextList.positioned(count: context.model.responseHeaderTypes.count) {
                ResponseHeaderTypeView(context: context, type: context.model.responseHeaderTypes[$0], position: $1)
            }
        },
        "unknownEnumCases": { $0.context.options.unknownEnumCases },
        "modelConformances": { (["Codable"] + $0.context.options.modelConformances + ["Sendable"]).joined(separator: ", ") },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}

/// One entry of the document's `servers`.
final class ServerView: ContextObject, @unchecked Sendable {
    let server: RenderModel.Server
    let position: ContextPosition

    init(server: RenderModel.Server, position: ContextPosition) {
        self.server = server
        self.position = position
    }

    static let members = ContextMembers<ServerView>("server", [
        "url": { $0.server.url },
        "urlLiteral": { SwiftSpelling.stringLiteral($0.server.url) },
        "description": { $0.server.description ?? "" },
        "isFirst": { $0.position.first },
        "isLast": { $0.position.last },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}

/// The document's `auth`: which scheme the client applies.
final class AuthView: ContextObject, @unchecked Sendable {
    let authentication: RenderModel.Authentication

    init(authentication: RenderModel.Authentication) {
        self.authentication = authentication
    }

    private var apiKey: (name: String, location: String)? {
        if case .apiKey(let name, let location) = authentication { (name, location) } else { nil }
    }

    static let members = ContextMembers<AuthView>("auth", [
        "isBearer": { if case .bearer = $0.authentication { true } else { false } },
        "isBasic": { if case .basic = $0.authentication { true } else { false } },
        "isAPIKey": { $0.apiKey != nil },
        "isNone": { if case .none = $0.authentication { true } else { false } },
        "apiKeyNameLiteral": { $0.apiKey.map { SwiftSpelling.stringLiteral($0.name) } ?? "" },
        "apiKeyLocation": { $0.apiKey?.location ?? "" },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}
