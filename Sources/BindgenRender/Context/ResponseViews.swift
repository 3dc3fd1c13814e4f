import BindgenIR

/// One success response of an operation (`successResponses`): its status, the case of the per-status output enum,
/// and its payload.
final class SuccessResponseView: ContextObject, @unchecked Sendable {
    let context: TemplateContext
    let response: SuccessDeclaration.Response
    let position: ContextPosition

    init(context: TemplateContext, response: SuccessDeclaration.Response, position: ContextPosition) {
        self.context = context
        self.response = response
        self.position = position
    }

    private var payloadType: String {
        switch response.body {
        case .none: ""
        case .json(let usage): SwiftSpelling.type(usage, in: context.catalog)
        case .binary: SwiftSpelling.type(.data, in: context.catalog)
        case .text: SwiftSpelling.type(.string, in: context.catalog)
        case .stream(let stream): StreamView.returnType(stream, in: context)
        }
    }

    static let members = ContextMembers<SuccessResponseView>("successResponse", [
        "status": { $0.response.status },
        "pattern": { view -> String in
            if let code = Int(view.response.status) { return String(code) }
            let first = view.response.status.first?.wholeNumberValue ?? 2
            return "\(first * 100)..<\(first * 100 + 100)"
        },
        "caseName": { SwiftSpelling.identifier($0.response.caseName) },
        "caseReference": { SwiftSpelling.memberReference($0.response.caseName) },
        "payloadType": { $0.payloadType },
        "hasPayload": { !$0.payloadType.isEmpty },
        "payloadKind": { PayloadKindView(body: $0.response.body) },
        "summaryLine": { SwiftSpelling.singleLine("`\($0.response.status)`" + ($0.response.description.map { ": \($0)" } ?? "")) },
        "isFirst": { $0.position.first },
        "isLast": { $0.position.last },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}

/// What a response body is read as (`returnKind`, `payloadKind`): JSON, bytes, text, a stream or nothing.
final class PayloadKindView: ContextObject, @unchecked Sendable {
    let body: SuccessDeclaration.Body

    init(body: SuccessDeclaration.Body) {
        self.body = body
    }

    static let members = ContextMembers<PayloadKindView>("payloadKind", [
        "isJSON": { if case .json = $0.body { true } else { false } },
        "isBinary": { $0.body == .binary },
        "isText": { $0.body == .text },
        "isNone": { $0.body == .none },
        "isStream": { if case .stream = $0.body { true } else { false } },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}

/// One header of an operation's success responses (`responseHeaders`).
final class ResponseHeaderView: ContextObject, @unchecked Sendable {
    let context: TemplateContext
    let header: ResponseHeaderDeclaration
    let position: ContextPosition

    init(context: TemplateContext, header: ResponseHeaderDeclaration, position: ContextPosition) {
        self.context = context
        self.header = header
        self.position = position
    }

    static let members = ContextMembers<ResponseHeaderView>("responseHeader", [
        "name": { SwiftSpelling.identifier($0.header.swiftName) },
        "memberReference": { SwiftSpelling.memberReference($0.header.swiftName) },
        "wireName": { $0.header.wireName },
        "wireNameLiteral": { SwiftSpelling.stringLiteral($0.header.wireName) },
        "wireNameText": { SwiftSpelling.commentText($0.header.wireName) },
        "type": { SwiftSpelling.type($0.header.type, in: $0.context.catalog) },
        "docLines": { SwiftSpelling.docComment($0.header.documentation) },
        "hasDocumentation": { !$0.header.documentation.isEmpty },
        "isFirst": { $0.position.first },
        "isLast": { $0.position.last },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}

/// One status an operation accepts as success (`successStatuses`): a code, or a range such as `2XX`.
final class SuccessStatusView: ContextObject, @unchecked Sendable {
    let status: String
    let position: ContextPosition

    init(status: String, position: ContextPosition) {
        self.status = status
        self.position = position
    }

    private var lowerBound: Int? {
        Int(status) == nil ? (status.first?.wholeNumberValue ?? 2) * 100 : nil
    }

    static let members = ContextMembers<SuccessStatusView>("successStatus", [
        "status": { $0.status },
        "isRange": { Int($0.status) == nil },
        "code": { Int($0.status) ?? 0 },
        "lowerBound": { $0.lowerBound ?? 0 },
        "upperBound": { $0.lowerBound.map { $0 + 100 } ?? 0 },
        "isFirst": { $0.position.first },
        "isLast": { $0.position.last },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}
