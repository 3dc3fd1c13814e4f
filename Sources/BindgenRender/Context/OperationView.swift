import BindgenIR

/// The operation scope: one client method and `Endpoint` case, with its arguments, request body, success responses,
/// response headers and the facts its documentation comment is written from (`operationDocComment.mustache`).
final class OperationView: ContextObject, @unchecked Sendable {
    let context: TemplateContext
    let operation: OperationDeclaration
    let position: ContextPosition?

    init(context: TemplateContext, operation: OperationDeclaration, position: ContextPosition?) {
        self.context = context
        self.operation = operation
        self.position = position
    }

    /// The arguments, each with `isPageCursor`; `include` picks which (the `…Arguments` lists keep the place each
    /// argument has among all of them).
    func arguments(_ include: (ArgumentView) -> Bool = { _ in true }) -> ContextList {
        let (context, arguments, cursor) = (context, operation.arguments, operation.pagination?.cursorArgument)
        let views = arguments.enumerated().map { index, argument in
            ArgumentView(
                context: context, argument: argument, position: ContextPosition(first: index == 0, last: index == arguments.count - 1),
                isPageCursor: argument.swiftName == cursor)
        }
        return ContextList(views.filter(include))
    }

    /// The Swift type the method returns (empty for none), and the JSON usage behind it.
    var returnType: (text: String, json: TypeUsage?) {
        var text = ""
        var json: TypeUsage?
        switch operation.success.body {
        case .none: break
        case .json(let usage):
            json = usage
            text = SwiftSpelling.type(usage, in: context.catalog)
        case .binary: text = SwiftSpelling.type(.data, in: context.catalog)
        case .text: text = SwiftSpelling.type(.string, in: context.catalog)
        case .stream(let stream): text = StreamView.returnType(stream, in: context)
        }
        switch operation.success.shape {
        case .single: break
        case .optional: text += "?"
        case .perStatus(let typeName): text = SwiftSpelling.identifier(typeName)
        }
        return (text, json)
    }

    var outputTypeName: String {
        if case .perStatus(let typeName) = operation.success.shape { SwiftSpelling.identifier(typeName) } else { "" }
    }

