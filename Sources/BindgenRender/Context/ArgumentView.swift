import BindgenIR

/// One argument of an operation's method (`arguments`, `queryArguments`, …, `pageArguments`): a path, query, header
/// or cookie parameter, the JSON or raw body, or a form field.
///
/// `isPageCursor` is present only in the operation's own lists, not in `pagination.pageArguments`.
final class ArgumentView: ContextObject, @unchecked Sendable {
    let context: TemplateContext
    let argument: ArgumentDeclaration
    let position: ContextPosition
    let isPageCursor: Bool?

    init(context: TemplateContext, argument: ArgumentDeclaration, position: ContextPosition, isPageCursor: Bool?) {
        self.context = context
        self.argument = argument
        self.position = position
        self.isPageCursor = isPageCursor
    }

    private var label: String { argument.label ?? argument.swiftName }

    private var arrayElement: TypeUsage? {
        if case .array(let element) = argument.type.unwrapped { element } else { nil }
    }

    private var mapValue: TypeUsage? {
        if case .dictionary(let value) = argument.type.unwrapped { value } else { nil }
    }

    private var isPlainScalar: Bool { arrayElement == nil && context.catalog.isScalar(argument.type) }
    private var isScalarArray: Bool { arrayElement.map(context.catalog.isScalar) ?? false }

    static let members = ContextMembers<ArgumentView>("argument", [
        "name": { SwiftSpelling.identifier($0.argument.swiftName) },
        "label": { $0.label == $0.argument.swiftName ? SwiftSpelling.identifier($0.argument.swiftName) : $0.label },
        "hasSeparateLabel": { $0.label != $0.argument.swiftName },
        "isUnlabeled": { $0.label == "_" },
        "caseLabel": { SwiftSpelling.identifier($0.argument.swiftName) },
        "wireName": { $0.argument.wireName },
        "wireNameLiteral": { SwiftSpelling.stringLiteral($0.argument.wireName) },
        "type": { SwiftSpelling.type($0.argument.type, in: $0.context.catalog) },
        "typeInfo": { TypeInfoView(context: $0.context, usage: $0.argument.type) },
        "isOptional": { $0.argument.type.isOptional },
        "isRequired": { $0.argument.required },
        "isArray": { $0.arrayElement != nil },
        "isFile": { $0.argument.type.unwrapped == .file || $0.arrayElement == .file },
        "explode": { $0.argument.explode },
        "isPath": { $0.argument.role == .path },
        "isQuery": { $0.argument.role == .query },
        "isHeader": { $0.argument.role == .header },
        "isCookie": { $0.argument.role == .cookie },
        "isJSONBody": { $0.argument.role == .jsonBody },
        "isFormPart": { $0.argument.role == .formPart },
        "isRawBody": { $0.argument.role == .rawBody },
        "isFirst": { $0.position.first },
        "isLast": { $0.position.last },
        "isBound": { $0.argument.role != .path },
        "isScalar": { view in
            // An array's own usage is never a scalar, so this is the plain scalar or the array of scalars.
            view.context.catalog.isScalar(view.argument.type) || view.isScalarArray
        },
        "isPlainScalar": { $0.isPlainScalar },
        "isScalarArray": { $0.isScalarArray },
        "queryStyle": { ["form", "spaceDelimited", "pipeDelimited", "deepObject"].contains($0.argument.style) ? $0.argument.style : "form" },
        "isFormValue": { $0.argument.role == .formValue },
        "isAdditionalParts": { $0.argument.role == .additionalParts },
        "isFileMap": { $0.mapValue == .file },
        "isScalarMap": { view in view.mapValue.map(view.context.catalog.isScalar) ?? false },
        "isPageCursor": { $0.isPageCursor },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}

/// An operation's request body (`body`; `false` when it has none): its media type and how it is encoded.
final class BodyView: ContextObject, @unchecked Sendable {
    let body: BodyDeclaration
    let arguments: [ArgumentDeclaration]

    init(body: BodyDeclaration, arguments: [ArgumentDeclaration]) {
        self.body = body
        self.arguments = arguments
    }

    static let members = ContextMembers<BodyView>("body", [
        "contentTypeLiteral": { SwiftSpelling.stringLiteral($0.body.contentType) },
        "isJSON": { $0.body.encoding == .json },
        "isMultipart": { $0.body.encoding == .multipart },
        "isFormURLEncoded": { $0.body.encoding == .formURLEncoded },
        "isBinary": { $0.body.encoding == .binary },
        "isText": { $0.body.encoding == .text },
        "isRequired": { $0.body.required },
        "argumentName": { view in
            view.arguments.first { $0.role == .jsonBody || $0.role == .rawBody }.map { SwiftSpelling.identifier($0.swiftName) } ?? "body"
        },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}

/// What an operation's `all…` method needs to walk its pages (`pagination`; `false` when it does not page).
final class PaginationView: ContextObject, @unchecked Sendable {
    let context: TemplateContext
    let operation: OperationDeclaration
    let pagination: PaginationDeclaration

    init(context: TemplateContext, operation: OperationDeclaration, pagination: PaginationDeclaration) {
        self.context = context
        self.operation = operation
        self.pagination = pagination
    }

    static let members = ContextMembers<PaginationView>("pagination", [
        "methodName": { SwiftSpelling.identifier($0.pagination.methodName) },
        "pageType": { SwiftSpelling.type(.generated($0.pagination.pageType), in: $0.context.catalog) },
        "elementType": { SwiftSpelling.type($0.pagination.element, in: $0.context.catalog) },
        "pageArguments": { view in
            let context = view.context
            let kept = view.operation.arguments.filter { $0.swiftName != view.pagination.cursorArgument }
            return ContextList.positioned(count: kept.count) { ArgumentView(context: context, argument: kept[$0], position: $1, isPageCursor: nil) }
        },
        "cursorArgumentName": { SwiftSpelling.identifier($0.pagination.cursorArgument) },
        "itemsMember": { SwiftSpelling.memberReference($0.pagination.itemsMember) },
        "itemsIsOptional": { $0.pagination.itemsIsOptional },
        "nextCursorMember": { SwiftSpelling.memberReference($0.pagination.nextCursorMember) },
        "hasMoreMember": { $0.pagination.hasMoreMember.map(SwiftSpelling.memberReference) ?? "" },
        "hasHasMore": { $0.pagination.hasMoreMember != nil },
        "hasMoreIsOptional": { $0.pagination.hasMoreIsOptional },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}
