public import BindgenDiagnostics
public import OpenAPIModel

/// Lowers a parsed document into the ``RenderModel`` the templates render.
///
/// Deterministic: names are handed out in document order, so the same document gives the same model.
public enum Lowering {
    /// - Parameters:
    ///   - formatTypes: Types for schema formats that replace the built-in mapping (`typeOverrides.formats`).
    ///   - schemaNames: `names.schemas`: Swift names chosen for schemas (by component name or generated name).
    ///   - schemaTypes: `typeOverrides.schemas`: existing types that replace schemas, which are then not declared.
    ///   - operationNames: `names.operations`: method names chosen for operations (by `operationId` or generated name).
    public static func lower(_ document: OpenAPIDocument, diagnostics: DiagnosticCollector,
                             formatTypes: [String: TypeUsage] = [:], schemaNames: [ConfiguredMapping] = [],
                             schemaTypes: [ConfiguredMapping] = [], operationNames: [ConfiguredMapping] = []) -> RenderModel {
        let namer = TypeNamer(document: document, names: schemaNames, typeOverrides: schemaTypes, diagnostics: diagnostics)
        let schemas = SchemaLowering(document: document, diagnostics: diagnostics, formatTypes: formatTypes, namer: namer)
        var types = schemas.namedDeclarations()
        let (operations, headerTypes) = OperationLowering(schemas: schemas, diagnostics: diagnostics, configuredNames: operationNames)
            .lower(document.operations)
        let webhooks = WebhookLowering.lower(document.webhooks, schemas: schemas, diagnostics: diagnostics)
        CallbackLowering.lower(document.operations, schemas: schemas)
        types += schemas.extraDeclarations
        schemas.flushUnrepresented()
        types = IndirectionPass.apply(types)
        namer.checkNested(types, diagnostics: diagnostics)

        var authentication = RenderModel.Authentication.none
        if let scheme = document.securitySchemes.first {
            switch (scheme.type.lowercased(), scheme.scheme?.lowercased()) {
            case ("http", "bearer"), ("oauth2", _), ("openidconnect", _): authentication = .bearer
            case ("http", "basic"): authentication = .basic
            case ("apikey", _): authentication = .apiKey(name: scheme.parameterName ?? "", location: scheme.parameterLocation ?? "header")
            default: break
            }
        }
        let servers = document.servers.map { server in
            var url = server.url
            for variable in server.variables {
                url = url.replacingOccurrences(of: "{\(variable.name)}", with: variable.defaultValue)
            }
            return RenderModel.Server(url: url, description: server.description)
        }
        return RenderModel(
            title: document.info.title, apiVersion: document.info.version, openAPIVersion: document.version,
            sourceFile: document.rootFile, documentation: document.info.description.map(Documentation.split) ?? [],
            servers: servers, types: types, operations: operations, webhooks: webhooks, authentication: authentication,
            tags: TagLowering.tags(of: operations), responseHeaderTypes: headerTypes)
    }
}

/// Callback payloads (OpenAPI 3.x §4.8.18) become models: the JSON request body schema of every callback operation,
/// named `<operation><callback><method>Payload` when it is inline (a `$ref` names its component's type). The client
/// sends no callback requests, so nothing else is generated for them.
enum CallbackLowering {
    static func lower(_ operations: [Operation], schemas: SchemaLowering) {
        for operation in operations {
            let owner = operation.operationID ?? (operation.method.lowercased() + " " + operation.path)
            for callback in operation.callbacks {
                lower(callback.operations, schemas: schemas)
                for callbackOperation in callback.operations {
                    let body = callbackOperation.requestBody
                    guard let media = body?.content.first(where: { $0.contentType.contains("json") }) ?? body?.content.first,
                          let schema = media.schema else { continue }
                    var nested: [TypeDeclaration] = []
                    var nestedNames = NameAllocator()
                    let hint = SwiftName.typeName(owner + " " + callback.name + " " + callbackOperation.method.lowercased()) + "Payload"
                    let usage = schemas.usage(of: schema, hint: hint, nested: &nested, nestedNames: &nestedNames)
                    _ = usage
                    schemas.promote(nested)
                }
            }
        }
    }
}
