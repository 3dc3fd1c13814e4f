import BindgenIR

/// The tag scope: one tag used by an operation, in order of first use, with its operations (the same operation
/// views as the document's, `isFirst`/`isLast` counted within the tag). Operations without tags are in no tag.
final class TagView: ContextObject, @unchecked Sendable {
    let context: TemplateContext
    let group: RenderModel.Tag
    let position: ContextPosition

    init(context: TemplateContext, group: RenderModel.Tag, position: ContextPosition) {
        self.context = context
        self.group = group
        self.position = position
    }

    static let members = ContextMembers<TagView>("tag", [
        "name": { $0.group.name },
        "nameLiteral": { SwiftSpelling.stringLiteral($0.group.name) },
        "nameText": { SwiftSpelling.singleLine($0.group.name) },
        "typeName": { SwiftSpelling.identifier($0.group.typeName) },
        "memberName": { SwiftSpelling.identifier($0.group.memberName) },
        "operations": { view in
            let (context, members) = (view.context, view.group.operations)
            return ContextList.positioned(count: members.count) { index, position in
                OperationView(context: context, operation: context.model.operations[members[index]], position: position)
            }
        },
        "operationCount": { $0.group.operations.count },
        "isFirst": { $0.position.first },
        "isLast": { $0.position.last },
    ])

    override func value(_ key: ContextKey) -> Any? { Self.members.value(of: self, at: key) }
    override var keyNames: [String] { Self.members.names }
}
