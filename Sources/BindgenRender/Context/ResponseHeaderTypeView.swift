import BindgenIR

/// One generated response headers type (`responseHeaderTypes` of the document): a set of headers and the methods
/// whose success responses declare it.
final class ResponseHeaderTypeView: ContextObject, @unchecked Sendable {
    let context: TemplateContext
    let type: RenderModel.ResponseHeaderType
    let position: ContextPosition

    init(context: TemplateContext, type: RenderModel.ResponseHeaderType, position: ContextPosition) {
        self.context = context
        self.type = type
        self.position = position
    }

    static let members = ContextMembers<ResponseHeaderTypeView>("responseHeaderType", [
        "name": { SwiftSpelling.identifier($0.type.name) },
        "responseHeaders": { view in
            let (context, headers) = (view.context, view.type.headers)
            return ContextList.positioned(count: headers.count) { ResponseHeaderView(context: context, header: headers[$0], position: $1) }
        },
        "methodNames": { view in view.type.operations.map { SwiftSpelling.identifier(view.context.model.operations[$0].swiftName) } },
        "isFirst": { $0.position.first },
        "isLast": { $0.position.last },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}