    static let members = ContextMembers<OperationView>("operation", [
        "name": { SwiftSpelling.identifier($0.operation.swiftName) },
        "caseReference": { SwiftSpelling.memberReference($0.operation.swiftName) },
        "operationID": { $0.operation.operationID },
        "operationIDLiteral": { SwiftSpelling.stringLiteral($0.operation.operationID) },
        "method": { $0.operation.method },
        "methodReference": { $0.operation.method.lowercased() },
        "pathTemplate": { $0.operation.pathTemplate },
        "pathTemplateLiteral": { SwiftSpelling.stringLiteral($0.operation.pathTemplate) },
        "pathComponents": { view in
            let components = view.operation.pathComponents
            return ContextList.positioned(count: components.count) { PathComponentView(component: components[$0], position: $1) }
        },
        "sourcePointer": { $0.operation.sourcePointer },
        "tags": { $0.operation.tags },
        "firstTag": { $0.operation.tags.first ?? "" },
        "summary": { $0.operation.summary ?? "" },
        "docLines": { SwiftSpelling.docComment($0.operation.documentation) },
        "hasDocumentation": { !$0.operation.documentation.isEmpty },
        "pathTemplateText": { SwiftSpelling.commentText($0.operation.pathTemplate) },
        "operationIDText": { SwiftSpelling.commentText($0.operation.operationID) },
        "sourcePointerText": { SwiftSpelling.commentText($0.operation.sourcePointer) },
        "requestContentTypeText": { SwiftSpelling.commentText($0.operation.body?.contentType ?? "") },
        "bodyAlternatives": { view in
            let alternatives = view.operation.body == nil ? [] : view.operation.bodyAlternatives
            return ContextList.positioned(count: alternatives.count) {
                BodyAlternativeView(name: alternatives[$0].swiftName, contentType: alternatives[$0].contentType, position: $1)
            }
        },
        "hasBodyAlternatives": { $0.operation.body != nil && !$0.operation.bodyAlternatives.isEmpty },
        "documentedArguments": { view in
            ContextList(view.operation.arguments.filter { !$0.documentation.isEmpty }.map(DocumentedArgumentView.init))
        },
        "hasDocumentedArguments": { $0.operation.arguments.contains { !$0.documentation.isEmpty } },
        "successDescriptionText": { SwiftSpelling.commentText($0.operation.success.description ?? "") },
        "hasSuccessDescription": { $0.operation.success.description != nil },
        "successStatusList": { SwiftSpelling.commentText($0.operation.success.statuses.joined(separator: ", ")) },
        "bodyStatusList": { view in
            SwiftSpelling.commentText(view.operation.success.responses.filter { $0.body != .none }.map(\.status).joined(separator: ", "))
        },
        "bodilessStatusList": { view in
            SwiftSpelling.commentText(view.operation.success.responses.filter { $0.body == .none }.map(\.status).joined(separator: ", "))
        },
        "documentedErrors": { view in
            let errors = view.operation.errorResponses.filter { $0.status != "429" }
            return ContextList.positioned(count: errors.count) {
                DocumentedErrorView(status: errors[$0].status, description: errors[$0].description, position: $1)
            }
        },
        "hasDocumentedErrors": { $0.operation.errorResponses.contains { $0.status != "429" } },
        "isDeprecated": { $0.operation.deprecated },
        "arguments": { $0.arguments() },
        "hasArguments": { !$0.operation.arguments.isEmpty },
        "hasPathArguments": { $0.operation.arguments.contains { $0.role == .path } },
        "hasBoundArguments": { $0.operation.arguments.contains { $0.role != .path } },
        "caseSummary": { SwiftSpelling.singleLine($0.operation.summary ?? "`\($0.operation.method) \($0.operation.pathTemplate)`") },
        "queryArguments": { $0.arguments { $0.argument.role == .query } },
        "headerArguments": { $0.arguments { $0.argument.role == .header } },
        "cookieArguments": { $0.arguments { $0.argument.role == .cookie } },
        "partArguments": { view in
            view.arguments { [.formPart, .formValue, .additionalParts].contains($0.argument.role) }
        },
        "successStatuses": { view in
            let statuses = view.operation.success.statuses.isEmpty ? ["2XX"] : view.operation.success.statuses
            return ContextList.positioned(count: statuses.count) { SuccessStatusView(status: statuses[$0], position: $1) }
        },
        "returnType": { $0.returnType.text },
        "returnTypeInfo": { view in view.returnType.json.map { TypeInfoView(context: view.context, usage: $0) } ?? false },
        "hasReturnValue": { !$0.returnType.text.isEmpty },
        "returnKind": { PayloadKindView(body: $0.operation.success.body) },
        "returnStream": { view -> Any in
            if case .stream(let stream) = view.operation.success.body { return StreamView(context: view.context, stream: stream) }
            return false
        },
        "streams": { view in ContextList(view.operation.streams.map { StreamView(context: view.context, stream: $0) }) },
        "acceptLiteral": { view in
            let accept = view.operation.acceptedContentTypes.joined(separator: ", ")
            return SwiftSpelling.stringLiteral(accept.isEmpty ? "*/*" : accept)
        },
        "hasBody": { $0.operation.body != nil },
        "body": { view in view.operation.body.map { BodyView(body: $0, arguments: view.operation.arguments) } ?? false },
        "isFirst": { $0.position?.first },
        "isLast": { $0.position?.last },
        "isDefaultCase": { view in
            let operations = view.context.model.operations
            return operations.count > OperationView.exhaustiveSwitchLimit && view.operation.swiftName == operations.last?.swiftName
        },
        "returnTypeOrVoid": { view in view.returnType.text.isEmpty ? "Swift.Void" : view.returnType.text },
        "isSingleReturn": { $0.operation.success.shape == .single },
        "isOptionalReturn": { $0.operation.success.shape == .optional },
        "isOutputReturn": { !$0.outputTypeName.isEmpty },
        "outputTypeName": { $0.outputTypeName },
        "successResponses": { view in
            let (context, responses) = (view.context, view.operation.success.responses)
            return ContextList.positioned(count: responses.count) { SuccessResponseView(context: context, response: responses[$0], position: $1) }
        },
        "responseHeaders": { view in
            let (context, headers) = (view.context, view.operation.responseHeaders)
            return ContextList.positioned(count: headers.count) { ResponseHeaderView(context: context, header: headers[$0], position: $1) }
        },
        "hasResponseHeaders": { !$0.operation.responseHeaders.isEmpty },
        "responseHeadersTypeName": { $0.operation.responseHeadersTypeName.map(SwiftSpelling.identifier) ?? "" },
        "isMediaTypeVariant": { $0.operation.primaryName != nil },
        "primaryName": { $0.operation.primaryName.map(SwiftSpelling.identifier) ?? "" },
        "requestContentType": { $0.operation.body?.contentType ?? "" },
        "pagination": { view in
            view.operation.pagination.map { PaginationView(context: view.context, operation: view.operation, pagination: $0) } ?? false
        },
    ])

    /// Above this many cases, a `switch` over `Endpoint` spells its last case `default:`: Swift's exhaustiveness
    /// check gives up at about 600 ("unable to check that this switch is exhaustive in reasonable time").
    static let exhaustiveSwitchLimit = 500

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}
